"""The demo data `upr seed` loads: reference tables, and Slovenia's 2019 review parsed from OHCHR's thematic list.

The committed fixture (api/seed_data/) is what is checked here; the parser that builds it from
../shared/data (tools/build_demo_fixture.py) is tested on excerpts of the real cells, since
tests may not read ../shared.
"""

import importlib.util
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from api.audit.models import AuditEntry
from api.cycle.calendar import cycle_of_session
from api.cycle.models import Cycle, DocumentKind, Review, ReviewDocument, ReviewTroika, State, UprSession
from api.recommendations.models import (
    Position,
    PositionKind,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    RecommendingState,
)
from api.seed import demo_fixture, seed_reference_and_demo
from api.taxonomy.models import AffectedPerson, SdgTarget, Theme
from api.taxonomy.vocabulary import canonical_for, vocabulary

FIXTURE = demo_fixture()
RECS = FIXTURE["recommendations"]


def canonical_theme(label: str) -> str:
    """The canonical theme a label of the demo's OHCHR matrix lands on."""
    synonym = canonical_for("ohchr-matrix", label, kind="theme")
    assert synonym is not None and synonym.code is not None, f"{label!r} is not in the crosswalk"
    return vocabulary().themes[synonym.code].name


def canonical_group(label: str) -> str:
    synonym = canonical_for("ohchr-matrix", label, kind="affected_person")
    assert synonym is not None and synonym.code is not None, f"{label!r} is not in the crosswalk"
    return vocabulary().groups[synonym.code].name


def load_builder():
    path = Path(__file__).resolve().parent.parent / "tools" / "build_demo_fixture.py"
    spec = importlib.util.spec_from_file_location("build_demo_fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = load_builder()


def count(session: Session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def slovenia(session: Session) -> Review:
    return session.exec(select(Review).where(Review.state_code == "SVN", Review.session_number == 34)).one()


def by_paragraph(session: Session, paragraph: str) -> list[Recommendation]:
    return list(
        session.exec(select(Recommendation).where(Recommendation.paragraph == paragraph).order_by(Recommendation.id))
    )


def states_of(session: Session, recommendation: Recommendation) -> set[str]:
    return set(
        session.exec(
            select(RecommendingState.state_code).where(RecommendingState.recommendation_id == recommendation.id)
        )
    )


@pytest.fixture
def seeded(session: Session):
    return seed_reference_and_demo(session)


def test_the_fixture_is_the_whole_review():
    """215 table rows (182 supported, 33 noted), some holding several recommendations."""
    rows = {r["table_row"]: r["position"] for r in RECS}
    assert len(rows) == FIXTURE["source"]["rows"] == 215
    assert Counter(rows.values()) == {"supported": 182, "noted": 33}
    assert len(RECS) == 219
    assert len({r["text"] for r in RECS}) == len(RECS)  # distinct texts: distinct derived keys
    assert all(r["recommending_states"] and r["text"] and r["paragraph"] for r in RECS)
    assert FIXTURE["review"]["state_under_review"] == "SVN" and FIXTURE["review"]["session"] == 34


def test_seed_loads_reference_tables(session: Session, seeded):
    assert (seeded.cycles, seeded.sessions, seeded.sdg_targets) == (4, 53, 169)
    assert {(c.number, c.start_year, c.end_year) for c in session.exec(select(Cycle))} >= {
        (1, 2008, 2011),
        (2, 2012, 2016),
        (3, 2017, 2022),
        (4, 2022, 2027),
    }
    sessions = {s.number: s for s in session.exec(select(UprSession))}
    assert len(sessions) == 53
    assert [(n, sessions[n].cycle_number, sessions[n].year) for n in (1, 12, 13, 26, 27, 34, 40, 41, 53)] == [
        (1, 1, 2008),
        (12, 1, 2011),
        (13, 2, 2012),
        (26, 2, 2016),
        (27, 3, 2017),
        (34, 3, 2019),
        (40, 3, 2022),
        (41, 4, 2022),
        (53, 4, 2026),
    ]
    assert [cycle_of_session(n) for n in (12, 13, 26, 27, 40, 41)] == [1, 2, 2, 3, 3, 4]
    assert count(session, SdgTarget) == 169
    assert count(session, State) == 195


def test_seed_loads_every_recommendation_of_the_review(session: Session, seeded):
    review = slovenia(session)
    assert review.dialogue_date == date(2019, 11, 12)
    assert count(session, ReviewTroika, ReviewTroika.review_id == review.id) == 0  # not in the data
    documents = {
        d.symbol: d.kind for d in session.exec(select(ReviewDocument).where(ReviewDocument.review_id == review.id))
    }
    assert documents == {"A/HRC/43/15": DocumentKind.working_group_report, "A/HRC/43/15/Add.1": DocumentKind.addendum}

    in_review = Recommendation.review_id == review.id
    assert seeded.demo.recommendations == len(RECS) == count(session, Recommendation, in_review)
    assert count(session, Position) == len(RECS)
    assert count(session, RecommendingState) == sum(len(r["recommending_states"]) for r in RECS)
    # The matrix's labels land on canonical entries (two labels may share one): one link per entry.
    assert count(session, RecommendationTheme) == sum(len({canonical_theme(t) for t in r["themes"]}) for r in RECS)
    assert count(session, RecommendationAffectedPerson) == sum(
        len({canonical_group(p) for p in r["affected_persons"]}) for r in RECS
    )
    assert count(session, Theme) == len(vocabulary().themes) and seeded.demo.themes == 0
    assert count(session, AffectedPerson) == len(vocabulary().groups) and seeded.demo.affected_persons == 0
    positions = Counter(r["position"] for r in RECS)
    for kind in PositionKind:
        assert count(session, Recommendation, in_review, Recommendation.current_position == kind) == positions[kind]


def test_real_recommendations_spot_checked(session: Session, seeded):
    (first,) = by_paragraph(session, "121.1")
    assert first.text == (
        "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"
    )
    assert states_of(session, first) == {"FRA", "LTU"}
    assert first.current_position is PositionKind.supported and first.source_document == "A/HRC/43/15"
    (position,) = session.exec(select(Position).where(Position.recommendation_id == first.id))
    assert (position.source_document, position.source_paragraph, position.date) == (
        "A/HRC/43/15",
        "121",
        date(2019, 11, 12),
    )

    # One cell, two recommendations, each with its own state.
    ukraine, slovakia = by_paragraph(session, "121.2")
    assert ukraine.text.startswith("Complete the process of ratification") and states_of(session, ukraine) == {"UKR"}
    assert slovakia.text.startswith("Increase efforts towards ratification") and states_of(session, slovakia) == {"SVK"}

    # A convention number in parentheses stays in the text; only state names are recommending states.
    (ilo,) = by_paragraph(session, "121.3")
    assert ilo.text.endswith("Forced Labour Convention, 1930 (No. 29)")
    assert states_of(session, ilo) == {"GBR"}

    # Three states in one cell, noted, the position sourced to the addendum.
    noted = by_paragraph(session, "122.3")
    assert [states_of(session, r) for r in noted] == [{"IDN"}, {"NER"}, {"PHL"}]
    assert {r.current_position for r in noted} == {PositionKind.noted}
    (position,) = session.exec(select(Position).where(Position.recommendation_id == noted[0].id))
    assert (position.source_document, position.date) == ("A/HRC/43/15/Add.1", date(2020, 1, 30))
    themes = set(
        session.exec(
            select(Theme.name).join(RecommendationTheme).where(RecommendationTheme.recommendation_id == noted[0].id)
        )
    )
    assert "Acceptance of international norms" in themes


def test_seeding_twice_adds_nothing(session: Session, seeded):
    audited = count(session, AuditEntry)
    assert audited > len(RECS)  # the seed is audited like any write
    rows = {
        model: count(session, model)
        for model in (
            Recommendation,
            Position,
            RecommendingState,
            Theme,
            AffectedPerson,
            Review,
            ReviewDocument,
            UprSession,
        )
    }
    again = seed_reference_and_demo(session)
    assert (again.states, again.cycles, again.sessions, again.sdg_targets) == (0, 0, 0, 0)
    assert (again.demo.reviews, again.demo.documents, again.demo.recommendations, again.demo.themes) == (0, 0, 0, 0)
    assert {model: count(session, model) for model in rows} == rows
    assert count(session, AuditEntry) == audited


def test_seed_completes_a_partly_seeded_review(session: Session, seeded):
    """A recommendation missing (deleted, or new in a rebuilt fixture) is added back; the rest is left alone."""
    (removed,) = by_paragraph(session, "121.1")
    session.delete(removed)
    session.flush()
    again = seed_reference_and_demo(session)
    assert again.demo.recommendations == 1 and again.demo.themes == 0
    assert states_of(session, by_paragraph(session, "121.1")[0]) == {"FRA", "LTU"}


async def test_summary_of_the_seeded_review_matches_the_fixture(client, session: Session, seeded):
    body = (await client.get(f"/reviews/{slovenia(session).id}/summary")).json()
    positions = Counter(r["position"] for r in RECS)
    assert body["by_position"] == {
        "supported": positions["supported"],
        "supported_in_part": 0,
        "noted": positions["noted"],
        "pending": 0,
        "no_position": 0,
        "total": len(RECS),
    }
    assert {s["code"]: s["count"] for s in body["by_recommending_state"]} == Counter(
        c for r in RECS for c in r["recommending_states"]
    )
    assert {t["name"]: t["count"] for t in body["by_theme"]} == Counter(
        name for r in RECS for name in {canonical_theme(t) for t in r["themes"]}
    )
    supported_by = Counter(c for r in RECS if r["position"] == "supported" for c in r["recommending_states"])
    assert {s["code"]: s["supported"] for s in body["by_recommending_state"]} == {
        s["code"]: supported_by[s["code"]] for s in body["by_recommending_state"]
    }


# The parser, on cells copied from the real file (and the quirks README section 3 lists).
STATES = builder.state_index()


def test_parser_splits_a_cell_into_recommendations_with_their_states():
    split = builder.split_recommendations
    (joint,) = split("121.1 Ratify the Convention (France) (Lithuania);", STATES)
    assert (joint.paragraph, joint.text, joint.recommending_states) == (
        "121.1",
        "Ratify the Convention",
        ["FRA", "LTU"],
    )
    two = split("121.2 Complete the ratification (Ukraine); Increase efforts towards ratification (Slovakia);", STATES)
    assert [(r.paragraph, r.text, r.recommending_states) for r in two] == [
        ("121.2", "Complete the ratification", ["UKR"]),
        ("121.2", "Increase efforts towards ratification", ["SVK"]),
    ]
    (semicolons,) = split("186.28. Ratify it (Chile); (Estonia); (Slovenia);", STATES)
    assert semicolons.paragraph == "186.28" and semicolons.recommending_states == ["CHL", "EST", "SVN"]
    (ilo,) = split(
        "121.3 Ratify the Protocol, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);", STATES
    )
    assert ilo.text == "Ratify the Protocol, 1930 (No. 29)" and ilo.recommending_states == ["GBR"]
    (inverted,) = split("122.9 Do it (Bolivarian Republic of Venezuela) (Islamic Republic of Iran).", STATES)
    assert inverted.recommending_states == ["VEN", "IRN"]


@pytest.mark.parametrize(
    "cell", ["Ratify it (France);", "121.1 Ratify it (Atlantis);", "121.1 Ratify it", "121.1 (France);"]
)
def test_parser_refuses_what_it_cannot_read(cell):
    with pytest.raises(builder.ParseError):
        builder.split_recommendations(cell, STATES)


def test_parser_reads_the_source_of_position_variants():
    parse = builder.parse_source
    assert parse("Source of Position: A/HRC/43/15 - Para 121") == {"document": "A/HRC/43/15", "paragraph": "121"}
    assert parse("Source of position: A/HRC/43/15/Add.1 - Para.3") == {
        "document": "A/HRC/43/15/Add.1",
        "paragraph": "3",
    }
    assert parse("Source of position: A/HRC/25/5/Add.1 - Para.3vv")["paragraph"] == "3"
    assert parse("Source of Position: A/HRC/43/15/Add.1") == {"document": "A/HRC/43/15/Add.1", "paragraph": None}


def test_parser_reads_themes_sdgs_and_affected_persons():
    cell = (
        "- Acceptance of international norms\n- Enforced disappearances\nSDGs: \n"
        "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\n- 5 - GENDER EQUALITY\nAffected persons: \n"
        "- Disappeared persons"
    )
    assert builder.parse_tags(cell) == {
        "themes": ["Acceptance of international norms", "Enforced disappearances"],
        "sdg_goals": [16, 5],
        "affected_persons": ["Disappeared persons"],
    }
    assert builder.parse_tags("- Right to health\nGroups of Persons:\n- Women")["affected_persons"] == ["Women"]


def test_parser_reads_a_whole_row():
    row = {
        "table_row": "3",
        "Position": "Supported",
        "Full list of themes": "- Enforced disappearances",
        "Recommendation": "121.2 Complete it (Ukraine); Increase efforts (Slovakia);\n"
        "Source of Position: A/HRC/43/15 - Para 121",
    }
    parsed = builder.parse_row(row, STATES)
    assert [
        (r["text"], r["recommending_states"], r["position"], r["position_source"]["paragraph"]) for r in parsed
    ] == [("Complete it", ["UKR"], "supported", "121"), ("Increase efforts", ["SVK"], "supported", "121")]
