"""Stakeholder submissions made for a review, with the organisations behind them.

CSOs face reprisals for what they tell the UN: every read, list and filter result shows a party
linked to an organisation under the name `api.auth.policy.display_name` allows the caller, and only
once that organisation consented to be named (`api.cycle.policy.visible_parties`); who may write
which submission is `api.cycle.policy`.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlmodel import Session, col, select

from api.auth.models import Organisation
from api.auth.policy import display_name, visible_organisations
from api.auth.principal import Principal
from api.core.errors import InvalidInput, NotFound
from api.core.lookup import get_or_404
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.core.updates import apply_changes
from api.cycle.models import PartyConsent, Review, Submission, SubmissionParty, SubmissionRole, SubmissionTheme
from api.cycle.policy import (
    answerable_invitations_clause,
    consent_when_named,
    delete_submission_dependents,
    is_joint,
    require_signatory,
    require_submission_write,
    shown_party_clause,
    visible_parties,
)
from api.cycle.reviews_service import delete_where
from api.cycle.schemas import (
    SubmissionCreate,
    SubmissionInvitationRead,
    SubmissionPartyRead,
    SubmissionPartyWrite,
    SubmissionRead,
    SubmissionUpdate,
)
from api.taxonomy.models import Theme
from api.taxonomy.schemas import ThemeRead


def _id(submission: Submission) -> int:
    assert submission.id is not None, "a stored submission has an id"
    return submission.id


def _masked(party: SubmissionParty, organisation: Organisation, principal: Principal) -> bool:
    """A pending party linked from a typed name the caller could not see the organisation under (a
    pseudonymous CSO's real name, a deactivated organisation's name): until the organisation accepts,
    it reads, to all but that organisation and admins, like a name matching nothing (as typed, no
    organisation, `invited` whatever the answer), so the typed name's answer is no oracle."""
    if party.consent is PartyConsent.accepted or principal.is_admin or principal.organisation_id == organisation.id:
        return False
    return not organisation.is_active or name_key(party.name) != name_key(display_name(principal, organisation))


def _party_read(party: SubmissionParty, organisation: Organisation | None, principal: Principal) -> SubmissionPartyRead:
    if organisation is not None and _masked(party, organisation, principal):
        return SubmissionPartyRead(name=party.name, organisation_id=None, role=party.role, consent=PartyConsent.invited)
    if organisation is None:
        name = party.name
    else:  # linked by id under its public name: its members and admins see its real name
        recorded = None if party.name == organisation.public_name else party.name
        name = display_name(principal, organisation, recorded_name=recorded)
    return SubmissionPartyRead(name=name, organisation_id=party.organisation_id, role=party.role, consent=party.consent)


def submission_reads(session: Session, principal: Principal, submissions: Sequence[Submission]) -> list[SubmissionRead]:
    """Read shapes for a page of submissions, in a fixed number of queries."""
    ids = [_id(s) for s in submissions]
    parties: dict[int, list[SubmissionParty]] = defaultdict(list)
    for party in session.exec(
        select(SubmissionParty)
        .where(col(SubmissionParty.submission_id).in_(ids))
        .order_by(col(SubmissionParty.submission_id), col(SubmissionParty.id))
    ):
        parties[party.submission_id].append(party)
    org_ids = {p.organisation_id for group in parties.values() for p in group if p.organisation_id is not None}
    organisations = {
        o.id: o for o in session.exec(select(Organisation).where(col(Organisation.id).in_(sorted(org_ids))))
    }
    themes: dict[int, list[ThemeRead]] = defaultdict(list)
    theme_rows = session.exec(
        select(SubmissionTheme.submission_id, Theme)
        .join(Theme, col(Theme.id) == col(SubmissionTheme.theme_id))
        .where(col(SubmissionTheme.submission_id).in_(ids))
        .order_by(col(SubmissionTheme.submission_id), col(Theme.name), col(Theme.id))
    )
    for submission_id, theme in theme_rows:
        themes[submission_id].append(ThemeRead.model_validate(theme))
    review_ids = sorted({s.review_id for s in submissions})
    reviews = {r.id: r for r in session.exec(select(Review).where(col(Review.id).in_(review_ids)))}
    return [
        SubmissionRead(
            id=_id(s),
            review_id=s.review_id,
            state_under_review=reviews[s.review_id].state_code,
            session=reviews[s.review_id].session_number,
            title=s.title,
            symbol=s.symbol,
            url=s.url,
            cited_in_summary=s.cited_in_summary,
            joint=is_joint(parties[_id(s)]),
            parties=[
                _party_read(p, organisations.get(p.organisation_id) if p.organisation_id else None, principal)
                for p in visible_parties(principal, parties[_id(s)])
            ],
            themes=themes[_id(s)],
            created_at=s.created_at,
        )
        for s in submissions
    ]


def submission_read(session: Session, principal: Principal, submission: Submission) -> SubmissionRead:
    return submission_reads(session, principal, [submission])[0]


def list_submissions(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    review_id: int | None = None,
    state_code: str | None = None,
    theme_id: int | None = None,
    organisation_id: int | None = None,
    cited_in_summary: bool | None = None,
) -> Page[SubmissionRead]:
    stmt = select(Submission)
    if review_id is not None:
        stmt = stmt.where(Submission.review_id == review_id)
    if state_code:
        of_state = select(Review.id).where(Review.state_code == state_code.upper())
        stmt = stmt.where(col(Submission.review_id).in_(of_state))
    if theme_id is not None:
        with_theme = select(SubmissionTheme.submission_id).where(SubmissionTheme.theme_id == theme_id)
        stmt = stmt.where(col(Submission.id).in_(with_theme))
    if organisation_id is not None:
        with_party = select(SubmissionParty.submission_id).where(
            SubmissionParty.organisation_id == organisation_id, shown_party_clause()
        )
        stmt = stmt.where(col(Submission.id).in_(with_party))
    if cited_in_summary is not None:
        stmt = stmt.where(Submission.cited_in_summary == cited_in_summary)
    page = paginate(session, stmt, params, [Sort(Submission.id)])
    return Page[Any](
        items=submission_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_submission(session: Session, submission_id: int, *, for_update: bool = False) -> Submission:
    """`for_update` locks the row (PostgreSQL) so an If-Match check and the write cannot interleave."""
    return get_or_404(session, Submission, submission_id, "Submission", for_update=for_update)


def _writable_review(session: Session, principal: Principal, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise InvalidInput(f"Review {review_id} does not exist.", field="review_id")
    require_submission_write(principal, review)
    return review


def _stored_parties(session: Session, submission: Submission) -> list[SubmissionParty]:
    return list(session.exec(select(SubmissionParty).where(SubmissionParty.submission_id == submission.id)))


def _check_themes(session: Session, theme_ids: list[int]) -> None:
    known = set(session.exec(select(Theme.id).where(col(Theme.id).in_(theme_ids))))
    if unknown := [t for t in theme_ids if t not in known]:
        raise InvalidInput(f"Unknown theme id(s): {', '.join(map(str, unknown))}.", field="themes")


def name_key(name: str) -> str:
    """A name as matched against organisations' names: case, width, punctuation and spacing ignored
    ("Roma-Defenders." is "roma defenders")."""
    return "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c.isalnum())


class NewParty(NamedTuple):
    """A party as written, its organisation resolved and its consent decided
    (`_with_stored_consent`); stored once the submission has an id."""

    name: str
    organisation_id: int | None
    role: SubmissionRole
    consent: PartyConsent


def _parties(session: Session, principal: Principal, parties: list[SubmissionPartyWrite]) -> list[NewParty]:
    """Resolve the parties' organisations.

    A party linked by id records its organisation's public name (so a pending one, read by another
    signatory, never carries a real name it may not see; `_party_read` shows real names to whom may
    see them). A typed name that is any organisation's real or public
    name (`name_key`) is an invitation to that organisation, whatever the caller may see: a typed
    real name of a pseudonymous CSO is never shown without its consent. The typed name is kept, and
    while the invitation is pending the party reads like a name matching nothing (`_masked`,
    `consent_when_named`), so the answer confirms no guess. A typed name matching an organisation
    already among the parties stays a name (a 422 would confirm the match). Ids of organisations the
    caller cannot see (deactivated ones) are unknown, with the same 422 as ids that do not exist."""
    linked = {p.organisation_id for p in parties if p.organisation_id is not None}
    visible_to_caller = select(Organisation).where(visible_organisations(principal))
    visible = {o.id: o for o in session.exec(visible_to_caller.where(col(Organisation.id).in_(sorted(linked))))}
    if unknown := sorted(linked - visible.keys()):
        raise InvalidInput(
            f"Unknown organisation id(s) among the parties: {', '.join(map(str, unknown))}.", field="parties"
        )
    named: dict[str, Organisation] = {}
    for o in session.exec(select(Organisation).order_by(col(Organisation.id))):
        for key in {name_key(o.name), name_key(o.public_name or "")} - {""}:
            named.setdefault(key, o)
    taken: set[int | None] = set(linked)
    rows: list[NewParty] = []
    for party in parties:
        if party.organisation_id is not None:
            organisation = visible[party.organisation_id]
            consent = consent_when_named(principal, organisation.id)
            shown_as = organisation.public_name or organisation.name
            rows.append(NewParty(shown_as, organisation.id, party.role, consent))
            continue
        assert party.name is not None, "SubmissionPartyWrite names a party without an organisation"
        typed = party.name.strip()
        match = named.get(name_key(typed))
        seen = (
            match is not None
            and (match.is_active or principal.is_admin)
            and name_key(typed) == name_key(display_name(principal, match))
        )
        if match is not None and seen and match.id in taken:  # no secret: the caller may name it
            raise InvalidInput(f"Organisation {match.id} appears more than once among the parties.", field="parties")
        if match is not None and match.id not in taken:
            taken.add(match.id)
            recorded = (match.public_name or match.name) if seen else typed
            rows.append(NewParty(recorded, match.id, party.role, consent_when_named(principal, match.id)))
        else:
            rows.append(NewParty(typed, None, party.role, consent_when_named(principal, None)))
    return rows


def _with_stored_consent(parties: list[NewParty], stored: list[SubmissionParty]) -> list[NewParty]:
    """A replaced list keeps each organisation's answer while it keeps its role: a declined
    organisation listed again stays declined (no new invitation to press it), an accepted one stays
    shown. A new role is a new question (consenting to endorse is not consenting to author)."""
    answered: dict[tuple[object, ...], PartyConsent] = {(*_party_key(p), p.role): p.consent for p in stored}
    return [
        p._replace(consent=answered.get((*_party_key(p), p.role), p.consent))
        if p.consent is PartyConsent.invited
        else p
        for p in parties
    ]


def _party_key(party: SubmissionParty | NewParty) -> tuple[object, ...]:
    return (party.organisation_id,) if party.organisation_id is not None else (None, party.name, party.role)


def _store_parties(session: Session, principal: Principal, submission: Submission, parties: list[NewParty]) -> None:
    """Replace the parties row by row: a party that stays keeps its row (and its invitation's who and
    when), so a PATCH neither re-invites nor loses an answer; one that goes is deleted."""
    stored: dict[tuple[object, ...], list[SubmissionParty]] = defaultdict(list)
    for party in _stored_parties(session, submission):
        stored[_party_key(party)].append(party)
    for new in parties:
        same = stored.get(_party_key(new))
        row = same.pop(0) if same else None
        if row is None:
            row = SubmissionParty(
                submission_id=_id(submission), name=new.name, organisation_id=new.organisation_id, role=new.role
            )
        reinvited = new.consent is PartyConsent.invited and (
            row.id is None or row.consent is not PartyConsent.invited or row.role != new.role
        )
        row.name, row.role, row.consent = new.name, new.role, new.consent
        if reinvited:
            row.invited_by_organisation_id, row.invited_at, row.decided_at = principal.organisation_id, utcnow(), None
        session.add(row)
    for gone in (p for group in stored.values() for p in group):
        session.delete(gone)


def _replace_children(
    session: Session,
    principal: Principal,
    submission: Submission,
    parties: list[NewParty] | None,
    themes: list[int] | None,
) -> None:
    if parties is not None:
        _store_parties(session, principal, submission, parties)
    if themes is not None:
        current = {
            t.theme_id: t
            for t in session.exec(select(SubmissionTheme).where(SubmissionTheme.submission_id == submission.id))
        }
        for theme_id, row in current.items():
            if theme_id not in themes:
                session.delete(row)
        session.add_all(SubmissionTheme(submission_id=_id(submission), theme_id=t) for t in themes if t not in current)
    session.flush()


def create_submission(session: Session, principal: Principal, data: SubmissionCreate) -> Submission:
    _writable_review(session, principal, data.review_id)
    _check_themes(session, data.themes)
    parties = _parties(session, principal, data.parties)
    require_signatory(principal, parties)
    submission = Submission(
        review_id=data.review_id,
        title=data.title,
        symbol=data.symbol,
        url=data.url,
        cited_in_summary=data.cited_in_summary,
    )
    session.add(submission)
    session.flush()
    _replace_children(session, principal, submission, parties, data.themes)
    return submission


def update_submission(
    session: Session, principal: Principal, submission: Submission, data: SubmissionUpdate
) -> Submission:
    """`submission` as `get_submission(..., for_update=True)` loaded it."""
    _writable_review(session, principal, submission.review_id)
    stored = _stored_parties(session, submission)
    require_signatory(principal, stored)
    if data.review_id is not None:
        _writable_review(session, principal, data.review_id)
    if data.themes is not None:
        _check_themes(session, data.themes)
    parties = None
    if data.parties is not None:
        parties = _with_stored_consent(_parties(session, principal, data.parties), stored)
        require_signatory(principal, parties)
    apply_changes(submission, data, exclude={"parties", "themes"})
    session.add(submission)
    session.flush()
    _replace_children(session, principal, submission, parties, data.themes)
    return submission


def delete_submission(session: Session, principal: Principal, submission_id: int) -> None:
    submission = get_submission(session, submission_id)
    _writable_review(session, principal, submission.review_id)
    require_signatory(principal, _stored_parties(session, submission))
    delete_submission_dependents(session, [submission.id or 0])
    delete_where(session, SubmissionParty, col(SubmissionParty.submission_id) == submission.id)
    delete_where(session, SubmissionTheme, col(SubmissionTheme.submission_id) == submission.id)
    session.delete(submission)
    session.flush()


def list_invitations(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    consent: PartyConsent | None = None,
    submission_id: int | None = None,
) -> Page[SubmissionInvitationRead]:
    """The parties naming the caller's organisation (admins: every organisation's), newest first:
    invitations to answer, and answers it may change."""
    stmt = select(SubmissionParty).where(answerable_invitations_clause(principal))
    if consent is not None:
        stmt = stmt.where(SubmissionParty.consent == consent)
    if submission_id is not None:
        stmt = stmt.where(SubmissionParty.submission_id == submission_id)
    page = paginate(session, stmt, params, [Sort(SubmissionParty.id, descending=True)])
    return Page[Any](
        items=_invitation_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def _invitation_reads(
    session: Session, principal: Principal, parties: Sequence[SubmissionParty]
) -> list[SubmissionInvitationRead]:
    submissions = session.exec(select(Submission).where(col(Submission.id).in_({p.submission_id for p in parties})))
    reads = {r.id: r for r in submission_reads(session, principal, list(submissions))}
    inviter_ids = {p.invited_by_organisation_id for p in parties if p.invited_by_organisation_id is not None}
    inviters = {o.id: o for o in session.exec(select(Organisation).where(col(Organisation.id).in_(inviter_ids)))}
    items = []
    for party in parties:
        assert party.id is not None and party.organisation_id is not None, "an answerable party is stored and linked"
        inviter = inviters.get(party.invited_by_organisation_id)
        items.append(
            SubmissionInvitationRead(
                party_id=party.id,
                organisation_id=party.organisation_id,
                role=party.role,
                consent=party.consent,
                invited_by=None if inviter is None else display_name(principal, inviter),
                invited_at=party.invited_at,
                decided_at=party.decided_at,
                submission=reads[party.submission_id],
            )
        )
    return items


def answer_invitation(
    session: Session, principal: Principal, submission_id: int, party_id: int, answer: PartyConsent
) -> SubmissionInvitationRead:
    """Accept or decline being named; idempotent, and an organisation may change its mind (a CSO
    must be able to take its name back from what endangers it). Another organisation's party is a 404."""
    party = session.exec(
        select(SubmissionParty)
        .where(
            SubmissionParty.id == party_id,
            SubmissionParty.submission_id == submission_id,
            answerable_invitations_clause(principal),
        )
        .with_for_update()
    ).first()
    if party is None:
        raise NotFound.entity("Party", f"{party_id} of submission {submission_id}")
    if party.consent is not answer:
        party.consent, party.decided_at = answer, utcnow()
        session.add(party)
        session.flush()
    return _invitation_reads(session, principal, [party])[0]
