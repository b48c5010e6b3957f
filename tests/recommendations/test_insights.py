"""Review summaries and champion states: the figures, the filters, the paging, and that they are SQL aggregates."""

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import event
from sqlmodel import Session

from api.cycle.models import RegionalGroup, State, UNStatus
from api.imports.pipeline import run_import
from api.recommendations.models import PositionKind
from api.seed import seed_states
from api.taxonomy.service import seed_sdg_targets
from tests.cycle_factories import create_recommendation, create_review, create_theme, create_upr_session
from tests.helpers import assert_problem
from tests.recommendations.catalogue import build_catalogue

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


async def champions(client, **params) -> dict:
    response = await client.get("/champions", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_champions_on_a_theme_across_cycles(client, data):
    body = await champions(client, theme=data["women"].id)
    assert body["total"] == 3 and body["next_cursor"] is None
    assert champions_of(body) == [
        ("FRA", 4, ["CHN", "HRV", "SVN"], 2, 0, 0.5, [1, 2, 3]),
        ("DEU", 2, ["CHN", "SVN"], 2, 0, 1.0, [1, 3]),
        ("BRA", 1, ["SVN"], 0, 1, 1.0, [3]),
    ]
    france = body["items"][0]
    assert (france["name"], france["regional_group"], france["states_under_review_count"]) == ("France", "WEOG", 3)
    assert france["by_state_under_review"] == {"CHN": 1, "HRV": 1, "SVN": 2}
    assert (france["noted"], france["no_position_yet"], france["latest_cycle"]) == (2, 0, 3)


async def test_champions_count_every_position(client, data):
    """Supported, in part, noted and "no position yet" (pending or none recorded) add up to the total."""
    body = await champions(client, state_under_review="SVN")
    figures = {
        c["code"]: (c["recommendations"], c["supported"], c["supported_in_part"], c["noted"], c["no_position_yet"])
        for c in body["items"]
    }
    assert figures == {
        "FRA": (2, 1, 0, 1, 0),
        "BRA": (1, 0, 1, 0, 0),
        "DEU": (1, 1, 0, 0, 0),
        "PSE": (1, 0, 0, 0, 1),  # no theme and no position: counted when no theme is asked for
        "SEN": (1, 0, 0, 0, 1),  # pending
    }
    assert [c["code"] for c in body["items"]] == ["FRA", "BRA", "DEU", "PSE", "SEN"]
    assert {c["supported_share"] for c in body["items"] if c["code"] in ("PSE", "SEN")} == {0.0}


async def test_champions_filtered_by_region_and_cycle(client, data):
    theme = data["women"].id
    since = await champions(client, theme=theme, since_cycle=2)
    # Ties are broken by code.
    assert champions_of(since) == [
        ("FRA", 3, ["HRV", "SVN"], 2, 0, 0.6667, [2, 3]),
        ("BRA", 1, ["SVN"], 0, 1, 1.0, [3]),
        ("DEU", 1, ["SVN"], 1, 0, 1.0, [3]),
    ]
    weog = await champions(client, theme=theme, region="WEOG")
    assert [c["code"] for c in weog["items"]] == ["FRA", "DEU"]
    both = await champions(client, theme=theme, region="GRULAC", since_cycle=3)
    assert [c["code"] for c in both["items"]] == ["BRA"]
    two_regions = await champions(client, theme=theme, region=["GRULAC", "African"])
    assert [c["code"] for c in two_regions["items"]] == ["BRA"]
    none = await champions(client, theme=theme, region="African")
    assert none == {"items": [], "total": 0, "next_cursor": None}
    roma = await champions(client, theme=data["roma"].id)
    assert champions_of(roma) == [("BRA", 1, ["SVN"], 0, 1, 1.0, [3]), ("SEN", 1, ["SVN"], 0, 0, 0.0, [3])]


async def test_champions_of_several_themes_count_a_recommendation_once(client, data):
    body = await champions(client, theme=[data["women"].id, data["roma"].id], state_under_review="SVN")
    # Recommendation 3 (Brazil) is on both themes: one recommendation, not two.
    assert [(c["code"], c["recommendations"]) for c in body["items"]] == [
        ("FRA", 2),
        ("BRA", 1),
        ("DEU", 1),
        ("SEN", 1),
    ]


async def test_a_theme_includes_the_themes_under_it(client, session, data):
    minorities = create_theme(session, "Minorities")
    data["roma"].parent_id = minorities.id
    session.add(data["roma"])
    session.flush()
    grand = create_theme(session, "Roma housing")  # two levels down, with a recommendation of its own
    grand.parent_id = data["roma"].id
    session.add(grand)
    create_recommendation(
        session, data["hrv"], "Roma housing", recommending=("DEU",), themes=(grand,), external_key="insights:grand"
    )
    broad = await champions(client, theme=minorities.id)
    assert [(c["code"], c["recommendations"]) for c in broad["items"]] == [("BRA", 1), ("DEU", 1), ("SEN", 1)]
    deu = next(c for c in broad["items"] if c["code"] == "DEU")
    assert parse_qs(urlsplit(deu["recommendations_url"]).query)["theme"] == sorted(
        str(t) for t in (minorities.id, data["roma"].id, grand.id)
    )
    narrow = await champions(client, theme=grand.id)
    assert [c["code"] for c in narrow["items"]] == ["DEU"]


async def test_champions_for_one_state_under_review(client, data):
    """The state a CSO prepares for: only what was recommended to it, whatever else the champions did."""
    body = await champions(client, theme=data["women"].id, state_under_review="SVN")
    assert champions_of(body) == [
        ("FRA", 2, ["SVN"], 1, 0, 0.5, [3]),
        ("BRA", 1, ["SVN"], 0, 1, 1.0, [3]),
        ("DEU", 1, ["SVN"], 1, 0, 1.0, [3]),
    ]
    assert body["items"][0]["by_state_under_review"] == {"SVN": 2}
    two = await champions(client, theme=data["women"].id, state_under_review=["HRV", "CHN"])
    assert champions_of(two) == [("FRA", 2, ["CHN", "HRV"], 1, 0, 0.5, [1, 2]), ("DEU", 1, ["CHN"], 1, 0, 1.0, [1])]


async def test_the_link_lists_what_a_champion_was_counted_for(client, data):
    cases = [
        {"theme": data["women"].id},
        {"theme": data["women"].id, "state_under_review": "SVN"},
        {"theme": [data["women"].id, data["roma"].id], "since_cycle": 2, "region": "WEOG"},
        {"state_under_review": "SVN", "q": "Recommendation"},
    ]
    for params in cases:
        body = await champions(client, **params)
        assert body["items"], params
        for champion in body["items"]:
            url = urlsplit(champion["recommendations_url"])
            assert url.path == "/recommendations"
            listed = await client.get(url.path, params=parse_qs(url.query))
            assert listed.status_code == 200, listed.text
            items = listed.json()["items"]
            assert len(items) == listed.json()["total"] == champion["recommendations"], (params, champion["code"])
            assert all(champion["code"] in [s["code"] for s in r["recommending_states"]] for r in items)
            positions = [r["current_position"] for r in items]
            assert positions.count("supported") == champion["supported"]
            assert positions.count("noted") == champion["noted"]


async def test_tag_origin_tells_the_sources_themes_from_the_classifiers(client, session, data):
    """Recommendation 3 (Brazil to Slovenia) holds women's rights as the classifier's guess: `source` leaves
    Brazil out, `inferred` has only Brazil, `any` both; the champion's link carries the origin along."""
    from sqlmodel import col, select

    from api.recommendations.models import Recommendation, RecommendationTheme, TagOrigin

    guessed = session.exec(
        select(RecommendationTheme)
        .join(Recommendation, col(Recommendation.id) == col(RecommendationTheme.recommendation_id))
        .where(Recommendation.text == "Recommendation 3", RecommendationTheme.theme_id == data["women"].id)
    ).one()
    guessed.origin, guessed.confidence, guessed.model_version = TagOrigin.inferred, 0.91, "m" * 16
    session.add(guessed)
    session.flush()
    women = data["women"].id
    assert {c["code"] for c in (await champions(client, theme=women))["items"]} == {"FRA", "DEU", "BRA"}
    assert {c["code"] for c in (await champions(client, theme=women, tag_origin="source"))["items"]} == {"FRA", "DEU"}
    inferred = await champions(client, theme=women, tag_origin="inferred")
    assert [c["code"] for c in inferred["items"]] == ["BRA"]
    url = urlsplit(inferred["items"][0]["recommendations_url"])
    assert parse_qs(url.query)["tag_origin"] == ["inferred"]
    listed = (await client.get(url.path, params=parse_qs(url.query))).json()
    assert [r["text"] for r in listed["items"]] == ["Recommendation 3"]
    refused = await client.get("/champions", params={"theme": women, "tag_origin": "guess"})
    assert refused.status_code == 422 and "tag_origin" in refused.text


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
    women = data["women"].id
    cases = [
        ({"theme": 999_999}, "theme", "Unknown theme"),
        ({"theme": [women, 999_998]}, "theme", "999998"),
        ({}, "theme", "at least one"),
        ({"theme": women, "region": "Europe"}, "region", "region"),
        ({"theme": women, "since_cycle": 0}, "since_cycle", "since_cycle"),
        ({"theme": women, "since_cycle": 4}, "since_cycle", "Unknown cycle 4"),
        ({"state_under_review": "XXX"}, "state_under_review", "XXX"),
        ({"state_under_review": "svn!"}, "state_under_review", "state_under_review"),
        ({"q": "the other"}, "q", "common words"),
    ]
    for params, field, detail in cases:
        response = await client.get("/champions", params=params)
        # A repeatable parameter's item is named with its index (`region.0`), as on `/recommendations`.
        assert assert_problem(response, 422, "validation-error", detail)["field"].split(".")[0] == field, params


async def test_the_champion_question_for_a_cso_of_slovenia_on_roma_rights(client, session):
    """ "Who recommended on Roma rights to Slovenia before, and did we accept it?" on the test catalogue."""
    cat = build_catalogue(session)
    for name, review, text, states, position in (
        ("R1", "svn20", "Take further measures to combat discrimination against Roma", ("FRA", "SVK"), P.supported),
        ("R2", "svn34", "Improve access of Roma children to education", ("SVK",), P.noted),
        ("R3", "svn34", "Ensure Roma communities have access to drinking water", ("BRA",), P.pending),
        ("R4", "hrv34", "Combat discrimination against Roma in employment", ("FRA",), P.supported),
    ):
        cat.recs[name] = create_recommendation(
            session,
            cat.reviews[review],
            text,
            recommending=states,
            position=position,
            themes=(cat.themes["equality"],),
            external_key=f"catalogue:{name}",
        )
    body = await champions(client, state_under_review="SVN", q="Roma")
    answer = {
        c["code"]: (c["recommendations"], c["supported"], c["noted"], c["no_position_yet"], c["cycles"])
        for c in body["items"]
    }
    assert answer == {
        "SVK": (2, 1, 1, 0, [2, 3]),  # once with France in 2014 (accepted), once alone in 2019 (noted)
        "BRA": (1, 0, 0, 1, [3]),
        "FRA": (1, 1, 0, 0, [2]),  # its Croatian recommendation on Roma is not Slovenia's
    }
    assert [c["code"] for c in body["items"]] == ["SVK", "BRA", "FRA"]
    slovakia = body["items"][0]
    listed = (
        await client.get("/recommendations", params=parse_qs(urlsplit(slovakia["recommendations_url"]).query))
    ).json()
    assert cat.names(listed) == {"R1", "R2"}
    since = await champions(client, state_under_review="SVN", q="Roma", since_cycle=3, region="EEG")
    assert [(c["code"], c["recommendations"], c["noted"]) for c in since["items"]] == [("SVK", 1, 1)]
    themed = await champions(client, state_under_review="SVN", q="Roma", theme=cat.themes["women"].id)
    assert themed["items"] == []


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


REAL = Path(__file__).resolve().parents[3] / "shared" / "data"

if REAL.is_dir():

    async def test_whole_real_files_answer_the_champion_question_for_slovenia_on_roma(client, session):
        """UPR Info (cycles 1–2) and OHCHR's two Slovenian matrices (2014, 2019) imported whole: who
        recommended on Roma to Slovenia, and did Slovenia accept?"""
        seed_states(session)
        seed_sdg_targets(session)
        run_import(session, REAL / "upr_info" / "upr_info_recommendations_sessions01-20.csv.gz")
        for name, number in (("slovenia_upr20_2014_thematic_list", 20), ("slovenia_upr34_2019_thematic_list", 34)):
            run_import(session, REAL / "ohchr_matrices" / f"{name}.csv", state="SVN", upr_session=number)
        body = await champions(client, state_under_review="SVN", q="Roma", limit=500)
        answer = {
            c["code"]: (c["recommendations"], c["noted"], c["no_position_yet"], c["cycles"]) for c in body["items"]
        }
        assert body["total"] == len(answer) == 42
        # Australia and Chile asked in every cycle, Spain in the last two; Slovenia accepted them all.
        assert [c["code"] for c in body["items"][:3]] == ["AUS", "CHL", "ESP"]
        assert (answer["AUS"], answer["CHL"], answer["ESP"]) == (
            (3, 0, 0, [1, 2, 3]),
            (3, 0, 0, [1, 2, 3]),
            (3, 0, 0, [2, 3]),
        )
        assert all(c["supported_share"] == 1.0 for c in body["items"][:3])
        # What Slovenia did not accept: one noted recommendation each, in three different cycles.
        noted = {code: cycles for code, (_n, n_noted, _none, cycles) in answer.items() if n_noted}
        assert noted == {"GBR": [1, 2], "NLD": [2, 3], "GRC": [2, 3]}
        assert not any(none for _n, _noted, none, _cycles in answer.values())
        assert all(c["by_state_under_review"] == {"SVN": c["recommendations"]} for c in body["items"])

        listed = (await client.get("/recommendations", params={"state_under_review": "SVN", "q": "Roma"})).json()
        assert 0 < listed["total"] <= sum(n for n, *_ in answer.values())  # joint ones count for each author
        for champion in body["items"]:
            link = urlsplit(champion["recommendations_url"])
            page = (await client.get(link.path, params=parse_qs(link.query))).json()
            assert page["total"] == champion["recommendations"], champion["code"]

        cycle3 = await champions(client, state_under_review="SVN", q="Roma", since_cycle=3, region="WEOG", limit=500)
        # The 2019 review (OHCHR's matrix) from the Western group: Greece's is the one Slovenia noted.
        assert [(c["code"], c["recommendations"], c["noted"]) for c in cycle3["items"]] == [
            ("AUS", 1, 0),
            ("AUT", 1, 0),
            ("CAN", 1, 0),
            ("DEU", 1, 0),
            ("ESP", 1, 0),
            ("GRC", 1, 1),
            ("NLD", 1, 0),
            ("USA", 1, 0),
        ]
