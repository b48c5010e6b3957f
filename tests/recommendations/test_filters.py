"""GET /recommendations: every filter keeps some rows and drops others, combinations, paging, 422s."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlmodel import Session

from tests.cycle_factories import create_recommendation
from tests.helpers import assert_problem
from tests.recommendations.catalogue import Catalogue, build_catalogue


@pytest.fixture
def cat(session: Session) -> Catalogue:
    return build_catalogue(session)


def _params(cat: Catalogue, spec: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`theme=@norms` stands for the id of a catalogue theme (ids differ between databases)."""
    lookup = {"theme": cat.themes, "affected_persons": cat.persons, "review": cat.reviews}
    return [(k, str(lookup[k][v[1:]].id) if v.startswith("@") else v) for k, v in spec]


FILTERS = [
    ([("state_under_review", "SVN")], "ABCD"),
    ([("state_under_review", "hrv")], "EF"),  # case-insensitive
    ([("state_under_review", "SVN"), ("state_under_review", "HRV")], "ABCDEF"),
    ([("recommending_state", "FRA")], "AF"),
    ([("recommending_state", "LTU")], "A"),  # a joint recommendation, by its second state
    ([("recommending_state", "FRA"), ("recommending_state", "SEN")], "ACF"),
    ([("region", "WEOG")], "AF"),
    ([("region", "EEG")], "AB"),
    ([("region", "GRULAC")], "D"),
    ([("region", "Asia-Pacific")], "EG"),
    ([("region", "African"), ("region", "GRULAC")], "CD"),
    ([("cycle", "2")], "DG"),
    ([("cycle", "3")], "ABCEF"),
    ([("session", "20")], "DG"),
    ([("session", "34")], "ABCEF"),
    ([("theme", "@norms")], "ACE"),
    ([("theme", "@equality")], "BD"),
    ([("theme", "@women"), ("theme", "@norms")], "ACDE"),
    ([("theme", "ACCEPTANCE OF  international norms")], "ACE"),  # a name, in any case and spacing
    ([("theme", "women's rights"), ("theme", "@norms")], "ACDE"),  # a name and an id
    ([("affected_persons", "@roma")], "B"),
    ([("affected_persons", "roma")], "B"),  # a name
    ([("affected_persons", "@disabilities"), ("affected_persons", "@women")], "DE"),
    ([("sdg_target", "16.10")], "A"),
    ([("sdg_target", "5.1"), ("sdg_target", "8.7")], "DE"),
    ([("position", "supported")], "AB"),
    ([("position", "noted")], "C"),
    ([("position", "supported_in_part")], "D"),
    ([("position", "pending")], "E"),
    ([("position", "supported"), ("position", "noted")], "ABC"),
    ([("action_category", "5")], "AE"),
    ([("action_category", "3"), ("action_category", "4")], "BCD"),
    ([("review", "@svn20")], "D"),
    ([("review", "@svn34"), ("review", "@hrv34")], "ABCEF"),
    # Combinations: every filter must hold.
    ([("state_under_review", "SVN"), ("theme", "@norms")], "AC"),
    ([("state_under_review", "SVN"), ("region", "EEG"), ("position", "supported")], "AB"),
    ([("cycle", "3"), ("action_category", "5"), ("affected_persons", "@disabilities")], "E"),
    ([("theme", "@equality"), ("position", "supported_in_part")], "D"),
    ([("recommending_state", "FRA"), ("region", "EEG")], "A"),  # France with Lithuania
    ([("review", "@svn34"), ("sdg_target", "16.10"), ("position", "supported")], "A"),
    ([("recommending_state", "FRA"), ("session", "20")], ""),
]


@pytest.mark.parametrize(
    ("spec", "expected"), FILTERS, ids=["&".join(f"{k}={v}" for k, v in spec) for spec, _ in FILTERS]
)
async def test_filter_keeps_and_drops(client, cat, spec, expected):
    response = await client.get("/recommendations", params=_params(cat, spec))
    assert response.status_code == 200, response.text
    body = response.json()
    kept = cat.names(body)
    assert kept == set(expected)
    assert cat.all - kept, "a filter test must also show rows being dropped"
    assert body["total"] == len(expected)


async def test_without_filters_everything_in_review_then_id_order(client, cat):
    body = (await client.get("/recommendations")).json()
    assert cat.names(body) == cat.all
    keys = [(item["review_id"], item["id"]) for item in body["items"]]
    assert keys == sorted(keys)


async def test_items_carry_their_details(client, cat):
    body = (await client.get("/recommendations", params={"recommending_state": "LTU"})).json()
    (item,) = body["items"]
    assert item["state_under_review"] == "SVN" and item["session"] == 34 and item["cycle"] == 3
    assert [(s["code"], s["name"], s["regional_group"]) for s in item["recommending_states"]] == [
        ("FRA", "France", "WEOG"),
        ("LTU", "Lithuania", "EEG"),
    ]
    assert [t["name"] for t in item["themes"]] == ["Acceptance of international norms"]
    assert item["sdg_targets"] == ["16.10"]
    assert item["current_position"] == "supported"
    assert item["rank"] is None


@pytest.mark.parametrize("paging", ["cursor", "offset"])
async def test_paging_with_filters(client, cat, paging):
    params = {"state_under_review": "SVN", "limit": 3}
    first = (await client.get("/recommendations", params=params)).json()
    assert first["total"] == 4 and len(first["items"]) == 3 and first["next_cursor"]
    more = {"cursor": first["next_cursor"]} if paging == "cursor" else {"offset": 3}
    second = (await client.get("/recommendations", params={**params, **more})).json()
    assert second["total"] == 4 and len(second["items"]) == 1 and second["next_cursor"] is None
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert len(set(ids)) == 4 and cat.names({"items": first["items"] + second["items"]}) == set("ABCD")
    whole = (await client.get("/recommendations", params={"state_under_review": "SVN"})).json()
    assert ids == [i["id"] for i in whole["items"]]


async def test_cursor_keeps_its_place_when_rows_are_added(client, cat, session):
    first = (await client.get("/recommendations", params={"limit": 2})).json()
    create_recommendation(session, cat.reviews["hrv34"], "Added between two pages", external_key="late")
    rest = (await client.get("/recommendations", params={"limit": 500, "cursor": first["next_cursor"]})).json()
    seen = [i["id"] for i in first["items"] + rest["items"]]
    assert len(seen) == len(set(seen)) == len(cat.all) + 1


BAD = [
    ({"state_under_review": "ZZZ"}, "state_under_review", "ZZZ"),
    ({"state_under_review": "ZZ"}, "state_under_review", ""),
    ({"recommending_state": "XXX"}, "recommending_state", "XXX"),
    ({"region": "Europe"}, "region", ""),
    ({"position": "accepted"}, "position", ""),
    ({"action_category": "6"}, "action_category", ""),
    ({"action_category": "x"}, "action_category", ""),
    ({"theme": "987654"}, "theme", "987654"),
    ({"theme": "abc"}, "theme", ""),
    ({"theme": str(2**70)}, "theme", ""),
    ({"theme": "Women's right"}, "theme", "Women's right"),  # names match whole, not as a substring
    ({"affected_persons": "Romani"}, "affected_persons", "Romani"),
    ({"affected_persons": "987654"}, "affected_persons", "987654"),
    ({"sdg_target": "16.99"}, "sdg_target", "16.99"),
    ({"sdg_target": "banana"}, "sdg_target", ""),
    ({"cycle": "9"}, "cycle", "9"),
    ({"session": "99"}, "session", "99"),
    ({"review": "987654"}, "review", "987654"),
    ({"q": "x" * 501}, "q", ""),
]


@pytest.mark.parametrize(("params", "field", "named"), BAD, ids=[f"{b[1]}={str(b[0])[:30]}" for b in BAD])
async def test_bad_filter_is_422_naming_the_parameter(client, cat, params, field, named):
    body = assert_problem(await client.get("/recommendations", params=params), 422, "validation-error", named)
    assert body["field"].split(".")[0] == field


async def test_valid_parameter_does_not_hide_a_bad_one(client, cat):
    params = [("state_under_review", "SVN"), ("state_under_review", "QQQ")]
    body = assert_problem(await client.get("/recommendations", params=params), 422, "validation-error", "QQQ")
    assert body["field"] == "state_under_review"


@contextmanager
def count_statements(session: Session):
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    engine = session.get_bind().engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def test_a_page_costs_the_same_queries_whatever_its_size(client, cat, session):
    """Details are loaded per page (one query per related table), not per row."""
    session.commit()
    with count_statements(session) as small:
        assert len((await client.get("/recommendations", params={"limit": 2})).json()["items"]) == 2
    for n in range(20):
        create_recommendation(
            session,
            cat.reviews["svn34"],
            f"Extra {n}",
            recommending=("FRA", "SEN"),
            themes=tuple(cat.themes.values()),
            affected=(cat.persons["roma"],),
            sdg_targets=("5.1", "8.7"),
            paragraph=f"130.{n}",
            external_key=f"extra:{n}",
        )
    session.commit()
    with count_statements(session) as large:
        assert len((await client.get("/recommendations", params={"limit": 26})).json()["items"]) == 26
    assert len(large) == len(small) <= 13
