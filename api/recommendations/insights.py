"""Aggregates over published recommendations: a review's summary, and the "champion" states on a theme.

Every figure comes from one GROUP BY in the database (never from loading the rows), written with
portable SQL (COUNT of CASE, COUNT DISTINCT) so SQLite and PostgreSQL answer the same. Lists inside a
row (which states a champion recommended to, in which cycles) come from a second grouped query over
just the states of the page, since SQLite and PostgreSQL spell string aggregation differently.
"""

from typing import Any

import sqlalchemy as sa
from sqlalchemy import and_, case, distinct, func
from sqlmodel import Session, col, select

from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.cycle.models import RegionalGroup, Review, State, UprSession
from api.recommendations.models import PositionKind, Recommendation, RecommendationTheme, RecommendingState
from api.recommendations.schemas import (
    Champion,
    PositionCounts,
    RecommendingStateCount,
    RegionCount,
    ReviewSummary,
    ThemeCount,
)
from api.taxonomy.models import Theme

R, RS, RT = Recommendation, RecommendingState, RecommendationTheme


def _count_where(position: PositionKind, key: Any = 1) -> sa.ColumnElement[int]:
    return func.count(case((col(R.current_position) == position, key)))


def review_summary(session: Session, review_id: int) -> ReviewSummary:
    found = session.exec(
        select(Review, UprSession.cycle_number)
        .join(UprSession, col(UprSession.number) == Review.session_number)
        .where(col(Review.id) == review_id)
    ).first()
    if found is None:
        raise NotFound.entity("Review", review_id)
    review, cycle = found
    in_review = col(R.review_id) == review_id

    counts = PositionCounts()
    for position, n in session.exec(
        select(col(R.current_position), func.count()).where(in_review).group_by(col(R.current_position))
    ):
        setattr(counts, position.value if position else "no_position", n)
        counts.total += n

    # Ordered here, not in SQL: ties go by name, and a database's collation may order names differently.
    themes = sorted(
        session.exec(
            select(RT.theme_id, Theme.name, func.count())
            .select_from(Theme)
            .join(RT, col(RT.theme_id) == Theme.id)
            .join(R, col(R.id) == RT.recommendation_id)
            .where(in_review)
            .group_by(col(RT.theme_id), col(Theme.name))
        ),
        key=lambda t: (-t[2], t[1], t[0]),
    )

    n_state = func.count().label("n")
    states = session.execute(
        sa.select(
            col(State.code),
            col(State.name),
            col(State.regional_group),
            n_state,
            _count_where(PositionKind.supported),
            _count_where(PositionKind.supported_in_part),
        )
        .select_from(RS)
        .join(R, col(R.id) == RS.recommendation_id)
        .join(State, col(State.code) == RS.state_code)
        .where(in_review)
        .group_by(col(State.code), col(State.name), col(State.regional_group))
        .order_by(n_state.desc(), col(State.code))
    )

    regions = dict(
        session.exec(
            select(State.regional_group, func.count(distinct(col(R.id))))
            .select_from(RS)
            .join(R, col(R.id) == RS.recommendation_id)
            .join(State, col(State.code) == RS.state_code)
            .where(in_review)
            .group_by(col(State.regional_group))
        ).all()
    )
    by_region = [RegionCount(regional_group=g, count=regions.get(g, 0)) for g in RegionalGroup]
    if regions.get(None):
        by_region.append(RegionCount(regional_group=None, count=regions[None]))

    return ReviewSummary(
        review_id=review_id,
        state_under_review=review.state_code,
        session=review.session_number,
        cycle=cycle,
        by_position=counts,
        by_theme=[ThemeCount(id=i, name=name, count=n) for i, name, n in themes],
        by_recommending_state=[
            RecommendingStateCount(code=c, name=name, regional_group=g, count=n, supported=s, supported_in_part=p)
            for c, name, g, n, s, p in states
        ],
        by_region=by_region,
    )


def _on_theme(columns: list[Any], theme_id: int, region: RegionalGroup | None, since_cycle: int | None) -> sa.Select:
    """(recommendation × recommending state) pairs on the theme, with the filters applied."""
    stmt = (
        sa.select(*columns)
        .select_from(R)
        .join(RT, and_(col(RT.recommendation_id) == R.id, col(RT.theme_id) == theme_id))
        .join(RS, col(RS.recommendation_id) == R.id)
        .join(Review, col(Review.id) == R.review_id)
        .join(UprSession, col(UprSession.number) == Review.session_number)
        .join(State, col(State.code) == RS.state_code)
    )
    if region is not None:
        stmt = stmt.where(col(State.regional_group) == region)
    if since_cycle is not None:
        stmt = stmt.where(col(UprSession.cycle_number) >= since_cycle)
    return stmt


def champions(
    session: Session,
    params: PageParams,
    *,
    theme_id: int,
    region: RegionalGroup | None = None,
    since_cycle: int | None = None,
) -> Page[Champion]:
    if session.get(Theme, theme_id) is None:
        raise InvalidInput(f"Unknown theme {theme_id}.", field="theme")
    supported = case((col(R.current_position) == PositionKind.supported, R.id))
    in_part = case((col(R.current_position) == PositionKind.supported_in_part, R.id))
    agg = (
        _on_theme(
            [
                col(RS.state_code).label("code"),
                func.count(distinct(col(R.id))).label("recommendations"),
                func.count(distinct(col(Review.state_code))).label("to_count"),
                func.count(distinct(supported)).label("supported"),
                func.count(distinct(in_part)).label("in_part"),
            ],
            theme_id,
            region,
            since_cycle,
        )
        .group_by(col(RS.state_code))
        .subquery("champion")
    )
    order = [Sort(agg.c.recommendations, descending=True), Sort(agg.c.code)]

    stmt = sa.select(agg, col(State.name), col(State.regional_group)).join(State, col(State.code) == agg.c.code)
    page = paginate(session, stmt, params, order, rows=True)
    rows = page.items

    codes = {row.code for row in rows}
    to_states: dict[str, list[str]] = {c: [] for c in codes}
    cycles: dict[str, list[int]] = {c: [] for c in codes}
    if codes:
        # One grouped pass over the theme for every recommending state, kept for the page's states:
        # restricting it with `IN (page codes)` made SQLite probe the index once per row instead.
        columns = [col(RS.state_code), col(Review.state_code), col(UprSession.cycle_number)]
        pairs = {
            tuple(row) for row in session.execute(_on_theme(columns, theme_id, region, since_cycle).group_by(*columns))
        }
        for code, to, cycle in sorted(pairs):
            if code in codes:
                if to not in to_states[code]:
                    to_states[code].append(to)
                if cycle not in cycles[code]:
                    cycles[code].append(cycle)
        for code in codes:
            to_states[code].sort()
            cycles[code].sort()

    items = [
        Champion(
            code=row.code,
            name=row.name,
            regional_group=row.regional_group,
            recommendations=row.recommendations,
            states_under_review_count=row.to_count,
            states_under_review=to_states[row.code],
            supported=row.supported,
            supported_in_part=row.in_part,
            supported_share=round((row.supported + row.in_part) / row.recommendations, 4),
            cycles=cycles[row.code],
        )
        for row in rows
    ]
    return Page[Champion](items=items, total=page.total, next_cursor=page.next_cursor)
