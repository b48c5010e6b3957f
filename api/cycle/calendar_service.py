"""The review calendar: which sessions and review dates fall in a window, and the fill of the reviews
the reference data knows (the admins' CSV import is `calendar_import`).

A review's dates (the stakeholder submission deadline, the Working Group date, the adoption) keep the
order `reviews_service.check_dates` states, whichever way they arrive: the review routes, the import.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, union_all
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from api.core import clock
from api.core.errors import InvalidInput
from api.core.pagination import MAX_LIMIT
from api.cycle import reviews_service
from api.cycle.calendar_schemas import (
    CalendarDeadline,
    CalendarRead,
    CalendarReview,
    CalendarSession,
    DeadlineKind,
)
from api.cycle.models import Review, State, UprSession
from api.cycle.schemas import ReviewCreate

DEFAULT_LIMIT = 100
MAX_WINDOW_DAYS = 10 * 366  # a wider window is a 422: ten years hold some thirty sessions

# Column of each kind of date: the API's review field, the calendar's (and the import's) name for it.
REVIEW_DATES: dict[DeadlineKind, str] = {
    DeadlineKind.submission_deadline: "submission_deadline",
    DeadlineKind.working_group: "dialogue_date",
    DeadlineKind.adoption: "adoption_date",
}
KIND_ORDER = {kind: i for i, kind in enumerate(DeadlineKind)}


# ---- reading the calendar ----------------------------------------------------------------------------


def upcoming(
    session: Session, first_day: date | None, last_day: date | None, limit: int = DEFAULT_LIMIT
) -> CalendarRead:
    """From `first_day` (`day_from`; default today, `api.core.clock`) to `last_day` (`day_to`; default a year
    later), inclusive."""
    first = first_day or clock.today()
    last = last_day or _a_year_after(first)
    if last < first:
        raise InvalidInput(f"`day_to` ({last}) is before `day_from` ({first}).", field="day_to")
    if (last - first).days > MAX_WINDOW_DAYS:
        raise InvalidInput(f"The window spans more than {MAX_WINDOW_DAYS} days; ask for less.", field="day_to")
    return _window(session, first, last, limit)


def year_calendar(session: Session, year: int, limit: int = DEFAULT_LIMIT) -> CalendarRead:
    """The calendar year, with the sessions of that year even when they have no dates yet."""
    return _window(session, date(year, 1, 1), date(year, 12, 31), limit, year=year)


def _a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + timedelta(days=365)


def _in(column: Any, first: date, last: date) -> ColumnElement[bool]:
    return col(column).between(first, last)


def _window(session: Session, first: date, last: date, limit: int, *, year: int | None = None) -> CalendarRead:
    limit = max(1, min(limit, MAX_LIMIT))
    with_dates_in_window = select(Review.session_number).where(
        or_(*(_in(getattr(Review, name), first, last) for name in REVIEW_DATES.values()))
    )
    held = or_(
        # the session's days overlap the window (an end date alone is not enough to place it)
        (col(UprSession.start_date) <= last) & (func.coalesce(UprSession.end_date, UprSession.start_date) >= first),
        col(UprSession.number).in_(with_dates_in_window),
        *([col(UprSession.year) == year] if year is not None else []),
    )
    session_total = session.exec(select(func.count()).select_from(UprSession).where(held)).one()
    sessions = session.exec(
        select(UprSession)
        .where(held)
        .order_by(col(UprSession.start_date).is_(None), col(UprSession.start_date), col(UprSession.number))
        .limit(limit)
    ).all()
    deadlines, deadline_total = _deadlines(session, first, last, limit)
    return CalendarRead(
        first_day=first,
        last_day=last,
        sessions=_with_reviews(session, sessions),
        session_total=session_total,
        deadlines=deadlines,
        deadline_total=deadline_total,
    )


def _with_reviews(session: Session, sessions: Iterable[UprSession]) -> list[CalendarSession]:
    sessions = list(sessions)
    by_session: dict[int, list[CalendarReview]] = {s.number: [] for s in sessions}
    rows = session.exec(
        select(Review, State.name)
        .join(State, col(State.code) == col(Review.state_code))
        .where(col(Review.session_number).in_(list(by_session)))
        .order_by(col(Review.dialogue_date).is_(None), col(Review.dialogue_date), col(Review.id))
    )
    for review, name in rows:
        assert review.id is not None, "a stored review has an id"
        by_session[review.session_number].append(
            CalendarReview(
                review_id=review.id,
                state_under_review=review.state_code,
                state_name=name,
                submission_deadline=review.submission_deadline,
                dialogue_date=review.dialogue_date,
                adoption_date=review.adoption_date,
            )
        )
    return [
        CalendarSession(
            number=s.number,
            cycle=s.cycle_number,
            year=s.year,
            start_date=s.start_date,
            end_date=s.end_date,
            reviews=by_session[s.number],
        )
        for s in sessions
    ]


def _deadlines(session: Session, first: date, last: date, limit: int) -> tuple[list[CalendarDeadline], int]:
    """One row per (review, kind of date) in the window: the first `limit` of each kind hold the first
    `limit` of all of them, so each query is bounded and the merge is exact."""
    found: list[CalendarDeadline] = []
    counts = []
    for kind, name in REVIEW_DATES.items():
        column = getattr(Review, name)
        in_window = _in(column, first, last)
        counts.append(select(Review.id).where(in_window))
        for review, state_name in session.exec(
            select(Review, State.name)
            .join(State, col(State.code) == col(Review.state_code))
            .where(in_window)
            .order_by(column, col(Review.id))
            .limit(limit)
        ):
            assert review.id is not None, "a stored review has an id"
            found.append(
                CalendarDeadline(
                    due_on=getattr(review, name),
                    kind=kind,
                    review_id=review.id,
                    state_under_review=review.state_code,
                    state_name=state_name,
                    session=review.session_number,
                )
            )
    total = session.exec(select(func.count()).select_from(union_all(*counts).subquery())).one()
    found.sort(key=lambda d: (d.due_on, d.review_id, KIND_ORDER[d.kind]))
    return found[:limit], total


# ---- the fill from the reference data ----------------------------------------------------------------


@dataclass(frozen=True)
class FillReport:
    reviews_created: int
    reviews_known: int


def fill_reviews(session: Session, reviewed: Mapping[tuple[str, int], int]) -> FillReport:
    """Create the reviews the reference data knows, undated: `reviewed` maps (ISO3, cycle) to the session
    that reviewed the state, as `api.imports.dihr.reviewed_sessions()` reads it from
    `upr_sessions01-20_states_reviewed.csv` (R. Terman, from UPR Info: the 305 reviews of sessions 1–20).

    That is all `../shared/data/reference` supports: it holds the sessions' years
    (`upr_sessions_year.csv`, seeded by `api.seed.seed_sessions`) but no dated list of sessions,
    submission deadlines, Working Group or adoption dates (its README lists none), so every date is
    left for an admin's import (`POST /calendar/import`) or PATCH. The sessions and states must exist
    (`upr seed`); a review that exists is left as it is, so a second fill adds nothing."""
    wanted = sorted({(state, number) for (state, _cycle), number in reviewed.items()}, key=lambda p: (p[1], p[0]))
    numbers = sorted({number for _, number in wanted})
    known_sessions = set(session.exec(select(UprSession.number).where(col(UprSession.number).in_(numbers))))
    if missing := [n for n in numbers if n not in known_sessions]:
        raise InvalidInput(f"Sessions {missing} do not exist; seed them first (`upr seed`).", field="session")
    known_states = set(session.exec(select(State.code)))
    if unknown := sorted({state for state, _ in wanted if state not in known_states}):
        raise InvalidInput(f"Unknown states {unknown}; seed them first (`upr seed`).", field="state")
    existing = set(
        session.exec(
            select(Review.state_code, Review.session_number).where(col(Review.session_number).in_(numbers))
        ).all()
    )
    created = 0
    for state, number in wanted:
        if (state, number) not in existing:
            reviews_service.create_review(session, ReviewCreate(state_under_review=state, session=number))
            created += 1
    return FillReport(reviews_created=created, reviews_known=len(wanted))
