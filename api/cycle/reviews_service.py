"""Reviews with their troika, and the guarded delete that may take what other domains hang on a review with it."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, SQLModel, col, select

from api.auth.principal import Principal
from api.core.errors import AlreadyExists, InvalidInput
from api.core.lookup import get_or_404
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.updates import apply_changes
from api.cycle.models import (
    Review,
    ReviewDocument,
    ReviewTroika,
    State,
    Submission,
    SubmissionParty,
    SubmissionTheme,
    UprSession,
)
from api.cycle.policy import count_review_dependents, delete_submission_dependents, dependents_to_delete
from api.cycle.schemas import ReviewCreate, ReviewRead, ReviewUpdate

REVIEW_ORDER = [Sort(Review.session_number), Sort(Review.state_code), Sort(Review.id)]


def _id(review: Review) -> int:
    assert review.id is not None, "a stored review has an id"
    return review.id


def review_reads(session: Session, reviews: Sequence[Review]) -> list[ReviewRead]:
    """Read shapes for a page of reviews in three queries, not three per review."""
    ids = [_id(r) for r in reviews]
    troikas: dict[int, list[str]] = defaultdict(list)
    for member in session.exec(
        select(ReviewTroika)
        .where(col(ReviewTroika.review_id).in_(ids))
        .order_by(col(ReviewTroika.review_id), col(ReviewTroika.state_code))
    ):
        troikas[member.review_id].append(member.state_code)
    counts = count_review_dependents(session, ids, "recommendations")
    numbers = {r.session_number for r in reviews}
    cycles = dict(
        session.exec(
            select(UprSession.number, UprSession.cycle_number).where(col(UprSession.number).in_(sorted(numbers)))
        ).all()
    )
    return [
        ReviewRead(
            id=_id(r),
            state_under_review=r.state_code,
            session=r.session_number,
            cycle=cycles[r.session_number],
            dialogue_date=r.dialogue_date,
            adoption_date=r.adoption_date,
            submission_deadline=r.submission_deadline,
            troika=troikas[_id(r)],
            recommendation_count=counts.get(_id(r), 0),
        )
        for r in reviews
    ]


def review_read(session: Session, review: Review) -> ReviewRead:
    return review_reads(session, [review])[0]


def list_reviews(
    session: Session,
    params: PageParams,
    *,
    state_code: str | None = None,
    session_number: int | None = None,
    cycle: int | None = None,
) -> Page[ReviewRead]:
    stmt = select(Review)
    if state_code:
        stmt = stmt.where(Review.state_code == state_code.upper())
    if session_number is not None:
        stmt = stmt.where(Review.session_number == session_number)
    if cycle is not None:
        in_cycle = select(UprSession.number).where(UprSession.cycle_number == cycle)
        stmt = stmt.where(col(Review.session_number).in_(in_cycle))
    page = paginate(session, stmt, params, REVIEW_ORDER)
    return Page[Any](items=review_reads(session, page.items), total=page.total, next_cursor=page.next_cursor)


def get_review(session: Session, review_id: int, *, for_update: bool = False) -> Review:
    """`for_update` locks the row (PostgreSQL) so an If-Match check and the write cannot interleave."""
    return get_or_404(session, Review, review_id, "Review", for_update=for_update)


def check_dates(dialogue: date | None, adoption: date | None, submission_deadline: date | None = None) -> None:
    """A review's dates in their order: the stakeholder submission deadline before the interactive dialogue
    (the Working Group date), the adoption not before it. The calendar import checks its rows with it."""
    if dialogue and adoption and adoption < dialogue:
        raise InvalidInput(
            f"adoption_date {adoption} is before the interactive dialogue ({dialogue}).", field="adoption_date"
        )
    if dialogue and submission_deadline and submission_deadline >= dialogue:
        raise InvalidInput(
            f"submission_deadline {submission_deadline} is not before the interactive dialogue ({dialogue}).",
            field="submission_deadline",
        )


def _check_troika(session: Session, state_code: str, codes: list[str]) -> None:
    if state_code in codes:
        raise InvalidInput(f"The troika may not include the state under review ({state_code}).", field="troika")
    known = set(session.exec(select(State.code).where(col(State.code).in_(codes))))
    if unknown := [c for c in codes if c not in known]:
        raise InvalidInput(f"Unknown state code(s) in the troika: {', '.join(unknown)}.", field="troika")


def create_review(session: Session, data: ReviewCreate) -> Review:
    if session.get(State, data.state_under_review) is None:
        raise InvalidInput(f"Unknown state code {data.state_under_review!r}.", field="state_under_review")
    if session.get(UprSession, data.session) is None:
        raise InvalidInput(f"Session {data.session} does not exist; create it first.", field="session")
    check_dates(data.dialogue_date, data.adoption_date, data.submission_deadline)
    _check_troika(session, data.state_under_review, data.troika)
    duplicate = select(Review.id).where(
        Review.state_code == data.state_under_review, Review.session_number == data.session
    )
    if (existing := session.exec(duplicate).first()) is not None:
        raise AlreadyExists(
            f"{data.state_under_review} was already reviewed at session {data.session} (review {existing}).",
            field="session",
        )
    review = Review(
        state_code=data.state_under_review,
        session_number=data.session,
        dialogue_date=data.dialogue_date,
        adoption_date=data.adoption_date,
        submission_deadline=data.submission_deadline,
    )
    session.add(review)
    session.flush()
    session.add_all(ReviewTroika(review_id=_id(review), state_code=code) for code in data.troika)
    session.flush()
    return review


def update_review(session: Session, review: Review, data: ReviewUpdate) -> Review:
    """`review` as `get_review(..., for_update=True)` loaded it."""
    changes = data.model_dump(exclude_unset=True)
    check_dates(
        changes.get("dialogue_date", review.dialogue_date),
        changes.get("adoption_date", review.adoption_date),
        changes.get("submission_deadline", review.submission_deadline),
    )
    if data.troika is not None:
        _check_troika(session, review.state_code, data.troika)
        _replace_troika(session, _id(review), data.troika)
    apply_changes(review, data, exclude={"troika"})
    session.add(review)
    session.flush()
    return review


def _replace_troika(session: Session, review_id: int, codes: list[str]) -> None:
    """Only the members that change are written, so the audit log shows who left and who joined."""
    current = {m.state_code: m for m in session.exec(select(ReviewTroika).where(ReviewTroika.review_id == review_id))}
    for code, member in current.items():
        if code not in codes:
            session.delete(member)
    session.add_all(ReviewTroika(review_id=review_id, state_code=code) for code in codes if code not in current)
    session.flush()


def delete_where(session: Session, model: type[SQLModel], condition: ColumnElement[bool]) -> int:
    """Row by row through the ORM (not a bulk DELETE) so the audit hook records every row."""
    rows = session.exec(select(model).where(condition)).all()
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)


def delete_review(session: Session, principal: Principal, review_id: int, *, force: bool = False) -> None:
    """What goes along and who may force it: `policy.dependents_to_delete`. Everything goes in the
    caller's one transaction, children first."""
    review = get_review(session, review_id)
    for dependent in dependents_to_delete(session, principal, _id(review), force=force):
        dependent.delete(session, _id(review))
    submissions = select(Submission.id).where(Submission.review_id == review.id)
    delete_submission_dependents(session, [i for i in session.exec(submissions) if i is not None])
    delete_where(session, SubmissionParty, col(SubmissionParty.submission_id).in_(submissions))
    delete_where(session, SubmissionTheme, col(SubmissionTheme.submission_id).in_(submissions))
    delete_where(session, Submission, col(Submission.review_id) == review.id)
    delete_where(session, ReviewDocument, col(ReviewDocument.review_id) == review.id)
    delete_where(session, ReviewTroika, col(ReviewTroika.review_id) == review.id)
    session.delete(review)
    session.flush()
