"""The admins' CSV import of the review calendar: session days and review dates, all or nothing.

Rows are checked against the database and the rows before them, in memory, and only then written,
through the same service functions as the API's routes (`service.create_session`,
`reviews_service.create_review`, `update_review`, …): the same checks apply, and the audit log records
every row. A bad row is a 422 naming its row and column."""

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from api.core.errors import InvalidInput, PayloadTooLarge
from api.cycle import reviews_service, service
from api.cycle.calendar import cycle_of_session
from api.cycle.calendar_schemas import CalendarImportRead
from api.cycle.models import Cycle, Review, State, UprSession
from api.cycle.schemas import ReviewCreate, ReviewUpdate, SessionCreate, SessionUpdate

MAX_IMPORT_BYTES = 1_000_000  # a whole cycle's calendar is a few kilobytes

SESSION_COLUMNS = ("start_date", "end_date")
# A review's dates, named as `Review` names them: `dialogue_date` is the interactive dialogue at the
# Working Group.
REVIEW_COLUMNS = ("submission_deadline", "dialogue_date", "adoption_date")
COLUMNS = ("session", "state", *SESSION_COLUMNS, *REVIEW_COLUMNS)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STATE = re.compile(r"^[A-Za-z]{3}$")


class CalendarRowInvalid(InvalidInput):
    """A row of a calendar import breaks a rule; `field` is `file.<row>.<column>` (row 1 is the header)."""

    slug, title = "calendar-row-invalid", "Invalid calendar row"

    def __init__(self, row: int, column: str, message: str):
        super().__init__(f"Row {row}, column `{column}`: {message} Nothing was imported.", field=f"file.{row}.{column}")
        self.row, self.column = row, column


@dataclass
class _SessionPlan:
    row: UprSession | None  # None: created by the import
    start_date: date | None
    end_date: date | None
    changed: bool = False


@dataclass
class _ReviewPlan:
    row: Review | None  # None: created by the import
    dates: dict[str, date | None] = field(default_factory=dict)  # the review's fields as the import leaves them
    changed: dict[str, date] = field(default_factory=dict)
    first_row: int = 0


def read_upload(stream: io.RawIOBase | Any, max_bytes: int = MAX_IMPORT_BYTES) -> bytes:
    """The upload's bytes, reading one past the limit so a larger file is a 413 without being loaded."""
    content: bytes = stream.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise PayloadTooLarge(f"A calendar file is at most {max_bytes:,} bytes.", field="file")
    return content


def _records(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"The file is not UTF-8 text (byte {exc.start}).", field="file") from None
    if "\x00" in text:
        raise InvalidInput("The file holds a NUL character: not a CSV file.", field="file")
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise InvalidInput(f"The file is not a readable CSV ({exc}).", field="file") from None


def _header(records: list[list[str]]) -> list[str]:
    if not records or not any(cell.strip() for cell in records[0]):
        raise InvalidInput("The file is empty: its first row names the columns.", field="file")
    header = [cell.strip().lower() for cell in records[0]]
    for name in header:
        if name not in COLUMNS:
            raise CalendarRowInvalid(1, name or "(blank)", f"unknown column; the columns are {', '.join(COLUMNS)}.")
        if header.count(name) > 1:
            raise CalendarRowInvalid(1, name, "the column is named twice.")
    if "session" not in header:
        raise CalendarRowInvalid(1, "session", "the header lacks the `session` column.")
    return header


def _day(row: int, column: str, value: str) -> date | None:
    if not value:
        return None
    try:
        if not _ISO_DAY.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise CalendarRowInvalid(row, column, f"{value!r} is not a date as YYYY-MM-DD.") from None


def import_calendar(session: Session, content: bytes) -> CalendarImportRead:
    """A CSV of `session,state,submission_deadline,dialogue_date,adoption_date` rows (a review's dates;
    `dialogue_date` is the Working Group's interactive dialogue with the state under review) and/or
    `session,start_date,end_date` rows (a session's days), any of those columns in any order, `session`
    required. An empty cell leaves the date as it is (clear one with the PATCH routes). A review row for
    a state not reviewed at that session creates the review; a row with a `start_date` for an unknown
    session creates the session (in the cycle its number belongs to).

    All or nothing: every row is checked against the database and the rows before it, and only then
    is anything written; the first bad row is a 422 naming its row and column."""
    records = _records(content)
    header = _header(records)
    numbers = set()
    for n, record in enumerate(records[1:], start=2):
        if (value := _cells(header, n, record).get("session")) and value.isdigit():
            numbers.add(int(value))
    sessions = {s.number: _SessionPlan(s, s.start_date, s.end_date) for s in _existing_sessions(session, numbers)}
    reviews = {(r.state_code, r.session_number): _ReviewPlan(r, _review_dates(r)) for r in _existing(session, numbers)}
    states = set(session.exec(select(State.code)))
    cycles = set(session.exec(select(Cycle.number)))
    rows = 0
    for n, record in enumerate(records[1:], start=2):
        cells = _cells(header, n, record)
        if not any(cells.values()):
            continue
        rows += 1
        number = _session_number(n, cells.get("session", ""))
        _plan_session(sessions, cycles, n, number, cells)
        if state := cells.get("state", "").upper():
            if not _STATE.match(state) or state not in states:
                raise CalendarRowInvalid(n, "state", f"{state!r} is not the ISO3 code of a state this API knows.")
            _plan_review(reviews, n, state, number, cells)
        elif any(cells.get(c) for c in REVIEW_COLUMNS):
            raise CalendarRowInvalid(n, "state", "a review's dates need the state under review.")
    return _write(session, rows, sessions, reviews)


def _cells(header: list[str], n: int, record: list[str]) -> dict[str, str]:
    if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
        raise CalendarRowInvalid(n, f"#{len(header) + 1}", "the row has more cells than the header has columns.")
    return {name: (record[i].strip() if i < len(record) else "") for i, name in enumerate(header)}


def _existing_sessions(session: Session, numbers: set[int]) -> Iterable[UprSession]:
    return session.exec(select(UprSession).where(col(UprSession.number).in_(sorted(numbers))))


def _existing(session: Session, numbers: set[int]) -> Iterable[Review]:
    return session.exec(select(Review).where(col(Review.session_number).in_(sorted(numbers))))


def _review_dates(review: Review) -> dict[str, date | None]:
    return {name: getattr(review, name) for name in REVIEW_COLUMNS}


def _session_number(n: int, value: str) -> int:
    if not value:
        raise CalendarRowInvalid(n, "session", "the session number is missing.")
    if not value.isdigit() or not 1 <= int(value) <= 999:
        raise CalendarRowInvalid(n, "session", f"{value!r} is not a session number (1–999).")
    return int(value)


def _plan_session(
    sessions: dict[int, _SessionPlan], cycles: set[int], n: int, number: int, cells: dict[str, str]
) -> None:
    start, end = (_day(n, c, cells.get(c, "")) for c in SESSION_COLUMNS)
    plan = sessions.get(number)
    if plan is None:
        if start is None:
            raise CalendarRowInvalid(
                n, "session", f"session {number} does not exist; give its start_date to create it, or create it first."
            )
        if cycle_of_session(number) not in cycles:
            raise CalendarRowInvalid(n, "session", f"cycle {cycle_of_session(number)} does not exist; create it first.")
        plan = sessions[number] = _SessionPlan(None, None, None, changed=True)
    for column, value in (("start_date", start), ("end_date", end)):
        if value is not None and getattr(plan, column) != value:
            setattr(plan, column, value)
            plan.changed = True
    if plan.start_date and plan.end_date and plan.end_date < plan.start_date:
        column = "end_date" if end is not None else "start_date"
        raise CalendarRowInvalid(n, column, f"session {number} would end ({plan.end_date}) before it starts.")


def _plan_review(
    reviews: dict[tuple[str, int], _ReviewPlan], n: int, state: str, number: int, cells: dict[str, str]
) -> None:
    plan = reviews.get((state, number))
    if plan is None:
        plan = reviews[(state, number)] = _ReviewPlan(None, dict.fromkeys(REVIEW_COLUMNS))
    elif plan.first_row:
        raise CalendarRowInvalid(n, "state", f"{state} at session {number} is already on row {plan.first_row}.")
    plan.first_row = n
    for column in REVIEW_COLUMNS:
        value = _day(n, column, cells.get(column, ""))
        if value is not None and plan.dates[column] != value:
            plan.dates[column] = plan.changed[column] = value
    try:
        reviews_service.check_dates(
            plan.dates["dialogue_date"], plan.dates["adoption_date"], plan.dates["submission_deadline"]
        )
    except InvalidInput as exc:
        # both rules involve the dialogue date: name it when the row left the other date alone
        column = exc.field or "dialogue_date"
        raise CalendarRowInvalid(n, column if cells.get(column) else "dialogue_date", exc.detail) from None


def _write(
    session: Session, rows: int, sessions: dict[int, _SessionPlan], reviews: dict[tuple[str, int], _ReviewPlan]
) -> CalendarImportRead:
    report = CalendarImportRead(rows=rows, sessions_created=0, sessions_updated=0, reviews_created=0, reviews_updated=0)
    for number, s in sorted(sessions.items()):
        if s.row is None:
            assert s.start_date is not None, "a new session has a start date"
            data = SessionCreate(
                number=number,
                cycle_number=cycle_of_session(number),
                year=s.start_date.year,
                start_date=s.start_date,
                end_date=s.end_date,
            )
            service.create_session(session, data)
            report.sessions_created += 1
        elif s.changed:
            service.update_session(session, s.row, SessionUpdate(start_date=s.start_date, end_date=s.end_date))
            report.sessions_updated += 1
    for (state, number), r in sorted(reviews.items(), key=lambda item: (item[0][1], item[0][0])):
        if r.row is None:
            reviews_service.create_review(
                session, ReviewCreate.model_validate({"state_under_review": state, "session": number, **r.changed})
            )
            report.reviews_created += 1
        elif r.changed:
            reviews_service.update_review(session, r.row, ReviewUpdate.model_validate(r.changed))
            report.reviews_updated += 1
    return report
