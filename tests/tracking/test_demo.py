"""The demo tracking data `upr seed` loads: two action clusters with indicators, milestones and
side-by-side assessments, one of them confidential."""

import pytest
from sqlmodel import Session, func, select

from api.auth.models import User
from api.auth.security import create_access_token
from api.seed import seed_demo_accounts, seed_reference_and_demo
from api.tracking.demo import seed_demo_tracking
from api.tracking.models import Action, Assessment, Visibility


@pytest.fixture
def demo(session: Session):
    seed_reference_and_demo(session)
    seed_demo_accounts(session)
    return seed_demo_tracking(session)


def test_the_demo_answers_two_clusters_and_seeding_again_adds_nothing(session: Session, demo):
    assert (demo.actions, demo.assessments) == (2, 13)
    assert session.scalar(select(func.count()).select_from(Action)) == 2
    again = seed_demo_tracking(session)
    assert (again.actions, again.assessments) == (0, 0)
    assert session.scalar(select(func.count()).select_from(Assessment)) == 13


async def test_the_demo_matrix_hides_the_confidential_assessment_from_the_public(client, session, demo, settings):
    public = (await client.get("/tracking/matrix", params={"state": "SVN", "limit": 500})).json()
    lights = [a for row in public["items"] for a in row["assessments"]]
    assert len(lights) == 12 and {a["organisation"]["name"] for a in lights if a["organisation"]["kind"] == "cso"} == {
        "Coalition A"
    }
    nhri = session.exec(select(User).where(User.email == "nhri@demo.upr-tracker.org")).one()
    token, _ = create_access_token(nhri.id, settings)
    seen = (
        await client.get(
            "/tracking/matrix", params={"state": "SVN", "limit": 500}, headers={"Authorization": f"Bearer {token}"}
        )
    ).json()
    confidential = session.exec(select(Assessment).where(Assessment.visibility == Visibility.confidential)).one()
    assert confidential.id in {a["assessment_id"] for row in seen["items"] for a in row["assessments"]}
    assert confidential.id not in {a["assessment_id"] for a in lights}
    board = (await client.get("/tracking/dashboard", params={"state": "SVN"})).json()
    assert board["actions_by_status"] == {"in_progress": 1, "planned": 1}
    assert board["recommendations_with_actions"] == 15


def test_the_sample_measurements_name_the_demo_indicators(session: Session, demo):
    """`clients/examples/measurements.csv` (the README's example) names indicators `make run` creates: the
    demo's ids are fixed, and opaque like every plan row's (api/core/ids.py)."""
    import csv
    from pathlib import Path

    from sqlmodel import select

    from api.core import ids
    from api.tracking.models import Indicator

    sample = Path(__file__).parents[2] / "clients/examples/measurements.csv"
    named = {int(row["indicator_id"]) for row in csv.DictReader(sample.open(encoding="utf-8"))}
    demo_ids = set(session.exec(select(Indicator.id).where(Indicator.state_code == "SVN")))
    assert named and named <= demo_ids
    assert all(ids.LOWEST <= i <= ids.HIGHEST for i in named)
