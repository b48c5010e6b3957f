"""Aggregates over published recommendations: a review's summary, and the "champion" states on a theme.

Every figure comes from one GROUP BY in the database (never from loading the rows), written with
portable SQL (COUNT of CASE, COUNT DISTINCT) so SQLite and PostgreSQL answer the same. Lists inside a
row (which states a champion recommended to, in which cycles) come from a second grouped query over
just the states of the page, since SQLite and PostgreSQL spell string aggregation differently.
"""

from typing import Any

from pydantic import Field
from sqlalchemy import and_, case, distinct, func
from sqlalchemy.sql import Select
from sqlmodel import Session, SQLModel, select

from api.cycle.models import RegionalGroup, Review, State, UprSession
from api.errors import InvalidInput, NotFound
from api.pagination import Page, PageParams, Sort, paginate
from api.recommendations.models import PositionKind, Recommendation, RecommendationTheme, RecommendingState
from api.taxonomy.models import Theme

R, RS, RT = Recommendation, RecommendingState, RecommendationTheme


class PositionCounts(SQLModel):
    supported: int = 0
    supported_in_part: int = 0
    noted: int = 0
    pending: int = 0
    no_position: int = Field(default=0, description="Recommendations with no position recorded yet.")
    total: int = 0


class ThemeCount(SQLModel):
    id: int
    name: str
    count: int


class RecommendingStateCount(SQLModel):
    code: str
    name: str
    regional_group: RegionalGroup | None
    count: int = Field(description="Recommendations it made (joint ones count for each co-author).")
    supported: int = Field(description="Of those, currently supported.")
    supported_in_part: int = Field(description="Of those, currently supported in part.")


class RegionCount(SQLModel):
    regional_group: RegionalGroup | None = Field(description="null: observer states, which belong to no group.")
    count: int = Field(description="Recommendations with at least one recommending state of the group.")


class ReviewSummary(SQLModel):
    review_id: int
    state_under_review: str
    session: int
    cycle: int
    by_position: PositionCounts = Field(description="By current position; every position is present.")
    by_theme: list[ThemeCount] = Field(description="Most frequent first; a recommendation counts for each theme.")
    by_recommending_state: list[RecommendingStateCount] = Field(description="Most recommendations first.")
    by_region: list[RegionCount] = Field(description="Region of the recommending state; every group is present.")


class Champion(SQLModel):
    code: str
    name: str
    regional_group: RegionalGroup | None
    recommendations: int = Field(description="Recommendations on the theme it made (alone or jointly).")
    states_under_review_count: int
    states_under_review: list[str] = Field(description="ISO3 codes of the states it made them to.")
    supported: int = Field(description="Of those, currently supported.")
    supported_in_part: int = Field(description="Of those, currently supported in part.")
    supported_share: float = Field(description="(supported + supported_in_part) / recommendations, 0–1.")
    cycles: list[int] = Field(description="UPR cycles in which it made them.")


def _count_where(position: PositionKind, key: Any = 1):
    return func.count(case((R.current_position == position, key)))


def review_summary(session: Session, review_id: int) -> ReviewSummary:
    found = session.exec(select(Review, UprSession.cycle_number).join(
        UprSession, UprSession.number == Review.session_number).where(Review.id == review_id)).first()
    if found is None:
        raise NotFound.entity("Review", review_id)
    review, cycle = found
    in_review = R.review_id == review_id

    counts = PositionCounts()
    for position, n in session.exec(select(R.current_position, func.count()).where(in_review)
                                    .group_by(R.current_position)):
        setattr(counts, position.value if position else "no_position", n)
        counts.total += n

    # Ordered here, not in SQL: ties go by name, and a database's collation may order names differently.
    themes = sorted(session.exec(
        select(Theme.id, Theme.name, func.count()).join(RT, RT.theme_id == Theme.id)
        .join(R, R.id == RT.recommendation_id).where(in_review).group_by(Theme.id, Theme.name)),
        key=lambda t: (-t[2], t[1], t[0]))

    n_state = func.count().label("n")
    states = session.exec(
        select(State.code, State.name, State.regional_group, n_state, _count_where(PositionKind.supported),
               _count_where(PositionKind.supported_in_part))
        .select_from(RS).join(R, R.id == RS.recommendation_id).join(State, State.code == RS.state_code)
        .where(in_review).group_by(State.code, State.name, State.regional_group)
        .order_by(n_state.desc(), State.code))

    regions = dict(session.exec(
        select(State.regional_group, func.count(distinct(R.id))).select_from(RS)
        .join(R, R.id == RS.recommendation_id).join(State, State.code == RS.state_code)
        .where(in_review).group_by(State.regional_group)).all())
    by_region = [RegionCount(regional_group=g, count=regions.get(g, 0)) for g in RegionalGroup]
    if regions.get(None):
        by_region.append(RegionCount(regional_group=None, count=regions[None]))

    return ReviewSummary(
        review_id=review.id, state_under_review=review.state_code, session=review.session_number, cycle=cycle,
        by_position=counts,
        by_theme=[ThemeCount(id=i, name=name, count=n) for i, name, n in themes],
        by_recommending_state=[RecommendingStateCount(code=c, name=name, regional_group=g, count=n, supported=s,
                                                      supported_in_part=p) for c, name, g, n, s, p in states],
        by_region=by_region,
    )


def _on_theme(columns: list[Any], theme_id: int, region: RegionalGroup | None, since_cycle: int | None) -> Select:
    """(recommendation × recommending state) pairs on the theme, with the filters applied."""
    stmt = (select(*columns).select_from(R)
            .join(RT, and_(RT.recommendation_id == R.id, RT.theme_id == theme_id))
            .join(RS, RS.recommendation_id == R.id)
            .join(Review, Review.id == R.review_id)
            .join(UprSession, UprSession.number == Review.session_number)
            .join(State, State.code == RS.state_code))
    if region is not None:
        stmt = stmt.where(State.regional_group == region)
    if since_cycle is not None:
        stmt = stmt.where(UprSession.cycle_number >= since_cycle)
    return stmt


def champions(session: Session, params: PageParams, *, theme_id: int, region: RegionalGroup | None = None,
              since_cycle: int | None = None) -> Page[Champion]:
    if session.get(Theme, theme_id) is None:
        raise InvalidInput(f"Unknown theme {theme_id}.", field="theme")
    agg = _on_theme([
        RS.state_code.label("code"),
        func.count(distinct(R.id)).label("recommendations"),
        func.count(distinct(Review.state_code)).label("to_count"),
        func.count(distinct(case((R.current_position == PositionKind.supported, R.id)))).label("supported"),
        func.count(distinct(case((R.current_position == PositionKind.supported_in_part, R.id)))).label("in_part"),
    ], theme_id, region, since_cycle).group_by(RS.state_code).subquery("champion")
    order = [Sort(agg.c.recommendations, descending=True), Sort(agg.c.code)]

    stmt = select(agg, State.name, State.regional_group).join(State, State.code == agg.c.code)
    page = paginate(session, stmt, params, order, rows=True)
    rows = page.items

    codes = {row.code for row in rows}
    to_states: dict[str, list[str]] = {c: [] for c in codes}
    cycles: dict[str, list[int]] = {c: [] for c in codes}
    if codes:
        # One grouped pass over the theme for every recommending state, kept for the page's states:
        # restricting it with `IN (page codes)` made SQLite probe the index once per row instead.
        pairs = set(session.exec(_on_theme([RS.state_code, Review.state_code, UprSession.cycle_number], theme_id,
                                           region, since_cycle)
                                 .group_by(RS.state_code, Review.state_code, UprSession.cycle_number)))
        for code, to, cycle in sorted(pairs):
            if code in codes:
                if to not in to_states[code]:
                    to_states[code].append(to)
                if cycle not in cycles[code]:
                    cycles[code].append(cycle)
        for code in codes:
            to_states[code].sort()
            cycles[code].sort()

    items = [Champion(
        code=row.code, name=row.name, regional_group=row.regional_group, recommendations=row.recommendations,
        states_under_review_count=row.to_count, states_under_review=to_states[row.code],
        supported=row.supported, supported_in_part=row.in_part,
        supported_share=round((row.supported + row.in_part) / row.recommendations, 4),
        cycles=cycles[row.code]) for row in rows]
    return Page[Champion](items=items, total=page.total, next_cursor=page.next_cursor)
