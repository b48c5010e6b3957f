"""The one pagination helper: envelope, limit, offset and keyset cursors (through GET /states and directly)."""

import base64
import itertools
import json
import string
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlmodel import Session, select

from api.audit.models import AuditAction, AuditEntry
from api.core.errors import InvalidInput
from api.core.pagination import MAX_LIMIT, PageParams, Sort, paginate
from api.cycle.models import RegionalGroup, State
from tests.factories import create_state

CODES = ["QAA", "QAB", "QAC", "QBA", "QBB", "QCA", "QZZ"]


def make_states(session: Session, count: int) -> list[str]:
    """`count` states with distinct codes, added in shuffled order; returns the codes sorted."""
    codes = ["".join(p) for p in itertools.islice(itertools.product(string.ascii_uppercase, repeat=3), count)]
    session.add_all(State(code=c, name=f"State {c}", regional_group=RegionalGroup.weog) for c in reversed(codes))
    session.flush()
    return codes


@pytest.fixture
def seven(session: Session) -> list[str]:
    for code in reversed(CODES):  # inserted against the order the API must return
        create_state(session, code)
    return CODES


def cursor_of(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


async def test_envelope(client: httpx.AsyncClient, seven: list[str]) -> None:
    response = await client.get("/states")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"items", "total", "next_cursor"}
    assert body["total"] == 7
    assert [s["code"] for s in body["items"]] == seven
    assert body["next_cursor"] is None


async def test_total_counts_the_filtered_rows_not_the_page(
    client: httpx.AsyncClient, session: Session, seven: list[str]
) -> None:
    session.get(State, "QAA").regional_group = RegionalGroup.african
    session.get(State, "QZZ").regional_group = RegionalGroup.african
    session.flush()
    body = (await client.get("/states", params={"regional_group": "African", "limit": 1})).json()
    assert body["total"] == 2
    assert [s["code"] for s in body["items"]] == ["QAA"]
    assert body["next_cursor"] is not None


async def test_default_limit_is_50(client: httpx.AsyncClient, session: Session) -> None:
    codes = make_states(session, 55)
    body = (await client.get("/states")).json()
    assert body["total"] == 55
    assert [s["code"] for s in body["items"]] == codes[:50]
    assert body["next_cursor"] is not None


async def test_limit_is_clamped_to_the_maximum(client: httpx.AsyncClient, session: Session) -> None:
    codes = make_states(session, MAX_LIMIT + 1)
    response = await client.get("/states", params={"limit": 100000})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == MAX_LIMIT + 1
    assert len(body["items"]) == MAX_LIMIT
    assert body["next_cursor"] is not None
    rest = (await client.get("/states", params={"limit": 100000, "cursor": body["next_cursor"]})).json()
    assert [s["code"] for s in rest["items"]] == codes[MAX_LIMIT:]
    assert rest["next_cursor"] is None


@pytest.mark.parametrize("limit", ["0", "-1", "ten"])
async def test_bad_limit_is_a_422_naming_limit(client: httpx.AsyncClient, limit: str) -> None:
    response = await client.get("/states", params={"limit": limit})
    assert response.status_code == 422
    assert response.json()["field"] == "limit"


async def test_negative_offset_is_a_422_naming_offset(client: httpx.AsyncClient) -> None:
    response = await client.get("/states", params={"offset": -1})
    assert response.status_code == 422
    assert response.json()["field"] == "offset"


async def test_offset_paging(client: httpx.AsyncClient, seven: list[str]) -> None:
    pages = []
    for offset in (0, 3, 6, 7, 100):
        body = (await client.get("/states", params={"limit": 3, "offset": offset})).json()
        assert body["total"] == 7
        pages.append([s["code"] for s in body["items"]])
    assert pages == [seven[0:3], seven[3:6], seven[6:7], [], []]


async def test_cursor_walks_every_row_once_in_order(client: httpx.AsyncClient, seven: list[str]) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = (await client.get("/states", params=params)).json()
        assert body["total"] == 7
        assert len(body["items"]) <= 2
        seen += [s["code"] for s in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == seven
    assert pages == 4


async def test_cursor_is_stable_while_rows_are_added(
    client: httpx.AsyncClient, session: Session, seven: list[str]
) -> None:
    first = (await client.get("/states", params={"limit": 3})).json()
    assert [s["code"] for s in first["items"]] == seven[:3]
    create_state(session, "0AA")  # sorts before every row seen so far
    create_state(session, "QBC")  # sorts into the part not yet seen
    rest = (await client.get("/states", params={"limit": 100, "cursor": first["next_cursor"]})).json()
    assert [s["code"] for s in rest["items"]] == ["QBA", "QBB", "QBC", "QCA", "QZZ"]


async def test_an_exact_last_page_has_no_next_cursor(client: httpx.AsyncClient, seven: list[str]) -> None:
    body = (await client.get("/states", params={"limit": 7})).json()
    assert len(body["items"]) == 7
    assert body["next_cursor"] is None


async def test_cursor_and_offset_together_is_a_422(client: httpx.AsyncClient, seven: list[str]) -> None:
    cursor = (await client.get("/states", params={"limit": 2})).json()["next_cursor"]
    response = await client.get("/states", params={"cursor": cursor, "offset": 2})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["field"] == "cursor"


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage!!!",
        "%%%%",
        "bm90IGpzb24",  # "not json"
        cursor_of({"a": 1}),
        cursor_of(["QAA", "extra"]),  # the width of another list's order
        cursor_of([["nested"]]),
        cursor_of([{"dt": 5}]),  # was a TypeError (500) in fromisoformat
        cursor_of([{"d": "not a date"}]),
        cursor_of([7]),  # a number for a text column
        cursor_of([True]),
    ],
)
async def test_garbage_cursor_is_a_422_naming_cursor(client: httpx.AsyncClient, seven: list[str], cursor: str) -> None:
    response = await client.get("/states", params={"cursor": cursor})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "cursor"


# --- paginate() directly: descending and mixed-direction keysets, datetime columns ----------------


def add_entries(session: Session, ats: list[datetime]) -> list[AuditEntry]:
    entries = [
        AuditEntry(at=at, entity="pagination-test", entity_id=str(i), action=AuditAction.update)
        for i, at in enumerate(ats)
    ]
    session.add_all(entries)
    session.flush()
    return entries


def walk(session: Session, order: list[Sort], limit: int) -> list[int]:
    stmt = select(AuditEntry).where(AuditEntry.entity == "pagination-test")
    ids, cursor = [], None
    for _ in range(100):
        page = paginate(session, stmt, PageParams(limit=limit, cursor=cursor), order)
        assert len(page.items) <= limit
        ids += [e.id for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids
    raise AssertionError("the cursor never ran out")


@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_descending_id_keyset(session: Session, limit: int) -> None:
    t = datetime(2024, 5, 1, tzinfo=UTC)
    entries = add_entries(session, [t] * 7)
    assert walk(session, [Sort(AuditEntry.id, descending=True)], limit) == sorted((e.id for e in entries), reverse=True)


@pytest.mark.parametrize("limit", [1, 2, 4])
@pytest.mark.parametrize("at_descending", [True, False])
def test_datetime_keyset_with_ties(session: Session, limit: int, at_descending: bool) -> None:
    t = datetime(2024, 5, 1, 12, tzinfo=UTC)
    offsets = [timedelta(seconds=s) for s in (5, 0, 5, 1, 0, 5)] + [timedelta(microseconds=1)]
    entries = add_entries(session, [t + d for d in offsets])
    # at in either direction, ties broken by id ascending: both branches of the keyset condition.
    order = [Sort(AuditEntry.at, descending=at_descending), Sort(AuditEntry.id)]
    expected = sorted(entries, key=lambda e: e.id)
    expected.sort(key=lambda e: e.at, reverse=at_descending)  # stable: keeps id order within a tie
    assert walk(session, order, limit) == [e.id for e in expected]


def test_datetime_cursor_round_trips_through_the_database(session: Session) -> None:
    t = datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)
    add_entries(session, [t, t + timedelta(microseconds=1), t + timedelta(hours=1)])
    stmt = select(AuditEntry).where(AuditEntry.entity == "pagination-test")
    order = [Sort(AuditEntry.at), Sort(AuditEntry.id)]
    first = paginate(session, stmt, PageParams(limit=1), order)
    assert first.items[0].at == t
    second = paginate(session, stmt, PageParams(limit=1, cursor=first.next_cursor), order)
    assert second.items[0].at == t + timedelta(microseconds=1)
    assert second.total == 3


@pytest.mark.parametrize(
    "values",
    [
        [{"dt": "2024-05-01T12:00:00"}, 1],  # naive: the UTC column type refuses to bind it (was a 500)
        [{"dt": "yesterday"}, 1],
        [{"d": "2024-05-01"}, 1],  # a date where a datetime belongs
        ["2024-05-01T12:00:00+00:00", 1],
        [{"dt": "2024-05-01T12:00:00+00:00"}, 2**70],  # beyond 64 bits (was an OverflowError on SQLite)
        [{"dt": "2024-05-01T12:00:00+00:00"}, 1.5],
        [{"dt": "2024-05-01T12:00:00+00:00"}, "1"],  # text for an integer column (was a 500 on PostgreSQL)
    ],
)
def test_tampered_cursor_values_are_invalid_input(session: Session, values: list) -> None:
    stmt = select(AuditEntry)
    with pytest.raises(InvalidInput) as raised:
        paginate(session, stmt, PageParams(cursor=cursor_of(values)), [Sort(AuditEntry.at), Sort(AuditEntry.id)])
    assert raised.value.field == "cursor"


def test_enum_cursor_values_round_trip(session: Session) -> None:
    entries = add_entries(session, [datetime(2024, 5, 1, tzinfo=UTC)] * 3)
    entries[1].action = AuditAction.create
    session.flush()
    order = [Sort(AuditEntry.action), Sort(AuditEntry.id)]  # "create" < "update"
    assert walk(session, order, 1) == [entries[1].id, entries[0].id, entries[2].id]
    with pytest.raises(InvalidInput):
        paginate(session, select(AuditEntry), PageParams(cursor=cursor_of(["explode", 1])), order)
