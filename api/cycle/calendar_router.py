"""HTTP for the review calendar: the public views of sessions and review dates, and the admins' import."""

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile

from api.auth.deps import CanWriteCycle, Public
from api.core.pagination import MAX_LIMIT
from api.core.types import Day, also_checked
from api.cycle import calendar_import, calendar_service
from api.cycle.calendar_schemas import CalendarImportRead, CalendarRead
from api.db import SessionDep
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

calendar = APIRouter(prefix="/calendar", tags=["calendar"])

Limit = Annotated[
    int,
    Query(ge=1, description=f"At most this many sessions, and this many dates; values above {MAX_LIMIT} are clamped."),
]


@calendar.get(
    "/upcoming", response_model=CalendarRead, operation_id="calendar.upcoming", responses=error_responses(422)
)
def upcoming(
    session: SessionDep,
    _: Public,
    day_from: Annotated[
        Day | None, Query(description="First day of the window (inclusive); today when omitted.")
    ] = None,
    day_to: Annotated[
        Day | None,
        Query(
            description="Last day of the window (inclusive); a year after `day_from` when omitted. At most ten "
            "years after `day_from`.",
            json_schema_extra=also_checked("must not be before `day_from`, nor more than ten years after it"),
        ),
    ] = None,
    limit: Limit = calendar_service.DEFAULT_LIMIT,
) -> CalendarRead:
    """The sessions held in the window, each with the reviews scheduled in it (state, submission deadline,
    Working Group date, adoption date), and the flat list of those dates in the window: what comes next
    for a coalition preparing a review. Public. A session without dates appears through its reviews' dates
    (see `GET /calendar?year=` for a year's sessions whatever their dates)."""
    return calendar_service.upcoming(session, day_from, day_to, limit)


@calendar.get("", response_model=CalendarRead, operation_id="calendar.get", responses=error_responses(422))
def year_calendar(
    session: SessionDep,
    _: Public,
    year: Annotated[int, Query(ge=2006, le=2100, description="Calendar year, e.g. 2027.")],
    limit: Limit = calendar_service.DEFAULT_LIMIT,
) -> CalendarRead:
    """The same view for a calendar year (1 January to 31 December): the sessions of that year (with or
    without dates) or with a review date in it, and every review date in it. Public."""
    return calendar_service.year_calendar(session, year, limit)


@calendar.post(
    "/import",
    response_model=CalendarImportRead,
    operation_id="calendar.import",
    responses=error_responses(401, 403, 413, 422),
)
def import_calendar(
    session: SessionDep,
    _: CanWriteCycle,
    idem: IdempotencyDep,
    file: Annotated[
        UploadFile,
        File(
            description="A UTF-8 .csv (at most 1 MB) with a header row naming its columns: `session` and any of "
            "`state`, `submission_deadline`, `dialogue_date` (the Working Group's interactive dialogue), "
            "`adoption_date` (a review's dates), "
            "`start_date`, `end_date` (its session's days); dates as YYYY-MM-DD.",
            json_schema_extra=also_checked(
                "each row must name an existing state and session (or a new session's `start_date`), dates in "
                "order: the submission deadline before the dialogue date, the adoption not before it, a "
                "session's end not before its start"
            ),
        ),
    ],
) -> CalendarImportRead:
    """multipart/form-data. Admins set session days and review dates in bulk: a review row creates the
    review when the state was not yet scheduled at that session, a session row with a `start_date` creates
    an unknown session; an empty cell leaves a date as it is (edit one by one with `PATCH /reviews/{id}`
    and `PATCH /sessions/{number}`). All or nothing: the first bad row is a 422 of type
    `calendar-row-invalid` whose `field` is `file.<row>.<column>` (the header is row 1), and nothing is
    written; a file over 1 MB is a 413. Answers how many sessions and reviews were created and updated."""
    content = calendar_import.read_upload(file.file)
    return idem.saved(calendar_import.import_calendar(session, content))
