"""The demo advocacy data `upr seed` loads: one coalition with a working group, an agreed brief with
asks, targets chosen from the states that recommended on its issue, an outreach log, the asks' uptake
suggestions and a reprisal incident — all private — and a CSO the coalition may still invite."""

import httpx
import pytest
from sqlmodel import Session, col, func, select

from api.advocacy import demo_ids
from api.advocacy.demo import INVITEE, ROMA, seed_demo_advocacy
from api.advocacy.models import (
    Brief,
    BriefStatus,
    BriefTarget,
    Coalition,
    CoalitionMember,
    MissionContact,
    Outreach,
    ProposedRecommendation,
    ReprisalIncident,
    UptakeMatch,
    UptakeStatus,
    WorkingGroup,
    WorkingGroupMember,
)
from api.auth.models import Organisation, OrganisationKind, User
from api.auth.security import create_access_token
from api.recommendations.models import Recommendation, RecommendingState
from api.seed import seed_demo_accounts, seed_reference_and_demo
from api.settings import Settings


@pytest.fixture
def demo(session: Session):
    seed_reference_and_demo(session)
    seed_demo_accounts(session)
    return seed_demo_advocacy(session)


def _count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_the_demo_holds_a_coalition_group_brief_targets_and_outreach_once(session: Session, demo) -> None:
    assert (demo.coalitions, demo.briefs, demo.targets, demo.outreach, demo.incidents) == (1, 1, 3, 2, 1)
    assert demo.matches == _count(session, UptakeMatch) >= 1
    assert _count(session, CoalitionMember) == 2 and _count(session, WorkingGroup) == 1
    assert _count(session, WorkingGroupMember) == 2 and _count(session, ProposedRecommendation) == 3
    brief = session.exec(select(Brief)).one()
    assert brief.status is BriefStatus.agreed and len(brief.questions) == 2
    again = seed_demo_advocacy(session)
    assert (again.coalitions, again.briefs, again.targets, again.outreach, again.matches, again.incidents) == ((0,) * 6)
    assert _count(session, Coalition) == 1 and _count(session, Outreach) == 2
    assert _count(session, ReprisalIncident) == 1
    assert len(session.exec(select(Organisation).where(Organisation.name == INVITEE)).all()) == 1


def test_the_rows_the_examples_name_have_their_fixed_ids(session: Session, demo) -> None:
    """The OpenAPI examples name these rows by the ids of api/advocacy/demo_ids.py (opaque ids otherwise)."""
    coalition = session.exec(select(Coalition)).one()
    brief = session.exec(select(Brief)).one()
    asks = session.exec(select(ProposedRecommendation).order_by(col(ProposedRecommendation.position))).all()
    assert (coalition.id, brief.working_group_id, brief.id) == (
        demo_ids.DEMO_COALITION_ID,
        demo_ids.DEMO_WORKING_GROUP_ID,
        demo_ids.DEMO_BRIEF_ID,
    )
    assert tuple(a.id for a in asks) == demo_ids.DEMO_ASK_IDS
    target = session.get_one(BriefTarget, demo_ids.DEMO_TARGET_ID)
    contact = session.get_one(MissionContact, demo_ids.DEMO_CONTACT_ID)
    outreach = session.get_one(Outreach, demo_ids.DEMO_OUTREACH_ID)
    assert target.state_code == contact.state_code == outreach.state_code == demo_ids.DEMO_TARGET_STATE
    assert outreach.contact_id == contact.id and outreach.follow_up_done
    match = session.get_one(UptakeMatch, demo_ids.DEMO_MATCH_ID)
    assert match.proposed_recommendation_id == asks[0].id
    # Sequential ids (organisations) match the examples' on a fresh seed only: tests/contracts/
    # test_examples_on_demo.py checks those; here, that the incident is the demo CSO's.
    recorder = session.get_one(
        Organisation, session.get_one(ReprisalIncident, demo_ids.DEMO_INCIDENT_ID).organisation_id
    )
    assert recorder.id == coalition.created_by_organisation_id and recorder.kind is OrganisationKind.cso


def test_the_first_asks_best_suggestion_is_the_water_recommendation(session: Session, demo) -> None:
    """Suggested, not decided, and the recommendation the examples confirm by hand (122.137) is not among the
    first ask's suggestions: `POST /advocacy/uptake-matches` with it is not a 409."""
    match = session.get_one(UptakeMatch, demo_ids.DEMO_MATCH_ID)
    assert match.status is UptakeStatus.suggested and match.decided_at is None
    assert 0.2 <= match.similarity <= 1
    recommendation = session.get_one(Recommendation, match.recommendation_id)
    assert "drinking water and sanitation" in recommendation.text
    first_ask = session.exec(
        select(UptakeMatch.recommendation_id).where(UptakeMatch.proposed_recommendation_id == demo_ids.DEMO_ASK_IDS[0])
    ).all()
    missed = session.exec(select(Recommendation).where(Recommendation.paragraph == "122.137")).one()
    assert missed.id not in first_ask
    assert all(m.status is UptakeStatus.suggested for m in session.exec(select(UptakeMatch)))


def test_the_demo_incident_is_the_cso_s_own_and_not_shared(session: Session, demo) -> None:
    incident = session.exec(select(ReprisalIncident)).one()
    cso = session.get_one(Organisation, incident.organisation_id)
    assert cso.kind is OrganisationKind.cso and incident.state_code == "SVN"
    assert not incident.shared_with_nhri and not incident.reported_to_un
    assert incident.description.startswith("Demo data, illustrative only:")


def test_the_invitee_is_an_active_slovenian_cso_outside_the_coalition(session: Session, demo) -> None:
    """What the member invitation example invites: the coalition's invitation rules accept it."""
    invitee = session.exec(select(Organisation).where(Organisation.name == INVITEE)).one()
    assert invitee.kind is OrganisationKind.cso and invitee.is_active and invitee.state_code == "SVN"
    assert invitee.id not in set(session.exec(select(CoalitionMember.organisation_id)))


def test_the_demo_targets_made_the_reviews_roma_recommendations(session: Session, demo) -> None:
    """Each target recommended on Roma rights to Slovenia in 2019, and its reason says how often."""
    targets = session.exec(select(BriefTarget)).all()
    for target in targets:
        made = session.exec(
            select(func.count())
            .select_from(RecommendingState)
            .join(Recommendation, col(Recommendation.id) == col(RecommendingState.recommendation_id))
            .where(RecommendingState.state_code == target.state_code, col(Recommendation.paragraph).in_(ROMA))
        ).one()
        assert made >= 1
        assert f"made {made} of Slovenia's 2019 recommendations on Roma rights" in target.reason


async def _get(
    client: httpx.AsyncClient, session: Session, settings: Settings, email: str | None, path: str
) -> httpx.Response:
    headers = {}
    if email is not None:
        user = session.exec(select(User).where(User.email == email)).one()
        assert user.id is not None
        token, _ = create_access_token(user.id, settings)
        headers = {"Authorization": f"Bearer {token}"}
    return await client.get(path, headers=headers)


async def test_the_demo_brief_is_the_coalitions_only(
    client: httpx.AsyncClient, session: Session, settings: Settings, demo
) -> None:
    brief = session.exec(select(Brief)).one()
    for email in ("cso@demo.upr-tracker.org", "nhri@demo.upr-tracker.org"):
        assert (await _get(client, session, settings, email, f"/advocacy/briefs/{brief.id}")).status_code == 200
    outsiders: tuple[str | None, ...] = (None, "government@demo.upr-tracker.org", "un@demo.upr-tracker.org")
    for outsider in outsiders:
        assert (await _get(client, session, settings, outsider, f"/advocacy/briefs/{brief.id}")).status_code == 404
