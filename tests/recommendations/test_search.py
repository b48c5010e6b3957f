"""Full-text search `q`: stemmed, ranked, combined with filters, paged, and safe from any input.

The suite runs on SQLite (FTS5) and on PostgreSQL (tsvector + GIN): these tests are the proof
that both engines answer alike.
"""

import pytest
from sqlmodel import Session, select

from api.recommendations import search
from api.recommendations.models import Recommendation
from tests.cycle_factories import create_recommendation
from tests.helpers import patch_after_read
from tests.recommendations.catalogue import Catalogue, build_catalogue


@pytest.fixture
def cat(session: Session) -> Catalogue:
    c = build_catalogue(session)
    # Short and about discrimination twice: it must outrank B and D, which mention it once.
    c.recs["H"] = create_recommendation(
        session,
        c.reviews["hrv34"],
        "Combat discrimination and prohibit discrimination in law",
        recommending=("SVK",),
        paragraph="100.9",
        position=None,
        external_key="catalogue:H",
    )
    return c


async def _search(client, q, **params) -> dict:
    response = await client.get("/recommendations", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("q", ["discrimination", "discriminate", "discriminating", "Discriminated", "DISCRIMINATION"])
async def test_a_word_and_its_inflections_find_the_same_rows(client, cat, q):
    body = await _search(client, q)
    assert cat.names(body) == {"B", "D", "H"}
    assert body["total"] == 3


async def test_ranked_most_relevant_first(client, cat):
    body = await _search(client, "discrimination")
    names = [cat.name_of(item["id"]) for item in body["items"]]
    assert names[0] == "H"
    ranks = [item["rank"] for item in body["items"]]
    assert all(isinstance(r, float) for r in ranks)
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1]


async def test_every_word_must_occur(client, cat):
    assert cat.names(await _search(client, "discrimination women")) == {"D"}
    assert cat.names(await _search(client, "optional protocol")) == {"C", "E"}
    assert cat.names(await _search(client, "ratify protocol")) == {"E"}
    assert cat.names(await _search(client, "ratify disappearance")) == {"A"}
    assert cat.names(await _search(client, "ratify abolish")) == set()


async def test_stop_words_are_ignored_on_both_engines(client, cat):
    assert cat.names(await _search(client, "the rights of persons with disabilities")) == {"E"}


async def test_search_combines_with_filters(client, cat):
    assert cat.names(await _search(client, "ratify", state_under_review="HRV")) == {"E"}
    assert cat.names(await _search(client, "discrimination", session="20")) == {"D"}
    assert cat.names(await _search(client, "discrimination", position="supported")) == {"B"}


async def test_search_follows_text_changes(client, cat, settings, world):
    headers = world.headers("admin", settings)
    rec = cat.recs["F"]
    response = await patch_after_read(
        client,
        f"/recommendations/{rec.id}",
        headers=headers,
        json={"text": "Guarantee the independence of the judiciary"},
    )
    assert response.status_code == 200, response.text
    assert cat.names(await _search(client, "judiciary")) == {"F"}
    assert cat.names(await _search(client, "ombudsperson")) == set()


@pytest.mark.parametrize("paging", ["cursor", "offset"])
async def test_search_pages_in_rank_order(client, cat, session, paging):
    for n in range(5):
        create_recommendation(
            session,
            cat.reviews["svn34"],
            f"End discrimination in case {n}",
            paragraph=f"131.{n}",
            external_key=f"more:{n}",
        )
    whole = await _search(client, "discrimination")
    assert whole["total"] == 8
    seen, params = [], {"limit": 3}
    for _ in range(5):
        page = await _search(client, "discrimination", **params)
        assert page["total"] == 8
        seen += [item["id"] for item in page["items"]]
        if not page["next_cursor"]:
            break
        params = {"limit": 3, **({"cursor": page["next_cursor"]} if paging == "cursor" else {"offset": len(seen)})}
    assert seen == [item["id"] for item in whole["items"]]


async def test_a_tampered_search_cursor_is_422(client, cat):
    page = await _search(client, "discrimination", limit=1)
    plain = (await client.get("/recommendations", params={"limit": 1})).json()
    for cursor in (plain["next_cursor"], page["next_cursor"] + "x", "W10"):
        response = await client.get("/recommendations", params={"q": "discrimination", "cursor": cursor})
        assert response.status_code == 422, (cursor, response.text)


NASTY = [
    '"',
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "*",
    "-",
    "^",
    ":",
    "'",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "%",
    "_",
    "discrimin*",
    "NEAR(discrimination women)",
    "{text}: discrimination",
    '"unbalanced',
    "a'b",
    "d'Ivoire",
    "'; DROP TABLE recommendation; --",
    "é",
    "Žalec Škofja Loka",
    "日本語",
    "🙂",
    "\u00a0",
    "\x00",
    "a" * 500,
]


@pytest.mark.parametrize("q", NASTY, ids=range(len(NASTY)))
async def test_any_input_is_answered(client, cat, q):
    """Never a 500 and never a query-syntax error: the input is cut into plain words (a query of
    common words only, like `AND`, is a 422 naming `q`)."""
    response = await client.get("/recommendations", params={"q": q})
    if response.status_code == 422:
        assert response.json()["field"] == "q" and "common words" in response.json()["detail"]
    else:
        assert response.status_code == 200, response.text
        assert response.json()["total"] == len(response.json()["items"])


# Punctuation and operators are separators: these all mean "discrimination".
AS_PLAIN = [
    '"discrimination',
    "discrimination)",
    "(discrimination",
    "-discrimination",
    "discrimination AND",
    "AND discrimination",
    "discrimination*",
    "discrimination OR",
    "discrimination\x00",
    " ".join(["discrimination"] * 30),
]


@pytest.mark.parametrize("q", AS_PLAIN, ids=range(len(AS_PLAIN)))
async def test_operators_are_plain_separators(client, cat, q):
    assert cat.names(await _search(client, q)) == {"B", "D", "H"}


@pytest.mark.parametrize("q", ["", "   ", "()", "*"])
async def test_a_query_without_any_word_is_no_search(client, cat, q):
    body = await _search(client, q)
    assert cat.names(body) == cat.all
    assert all(item["rank"] is None for item in body["items"])


@pytest.mark.parametrize("q", ["the of and", "other", "Further", "AND"])
async def test_a_query_of_common_words_only_is_422_not_everything(client, cat, q):
    response = await client.get("/recommendations", params={"q": q})
    assert response.status_code == 422 and response.json()["field"] == "q"


async def test_sharp_s_is_searchable(client, cat, session):
    create_recommendation(
        session,
        cat.reviews["hrv34"],
        "Rename the Hauptstraße school after Roma",
        paragraph="130.1",
        external_key="catalogue:sharp-s",
    )
    body = await _search(client, "Hauptstraße")
    assert [item["paragraph"] for item in body["items"]] == ["130.1"]


def test_search_terms():
    assert search.search_terms('"Discriminating" AND (women*) -roma') == ["discriminating", "women", "roma"]
    assert search.search_terms("the of") == []
    assert search.search_terms("Roma roma ROMA") == ["roma"]
    assert search.search_terms("snake_case") == ["snake", "case"]
    assert len(search.search_terms(" ".join(f"w{n}" for n in range(100)))) == search.MAX_TERMS
    assert search.fts5_query(["near", "and"]) == '"near" "and"'


def test_the_database_uses_its_text_index(session: Session, cat):
    """PostgreSQL: the query's tsvector expression matches the GIN index's (else every search is
    a sequential scan). SQLite: the match is answered by the FTS5 table."""
    stmt, rank = search.apply_search(session, select(Recommendation.id), ["discrimination"])
    sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql))
        assert "ix_recommendation_text_search" in plan, plan
    else:
        plan = "\n".join(str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "recommendation_fts VIRTUAL TABLE" in plan, plan
    assert len(connection.exec_driver_sql(sql).all()) == 3
