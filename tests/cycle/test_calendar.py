"""The review calendar: the submission deadline's order, the public windows (`/calendar/upcoming`,
`/calendar?year=`) with a fixed clock, and the fill from the real reference files."""

from datetime import date
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, func, select

from api.core import clock
from api.cycle.calendar_service import fill_reviews
from api.cycle.models import Review, UprSession
from api.imports.dihr import reviewed_sessions
from api.seed import seed_cycles, seed_sessions, seed_states
from api.settings import Settings
from tests.cycle.helpers import problem
from tests.cycle_factories import create_review, create_upr_session
from tests.factories import World, create_state

TODAY = date(2019, 10, 1)


def _set(session: Session, review: Review, **dates: date | None) -> None:
    for name, value in dates.items():
        setattr(review, name, value)
    session.add(review)
    session.flush()


@pytest.fixture
def calendar(session: Session, world: World, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Today is 2019-10-01. Session 34 (4–15 Nov 2019) reviews SVN and HRV; session 35 (20–31 Jan 2020)
    reviews AUT; session 36 (2020, undated) reviews FRA, whose only date in the coming year is its
    submission deadline; session 41 (2022, undated) reviews SVN without dates; session 33 (May 2019)
    is over."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    for code, name in (("AUT", "Austria"), ("FRA", "France")):
        create_state(session, code, name)
    create_upr_session(session, 33, 3, 2019)
    create_upr_session(session, 35, 3, 2020)
    create_upr_session(session, 36, 3, 2020)
    create_upr_session(session, 41, 4, 2022)
    for number, start, end in ((33, date(2019, 5, 6), date(2019, 5, 17)), (35, date(2020, 1, 20), date(2020, 1, 31))):
        upr_session = session.get(UprSession, number)
        assert upr_session is not None
        upr_session.start_date, upr_session.end_date = start, end
        session.add(upr_session)
    reviews = {
        "SVN34": create_review(session, "SVN", 34),
        "HRV34": create_review(session, "HRV", 34),
        "AUT35": create_review(session, "AUT", 35),
        "FRA36": create_review(session, "FRA", 36),
        "SVN41": create_review(session, "SVN", 41),
    }
    session34 = session.get(UprSession, 34)
    assert session34 is not None
    session34.start_date, session34.end_date = date(2019, 11, 4), date(2019, 11, 15)
    session.add(session34)
    _set(
        session,
        reviews["SVN34"],
        submission_deadline=date(2019, 3, 28),
        dialogue_date=date(2019, 11, 11),
        adoption_date=date(2020, 3, 12),
    )
    _set(session, reviews["HRV34"], submission_deadline=date(2019, 3, 28), dialogue_date=date(2019, 11, 8))
    _set(session, reviews["AUT35"], submission_deadline=date(2019, 7, 11), dialogue_date=date(2020, 1, 23))
    _set(session, reviews["FRA36"], submission_deadline=date(2019, 10, 3), dialogue_date=None)
    _set(session, reviews["SVN41"], dialogue_date=None)
    return {key: r.id for key, r in reviews.items() if r.id is not None}


def _deadlines(body: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(d["due_on"], d["kind"], d["review_id"]) for d in body["deadlines"]]


# ---- the submission deadline on reviews ------------------------------------------------------------------


async def test_submission_deadline_comes_before_the_working_group(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    create_upr_session(session, 34)
    admin = world.headers("admin", settings)
    create = {"state_under_review": "SVN", "session": 34, "dialogue_date": "2019-11-11"}
    for deadline in ("2019-11-11", "2019-11-12"):
        body = problem(
            await client.post("/reviews", headers=admin, json={**create, "submission_deadline": deadline}),
            422,
            "submission_deadline",
        )
        assert "before the interactive dialogue" in body["detail"]
    created = await client.post("/reviews", headers=admin, json={**create, "submission_deadline": "2019-03-28"})
    assert created.status_code == 201, created.text
    assert created.json()["submission_deadline"] == "2019-03-28"
    review_id = created.json()["id"]

    read = await client.get(f"/reviews/{review_id}")
    assert read.json()["submission_deadline"] == "2019-03-28"
    etag = {**admin, "If-Match": read.headers["etag"]}
    # moving either date past the other is refused, naming the deadline
    problem(await client.patch(f"/reviews/{review_id}", headers=etag, json={"submission_deadline": "2019-12-01"}), 422)
    moved = await client.patch(f"/reviews/{review_id}", headers=etag, json={"dialogue_date": "2019-03-01"})
    problem(moved, 422, "submission_deadline")
    cleared = await client.patch(f"/reviews/{review_id}", headers=etag, json={"submission_deadline": None})
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["submission_deadline"] is None
    # without a Working Group date any deadline stands
    alone = await client.post(
        "/reviews",
        headers=admin,
        json={"state_under_review": "HRV", "session": 34, "submission_deadline": "2030-01-01"},
    )
    assert alone.status_code == 201, alone.text


async def test_the_rule_is_in_the_document(client: httpx.AsyncClient) -> None:
    schemas = (await client.get("/openapi.json")).json()["components"]["schemas"]
    for shape in ("ReviewCreate", "ReviewUpdate"):
        assert "dialogue_date" in schemas[shape]["properties"]["submission_deadline"]["x-also-checked"]


# ---- the windows ---------------------------------------------------------------------------------------------


async def test_upcoming_defaults_to_a_year_from_today(client: httpx.AsyncClient, calendar: dict[str, int]) -> None:
    response = await client.get("/calendar/upcoming")  # anonymous: public
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["first_day"], body["last_day"]) == ("2019-10-01", "2020-10-01")
    # dated sessions by start date, then the undated one placed by its review's deadline; 33 is over, 41 far
    assert [s["number"] for s in body["sessions"]] == [34, 35, 36]
    assert body["session_total"] == 3
    first = body["sessions"][0]
    assert (first["start_date"], first["end_date"], first["cycle"], first["year"]) == (
        "2019-11-04",
        "2019-11-15",
        3,
        2019,
    )
    # reviews by Working Group date: HRV (8 Nov) before SVN (11 Nov)
    assert [r["review_id"] for r in first["reviews"]] == [calendar["HRV34"], calendar["SVN34"]]
    assert first["reviews"][1] == {
        "review_id": calendar["SVN34"],
        "state_under_review": "SVN",
        "state_name": "Slovenia",
        "submission_deadline": "2019-03-28",
        "dialogue_date": "2019-11-11",
        "adoption_date": "2020-03-12",
    }
    # every date in the window, by date; the deadlines of March and July are past
    assert _deadlines(body) == [
        ("2019-10-03", "submission_deadline", calendar["FRA36"]),
        ("2019-11-08", "working_group", calendar["HRV34"]),
        ("2019-11-11", "working_group", calendar["SVN34"]),
        ("2020-01-23", "working_group", calendar["AUT35"]),
        ("2020-03-12", "adoption", calendar["SVN34"]),
    ]
    assert body["deadline_total"] == 5
    assert body["deadlines"][0]["state_name"] == "France" and body["deadlines"][0]["session"] == 36


async def test_a_moved_clock_moves_the_window(
    client: httpx.AsyncClient, calendar: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2019, 11, 10))
    body = (await client.get("/calendar/upcoming")).json()
    assert [s["number"] for s in body["sessions"]] == [34, 35]  # 34 is still in session
    assert [d[2] for d in _deadlines(body)] == [calendar["SVN34"], calendar["AUT35"], calendar["SVN34"]]


async def test_an_explicit_window_and_its_bounds(client: httpx.AsyncClient, calendar: dict[str, int]) -> None:
    body = (await client.get("/calendar/upcoming?day_from=2019-03-01&day_to=2019-07-31")).json()
    assert [s["number"] for s in body["sessions"]] == [33, 34, 35]  # 33 held; 34 and 35 by their deadlines
    same_day = sorted([calendar["SVN34"], calendar["HRV34"]])  # one date: by review id
    assert _deadlines(body) == [
        ("2019-03-28", "submission_deadline", same_day[0]),
        ("2019-03-28", "submission_deadline", same_day[1]),
        ("2019-07-11", "submission_deadline", calendar["AUT35"]),
    ]
    edges = (await client.get("/calendar/upcoming?day_from=2019-11-15&day_to=2019-11-15")).json()
    assert [s["number"] for s in edges["sessions"]] == [34] and edges["deadlines"] == []
    problem(await client.get("/calendar/upcoming?day_from=2019-11-15&day_to=2019-11-14"), 422, "day_to")
    problem(await client.get("/calendar/upcoming?day_from=2019-01-01&day_to=2040-01-01"), 422, "day_to")
    problem(await client.get("/calendar/upcoming?day_from=tomorrow"), 422, "day_from")


async def test_lists_are_clamped(client: httpx.AsyncClient, calendar: dict[str, int]) -> None:
    one = (await client.get("/calendar/upcoming?limit=1")).json()
    assert [s["number"] for s in one["sessions"]] == [34] and one["session_total"] == 3
    assert _deadlines(one) == [("2019-10-03", "submission_deadline", calendar["FRA36"])]
    assert one["deadline_total"] == 5
    many = await client.get("/calendar/upcoming?limit=100000")
    assert many.status_code == 200 and len(many.json()["deadlines"]) == 5
    problem(await client.get("/calendar/upcoming?limit=0"), 422, "limit")


async def test_a_year_holds_its_sessions_with_or_without_dates(
    client: httpx.AsyncClient, calendar: dict[str, int]
) -> None:
    body = (await client.get("/calendar?year=2020")).json()
    assert (body["first_day"], body["last_day"]) == ("2020-01-01", "2020-12-31")
    # 34 by SVN's adoption in March, 35 held in January, 36 of 2020 though undated
    assert [s["number"] for s in body["sessions"]] == [34, 35, 36]
    assert _deadlines(body) == [
        ("2020-01-23", "working_group", calendar["AUT35"]),
        ("2020-03-12", "adoption", calendar["SVN34"]),
    ]
    assert [s["number"] for s in (await client.get("/calendar?year=2022")).json()["sessions"]] == [41]
    problem(await client.get("/calendar"), 422, "year")
    problem(await client.get("/calendar?year=1990"), 422, "year")


async def test_admins_edit_session_days_and_the_calendar_follows(
    client: httpx.AsyncClient, calendar: dict[str, int], world: World, settings: Settings
) -> None:
    admin = world.headers("admin", settings)
    read = await client.get("/sessions/41")
    changed = await client.patch(
        "/sessions/41",
        headers={**admin, "If-Match": read.headers["etag"]},
        json={"start_date": "2020-09-28", "end_date": "2020-10-09"},
    )
    assert changed.status_code == 200, changed.text
    body = (await client.get("/calendar/upcoming")).json()
    assert [s["number"] for s in body["sessions"]] == [34, 35, 41, 36]
    problem(await client.patch("/sessions/41", headers=world.headers("cso", settings), json={"year": 2021}), 403)


# ---- the fill from the reference data ---------------------------------------------------------------------


def test_fill_creates_the_305_reviews_of_sessions_1_to_20(session: Session) -> None:
    seed_states(session)
    seed_cycles(session)
    seed_sessions(session)
    in_sessions_1_20 = select(func.count()).select_from(Review).where(col(Review.session_number) <= 20)
    before = session.exec(in_sessions_1_20).one()

    report = fill_reviews(session, reviewed_sessions())
    assert report.reviews_known == 305
    assert report.reviews_created == 305 - before
    assert session.exec(in_sessions_1_20).one() == 305
    numbers = set(session.exec(select(Review.session_number).where(col(Review.session_number) <= 20)))
    assert numbers == set(range(1, 21))
    # Algeria opened session 1; a state is reviewed once per cycle
    algeria = session.exec(select(Review).where(Review.state_code == "DZA", col(Review.session_number) <= 20)).all()
    assert sorted(r.session_number for r in algeria) == [1, 13]
    assert all(r.dialogue_date is None and r.submission_deadline is None for r in algeria)

    again = fill_reviews(session, reviewed_sessions())
    assert (again.reviews_created, again.reviews_known) == (0, 305)
