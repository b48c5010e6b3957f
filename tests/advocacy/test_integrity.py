"""What advocacy rows do to deletes of the cycle's rows (a cited submission goes with its links; a review
with briefs is refused by name), DOCX exports of text XML cannot hold, the audit log forgetting mission
contacts and what outreach heard, and outreach dates before the UPR began."""

import io
from datetime import date

import docx
import httpx
import pytest
from sqlmodel import Session, select

from api.advocacy.briefs.docx_export import DOCX_TYPE
from api.advocacy.models import (
    Brief,
    BriefSubmission,
    Coalition,
    MissionContact,
    Outreach,
    ProposedRecommendation,
    WorkingGroup,
)
from api.advocacy.outreach.schemas import OutreachCreate, OutreachUpdate
from api.audit.listener import REDACTED
from api.audit.models import AuditAction
from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.core import clock
from api.core.types import ALSO_CHECKED
from api.cycle.models import Review, Submission, SubmissionRole
from api.settings import Settings
from tests.cycle.helpers import add_submission, audit, problem
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation, create_user
from tests.helpers import patch_after_read

# --- deleting a submission a brief cites -----------------------------------------------------------


async def test_an_outsider_deletes_its_submission_a_private_brief_cites(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    outsider = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Outsider CSO")
    outsider_headers = bearer(create_access_token(create_user(session, outsider).id or 0, settings)[0])
    review_id = w.cycle.reviews[OWN_STATE].id or 0
    submission = add_submission(
        session, review_id, "On Roma housing", parties=(("Outsider CSO", outsider.id, SubmissionRole.author),)
    )
    draft = w.advocacy.drafts[OWN_STATE]
    member = w.headers("cso", settings)
    linked = await patch_after_read(
        client, f"/advocacy/briefs/{draft.id}", headers=member, json={"submissions": [submission.id]}
    )
    assert linked.status_code == 200, linked.text
    assert [s["id"] for s in linked.json()["submissions"]] == [submission.id]
    before = linked.headers["etag"]

    response = await client.delete(f"/submissions/{submission.id}", headers=outsider_headers)
    assert response.status_code == 204, response.text

    read = await client.get(f"/advocacy/briefs/{draft.id}", headers=member)
    assert read.status_code == 200 and read.json()["submissions"] == []
    assert read.headers["etag"] != before
    assert session.get(Submission, submission.id) is None
    assert audit(session, "brief_submission", AuditAction.delete, f"{draft.id}:{submission.id}")
    assert not session.exec(select(BriefSubmission).where(BriefSubmission.submission_id == submission.id)).all()


# --- deleting a review with briefs -----------------------------------------------------------------


async def test_a_review_with_briefs_is_not_deleted_even_forced(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    review = w.cycle.reviews[OWN_STATE]
    admin = w.headers("admin", settings)
    briefs = session.exec(select(Brief).where(Brief.review_id == review.id)).all()
    assert len(briefs) == 2

    forced = problem(
        await client.delete(f"/reviews/{review.id}?force=true", headers=admin), 409, slug="review-has-briefs"
    )
    assert "2 advocacy brief(s)" in forced["detail"]
    for brief in briefs:
        assert brief.title not in forced["detail"]

    plain = problem(await client.delete(f"/reviews/{review.id}", headers=admin), 409, slug="review-has-recommendations")
    assert "2 advocacy brief(s)" in plain["detail"] and "forcing does not" in plain["detail"]

    session.expire_all()
    assert session.get(Review, review.id) is not None
    assert len(session.exec(select(Brief).where(Brief.review_id == review.id)).all()) == 2


# --- DOCX of text XML cannot hold ------------------------------------------------------------------


async def test_the_docx_drops_characters_xml_cannot_hold(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    brief = w.advocacy.published[OWN_STATE]
    brief.title = "Segregated\x01 schooling\x0b"
    brief.questions = ["When\x1f will separate classes end?"]
    brief.issues = "Roma children\x08 are placed in separate classes.\n\nTabs\tstay."
    coalition = session.get_one(Coalition, w.advocacy.coalitions[OWN_STATE].id)
    coalition.name = "Coalition\x02 for UPR"
    group = session.get_one(WorkingGroup, w.advocacy.working_groups[OWN_STATE].id)
    group.name = "Education\x1b group"
    session.add(ProposedRecommendation(brief_id=brief.id or 0, position=5, text="End\x0c segregation\ufffe by 2026."))
    session.add_all([brief, coalition, group])
    session.flush()

    response = await client.get(f"/advocacy/briefs/{brief.id}/export", headers={"Accept": DOCX_TYPE})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_TYPE
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "Segregated schooling" in texts and document.core_properties.title == "Segregated schooling"
    assert "When will separate classes end?" in texts
    assert "Roma children are placed in separate classes." in texts and "Tabs\tstay." in texts
    assert "End segregation by 2026." in texts
    assert any("Coalition for UPR · Education group" in t for t in texts)
    # the JSON export keeps what was stored
    stored = await client.get(f"/advocacy/briefs/{brief.id}/export")
    assert stored.json()["title"] == "Segregated\x01 schooling\x0b"


# --- the audit log forgets contacts and what outreach heard --------------------------------------


async def test_a_deleted_contact_does_not_live_on_in_the_audit_log(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    headers = w.headers("cso", settings)
    body = {
        "coalition_id": w.advocacy.coalitions[OWN_STATE].id,
        "state_code": OTHER_STATE,
        "mission": "Embassy in Ljubljana",
        "person": "Ana Horvat",
        "channel": "ana.horvat@example.org",
        "notes": "Met her at the pre-session; prefers Signal.",
    }
    created = await client.post("/advocacy/contacts", json=body, headers=headers)
    assert created.status_code == 201, created.text
    contact_id = created.json()["id"]
    changed = await patch_after_read(
        client, f"/advocacy/contacts/{contact_id}", headers=headers, json={"person": "Ana Novak"}
    )
    assert changed.status_code == 200, changed.text
    assert (await client.delete(f"/advocacy/contacts/{contact_id}", headers=headers)).status_code == 204
    assert session.get(MissionContact, contact_id) is None

    entries = [e for action in AuditAction for e in audit(session, "mission_contact", action, str(contact_id))]
    assert {e.action for e in entries} == {AuditAction.create, AuditAction.update, AuditAction.delete}
    logged = repr([e.changes for e in entries])
    for secret in ("Ana", "Horvat", "Novak", "example.org", "Signal"):
        assert secret not in logged
    deleted = next(e for e in entries if e.action is AuditAction.delete)
    assert deleted.changes["person"] == deleted.changes["channel"] == deleted.changes["notes"] == REDACTED
    assert deleted.changes["mission"] == "Embassy in Ljubljana"  # the rest is kept


async def test_the_audit_log_says_an_outreachs_attendees_and_outcome_changed_not_what_they_were(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    outreach = w.advocacy.outreach[OWN_STATE]
    headers = w.headers("cso", settings)
    changed = await patch_after_read(
        client,
        f"/advocacy/outreach/{outreach.id}",
        headers=headers,
        json={"attendees": "Minister Kovač in person", "outcome": "Promised to raise it privately."},
    )
    assert changed.status_code == 200, changed.text
    assert (await client.delete(f"/advocacy/outreach/{outreach.id}", headers=headers)).status_code == 204
    assert session.get(Outreach, outreach.id) is None
    update = audit(session, "outreach", AuditAction.update, str(outreach.id))
    delete = audit(session, "outreach", AuditAction.delete, str(outreach.id))
    assert update and delete
    content = [e.changes for e in update if "attendees" in e.changes]
    assert content and content[0]["attendees"] == content[0]["outcome"] == [REDACTED, REDACTED]
    assert delete[0].changes["attendees"] == delete[0].changes["outcome"] == REDACTED
    logged = repr([e.changes for e in [*update, *delete]])
    assert "Kovač" not in logged and "privately" not in logged


# --- outreach dates before the UPR -----------------------------------------------------------------


@pytest.fixture
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2019, 11, 1))


@pytest.mark.usefixtures("_today")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"held_on": "0001-01-01"}, "held_on"),
        ({"held_on": "2005-12-31", "follow_up_on": None}, "held_on"),
        ({"follow_up_on": "0001-01-01"}, "follow_up_on"),
    ],
)
async def test_outreach_dates_before_2006_are_refused(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, change: dict[str, object], field: str
) -> None:
    w = advocacy_world
    headers = w.headers("cso", settings)
    body = {
        "coalition_id": w.advocacy.coalitions[OWN_STATE].id,
        "state_code": OTHER_STATE,
        "kind": "meeting",
        "held_on": "2019-09-20",
        "follow_up_on": "2019-09-25",
    } | change
    problem(await client.post("/advocacy/outreach", json=body, headers=headers), 422, field, "2006-01-01")
    url = f"/advocacy/outreach/{w.advocacy.outreach[OWN_STATE].id}"
    problem(await patch_after_read(client, url, headers=headers, json=change), 422, field, "2006-01-01")


@pytest.mark.usefixtures("_today")
async def test_the_first_day_of_2006_is_allowed(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    body = {
        "coalition_id": w.advocacy.coalitions[OWN_STATE].id,
        "state_code": OTHER_STATE,
        "kind": "meeting",
        "held_on": "2006-01-01",
        "follow_up_on": "2006-01-01",
    }
    created = await client.post("/advocacy/outreach", json=body, headers=w.headers("cso", settings))
    assert created.status_code == 201, created.text
    assert (created.json()["held_on"], created.json()["follow_up_on"]) == ("2006-01-01", "2006-01-01")


def test_the_floor_is_documented() -> None:
    for model in (OutreachCreate, OutreachUpdate):
        properties = model.model_json_schema()["properties"]
        for field in ("held_on", "follow_up_on"):
            assert "2006-01-01" in properties[field][ALSO_CHECKED], (model, field)
