"""The cycle's row rules: who may write a stakeholder submission, who is shown as its party (consent),
and what deleting a review does to the rows other domains hang on it (its recommendations). The role
grants themselves are in `api.auth.permissions`; the pseudonym rule is `api.auth.policy.display_name`."""

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from sqlalchemy import false
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden
from api.cycle.models import PartyConsent, Review, SubmissionParty, SubmissionRole


class SubmissionNotOwnState(Forbidden):
    slug, title = "submission-not-own-state", "Not your state"


class SubmissionNotSignatory(Forbidden):
    slug, title = "submission-not-signatory", "Not a signatory"


class ReviewHasRecommendations(Conflict):
    slug, title = "review-has-recommendations", "Review has recommendations"


class ReviewForceNotAdmin(Forbidden):
    slug, title = "review-force-not-admin", "Only an admin may force"


def require_submission_write(principal: Principal, review: Review) -> None:
    """Submissions are public, so a review of another state is a 403 (`submission-not-own-state`),
    not a 404."""
    if not principal.may(Permission.submissions_write, state_code=review.state_code):
        raise SubmissionNotOwnState(
            f"You may write submissions for reviews of {principal.state_code} only "
            f"(review {review.id} is of {review.state_code})."
        )


SIGNING_ROLES = frozenset({SubmissionRole.author, SubmissionRole.co_signer})


class Party(Protocol):
    @property
    def organisation_id(self) -> int | None: ...

    @property
    def role(self) -> SubmissionRole: ...

    @property
    def consent(self) -> PartyConsent: ...


PartyT = TypeVar("PartyT", bound=Party)


def consent_when_named(principal: Principal, organisation_id: int | None) -> PartyConsent:
    """Naming another organisation (in any role: being shown as an author without consent exposes it
    as much as co-signing) invites it; it is shown once it accepts. Nobody has to ask the caller's own
    organisation. Admins ask too: consent is the organisation's, whoever names it.

    A party named without an organisation is pending too (shown to the signatories only) unless an
    admin names it: a typed name that is a registered organisation's name becomes an invitation to it
    (`submissions_service._parties`), and if a name matching nothing were shown at once, a writer would
    learn which names are registered (a pseudonymous CSO's real name among them) by seeing whether its
    party is shown. Admins see every real name, so there is nothing to learn: an admin vouches for a
    name that matches no organisation (naming it again, in a PATCH, shows it)."""
    if organisation_id is None:
        return PartyConsent.accepted if principal.is_admin else PartyConsent.invited
    if organisation_id == principal.organisation_id:
        return PartyConsent.accepted
    return PartyConsent.invited


def shown(party: Party) -> bool:
    """A party is shown (reads, lists, filters, `is_joint`, who may write) only once accepted."""
    return party.consent is PartyConsent.accepted


def shown_party_clause() -> ColumnElement[bool]:
    """`shown` in SQL, for filters by party."""
    return col(SubmissionParty.consent) == PartyConsent.accepted


def signatories(parties: Iterable[Party]) -> set[int]:
    """The organisations that may write the submission: accepted authors and co-signers."""
    return {p.organisation_id for p in parties if shown(p) and p.role in SIGNING_ROLES and p.organisation_id}


def visible_parties(principal: Principal, parties: Sequence[PartyT]) -> list[PartyT]:
    """Accepted parties, for everyone. Invited and declined ones too for the submission's signatories
    (they replace the parties, so they see what they replace: "pending", "declined") and admins; an
    invited organisation sees its own invitation, never another's."""
    if principal.is_admin or principal.organisation_id in signatories(parties):
        return list(parties)
    own = principal.organisation_id
    return [p for p in parties if shown(p) or (own is not None and p.organisation_id == own)]


def answerable_invitations_clause(principal: Principal) -> ColumnElement[bool]:
    """Which parties' consent the caller answers: its own organisation's (another's is a 404, as
    another organisation's service tokens are); admins answer for any organisation that asks them. A
    party without an organisation has nobody to answer for it."""
    linked = col(SubmissionParty.organisation_id).is_not(None)
    if principal.is_admin:
        return linked
    if principal.organisation_id is None:
        return false()
    return col(SubmissionParty.organisation_id) == principal.organisation_id


def require_signatory(principal: Principal, parties: Iterable[Party]) -> None:
    """NHRIs and CSOs write only submissions their own organisation authored or co-signed (and, named
    by another, accepted): the baseline rule that nobody edits someone else's material (admins
    excepted). Checked against the stored parties and again against new ones, so nobody writes
    themselves out of a submission."""
    if principal.is_admin:
        return
    if principal.organisation_id not in signatories(parties):
        raise SubmissionNotSignatory(
            "Only an organisation that authored or co-signed a submission may record or change it "
            "(link your organisation among its parties)."
        )


def is_joint(parties: Sequence[Party]) -> bool:
    """Several authors, or any co-signer, among the parties shown."""
    authors = sum(p.role == SubmissionRole.author for p in parties if shown(p))
    return authors > 1 or any(p.role == SubmissionRole.co_signer for p in parties if shown(p))


class ReviewDependent(Protocol):
    """Rows another domain hangs on reviews (the recommendations, with their positions). That domain
    registers one (`register_review_dependent`), so the cycle side counts and deletes them without
    importing it."""

    noun: str  # how a refusal names them: "recommendations"

    def count(self, session: Session, review_ids: Sequence[int]) -> dict[int, int]:
        """How many rows each review has (a review without any may be absent)."""
        ...

    def describe(self, count: int) -> str:
        """`count` of them and what deleting them takes along, for a refusal."""
        ...

    def refuse_delete(self, session: Session, review_id: int) -> None:
        """Raise the owning domain's own Problem when its rules forbid deleting the review's rows."""
        ...

    def delete(self, session: Session, review_id: int) -> None:
        """Delete the review's rows, children first, row by row so each is audited."""
        ...


_review_dependents: list[ReviewDependent] = []


def register_review_dependent(dependent: ReviewDependent) -> None:
    if dependent not in _review_dependents:
        _review_dependents.append(dependent)


class SubmissionDependent(Protocol):
    """Rows another domain links to stakeholder submissions (a coalition's brief citing one). Deleting a
    submission takes its links along, through the ORM so each is audited; a refusal would tell the
    submission's author that some other domain's (perhaps private) row cites it."""

    def delete(self, session: Session, submission_ids: Sequence[int]) -> None:
        """Delete the rows linking to these submissions, row by row."""
        ...


_submission_dependents: list[SubmissionDependent] = []


def register_submission_dependent(dependent: SubmissionDependent) -> None:
    if dependent not in _submission_dependents:
        _submission_dependents.append(dependent)


def delete_submission_dependents(session: Session, submission_ids: Sequence[int]) -> None:
    """Before the submissions themselves go (a deleted submission, or those of a deleted review)."""
    if submission_ids:
        for dependent in _submission_dependents:
            dependent.delete(session, submission_ids)


def count_review_dependents(session: Session, review_ids: Sequence[int], noun: str) -> dict[int, int]:
    """How many `noun` rows (as registered: "recommendations" for `ReviewRead.recommendation_count`)
    each review has."""
    totals: dict[int, int] = {}
    for dependent in _review_dependents:
        if dependent.noun == noun:
            for review_id, count in dependent.count(session, review_ids).items():
                totals[review_id] = totals.get(review_id, 0) + count
    return totals


def dependents_to_delete(
    session: Session, principal: Principal, review_id: int, *, force: bool
) -> list[ReviewDependent]:
    """What deleting review `review_id` takes along, once every rule has let it. A review's
    recommendations carry positions and are what trackers follow: deleting them is refused (409
    `review-has-recommendations`) unless forced, and only an admin may force (403
    `review-force-not-admin`); even then, each owning domain's own rule may refuse (a tracked
    recommendation is never deleted). All refusals come before any row is deleted."""
    present = [(d, n) for d in _review_dependents if (n := d.count(session, [review_id]).get(review_id, 0))]
    if not present:
        return []
    if not force:
        raise ReviewHasRecommendations(
            f"Review {review_id} has {'; '.join(d.describe(n) for d, n in present)}. "
            "An admin may force this with ?force=true."
        )
    if not principal.is_admin:
        raise ReviewForceNotAdmin(
            f"Only an admin may force the deletion of a review with {' or '.join(d.noun for d, _ in present)}."
        )
    for dependent, _ in present:
        dependent.refuse_delete(session, review_id)
    return [d for d, _ in present]
