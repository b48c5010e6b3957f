"""Recommendations: listing with filters and search, the external key, and the writes (HTTP-free).

The external key is how every writer finds "the same recommendation": the API derives it when a
client sends none, the seed derives it for the demo review, and the importers derive it for each row
(they then write in bulk, not through `create_recommendation`, for speed).
"""

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import or_
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session, col, select

from api.core.caches import VersionedCache
from api.core.errors import AlreadyExists, InvalidInput
from api.core.lookup import get_or_404
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.cycle.models import Cycle, RegionalGroup, Review, State, UprSession
from api.recommendations import read_model, search
from api.recommendations.inferred import family_of_theme_code
from api.recommendations.models import (
    CHILD_TABLES,
    LinkTable,
    PositionKind,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
)
from api.recommendations.policy import check_paragraph, refuse_delete_if_referenced
from api.recommendations.reads import recommendation_reads
from api.recommendations.schemas import RecommendationCreate, RecommendationRead, RecommendationUpdate
from api.taxonomy import resolve
from api.taxonomy.models import AffectedPerson, SdgTarget, Theme
from api.taxonomy.reads import Tagging, register_tagging


@dataclass(frozen=True)
class RecommendationFilter:
    """Filters of `GET /recommendations`: several values of one filter mean "any of them"; different
    filters must all hold. A `theme` or `affected_persons` value is an id, a code or a name (any case),
    and includes everything under it; `resolve_filter` turns them into ids once per request."""

    state_under_review: Sequence[str] = ()
    recommending_state: Sequence[str] = ()
    region: Sequence[RegionalGroup] = ()
    cycle: Sequence[int] = ()
    session: Sequence[int] = ()
    theme: Sequence[str | int] = ()
    affected_persons: Sequence[str | int] = ()
    sdg_target: Sequence[str] = ()
    position: Sequence[PositionKind] = ()
    action_category: Sequence[int] = ()
    review: Sequence[int] = ()
    q: str | None = None
    tag_origin: TagOrigin | None = None  # restricts theme, affected_persons, action_category; None: any origin
    resolved: bool = False  # `theme` and `affected_persons` hold ids, their narrower ones included


def resolve_filter(session: Session, f: RecommendationFilter) -> RecommendationFilter:
    """The filter with its vocabulary values as ids (422 naming the parameter for an unknown one). An
    export pages through the filter many times: resolving first reads the vocabulary once."""
    if f.resolved:
        return f
    return replace(
        f,
        theme=resolve.theme_ids(session, f.theme),
        affected_persons=resolve.affected_person_ids(session, f.affected_persons),
        resolved=True,
    )


def _require(session: Session, column: Any, values: Iterable[Any], field: str, what: str) -> None:
    """422 naming `field` when a referenced row does not exist (a typo must not read as "no results")."""
    wanted = list(dict.fromkeys(values))
    if not wanted:
        return
    found = set(session.exec(select(column).where(column.in_(wanted))))
    if missing := [v for v in wanted if v not in found]:
        raise InvalidInput(f"Unknown {what}: {', '.join(map(str, missing))}.", field=field)


def _linked(link_column: Any, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """Recommendation has a row in a link table meeting `condition` (a semi-join: no duplicate rows)."""
    return col(Recommendation.id).in_(select(link_column).where(condition))


def _filtered(session: Session, f: RecommendationFilter) -> Select:
    f = resolve_filter(session, f)
    _require(session, State.code, f.state_under_review, "state_under_review", "state code(s)")
    _require(session, State.code, f.recommending_state, "recommending_state", "state code(s)")
    _require(session, Cycle.number, f.cycle, "cycle", "cycle(s)")
    _require(session, UprSession.number, f.session, "session", "session(s)")
    _require(session, SdgTarget.code, f.sdg_target, "sdg_target", "SDG target(s)")
    _require(session, Review.id, f.review, "review", "review id(s)")

    stmt = select(Recommendation)
    if f.review:
        stmt = stmt.where(col(Recommendation.review_id).in_(f.review))
    on_review = []
    if f.state_under_review:
        on_review.append(col(Review.state_code).in_(f.state_under_review))
    if f.session:
        on_review.append(col(Review.session_number).in_(f.session))
    if f.cycle:
        on_review.append(
            col(Review.session_number).in_(select(UprSession.number).where(col(UprSession.cycle_number).in_(f.cycle)))
        )
    if on_review:
        stmt = stmt.where(col(Recommendation.review_id).in_(select(Review.id).where(*on_review)))
    if f.recommending_state:
        stmt = stmt.where(
            _linked(RecommendingState.recommendation_id, col(RecommendingState.state_code).in_(f.recommending_state))
        )
    if f.region:
        stmt = stmt.where(
            col(Recommendation.id).in_(
                select(RecommendingState.recommendation_id)
                .join(State, col(State.code) == RecommendingState.state_code)
                .where(col(State.regional_group).in_(f.region))
            )
        )
    if f.theme:
        on_theme: ColumnElement[bool] = col(RecommendationTheme.theme_id).in_(f.theme)
        if f.tag_origin is not None:
            on_theme = on_theme & (col(RecommendationTheme.origin) == f.tag_origin)
        stmt = stmt.where(_linked(RecommendationTheme.recommendation_id, on_theme))
    if f.affected_persons:
        on_group: ColumnElement[bool] = col(RecommendationAffectedPerson.affected_person_id).in_(f.affected_persons)
        if f.tag_origin is not None:
            on_group = on_group & (col(RecommendationAffectedPerson.origin) == f.tag_origin)
        stmt = stmt.where(_linked(RecommendationAffectedPerson.recommendation_id, on_group))
    if f.sdg_target:
        stmt = stmt.where(
            _linked(
                RecommendationSdgTarget.recommendation_id,
                col(RecommendationSdgTarget.sdg_target_code).in_(f.sdg_target),
            )
        )
    if f.position:
        stmt = stmt.where(col(Recommendation.current_position).in_(f.position))
    if f.action_category:
        stmt = stmt.where(col(Recommendation.action_category).in_(f.action_category))
        if f.tag_origin is TagOrigin.inferred:
            stmt = stmt.where(col(Recommendation.action_category_origin) == TagOrigin.inferred)
        elif f.tag_origin is TagOrigin.source:  # a category written without an origin (the seed's) is a source's
            stmt = stmt.where(
                or_(
                    col(Recommendation.action_category_origin) == TagOrigin.source,
                    col(Recommendation.action_category_origin).is_(None),
                )
            )
    return stmt


# Totals per (data version, filter set): a count scans every matching row, and the same filters are paged
# through many times; a new data version leaves the old entries to age out.
_totals: VersionedCache[int] = VersionedCache(4096)


def _cached_total(session: Session, data_version: int | None, filters: RecommendationFilter) -> Callable[[Select], int]:
    def total(counting: Select) -> int:
        key = (data_version, repr(filters))
        if data_version is not None and (found := _totals.get(key)) is not None:
            return found
        count = session.scalar(counting) or 0
        if data_version is not None:
            _totals.put(key, count)
        return count

    return total


def page_ids(
    session: Session,
    params: PageParams,
    filters: RecommendationFilter,
    *,
    data_version: int | None = None,
    count: bool = True,
) -> Page[tuple[int, float | None]]:
    """The ids (with their search rank) of a page, in list order; the total from the cache of
    `data_version` when given (it must be the version the session reads), none (0) without `count`."""
    filters = resolve_filter(session, filters)
    stmt = _filtered(session, filters).with_only_columns(col(Recommendation.id), col(Recommendation.review_id))
    terms = search.searched_terms(filters.q)  # 422 for a `q` of only common words
    total = _cached_total(session, data_version, filters) if count else (lambda _counting: 0)
    if terms:
        stmt, rank = search.apply_search(session, stmt, terms)
        ranked = stmt.add_columns(rank)
        page = paginate(
            session, ranked, params, [Sort(rank, descending=True), Sort(Recommendation.id)], rows=True, total=total
        )
        return page.map(lambda row: (row[0], row[-1]))
    page = paginate(
        session, stmt, params, [Sort(Recommendation.review_id), Sort(Recommendation.id)], rows=True, total=total
    )
    return page.map(lambda row: (row[0], None))


def page_json(
    session: Session, params: PageParams, filters: RecommendationFilter, *, data_version: int | None = None
) -> bytes:
    """`Page[RecommendationRead]` as JSON, from the read model: one indexed query for the ids, one for the
    bodies (`read_model`), no model built per row."""
    page = page_ids(session, params, filters, data_version=data_version)
    bodies = read_model.bodies(session, [rid for rid, _ in page.items])
    items = (read_model.with_rank(bodies[rid], rank) for rid, rank in page.items if rid in bodies)
    return read_model.page_json(items, page.total, page.next_cursor)


def get_recommendation(session: Session, recommendation_id: int, *, for_update: bool = False) -> Recommendation:
    return get_or_404(session, Recommendation, recommendation_id, "Recommendation", for_update=for_update)


def read_recommendation(session: Session, recommendation: Recommendation) -> RecommendationRead:
    return recommendation_reads(session, [recommendation])[0]


def find_by_external_key(session: Session, external_key: str) -> Recommendation | None:
    return session.exec(select(Recommendation).where(col(Recommendation.external_key) == external_key)).first()


def derive_external_key(state_under_review: str, cycle: int, text: str, paragraph: str | None = None) -> str:
    """`SVN:c3:<hash of the normalised text>`: the same recommendation to the same state in the same
    cycle (a state is reviewed once a cycle) gets the same key, wherever it was read from — which
    is how an import from UPR Info and one from DIHR meet on one record.

    A paragraph number is identity too: an import that finds the text's key held by another
    paragraph's record (two states recommending the same words under 115.8 and 115.10) keys the new
    record `…:p115.10`. The API never passes one, so its keys are the text's alone."""
    digest = hashlib.sha256(_key_text(text).encode()).hexdigest()[:32]
    key = f"{state_under_review}:c{cycle}:{digest}"
    return f"{key}:p{paragraph}" if paragraph else key


def _key_text(text: str) -> str:
    """ASCII letters and digits, other characters as single spaces: publishers differ in quotes (’ or '),
    dashes, spacing and commas, and DIHR's export lost accented letters to U+FFFD ("l�se-majest�"
    for "lèse-majesté"), so an accented letter must count no more than a lost one. A text with no
    ASCII letter (another script) keys on its folded self."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split()) or " ".join(folded.split())


def key_for_review(session: Session, review: Review, text: str) -> str:
    cycle = session.exec(select(UprSession.cycle_number).where(col(UprSession.number) == review.session_number)).one()
    return derive_external_key(review.state_code, cycle, text)


def _review(session: Session, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise InvalidInput(f"Review {review_id} does not exist.", field="review_id")
    return review


_NOT_NULL = ("text", "recommending_states", "themes", "affected_persons", "sdg_targets")
# Field of the shapes → (link table, its column, referenced column, what it names).
_LINKS: dict[str, tuple[LinkTable, str, Any, str]] = {
    "recommending_states": (RecommendingState, "state_code", State.code, "state code(s)"),
    "themes": (RecommendationTheme, "theme_id", Theme.id, "theme id(s)"),
    "affected_persons": (
        RecommendationAffectedPerson,
        "affected_person_id",
        AffectedPerson.id,
        "affected person id(s)",
    ),
    "sdg_targets": (RecommendationSdgTarget, "sdg_target_code", SdgTarget.code, "SDG target(s)"),
}


def _validate(session: Session, changes: dict[str, Any]) -> None:
    for field in _NOT_NULL:
        if field in changes and changes[field] is None:
            raise InvalidInput(
                f"`{field}` cannot be null"
                + (" (send [] to clear it)." if field in ("themes", "affected_persons", "sdg_targets") else "."),
                field=field,
            )
    check_paragraph(changes.get("paragraph"))
    for field, (_, _, referenced, what) in _LINKS.items():
        if field in changes:
            _require(session, referenced, changes[field], field, what)


def _sync_links(session: Session, recommendation: Recommendation, changes: dict[str, Any], *, new: bool) -> None:
    """Make each sent link set equal to the given one, touching only the rows that differ (so the
    audit log shows what was added and removed, and a theme's `source_label` survives)."""
    recommendation_id = recommendation.id
    assert recommendation_id is not None, "links are made to a stored recommendation"
    for field, (model, column, _, _) in _LINKS.items():
        if field not in changes:
            continue
        wanted = list(dict.fromkeys(changes[field]))
        rows = [] if new else list(session.exec(select(model).where(col(model.recommendation_id) == recommendation_id)))
        guesses = [row for row in rows if getattr(row, "origin", TagOrigin.source) == TagOrigin.inferred]
        have = {getattr(row, column): row for row in rows if row not in guesses}
        for key, row in have.items():
            if key not in wanted:
                session.delete(row)
        if guesses:  # a source beats a guess: the sent families' inferred labels go (`api.recommendations.inferred`)
            families = _families(session, field, wanted)
            for row in guesses:
                if _families(session, field, [getattr(row, column)]) & families:
                    session.delete(row)
            session.flush()
        session.add_all(
            model(recommendation_id=recommendation_id, **{column: key}) for key in wanted if key not in have
        )


def _families(session: Session, field: str, keys: list[Any]) -> set[str]:
    """The tag families (`inferred.drop_inferred`) that link keys of a field belong to."""
    if field == "affected_persons":
        return {"groups"} if keys else set()
    if field != "themes" or not keys:
        return set()
    return {family_of_theme_code(code) for code in session.exec(select(Theme.code).where(col(Theme.id).in_(keys)))}


def _action_origin(recommendation: Recommendation) -> None:
    """An action category written through the API is the source's."""
    recommendation.action_category_origin = TagOrigin.source if recommendation.action_category is not None else None
    recommendation.action_category_confidence = recommendation.action_category_model_version = None


def create_recommendation(session: Session, data: RecommendationCreate) -> Recommendation:
    """A duplicate `external_key` (given, or derived from state, session and text) is a 409."""
    review = _review(session, data.review_id)
    assert review.id is not None
    changes = data.model_dump()
    _validate(session, changes)
    key = data.external_key or key_for_review(session, review, data.text)
    if find_by_external_key(session, key) is not None:
        raise AlreadyExists(f"A recommendation with external key {key!r} already exists.", field="external_key")
    recommendation = Recommendation(
        review_id=review.id,
        paragraph=data.paragraph,
        text=data.text,
        action_category=data.action_category,
        source_document=data.source_document,
        external_key=key,
    )
    _action_origin(recommendation)
    session.add(recommendation)
    session.flush()
    _sync_links(session, recommendation, changes, new=True)
    session.flush()
    return recommendation


def update_recommendation(
    session: Session, recommendation: Recommendation, data: RecommendationUpdate
) -> Recommendation:
    changes = data.model_dump(exclude_unset=True)
    _validate(session, changes)
    scalars = {k: v for k, v in changes.items() if k not in _LINKS}
    if changes:
        recommendation.sqlmodel_update({**scalars, "updated_at": utcnow()})
        if "action_category" in scalars:
            _action_origin(recommendation)
        session.add(recommendation)
    _sync_links(session, recommendation, changes, new=False)
    session.flush()
    return recommendation


def delete_recommendation(session: Session, recommendation_id: int) -> None:
    """The positions and links go too, each deleted as a row so the audit log keeps them; refused (409)
    while implementation tracking refers to it."""
    recommendation = get_recommendation(session, recommendation_id)
    refuse_delete_if_referenced(session, [recommendation_id], f"recommendation {recommendation_id}")
    for model in CHILD_TABLES:
        for row in session.exec(select(model).where(col(model.recommendation_id) == recommendation_id)).all():
            session.delete(row)
    session.flush()
    session.delete(recommendation)
    session.flush()


# `/themes` and `/affected-persons` count what each entry tags (the taxonomy side never imports this one).
register_tagging(
    resolve.THEMES, Tagging(RecommendationTheme, RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)
)
register_tagging(
    resolve.GROUPS,
    Tagging(
        RecommendationAffectedPerson,
        RecommendationAffectedPerson.recommendation_id,
        RecommendationAffectedPerson.affected_person_id,
    ),
)
