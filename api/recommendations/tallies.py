"""Champion tallies kept current: what `GET /champions` reads instead of grouping the recommendations.

Grain: (theme, tag origin, recommending state, review) → recommendations, supported, supported in part,
noted. "A theme includes the themes under it" without counting a recommendation twice: each
recommendation counts once under every theme of the closure of its themes (each tagged theme and all
its ancestors, distinct), per origin (`any`; `source` and `inferred`, from its tags of that origin). A
row with no theme counts every recommendation (questions on the state under review alone).

`refresh_tallies` rewrites rows in SQL (DELETE, then INSERT … SELECT … GROUP BY: no row objects); the
commit-time hook calls it with the reviews a write touched, or with None when the theme hierarchy
changed. `tally_differences` recomputes everything in Python, independently of that SQL, for tests.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import case, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from api.cycle.models import Review, UprSession
from api.recommendations.models import PositionKind, Recommendation, RecommendationTheme, RecommendingState
from api.recommendations.tally_models import ANY_ORIGIN, ChampionTally
from api.taxonomy.models import Theme

R, RS, RT = Recommendation, RecommendingState, RecommendationTheme
TABLE: sa.Table = ChampionTally.__table__  # type: ignore[attr-defined]

# Review ids per statement: a whole-file import touches every review, and bound parameters are limited.
CHUNK = 500
WORK_MEM = "64MB"

AnySelect = sa.Select[*tuple[Any, ...]]

COUNTS = ("recommendations", "supported", "supported_in_part", "noted")


def _closure() -> sa.CTE:
    """(theme_id, ancestor_id) for every theme and each theme above it, itself included. UNION (not
    UNION ALL) ends the recursion even if the hierarchy had a cycle."""
    closure = sa.select(col(Theme.id).label("theme_id"), col(Theme.id).label("ancestor_id")).cte(
        "theme_closure", recursive=True
    )
    parent = aliased(Theme, name="parent_theme")
    step = (
        sa.select(closure.c.theme_id, col(parent.parent_id))
        .join(parent, col(parent.id) == closure.c.ancestor_id)
        .where(col(parent.parent_id).is_not(None))
    )
    return closure.union(step)


def _count(position: PositionKind) -> sa.ColumnElement[int]:
    return func.count(case((col(R.current_position) == position, 1)))


def _selects(review_ids: Sequence[int] | None) -> list[AnySelect]:
    """The tally rows of these reviews (all when None), as three grouped SELECTs: no theme; each origin;
    any origin. Each recommendation joins the tags' closure as distinct (recommendation, theme[, origin])."""
    in_reviews: list[sa.ColumnElement[bool]] = [] if review_ids is None else [col(R.review_id).in_(review_ids)]
    counts = (func.count(), *(_count(p) for p in (PositionKind.supported, PositionKind.supported_in_part)))
    counts += (_count(PositionKind.noted),)
    no_theme: AnySelect = (
        sa.select(sa.null(), sa.literal_column(f"'{ANY_ORIGIN}'"), col(RS.state_code), col(R.review_id), *counts)
        .select_from(R)
        .join(RS, col(RS.recommendation_id) == R.id)
        .where(*in_reviews)
        .group_by(col(RS.state_code), col(R.review_id))
    )
    selects: list[AnySelect] = [no_theme]
    closure = _closure()
    tagged = col(RT.recommendation_id)
    scope = [tagged.in_(sa.select(col(R.id)).where(*in_reviews))] if review_ids is not None else []
    origins: tuple[sa.ColumnElement[Any], ...] = (
        sa.type_coerce(col(RT.origin), sa.String),
        sa.literal_column(f"'{ANY_ORIGIN}'"),
    )
    for origin in origins:
        marked = (
            sa.select(
                tagged.label("recommendation_id"), closure.c.ancestor_id.label("theme_id"), origin.label("origin")
            )
            .join(closure, closure.c.theme_id == RT.theme_id)
            .where(*scope)
            .distinct()
            .subquery("marked")
        )
        selects.append(
            sa.select(marked.c.theme_id, marked.c.origin, col(RS.state_code), col(R.review_id), *counts)
            .select_from(marked)
            .join(R, col(R.id) == marked.c.recommendation_id)
            .join(RS, col(RS.recommendation_id) == R.id)
            .group_by(marked.c.theme_id, marked.c.origin, col(RS.state_code), col(R.review_id))
        )
    return selects


_COLUMNS = ("theme_id", "origin", "state_code", "review_id", *COUNTS)


def refresh_tallies(session: Session, review_ids: Collection[int] | None) -> None:
    """Recompute the tally rows of these reviews, or of everything when None (the theme hierarchy
    changed, or a full rebuild). In the session's transaction, as statements: the caller commits."""
    table = TABLE
    columns = [table.c[name] for name in _COLUMNS]
    conn = session.connection()
    if conn.dialect.name == "postgresql":  # the grouping of a whole rebuild spills to disk at the default 4 MB
        conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
    if review_ids is None:
        chunks: list[list[int] | None] = [None]
    else:
        ids = sorted(set(review_ids))
        chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    for chunk in chunks:
        delete = sa.delete(table)
        conn.execute(delete if chunk is None else delete.where(table.c.review_id.in_(chunk)))
        for select in _selects(chunk):
            conn.execute(sa.insert(table).from_select(columns, select))


def tally_differences(session: Session) -> list[str]:
    """How the tally table differs from a fresh computation (empty when current), one line per row key.

    Computed in Python from the rows (recommendations, their states, tags and the theme tree), not with
    `refresh_tallies`' SQL, so a mistake there shows here. For tests; it reads every recommendation."""
    conn = session.connection()
    parents: dict[int | None, int | None] = {}
    for theme_id, parent_id in conn.execute(sa.select(col(Theme.id), col(Theme.parent_id))):
        parents[theme_id] = parent_id
    tags: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for rec_id, tagged, tag_origin in conn.execute(
        sa.select(col(RT.recommendation_id), col(RT.theme_id), col(RT.origin))
    ):
        tags[rec_id].append((tagged, str(tag_origin)))
    states: dict[int, list[str]] = defaultdict(list)
    for rec_id, code in conn.execute(sa.select(col(RS.recommendation_id), col(RS.state_code))):
        states[rec_id].append(code)

    fresh: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for recommendation, review_id, position in conn.execute(
        sa.select(col(R.id), col(R.review_id), col(R.current_position))
    ):
        keys: set[tuple[int | None, str]] = {(None, ANY_ORIGIN)}
        for tagged, origin in tags.get(recommendation or 0, ()):
            for ancestor in _ancestors(tagged, parents):
                keys |= {(ancestor, origin), (ancestor, ANY_ORIGIN)}
        figures = [1, *(int(position == p) for p in (PositionKind.supported, PositionKind.supported_in_part))]
        figures.append(int(position == PositionKind.noted))
        for code in states.get(recommendation or 0, ()):
            for key in keys:
                tally = fresh[(*key, code, review_id)]
                for i, n in enumerate(figures):
                    tally[i] += n

    stored: dict[tuple[Any, ...], list[int]] = {}
    differences: list[str] = []
    table = TABLE
    for row in conn.execute(sa.select(*(table.c[name] for name in _COLUMNS))):
        if (key := tuple(row[:4])) in stored:
            differences.append(f"{key}: stored twice")
        stored[key] = list(row[4:])
    for key in sorted(set(stored) | set(fresh), key=lambda k: tuple((v is not None, str(v)) for v in k)):
        have, want = stored.get(key), fresh.get(key)
        if have != want:
            differences.append(f"{key}: stored {have}, expected {want}")
    return differences


def assert_tallies_current(session: Session) -> None:
    """Raise AssertionError listing the differences (a few) when the tallies are not current."""
    if differences := tally_differences(session):
        shown = "\n".join(differences[:20])
        raise AssertionError(f"{len(differences)} champion tally row(s) are not current:\n{shown}")


def _ancestors(theme_id: int, parents: dict[int | None, int | None]) -> Iterable[int]:
    seen: set[int] = set()
    at: int | None = theme_id
    while at is not None and at not in seen:
        seen.add(at)
        yield at
        at = parents.get(at)


def tally_scope(theme_id: int | None, origin: str, review_ids: AnySelect | None) -> list[sa.ColumnElement[bool]]:
    """The tally rows of one question: one theme (None: any) and origin, on the reviews `review_ids`
    selects (None: every review)."""
    table = TABLE
    where = [table.c.theme_id.is_(None) if theme_id is None else table.c.theme_id == theme_id]
    where.append(table.c.origin == origin)
    if review_ids is not None:
        where.append(table.c.review_id.in_(review_ids))
    return where


def totals_by_state(scope: list[sa.ColumnElement[bool]]) -> sa.CTE:
    """(code, recommendations) per recommending state over the question's tally rows, summed in the
    database (in the order of the covering index) for the page to be cut from."""
    table = TABLE
    return (
        sa.select(table.c.state_code.label("code"), func.sum(table.c.recommendations).label("recommendations"))
        .where(*scope)
        .group_by(table.c.state_code)
        .cte("figures")
    )


@dataclass
class StateFigures:
    """One recommending state's figures over the question's tally rows."""

    recommendations: int
    supported: int
    supported_in_part: int
    noted: int
    to: dict[str, int]  # state under review → recommendations
    cycles: set[int]


def figures_of_states(
    session: Session, scope: list[sa.ColumnElement[bool]], codes: Collection[str]
) -> dict[str, StateFigures]:
    """The figures of these recommending states, summed in the database: a page of champions who each
    recommended to a hundred states reads one row each, not a row per review: to whom (state:count, per
    review) and in which cycles come as strings (`aggregate_strings`: GROUP_CONCAT or string_agg)."""
    table = TABLE
    n = table.c.recommendations
    stmt = (
        sa.select(
            table.c.state_code,
            *(func.sum(table.c[name]) for name in COUNTS),
            func.aggregate_strings(col(Review.state_code) + ":" + sa.cast(n, sa.String), ","),
            func.aggregate_strings(sa.cast(col(UprSession.cycle_number), sa.String), ","),
        )
        .join(Review, col(Review.id) == table.c.review_id)
        .join(UprSession, col(UprSession.number) == Review.session_number)
        .where(*scope, table.c.state_code.in_(list(codes)))
        .group_by(table.c.state_code)
    )
    found: dict[str, StateFigures] = {}
    row: Any
    for row in session.connection().execute(stmt):
        code, total, supported, in_part, noted, to, cycles = row
        by_state: dict[str, int] = defaultdict(int)
        for item in to.split(","):
            state, _, count = item.partition(":")
            by_state[state] += int(count)
        found[code] = StateFigures(
            int(total), int(supported), int(in_part), int(noted), by_state, {int(c) for c in set(cycles.split(","))}
        )
    return found
