"""Aggregates over published recommendations: a review's summary, and the "champion" states.

Every figure comes from GROUP BY in the database (never from loading the rows), written with portable
SQL (COUNT of CASE, COUNT DISTINCT) so SQLite and PostgreSQL answer the same. Champions group at the
finest grain they report (recommending state × review) and sum up from there in Python, because lists
inside a row (to whom, in which cycles) are spelled differently by the two databases' string aggregates.
"""

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from sqlalchemy import case, distinct, func
from sqlmodel import Session, col, select

from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.cycle.models import Cycle, RegionalGroup, Review, State, UprSession
from api.recommendations import read_model, search, tallies
from api.recommendations.models import (
    PositionKind,
    Recommendation,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
)
from api.recommendations.schemas import (
    Champion,
    PositionCounts,
    RecommendingStateCount,
    RegionCount,
    ReviewSummary,
    ThemeCount,
)
from api.recommendations.tally_models import ANY_ORIGIN
from api.taxonomy import resolve
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


@dataclass(frozen=True)
class ChampionFilter:
    """Filters of `GET /champions`: several values of one filter mean "any of them"; different filters
    must all hold. `region` narrows the recommending states (the champions), the others the recommendations."""

    theme: Sequence[str | int] = ()  # ids, codes or names (`api.taxonomy.resolve`)
    q: str | None = None
    state_under_review: Sequence[str] = ()
    since_cycle: int | None = None
    region: Sequence[RegionalGroup] = ()
    tag_origin: TagOrigin | None = None  # whose themes `theme` matches; None: any origin


@dataclass
class _Tally:
    """Running figures of one recommending state, summed from its (review, counts) rows."""

    recommendations: int = 0
    supported: int = 0
    supported_in_part: int = 0
    noted: int = 0
    cycles: set[int] = field(default_factory=set)
    to: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, review: tuple[str, int], n: int, supported: int, in_part: int, noted: int) -> None:
        state_under_review, cycle = review
        self.recommendations += n
        self.supported += supported
        self.supported_in_part += in_part
        self.noted += noted
        self.cycles.add(cycle)
        self.to[state_under_review] += n

    @property
    def no_position_yet(self) -> int:
        return self.recommendations - self.supported - self.supported_in_part - self.noted


def champions(session: Session, params: PageParams, f: ChampionFilter, *, use_tallies: bool = True) -> Page[Champion]:
    """The recommending states of the recommendations matching `f`, most recommendations first (ties by code).

    The figures come from the champion tallies (`tallies`, kept current on write) when they answer the
    question exactly: one theme (with the themes under it) or none, and no `q`; summed per state in the
    database, then only the page's states' details are read. Otherwise (a search, or several themes,
    where a recommendation on two of them would count twice in the tallies) one grouped query counts the
    matching recommendations per (recommending state, review) with their current positions, summed here;
    `use_tallies=False` forces that path (the tests compare the two), as do rows still dirty. Reviews give
    the state under review and the cycle, so neither path joins more than it filters on. The page is cut by the shared
    `paginate`, so the cursor and offset rules are the ones of every list. A joint recommendation counts
    for each of its recommending states."""
    terms = search.searched_terms(f.q)  # 422 for a `q` of only common words
    if not (f.theme or terms or f.state_under_review):  # the whole collection: slow, and no one's question
        raise InvalidInput("Give at least one of `theme`, `q` or `state_under_review`.", field="theme")
    themes = resolve.theme_ids(session, f.theme)  # each with the themes under it; 422 naming `theme`
    _require_known(session, col(State.code), f.state_under_review, "state_under_review", "state code(s)")
    cycles = _cycles_from(session, f.since_cycle)

    on_review = []
    if f.state_under_review:
        on_review.append(col(Review.state_code).in_(f.state_under_review))
    if f.since_cycle is not None:
        on_review.append(
            col(Review.session_number).in_(
                sa.select(col(UprSession.number)).where(col(UprSession.cycle_number).in_(cycles))
            )
        )
    reviews = sa.select(col(Review.id)).where(*on_review) if on_review else None
    # While rows are dirty (uncommitted writes in this session, or a commit that bypassed the hook) the
    # tallies may lag what the rows say: counted from the rows then.
    use_tallies = use_tallies and not terms and read_model.nothing_dirty(session)
    tally = _tally_question(session, f, themes) if use_tallies else None
    figures_of: Callable[[Collection[str]], dict[str, _Tally]]
    if tally is not None:
        scope = tallies.tally_scope(*tally, reviews)
        page = _page(session, params, tallies.totals_by_state(scope), f.region)

        def figures_of(codes: Collection[str]) -> dict[str, _Tally]:
            return {
                code: _Tally(t.recommendations, t.supported, t.supported_in_part, t.noted, t.cycles, t.to)
                for code, t in tallies.figures_of_states(session, scope, codes).items()
            }
    else:
        grouped = _grouped(session, themes, f.tag_origin, reviews, terms)
        counts: dict[str, int] = defaultdict(int)
        for row in grouped:
            counts[row[0]] += row[2]
        # `region` is applied to the figures, not in the grouping query: SQLite probes the link table
        # once per state of the group otherwise.
        page = _page(session, params, _figures(counts), f.region)

        def figures_of(codes: Collection[str]) -> dict[str, _Tally]:
            figures = {code: _Tally() for code in codes}
            reviews_by_id = dict(
                (rid, (state, cycle))
                for rid, state, cycle in session.execute(
                    sa.select(col(Review.id), col(Review.state_code), col(UprSession.cycle_number)).join(
                        UprSession, col(UprSession.number) == Review.session_number
                    )
                )
            )
            for code, review_id, n, supported, in_part, noted in grouped:
                if (tally := figures.get(code)) is not None:
                    tally.add(reviews_by_id[review_id], n, supported, in_part, noted)
            return figures

    figures = figures_of([code for code, *_ in page.items]) if page.items else {}
    link = _link_filters(f, themes, cycles)
    items = [_champion(code, name, group, figures[code], link) for code, _n, name, group in page.items]
    return Page[Champion](items=items, total=page.total, next_cursor=page.next_cursor)


def _tally_question(session: Session, f: ChampionFilter, themes: list[int]) -> tuple[int | None, str] | None:
    """The (theme, origin) of the tally rows that answer `f` exactly, or None when none do: `themes` (the
    asked ones with those under them) must be one theme's subtree, a recommendation under two roots
    would count twice. A value may name several themes (a label that sources share)."""
    if not themes:
        return None, ANY_ORIGIN  # `tag_origin` only says whose themes `theme` matches
    roots = session.exec(
        select(Theme.id).where(
            col(Theme.id).in_(themes), col(Theme.parent_id).is_(None) | col(Theme.parent_id).not_in(themes)
        )
    ).all()
    if len(roots) != 1:
        return None
    return roots[0], f.tag_origin.value if f.tag_origin is not None else ANY_ORIGIN


def _grouped(
    session: Session,
    themes: list[int],
    tag_origin: TagOrigin | None,
    reviews: sa.Select[Any] | None,
    terms: Any,
) -> Sequence[Sequence[Any]]:
    """(state, review, recommendations, supported, supported in part, noted) grouped from the matching
    recommendations: what the tallies cannot answer."""
    stmt = (
        sa.select(
            col(RS.state_code),
            col(R.review_id),
            func.count(),
            _count_where(PositionKind.supported),
            _count_where(PositionKind.supported_in_part),
            _count_where(PositionKind.noted),
        )
        .select_from(R)
        .join(RS, col(RS.recommendation_id) == R.id)
    )
    if themes:  # a semi-join: a recommendation on two of the themes counts once
        tagged: sa.ColumnElement[bool] = col(RT.theme_id).in_(themes)
        if tag_origin is not None:
            tagged = tagged & (col(RT.origin) == tag_origin)
        stmt = stmt.where(col(R.id).in_(sa.select(col(RT.recommendation_id)).where(tagged)))
    if reviews is not None:
        stmt = stmt.where(col(R.review_id).in_(reviews))
    if terms:
        stmt, _rank = search.apply_search(session, stmt, terms)
    # Through the connection: plain rows, without the ORM's result processing (thousands of rows).
    return session.connection().execute(stmt.group_by(col(RS.state_code), col(R.review_id))).all()


def _page(session: Session, params: PageParams, figures: sa.CTE, region: Sequence[RegionalGroup]) -> Page[Any]:
    """A page of (code, recommendations, name, regional group) of the recommending states in `region` (any
    when empty), most recommendations first, then by code, cut by the shared `paginate` as every list is.
    `figures` has the columns `code` and `recommendations`."""
    stmt = sa.select(figures.c.code, figures.c.recommendations, col(State.name), col(State.regional_group)).join(
        State, col(State.code) == figures.c.code
    )
    if region:
        stmt = stmt.where(col(State.regional_group).in_(region))
    order = [Sort(figures.c.recommendations, descending=True), Sort(figures.c.code)]
    return paginate(session, stmt, params, order, rows=True)


def _figures(counts: dict[str, int]) -> sa.CTE:
    """The figures summed here, back to the database as a VALUES list. Written as text with bound values:
    SQLAlchemy's `values()` construct takes ~10 ms to compile 200 rows (twice, for the count and the
    page), and SQLite does not accept its column aliases. VALUES needs a row: an empty answer's stand-in
    (code "") is no state, and the join drops it."""
    rows = list(counts.items()) or [("", 0)]
    params_: dict[str, Any] = {}
    for i, (code, n) in enumerate(rows):
        params_[f"figure{i}_code"], params_[f"figure{i}_n"] = code, n
    values = ", ".join(f"(:figure{i}_code, :figure{i}_n)" for i in range(len(rows)))
    return (
        sa.text(f"SELECT column1 AS code, column2 AS recommendations FROM (VALUES {values}) AS figure_rows")
        .bindparams(**params_)
        .columns(sa.column("code", sa.String), sa.column("recommendations", sa.Integer))
        .cte("figures")
    )


def _champion(code: str, name: str, group: RegionalGroup | None, t: _Tally, link: list[tuple[str, Any]]) -> Champion:
    return Champion(
        code=code,
        name=name,
        regional_group=group,
        recommendations=t.recommendations,
        states_under_review_count=len(t.to),
        states_under_review=sorted(t.to),
        by_state_under_review=dict(sorted(t.to.items())),
        supported=t.supported,
        supported_in_part=t.supported_in_part,
        noted=t.noted,
        no_position_yet=t.no_position_yet,
        supported_share=round((t.supported + t.supported_in_part) / t.recommendations, 4),
        cycles=sorted(t.cycles),
        latest_cycle=max(t.cycles),
        recommendations_url="/recommendations?" + urlencode([("recommending_state", code), *link]),
    )


def _link_filters(f: ChampionFilter, themes: list[int], cycles: list[int]) -> list[tuple[str, Any]]:
    """The filters of `GET /recommendations` that list what a champion was counted for: the themes with
    their narrower ones spelled out, `since_cycle` as the cycles from it on. `region` needs nothing: the
    recommending state is in it."""
    link: list[tuple[str, Any]] = [("state_under_review", s) for s in dict.fromkeys(f.state_under_review)]
    link += [("theme", t) for t in themes]
    if themes and f.tag_origin is not None:
        link.append(("tag_origin", f.tag_origin.value))
    if f.since_cycle is not None:
        link += [("cycle", c) for c in cycles]
    if f.q is not None and search.has_words(f.q):
        link.append(("q", f.q))
    return link


def _cycles_from(session: Session, since_cycle: int | None) -> list[int]:
    """The known cycles from `since_cycle` on; 422 naming `since_cycle` when it is not a known cycle."""
    if since_cycle is None:
        return []
    numbers = sorted(session.exec(select(Cycle.number)))
    if since_cycle not in numbers:
        raise InvalidInput(f"Unknown cycle {since_cycle}.", field="since_cycle")
    return [n for n in numbers if n >= since_cycle]


def _require_known(session: Session, column: Any, values: Sequence[str], param: str, what: str) -> None:
    """422 naming `param` when a code does not exist: a typo must not read as "nobody recommended"."""
    wanted = list(dict.fromkeys(values))
    if not wanted:
        return
    found = set(session.exec(select(column).where(column.in_(wanted))))
    if missing := [v for v in wanted if v not in found]:
        raise InvalidInput(f"Unknown {what}: {', '.join(missing)}.", field=param)
