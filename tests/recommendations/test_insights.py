"""Review summaries and champion states: the figures, the filters, the paging, and that they are SQL aggregates."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlmodel import Session

from api.cycle.models import RegionalGroup, State, UNStatus
from api.recommendations.models import PositionKind
from tests.cycle_factories import create_recommendation, create_review, create_theme, create_upr_session
from tests.helpers import assert_problem

P = PositionKind
G = RegionalGroup
STATES = {
    "SVN": ("Slovenia", G.eeg),
    "HRV": ("Croatia", G.eeg),
    "CHN": ("China", G.asia_pacific),
    "FRA": ("France", G.weog),
    "DEU": ("Germany", G.weog),
    "BRA": ("Brazil", G.grulac),
    "SEN": ("Senegal", G.african),
    "PSE": ("State of Palestine", None),
}


def add_states(session: Session) -> None:
    for code, (name, group) in STATES.items():
        if session.get(State, code) is None:
            session.add(
                State(
                    code=code,
                    name=name,
                    regional_group=group,
                    un_status=UNStatus.observer if group is None else UNStatus.member,
                )
            )
    session.flush()


@pytest.fixture
def data(session: Session) -> dict:
    """Three reviews in three cycles; France and Germany recommend on women's rights in each."""
    add_states(session)
    create_upr_session(session, 10, cycle_number=1, year=2011)
    create_upr_session(session, 20, cycle_number=2, year=2014)
    create_upr_session(session, 34, cycle_number=3, year=2019)
    women, roma = create_theme(session, "Women's rights"), create_theme(session, "Roma")
    svn, hrv, chn = (create_review(session, code, number) for code, number in (("SVN", 34), ("HRV", 20), ("CHN", 10)))

    def rec(review, states, themes, position, n):
        return create_recommendation(
            session,
            review,
            f"Recommendation {n}",
            recommending=states,
            themes=themes,
            position=position,
            paragraph=f"100.{n}",
            external_key=f"insights:{n}",
        )

    rec(svn, ("FRA", "DEU"), (women,), P.supported, 1)
    rec(svn, ("FRA",), (women,), P.noted, 2)
    rec(svn, ("BRA",), (women, roma), P.supported_in_part, 3)
    rec(svn, ("SEN",), (roma,), P.pending, 4)
    rec(svn, ("PSE",), (), None, 5)
    rec(hrv, ("FRA",), (women,), P.supported, 6)
    rec(chn, ("FRA",), (women,), P.noted, 7)
    rec(chn, ("DEU",), (women,), P.supported, 8)
    return {"svn": svn, "hrv": hrv, "chn": chn, "women": women, "roma": roma}


async def test_review_summary_counts(client, data):
    response = await client.get(f"/reviews/{data['svn'].id}/summary")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["review_id"], body["state_under_review"], body["session"], body["cycle"]) == (
        data["svn"].id,
        "SVN",
        34,
        3,
    )
    assert body["by_position"] == {
        "supported": 1,
        "supported_in_part": 1,
        "noted": 1,
        "pending": 1,
        "no_position": 1,
        "total": 5,
    }
    assert body["by_theme"] == [
        {"id": data["women"].id, "name": "Women's rights", "count": 3},
        {"id": data["roma"].id, "name": "Roma", "count": 2},
    ]
    assert [(s["code"], s["count"], s["supported"], s["supported_in_part"]) for s in body["by_recommending_state"]] == [
        ("FRA", 2, 1, 0),
        ("BRA", 1, 0, 1),
        ("DEU", 1, 1, 0),
        ("PSE", 1, 0, 0),
        ("SEN", 1, 0, 0),
    ]
    assert body["by_recommending_state"][0] == {
        "code": "FRA",
        "name": "France",
        "regional_group": "WEOG",
        "count": 2,
        "supported": 1,
        "supported_in_part": 0,
    }
    # A joint recommendation of two WEOG states counts once for WEOG; observers have no group.
    assert body["by_region"] == [
        {"regional_group": "African", "count": 1},
        {"regional_group": "Asia-Pacific", "count": 0},
        {"regional_group": "EEG", "count": 0},
        {"regional_group": "GRULAC", "count": 1},
        {"regional_group": "WEOG", "count": 2},
        {"regional_group": None, "count": 1},
    ]


async def test_summary_of_a_review_without_recommendations_has_every_position_at_zero(client, session):
    add_states(session)
    review = create_review(session, "HRV", 34)
    body = (await client.get(f"/reviews/{review.id}/summary")).json()
    assert body["by_position"] == {
        "supported": 0,
        "supported_in_part": 0,
        "noted": 0,
        "pending": 0,
        "no_position": 0,
        "total": 0,
    }
    assert body["by_theme"] == [] and body["by_recommending_state"] == []
    assert [r["count"] for r in body["by_region"]] == [0] * 5


async def test_summary_of_an_unknown_review_is_404(client):
    assert_problem(await client.get("/reviews/999999/summary"), 404, "not-found", "Review 999999")
    bad = await client.get("/reviews/abc/summary")
    assert assert_problem(bad, 422, "validation-error", "review_id")["field"] == "review_id"


def champions_of(body: dict) -> list[tuple]:
    return [
        (
            c["code"],
            c["recommendations"],
            c["states_under_review"],
            c["supported"],
            c["supported_in_part"],
            c["supported_share"],
            c["cycles"],
        )
        for c in body["items"]
    ]


async def test_champions_on_a_theme_across_cycles(client, data):
    response = await client.get("/champions", params={"theme": data["women"].id})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 3 and body["next_cursor"] is None
    assert champions_of(body) == [
        ("FRA", 4, ["CHN", "HRV", "SVN"], 2, 0, 0.5, [1, 2, 3]),
        ("DEU", 2, ["CHN", "SVN"], 2, 0, 1.0, [1, 3]),
        ("BRA", 1, ["SVN"], 0, 1, 1.0, [3]),
    ]
    france = body["items"][0]
    assert (france["name"], france["regional_group"], france["states_under_review_count"]) == ("France", "WEOG", 3)


async def test_champions_filtered_by_region_and_cycle(client, data):
    theme = data["women"].id
    since = (await client.get("/champions", params={"theme": theme, "since_cycle": 2})).json()
    # Ties are broken by code.
    assert champions_of(since) == [
        ("FRA", 3, ["HRV", "SVN"], 2, 0, 0.6667, [2, 3]),
        ("BRA", 1, ["SVN"], 0, 1, 1.0, [3]),
        ("DEU", 1, ["SVN"], 1, 0, 1.0, [3]),
    ]
    weog = (await client.get("/champions", params={"theme": theme, "region": "WEOG"})).json()
    assert [c["code"] for c in weog["items"]] == ["FRA", "DEU"]
    both = (await client.get("/champions", params={"theme": theme, "region": "GRULAC", "since_cycle": 3})).json()
    assert [c["code"] for c in both["items"]] == ["BRA"]
    none = (await client.get("/champions", params={"theme": theme, "since_cycle": 4})).json()
    assert none == {"items": [], "total": 0, "next_cursor": None}
    roma = (await client.get("/champions", params={"theme": data["roma"].id})).json()
    assert champions_of(roma) == [("BRA", 1, ["SVN"], 0, 1, 1.0, [3]), ("SEN", 1, ["SVN"], 0, 0, 0.0, [3])]


async def test_champions_page_by_cursor_and_offset(client, data):
    params = {"theme": data["women"].id, "limit": 1}
    seen, cursor = [], None
    while True:
        page = (await client.get("/champions", params={**params, **({"cursor": cursor} if cursor else {})})).json()
        assert page["total"] == 3
        seen += [c["code"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["FRA", "DEU", "BRA"]
    offset = (await client.get("/champions", params={**params, "offset": 2})).json()
    assert [c["code"] for c in offset["items"]] == ["BRA"]
    tampered = await client.get("/champions", params={**params, "cursor": "bm90LWEtY3Vyc29y"})
    assert assert_problem(tampered, 422, "validation-error", "cursor")["field"] == "cursor"


async def test_champions_input_errors_name_the_field(client, data):
    unknown = await client.get("/champions", params={"theme": 999_999})
    assert assert_problem(unknown, 422, "validation-error", "Unknown theme")["field"] == "theme"
    missing = await client.get("/champions")
    assert assert_problem(missing, 422, "validation-error", "theme")["field"] == "theme"
    region = await client.get("/champions", params={"theme": data["women"].id, "region": "Europe"})
    assert assert_problem(region, 422, "validation-error", "region")["field"] == "region"
    cycle = await client.get("/champions", params={"theme": data["women"].id, "since_cycle": 0})
    assert assert_problem(cycle, 422, "validation-error", "since_cycle")["field"] == "since_cycle"


@contextmanager
def count_statements(session: Session):
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    engine = session.get_bind().engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def test_insights_are_aggregate_queries_not_row_loops(client, session, data):
    """The number of SQL statements does not grow with the number of recommendations."""

    async def statements(path: str, params: dict) -> int:
        with count_statements(session) as seen:
            assert (await client.get(path, params=params)).status_code == 200
        return len(seen)

    summary = f"/reviews/{data['svn'].id}/summary"
    champions = {"theme": data["women"].id}
    before = (await statements(summary, {}), await statements("/champions", champions))
    add_states(session)
    for n in range(30):
        create_recommendation(
            session,
            data["svn"],
            f"More {n}",
            recommending=("FRA", "BRA", "SEN"),
            themes=(data["women"], data["roma"]),
            position=P.supported,
            paragraph=f"101.{n}",
            external_key=f"insights:more:{n}",
        )
    assert (await statements(summary, {}), await statements("/champions", champions)) == before
