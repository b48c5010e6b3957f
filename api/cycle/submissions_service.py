"""Stakeholder submissions made for a review, with the organisations behind them.

CSOs face reprisals for what they tell the UN: a party linked to an organisation that publishes
under a public name (pseudonym) is shown under that name to everyone but admins and the
organisation's own members, in every read, list and filter result.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from api.auth.accounts import sees_real_name
from api.auth.models import Organisation
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.cycle.models import (
    Review,
    Submission,
    SubmissionCreate,
    SubmissionParty,
    SubmissionPartyRead,
    SubmissionPartyWrite,
    SubmissionRead,
    SubmissionRole,
    SubmissionTheme,
    SubmissionUpdate,
)
from api.cycle.reviews_service import delete_where
from api.errors import Forbidden, InvalidInput
from api.lookup import get_or_404
from api.pagination import Page, PageParams, Sort, paginate
from api.taxonomy.models import Theme, ThemeRead
from api.updates import apply_changes


def _party_read(party: SubmissionParty, organisation: Organisation | None, principal: Principal) -> SubmissionPartyRead:
    name = party.name
    if organisation is not None and organisation.public_name and not sees_real_name(principal, organisation):
        name = organisation.public_name
    return SubmissionPartyRead(name=name, organisation_id=party.organisation_id, role=party.role)


def _is_joint(parties: Sequence[SubmissionParty]) -> bool:
    authors = sum(p.role == SubmissionRole.author for p in parties)
    return authors > 1 or any(p.role == SubmissionRole.co_signer for p in parties)


def submission_reads(session: Session, principal: Principal, submissions: Sequence[Submission]) -> list[SubmissionRead]:
    """Read shapes for a page of submissions, in a fixed number of queries."""
    ids = [s.id for s in submissions]
    parties: dict[int, list[SubmissionParty]] = defaultdict(list)
    for party in session.exec(select(SubmissionParty).where(SubmissionParty.submission_id.in_(ids))
                              .order_by(SubmissionParty.submission_id, SubmissionParty.id)):
        parties[party.submission_id].append(party)
    org_ids = {p.organisation_id for group in parties.values() for p in group if p.organisation_id is not None}
    organisations = {o.id: o for o in session.exec(select(Organisation).where(Organisation.id.in_(sorted(org_ids))))}
    themes: dict[int, list[ThemeRead]] = defaultdict(list)
    theme_rows = session.exec(select(SubmissionTheme.submission_id, Theme)
                              .join(Theme, Theme.id == SubmissionTheme.theme_id)
                              .where(SubmissionTheme.submission_id.in_(ids))
                              .order_by(SubmissionTheme.submission_id, Theme.name, Theme.id))
    for submission_id, theme in theme_rows:
        themes[submission_id].append(ThemeRead.model_validate(theme))
    review_ids = sorted({s.review_id for s in submissions})
    reviews = {r.id: r for r in session.exec(select(Review).where(Review.id.in_(review_ids)))}
    return [
        SubmissionRead(
            id=s.id, review_id=s.review_id, state_under_review=reviews[s.review_id].state_code,
            session=reviews[s.review_id].session_number, title=s.title, symbol=s.symbol, url=s.url,
            cited_in_summary=s.cited_in_summary, joint=_is_joint(parties[s.id]),
            parties=[_party_read(p, organisations.get(p.organisation_id), principal) for p in parties[s.id]],
            themes=themes[s.id], created_at=s.created_at,
        )
        for s in submissions
    ]


def submission_read(session: Session, principal: Principal, submission: Submission) -> SubmissionRead:
    return submission_reads(session, principal, [submission])[0]


def list_submissions(session: Session, principal: Principal, params: PageParams, *, review_id: int | None = None,
                     state_code: str | None = None, theme_id: int | None = None, organisation_id: int | None = None,
                     cited_in_summary: bool | None = None) -> Page[SubmissionRead]:
    stmt = select(Submission)
    if review_id is not None:
        stmt = stmt.where(Submission.review_id == review_id)
    if state_code:
        stmt = stmt.where(Submission.review_id.in_(select(Review.id).where(Review.state_code == state_code.upper())))
    if theme_id is not None:
        stmt = stmt.where(Submission.id.in_(select(SubmissionTheme.submission_id)
                                            .where(SubmissionTheme.theme_id == theme_id)))
    if organisation_id is not None:
        stmt = stmt.where(Submission.id.in_(select(SubmissionParty.submission_id)
                                            .where(SubmissionParty.organisation_id == organisation_id)))
    if cited_in_summary is not None:
        stmt = stmt.where(Submission.cited_in_summary == cited_in_summary)
    page = paginate(session, stmt, params, [Sort(Submission.id)])
    return Page[Any](items=submission_reads(session, principal, page.items), total=page.total,
                     next_cursor=page.next_cursor)


def get_submission(session: Session, submission_id: int, *, for_update: bool = False) -> Submission:
    """`for_update` locks the row (PostgreSQL) so an If-Match check and the write cannot interleave."""
    return get_or_404(session, Submission, submission_id, "Submission", for_update=for_update)


def _writable_review(session: Session, principal: Principal, review_id: int) -> Review:
    """Submissions are public, so a review of another state is a 403, not a 404."""
    review = session.get(Review, review_id)
    if review is None:
        raise InvalidInput(f"Review {review_id} does not exist.", field="review_id")
    if not principal.may(Permission.submissions_write, state_code=review.state_code):
        raise Forbidden(f"You may write submissions for reviews of {principal.state_code} only "
                        f"(review {review.id} is of {review.state_code}).")
    return review


SIGNING_ROLES = frozenset({SubmissionRole.author, SubmissionRole.co_signer})


def _require_signatory(principal: Principal, parties: Sequence[SubmissionParty]) -> None:
    """NHRIs and CSOs write only submissions their own organisation authored or co-signed: the
    baseline rule that nobody edits someone else's material (admins excepted)."""
    if principal.is_admin:
        return
    if principal.organisation_id not in {p.organisation_id for p in parties if p.role in SIGNING_ROLES}:
        raise Forbidden("Only an organisation that authored or co-signed a submission may record or change it "
                        "(link your organisation among its parties).")


def _stored_parties(session: Session, submission: Submission) -> list[SubmissionParty]:
    return list(session.exec(select(SubmissionParty).where(SubmissionParty.submission_id == submission.id)))


def _check_themes(session: Session, theme_ids: list[int]) -> None:
    known = set(session.exec(select(Theme.id).where(Theme.id.in_(theme_ids))))
    if unknown := [t for t in theme_ids if t not in known]:
        raise InvalidInput(f"Unknown theme id(s): {', '.join(map(str, unknown))}.", field="themes")


def _folded(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split()).rstrip(".")


def _parties(session: Session, principal: Principal, parties: list[SubmissionPartyWrite]) -> list[SubmissionParty]:
    """Resolve the parties' organisations.

    A linked party always carries its organisation's name (shown under its pseudonym to outsiders),
    whatever name was typed. A typed name is linked to an organisation only when the caller could
    see that organisation under that name anyway (no pseudonym, or the caller's own, or an admin):
    otherwise the answer would confirm a guess at a pseudonymous CSO's real name. Organisations the
    caller cannot see (deactivated ones) are unknown, with the same 422 as ids that do not exist."""
    linked = {p.organisation_id for p in parties if p.organisation_id is not None}
    visible = {o.id: o for o in session.exec(select(Organisation).where(Organisation.id.in_(sorted(linked))))
               if o.is_active or principal.is_admin}
    if unknown := sorted(linked - visible.keys()):
        raise InvalidInput(f"Unknown organisation id(s) among the parties: {', '.join(map(str, unknown))}.",
                           field="parties")
    nameable = {_folded(o.name): o for o in session.exec(select(Organisation))
                if sees_real_name(principal, o) or (o.is_active and not o.public_name)}
    rows = []
    for party in parties:
        organisation = visible.get(party.organisation_id) or nameable.get(_folded(party.name or ""))
        if organisation is not None and organisation.id in {r.organisation_id for r in rows}:
            raise InvalidInput(f"Organisation {organisation.id} appears more than once among the parties.",
                               field="parties")
        name = organisation.name if organisation is not None else party.name.strip()
        rows.append(SubmissionParty(name=name, role=party.role, organisation_id=organisation.id if organisation
                                    else None))
    return rows


def _replace_children(session: Session, submission: Submission, parties: list[SubmissionParty] | None,
                      themes: list[int] | None) -> None:
    if parties is not None:
        delete_where(session, SubmissionParty, SubmissionParty.submission_id == submission.id)
        for party in parties:
            party.submission_id = submission.id
        session.add_all(parties)
    if themes is not None:
        current = {t.theme_id: t for t in session.exec(select(SubmissionTheme)
                                                       .where(SubmissionTheme.submission_id == submission.id))}
        for theme_id, row in current.items():
            if theme_id not in themes:
                session.delete(row)
        session.add_all(SubmissionTheme(submission_id=submission.id, theme_id=t) for t in themes if t not in current)
    session.flush()


def create_submission(session: Session, principal: Principal, data: SubmissionCreate) -> Submission:
    _writable_review(session, principal, data.review_id)
    _check_themes(session, data.themes)
    parties = _parties(session, principal, data.parties)
    _require_signatory(principal, parties)
    submission = Submission(review_id=data.review_id, title=data.title, symbol=data.symbol, url=data.url,
                            cited_in_summary=data.cited_in_summary)
    session.add(submission)
    session.flush()
    _replace_children(session, submission, parties, data.themes)
    return submission


def update_submission(session: Session, principal: Principal, submission_id: int,
                      data: SubmissionUpdate) -> Submission:
    submission = get_submission(session, submission_id, for_update=True)
    _writable_review(session, principal, submission.review_id)
    _require_signatory(principal, _stored_parties(session, submission))
    if data.review_id is not None:
        _writable_review(session, principal, data.review_id)
    if data.themes is not None:
        _check_themes(session, data.themes)
    parties = _parties(session, principal, data.parties) if data.parties is not None else None
    if parties is not None:
        _require_signatory(principal, parties)  # nobody writes themselves out of their own submission
    apply_changes(submission, data, exclude={"parties", "themes"})
    session.add(submission)
    session.flush()
    _replace_children(session, submission, parties, data.themes)
    return submission


def delete_submission(session: Session, principal: Principal, submission_id: int) -> None:
    submission = get_submission(session, submission_id)
    _writable_review(session, principal, submission.review_id)
    _require_signatory(principal, _stored_parties(session, submission))
    for model in (SubmissionParty, SubmissionTheme):
        delete_where(session, model, model.submission_id == submission.id)
    session.delete(submission)
    session.flush()
