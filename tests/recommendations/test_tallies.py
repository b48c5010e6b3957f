"""Champion tallies: refreshed per review or whole they equal a fresh count, and `GET /champions` read from
them answers exactly what the GROUP BY over the recommendations answers, on varied data."""

import importlib.util
import itertools
import random
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from api.core.pagination import PageParams
from api.cycle.models import RegionalGroup, Review, State, UNStatus
from api.recommendations import tallies
from api.recommendations.insights import ChampionFilter, champions
from api.recommendations.models import (
    PositionKind,
    Recommendation,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
)
from api.recommendations.tally_models import ChampionTally
from api.taxonomy.models import Theme, ThemeSynonym
from tests.cycle_factories import create_upr_session

G = RegionalGroup
STATES = {
    "FRA": G.weog,
    "DEU": G.weog,
    "BRA": G.grulac,
    "SEN": G.african,
    "CHN": G.asia_pacific,
    "HRV": G.eeg,
    "SVN": G.eeg,
    "PSE": None,
}
POSITIONS = [*PositionKind, None]
MIGRATION = Path(__file__).resolve().parents[2] / "migrations" / "versions" / "0019_champion_tallies.py"


def ident(row: Theme | Review | Recommendation) -> int:
    assert row.id is not None
    return row.id


class World:
    """Random data: a theme forest three levels deep, six reviews over three cycles, recommendations with
    one to three recommending states, zero to three themes of either origin, any position."""

    def __init__(self, session: Session, seed: int) -> None:
        self.session, self.rng = session, random.Random(seed)
        for code, group in STATES.items():
            if session.get(State, code) is None:
                un_status = UNStatus.observer if group is None else UNStatus.member
                session.add(State(code=code, name=f"State {code}", regional_group=group, un_status=un_status))
        for number, cycle, year in ((10, 1, 2011), (20, 2, 2014), (34, 3, 2019)):
            create_upr_session(session, number, cycle_number=cycle, year=year)
        self.themes: list[Theme] = []
        for n in range(12):
            parent = self.rng.choice([None, *self.themes[:8]]) if n >= 3 else None
            theme = Theme(name=f"Theme {seed}.{n}", parent_id=parent.id if parent else None)
            session.add(theme)
            session.flush()
            self.themes.append(theme)
        self.reviews = []
        for code, number in (("SVN", 34), ("SVN", 20), ("HRV", 20), ("CHN", 10), ("CHN", 34), ("FRA", 10)):
            review = Review(state_code=code, session_number=number)
            session.add(review)
            self.reviews.append(review)
        session.flush()
        self.made = 0
        for _ in range(60):
            self.recommend(self.rng.choice(self.reviews))

    def recommend(self, review: Review) -> Recommendation:
        self.made += 1
        rec = Recommendation(
            review_id=ident(review),
            text=f"Recommendation {self.made}",
            external_key=f"tally:{self.made}:{self.rng.random()}",
            current_position=self.rng.choice(POSITIONS),
        )
        self.session.add(rec)
        self.session.flush()
        for code in self.rng.sample(sorted(STATES), self.rng.randint(1, 3)):
            self.session.add(RecommendingState(recommendation_id=ident(rec), state_code=code))
        for theme in self.rng.sample(self.themes, self.rng.choice([0, 1, 1, 2, 3])):
            origin = self.rng.choice([TagOrigin.source, TagOrigin.source, TagOrigin.inferred])
            self.session.add(RecommendationTheme(recommendation_id=ident(rec), theme_id=ident(theme), origin=origin))
        self.session.flush()
        return rec


def answer(session: Session, f: ChampionFilter, use_tallies: bool, **page: Any) -> dict:
    return champions(session, PageParams(**page), f, use_tallies=use_tallies).model_dump(mode="json")


def questions(world: World) -> list[ChampionFilter]:
    asked = []
    for theme in world.themes:
        for origin in (None, TagOrigin.source, TagOrigin.inferred):
            asked.append(ChampionFilter(theme=(ident(theme),), tag_origin=origin))
        asked.append(ChampionFilter(theme=(ident(theme),), state_under_review=("SVN",), since_cycle=2))
        asked.append(ChampionFilter(theme=(ident(theme),), region=(G.weog, G.eeg), tag_origin=TagOrigin.source))
    for states, since in itertools.product((("SVN",), ("CHN", "HRV"), ("FRA", "SVN", "CHN")), (None, 1, 3)):
        asked.append(ChampionFilter(state_under_review=states, since_cycle=since))
        asked.append(ChampionFilter(state_under_review=states, since_cycle=since, region=(G.african, G.grulac)))
    return asked


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tallied_champions_equal_the_grouped_ones(session: Session, seed: int) -> None:
    world = World(session, seed)
    tallies.refresh_tallies(session, None)
    tallies.assert_tallies_current(session)
    asked = questions(world)
    answered = 0
    for f in asked:
        tallied = answer(session, f, True, limit=500)
        assert tallied == answer(session, f, False, limit=500), f
        answered += bool(tallied["items"])
        # Pages cut from the tallies are the same pages: cursor and offset.
        assert answer(session, f, True, limit=2, offset=1) == answer(session, f, False, limit=2, offset=1), f
    assert answered > len(asked) // 2  # the questions are not all empty ones


def test_champions_read_the_tallies_when_they_answer_and_group_when_they_cannot(session: Session) -> None:
    """Emptied tallies empty the answers the tallies give (so they come from there); several themes and a
    search still come from the recommendations."""
    world = World(session, 7)
    session.commit()  # the commit-time hook refreshes the tallies; uncommitted writes would be counted from rows
    one = ChampionFilter(theme=(ident(world.themes[0]),))
    two = ChampionFilter(theme=(ident(world.themes[1]), ident(world.themes[2])))
    searched = ChampionFilter(state_under_review=("SVN",), q="Recommendation")
    before = {f: answer(session, f, True) for f in (one, two, searched)}
    assert all(b["items"] for b in before.values())
    session.execute(sa.delete(ChampionTally))
    for tallied in (
        one,
        ChampionFilter(state_under_review=("SVN",)),
        ChampionFilter(theme=(ident(world.themes[0]),), tag_origin=TagOrigin.source),
    ):
        assert answer(session, tallied, True)["items"] == [] != answer(session, tallied, False)["items"]
    assert answer(session, two, True) == before[two] and answer(session, searched, True) == before[searched]


def test_a_label_naming_two_themes_is_answered_by_grouping(session: Session) -> None:
    """A label two sources give two unrelated themes names both: a recommendation on both counts once,
    which no tally row can say. Asking for a theme and one under it is that theme's question."""
    world = World(session, 11)
    roots = [t for t in world.themes if t.parent_id is None]
    a = next(t for t in roots if any(c.parent_id == t.id for c in world.themes))
    b = next(t for t in roots if t.id != ident(a))
    for theme, source in ((a, "upr-info"), (b, "dihr")):
        session.add(ThemeSynonym(theme_id=ident(theme), source=source, label="Shared label"))
    rec = world.recommend(world.reviews[0])
    for theme in (a, b):
        if session.get(RecommendationTheme, (ident(rec), ident(theme))) is None:
            session.add(RecommendationTheme(recommendation_id=ident(rec), theme_id=ident(theme)))
    session.flush()
    tallies.refresh_tallies(session, None)
    shared = ChampionFilter(theme=("Shared label",))
    assert answer(session, shared, True) == answer(session, shared, False)
    assert answer(session, shared, True) != answer(session, ChampionFilter(theme=(ident(a),)), True)
    session.execute(sa.delete(ChampionTally))  # not read from the tallies
    assert answer(session, shared, True) == answer(session, shared, False)
    tallies.refresh_tallies(session, None)
    child = next(t for t in world.themes if t.parent_id == ident(a))
    nested = ChampionFilter(theme=(ident(a), ident(child)))
    assert answer(session, nested, True) == answer(session, nested, False)
    assert answer(session, nested, True) == answer(session, ChampionFilter(theme=(ident(a),)), True)


def test_refreshing_the_reviews_a_write_touched_makes_the_tallies_current(session: Session) -> None:
    world = World(session, 5)
    tallies.refresh_tallies(session, None)
    svn34, svn20, hrv = world.reviews[:3]

    def changed(*reviews: Review) -> None:
        assert tallies.tally_differences(session), "the write must make the tallies stale"
        tallies.refresh_tallies(session, [r.id for r in reviews if r.id is not None])
        tallies.assert_tallies_current(session)

    world.recommend(svn34)
    changed(svn34)
    rec = session.exec(select(Recommendation).where(Recommendation.review_id == ident(svn20))).first()
    assert rec is not None
    rec.current_position = PositionKind.noted if rec.current_position != PositionKind.noted else PositionKind.supported
    session.add(rec)
    session.flush()
    changed(svn20)
    tag = session.exec(select(RecommendationTheme)).first()
    assert tag is not None
    owner = session.get(Recommendation, tag.recommendation_id)
    assert owner is not None
    tag.origin = TagOrigin.inferred if tag.origin == TagOrigin.source else TagOrigin.source
    session.add(tag)
    session.flush()
    changed(session.get(Review, owner.review_id) or svn34)
    rec.review_id = ident(hrv)  # moved to another review: both reviews change
    session.add(rec)
    session.flush()
    changed(svn20, hrv)
    session.execute(sa.delete(RecommendingState).where(col(RecommendingState.recommendation_id) == ident(rec)))
    session.execute(sa.delete(RecommendationTheme).where(col(RecommendationTheme.recommendation_id) == ident(rec)))
    session.execute(sa.delete(Recommendation).where(col(Recommendation.id) == ident(rec)))
    changed(hrv)
    # A theme moved under another changes every review's tallies above it: everything is refreshed.
    moved = next(t for t in world.themes if t.parent_id is not None)
    moved.parent_id = next(t.id for t in world.themes if t.parent_id is None and t.id != moved.parent_id)
    session.add(moved)
    session.flush()
    assert tallies.tally_differences(session)
    tallies.refresh_tallies(session, None)
    tallies.assert_tallies_current(session)
    for f in questions(world)[:12]:
        assert answer(session, f, True) == answer(session, f, False), f


def test_refreshing_other_reviews_leaves_the_stale_rows_and_the_check_names_them(session: Session) -> None:
    world = World(session, 9)
    tallies.refresh_tallies(session, None)
    world.recommend(world.reviews[0])
    tallies.refresh_tallies(session, [ident(world.reviews[1])])
    differences = tallies.tally_differences(session)
    assert differences and all(f", {world.reviews[0].id}):" in line for line in differences)
    with pytest.raises(AssertionError, match="not current"):
        tallies.assert_tallies_current(session)
    tallies.refresh_tallies(session, None)
    row = session.exec(select(ChampionTally)).first()  # after the refresh: it rewrote every row
    assert row is not None
    session.execute(sa.update(ChampionTally).where(col(ChampionTally.id) == row.id).values(noted=row.noted + 1))
    assert len(tallies.tally_differences(session)) == 1


def test_many_reviews_are_refreshed_in_chunks(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    world = World(session, 13)
    monkeypatch.setattr(tallies, "CHUNK", 2)
    tallies.refresh_tallies(session, [r.id for r in world.reviews if r.id is not None])
    tallies.assert_tallies_current(session)


def test_the_migration_fills_what_a_refresh_writes(session: Session) -> None:
    """Migration 0019 fills the table with frozen SQL: the same rows as `refresh_tallies`."""
    World(session, 17)
    spec = importlib.util.spec_from_file_location("migration_0019", MIGRATION)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    session.execute(sa.delete(ChampionTally))
    for statement in migration.FILL:
        session.execute(sa.text(statement))
    tallies.assert_tallies_current(session)
