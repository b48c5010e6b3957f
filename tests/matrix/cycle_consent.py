"""Matrix scenarios for consent to be named on a submission: the invitations of the caller's
organisation, and its answers. A party is its organisation's own row: another state's organisation's
invitation is a 404 to anyone but an admin."""

from api.auth.permissions import Role
from api.core.types import utcnow
from api.cycle.models import PartyConsent, SubmissionParty, SubmissionRole
from tests.factories import World
from tests.matrix.base import Call, Scenario, _role, world_session


def _invitation(w: World, r: Role, s: str) -> str:
    """A fresh invitation, to the organisation of the caller's role in state `s`, to co-sign a
    submission of that state (one its organisation did not author), committed as if an earlier
    request had written it."""
    role = _role(r)
    submission = w.cycle.nhri_submissions[s] if role is Role.cso else w.cycle.submissions[s]
    organisation = w.org(role, s)
    assert submission.id is not None
    party = SubmissionParty(
        submission_id=submission.id,
        name=organisation.name,
        organisation_id=organisation.id,
        role=SubmissionRole.co_signer,
        consent=PartyConsent.invited,
        invited_by_organisation_id=w.org(Role.nhri if role is Role.cso else Role.cso, s).id,
        invited_at=utcnow(),
    )
    session = world_session(submission)
    session.add(party)
    session.commit()
    party_id = party.id
    session.expunge(party)
    return f"/submissions/{submission.id}/parties/{party_id}"


_PARTY_ROW = {"targets_row": True, "row_is_public": False}

CYCLE_CONSENT: dict[tuple[str, str], Scenario] = {
    ("GET", "/submissions/invitations"): Scenario(lambda w, r, s: Call("/submissions/invitations")),
    ("POST", "/submissions/{submission_id}/parties/{party_id}/accept"): Scenario(
        lambda w, r, s: Call(f"{_invitation(w, r, s)}/accept"), **_PARTY_ROW
    ),
    ("POST", "/submissions/{submission_id}/parties/{party_id}/decline"): Scenario(
        lambda w, r, s: Call(f"{_invitation(w, r, s)}/decline"), **_PARTY_ROW
    ),
}
