"""Cold pages: URLs that no request of the run has asked for before.

The warm figures repeat one URL (or a short list), so whatever a server caches per URL or per filter
set answers them after the first request. What users browsing the list feel is closer to the cold
figures: round-robin over hundreds of distinct filter combinations (each paged through), offsets
spread over the whole list and keyset cursors, never the same URL twice in one run (one `Distinct`
stream serves every cold figure of the run, so the four-worker figure does not replay the one-worker
URLs either).

The pages never use the default `limit` (50) that the warm figures use, so no cold URL names a warm
page under another spelling. What the catalogue lists comes from the data actually loaded, so every
cold page has rows (except the tail pages of a filter set's last page).
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count
from math import gcd
from urllib.parse import urlencode

LIMITS = (20, 25, 40, 100)  # never 50, the default of the warm pages
Params = dict[str, str | int]


@dataclass
class Catalogue:
    """What the data holds: filter sets with how many rows each matches, and the vocabularies."""

    total: int
    combos: list[tuple[Params, int]] = field(default_factory=list)
    themes: list[int] = field(default_factory=list)
    cycles: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)  # states under review


class Distinct:
    """A stream of URLs none of which it has given before; `take` returns fewer when it runs dry."""

    def __init__(self, urls: Iterable[str]):
        self._urls: Iterator[str] = iter(urls)
        self.given: set[str] = set()

    def take(self, n: int) -> list[str]:
        out: list[str] = []
        for url in self._urls:
            if url in self.given:
                continue
            self.given.add(url)
            out.append(url)
            if len(out) >= n:
                break
        return out


def _interleave(*streams: Iterable[str]) -> Iterator[str]:
    """Round-robin over the streams, dropping each as it ends."""
    live = [iter(s) for s in streams]
    while live:
        for stream in list(live):
            try:
                yield next(stream)
            except StopIteration:
                live.remove(stream)


def _page(params: Params, offset: int, limit: int, path: str = "/recommendations") -> str:
    return f"{path}?{urlencode({**params, 'offset': offset, 'limit': limit})}"


def _combo_pages(combos: Sequence[tuple[Params, int]]) -> Iterator[str]:
    """The first page of every filter set, then the second of those that have one, and so on; each set
    keeps one page size, so its pages do not overlap."""
    for page in count():
        any_left = False
        for n, (params, rows) in enumerate(combos):
            limit = LIMITS[n % len(LIMITS)]
            if page * limit < max(rows, 1):
                any_left = True
                yield _page(params, page * limit, limit)
        if not any_left:
            return


def _offsets(total: int) -> Iterator[str]:
    """Every offset of the list once per page size, in a stride that jumps across it (consecutive
    requests land far apart: no two neighbours share a cached block)."""
    if total <= 0:
        return
    stride = max(1, int(total * 0.382))
    while gcd(stride, total) != 1:
        stride += 1
    for limit in LIMITS:
        for k in range(total):
            yield _page({}, (k * stride) % total, limit)


def _cursor_pages(cursors: Sequence[str]) -> Iterator[str]:
    for limit in LIMITS:
        for cursor in cursors:
            yield f"/recommendations?{urlencode({'cursor': cursor, 'limit': limit})}"


def list_pages(catalogue: Catalogue, cursors: Sequence[str] = ()) -> Distinct:
    """Filter sets paged through, offsets and cursors, interleaved."""
    return Distinct(_interleave(_combo_pages(catalogue.combos), _offsets(catalogue.total), _cursor_pages(cursors)))


def champions(catalogue: Catalogue) -> Distinct:
    """Every theme alone, then every theme with each `since_cycle`, each region, each state under
    review: distinct themes round-robin, then narrower questions about them."""

    def urls() -> Iterator[str]:
        variants: list[Params] = [{}]
        variants += [{"since_cycle": c} for c in catalogue.cycles]
        variants += [{"region": r} for r in catalogue.regions]
        variants += [{"state_under_review": s} for s in catalogue.states]
        for variant in variants:
            for theme in catalogue.themes:
                yield f"/champions?{urlencode({'theme': theme, **variant})}"

    return Distinct(urls())


def cursor_probe(offset: int) -> str:
    """The URL whose `next_cursor` is the cursor after row `offset` (limit 1: never a cold page)."""
    return f"/recommendations?offset={offset}&limit=1"


def probe_offsets(total: int, n: int) -> list[int]:
    return sorted({(k * max(total, 1)) // max(n, 1) for k in range(n)}) if total > 0 else []


def catalogue(database_url: str) -> Catalogue:
    from sqlalchemy import func
    from sqlmodel import Session, col, select

    from api.cycle.models import Review, State, UprSession
    from api.db import engine_for
    from api.recommendations.models import Recommendation, RecommendationTheme, RecommendingState

    n = func.count().label("n")
    with Session(engine_for(database_url)) as session:
        total = session.scalar(select(func.count()).select_from(Recommendation)) or 0
        to_review = (
            select(Review.state_code, UprSession.cycle_number, n)
            .join(Recommendation, col(Recommendation.review_id) == col(Review.id))
            .join(UprSession, col(UprSession.number) == col(Review.session_number))
            .group_by(col(Review.state_code), col(UprSession.cycle_number))
            .order_by(n.desc(), col(Review.state_code), col(UprSession.cycle_number))
        )
        by_state_cycle: list[tuple[Params, int]] = [
            ({"state_under_review": s, "cycle": c}, k) for s, c, k in session.exec(to_review)
        ]
        by_position: list[tuple[Params, int]] = [
            ({"state_under_review": s, "position": str(p)}, k)
            for s, p, k in session.exec(
                select(Review.state_code, Recommendation.current_position, n)
                .join(Recommendation, col(Recommendation.review_id) == col(Review.id))
                .where(col(Recommendation.current_position).is_not(None))
                .group_by(col(Review.state_code), col(Recommendation.current_position))
                .order_by(n.desc(), col(Review.state_code), col(Recommendation.current_position))
            )
            if p is not None
        ]
        by_theme_cycle: list[tuple[Params, int]] = [
            ({"theme": t, "cycle": c}, k)
            for t, c, k in session.exec(
                select(RecommendationTheme.theme_id, UprSession.cycle_number, n)
                .join(Recommendation, col(Recommendation.id) == col(RecommendationTheme.recommendation_id))
                .join(Review, col(Review.id) == col(Recommendation.review_id))
                .join(UprSession, col(UprSession.number) == col(Review.session_number))
                .group_by(col(RecommendationTheme.theme_id), col(UprSession.cycle_number))
                .order_by(n.desc(), col(RecommendationTheme.theme_id), col(UprSession.cycle_number))
            )
        ]
        by_recommending: list[tuple[Params, int]] = [
            ({"recommending_state": s}, k)
            for s, k in session.exec(
                select(RecommendingState.state_code, n)
                .group_by(col(RecommendingState.state_code))
                .order_by(n.desc(), col(RecommendingState.state_code))
            )
        ]
        by_theme = (
            select(RecommendationTheme.theme_id, n)
            .group_by(col(RecommendationTheme.theme_id))
            .order_by(n.desc(), col(RecommendationTheme.theme_id))
        )
        themes = [t for t, _ in session.exec(by_theme)]
        regions = sorted(
            {
                g.value if hasattr(g, "value") else str(g)
                for g in session.exec(select(State.regional_group).distinct())
                if g is not None
            }
        )
    kinds: list[list[tuple[Params, int]]] = [by_state_cycle, by_position, by_theme_cycle, by_recommending]
    combos: list[tuple[Params, int]] = []
    for i in range(max((len(k) for k in kinds), default=0)):  # kinds interleaved: early pages cover all four
        combos += [k[i] for k in kinds if i < len(k)]
    return Catalogue(
        total=total,
        combos=combos,
        themes=themes,
        cycles=sorted({c for (p, _) in by_state_cycle for c in [p["cycle"]] if isinstance(c, int)}),
        regions=regions,
        states=list(dict.fromkeys(str(p["state_under_review"]) for p, _ in by_state_cycle)),
    )
