"""`POST /calendar/import`: a CSV of session days and review dates, all or nothing."""

from datetime import date

import httpx
import pytest
from sqlmodel import Session, col, func, select

from api.audit.models import AuditAction
from api.cycle.calendar_import import MAX_IMPORT_BYTES
from api.cycle.models import Review, UprSession
from api.settings import Settings
from tests.cycle.helpers import audit, problem
from tests.cycle_factories import create_review, create_upr_session
from tests.factories import World, create_state

GOOD = (
    "session,state,submission_deadline,dialogue_date,adoption_date,start_date,end_date\n"
    "34,,,,,2019-11-04,2019-11-15\n"
    "34,svn,2019-03-28,2019-11-11,2020-03-12,,\n"  # updates SVN's review (any case)
    "34,AUT,2019-03-28,2019-11-06,,,\n"  # creates AUT's
    "\n"
    "54,HRV,2026-07-01,2027-01-27,,2027-01-25,2027-02-05\n"  # creates session 54 (cycle 4) and HRV's review
)


@pytest.fixture
def scheduled(session: Session, world: World) -> dict[str, int]:
    """SVN reviewed at 34 (Working Group 11 Nov 2019), cycle 4 known, AUT a state with no review."""
    create_state(session, "AUT", "Austria")
    create_upr_session(session, 41, 4, 2022)
    svn = create_review(session, "SVN", 34)
    assert svn.id is not None
    return {"SVN34": svn.id}


async def _post(
    client: httpx.AsyncClient,
    world: World,
    settings: Settings,
    content: bytes | str,
    role: str = "admin",
    **headers: str,
) -> httpx.Response:
    body = content.encode() if isinstance(content, str) else content
    return await client.post(
        "/calendar/import",
        headers={**world.headers(role, settings), **headers},
        files={"file": ("calendar.csv", body, "text/csv")},
    )


def _snapshot(session: Session) -> tuple[int, int, list[tuple[int, date | None, date | None]], list[tuple]]:
    session.expire_all()
    reviews = session.exec(select(func.count()).select_from(Review)).one()
    sessions = session.exec(select(func.count()).select_from(UprSession)).one()
    days = [
        (s.number, s.start_date, s.end_date) for s in session.exec(select(UprSession).order_by(col(UprSession.number)))
    ]
    dates = [
        (r.id, r.submission_deadline, r.dialogue_date, r.adoption_date)
        for r in session.exec(select(Review).order_by(col(Review.id)))
    ]
    return reviews, sessions, days, dates


async def test_a_good_file_creates_and_updates(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings, scheduled: dict[str, int]
) -> None:
    response = await _post(client, world, settings, "\ufeff" + GOOD)  # a BOM is fine
    assert response.status_code == 200, response.text
    assert response.json() == {
        "rows": 4,
        "sessions_created": 1,
        "sessions_updated": 1,
        "reviews_created": 2,
        "reviews_updated": 1,
    }
    session.expire_all()
    svn = session.get(Review, scheduled["SVN34"])
    assert svn is not None
    assert (svn.submission_deadline, svn.dialogue_date, svn.adoption_date) == (
        date(2019, 3, 28),
        date(2019, 11, 11),
        date(2020, 3, 12),
    )
    new = session.get(UprSession, 54)
    assert new is not None and (new.cycle_number, new.year, new.start_date, new.end_date) == (
        4,
        2027,
        date(2027, 1, 25),
        date(2027, 2, 5),
    )
    hrv = session.exec(select(Review).where(Review.state_code == "HRV", Review.session_number == 54)).one()
    assert hrv.dialogue_date == date(2027, 1, 27)
    for created in session.exec(select(Review).where(Review.state_code != "SVN")):
        assert audit(session, "review", AuditAction.create, str(created.id)), created
    assert audit(session, "upr_session", AuditAction.create, "54")
    # the calendar shows what was imported
    body = (await client.get("/calendar?year=2027")).json()
    assert [s["number"] for s in body["sessions"]] == [54]
    assert [r["state_under_review"] for r in body["sessions"][0]["reviews"]] == ["HRV"]

    # the same file again changes nothing; an empty cell leaves a date alone
    again = await _post(client, world, settings, GOOD)
    assert again.json() == {
        "rows": 4,
        "sessions_created": 0,
        "sessions_updated": 0,
        "reviews_created": 0,
        "reviews_updated": 0,
    }
    partial = await _post(client, world, settings, "state,session,adoption_date\nSVN,34,2020-03-13\n")
    assert partial.json()["reviews_updated"] == 1
    session.expire_all()
    svn = session.get(Review, scheduled["SVN34"])
    assert svn is not None and (svn.dialogue_date, svn.adoption_date) == (date(2019, 11, 11), date(2020, 3, 13))


BAD_ROWS = [
    # (file, row, column, words of the detail)
    ("session,state,submission_deadline\n34,SVN,2019-03-28\n34,XYZ,2019-03-28\n", 3, "state", "XYZ"),
    ("session,state,dialogue_date\n34,SVN,11/11/2019\n", 2, "dialogue_date", "YYYY-MM-DD"),
    (
        "session,state,submission_deadline\n34,AUT,2019-03-28\n34,SVN,2019-12-01\n",
        3,
        "submission_deadline",
        "not before",
    ),
    ("session,state,dialogue_date\n34,SVN,2019-03-01\n", 2, "dialogue_date", "not before"),  # SVN's deadline
    ("session,state,adoption_date\n34,SVN,2019-01-01\n", 2, "adoption_date", "before the interactive dialogue"),
    ("session,state\n34,SVN\n34,svn\n", 3, "state", "already on row 2"),
    ("session,state,submission_deadline\n55,AUT,2026-01-01\n", 2, "session", "does not exist"),
    ("session,start_date\n20,2014-10-27\n", 2, "session", "cycle 2 does not exist"),
    ("session,state\nforty,SVN\n", 2, "session", "not a session number"),
    ("session,start_date,end_date\n34,2019-11-04,2019-11-01\n", 2, "end_date", "before it starts"),
    ("session,submission_deadline\n34,2019-03-01\n", 2, "state", "need the state"),
    ("session,state,colour\n34,SVN,red\n", 1, "colour", "unknown column"),
    # the dialogue's column is named as reviews name it
    ("session,state,working_group_date\n34,SVN,2019-11-11\n", 1, "working_group_date", "unknown column"),
    ("state,start_date\nSVN,2019-11-04\n", 1, "session", "lacks"),
    ("session,state\n34,SVN,extra\n", 2, "#3", "more cells"),
]


@pytest.mark.parametrize(("content", "row", "column", "words"), BAD_ROWS)
async def test_a_bad_row_names_row_and_column_and_writes_nothing(
    client: httpx.AsyncClient,
    session: Session,
    world: World,
    settings: Settings,
    scheduled: dict[str, int],
    content: str,
    row: int,
    column: str,
    words: str,
) -> None:
    svn = session.get(Review, scheduled["SVN34"])
    assert svn is not None
    svn.submission_deadline = date(2019, 3, 28)
    session.add(svn)
    session.flush()
    before = _snapshot(session)
    response = await _post(client, world, settings, content)
    problem(response, 422, f"file.{row}.{column}", words, slug="calendar-row-invalid")
    assert f"Row {row}, column `{column}`" in response.json()["detail"]
    assert _snapshot(session) == before


async def test_good_rows_before_a_bad_one_are_not_written(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings, scheduled: dict[str, int]
) -> None:
    before = _snapshot(session)
    content = GOOD + "34,FRA,2019-03-28,,,,\n"  # FRA is not a state of this world
    problem(await _post(client, world, settings, content), 422, "file.7.state", slug="calendar-row-invalid")
    assert _snapshot(session) == before
    assert len(audit(session, "review", AuditAction.create)) == 1  # the fixture's SVN review only


async def test_unreadable_and_oversized_files(
    client: httpx.AsyncClient, world: World, settings: Settings, scheduled: dict[str, int]
) -> None:
    problem(await _post(client, world, settings, b"session,state\n34,\xff\xfe\n"), 422, "file", "UTF-8")
    problem(await _post(client, world, settings, ""), 422, "file", "empty")
    problem(await _post(client, world, settings, 'session,state\n34,"SVN\n'), 422, "file", "CSV")
    big = "session,state\n" + "34,SVN\n" * (MAX_IMPORT_BYTES // 7 + 1)
    problem(await _post(client, world, settings, big), 413, "file", slug="payload-too-large")


async def test_only_admins_import(
    client: httpx.AsyncClient, world: World, settings: Settings, scheduled: dict[str, int]
) -> None:
    csv = "session,state,submission_deadline\n34,AUT,2019-03-28\n"
    for role in ("cso", "nhri", "government"):
        problem(await _post(client, world, settings, csv, role), 403)
    problem(await _post(client, world, settings, csv, "anonymous"), 401)


async def test_an_idempotent_retry_replays(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings, scheduled: dict[str, int]
) -> None:
    csv = "session,state,submission_deadline\n34,AUT,2019-03-28\n"
    first = await _post(client, world, settings, csv, **{"Idempotency-Key": "calendar-1"})
    replay = await _post(client, world, settings, csv, **{"Idempotency-Key": "calendar-1"})
    assert first.json()["reviews_created"] == 1
    assert replay.json() == first.json() and replay.headers.get("idempotent-replayed") == "true"
    assert len(session.exec(select(Review).where(Review.state_code == "AUT")).all()) == 1
