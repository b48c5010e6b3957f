"""RecommendationRead for a page of rows in a fixed number of queries, whatever the page size.

One query per related table for the whole page (review with its session, recommending states,
themes, affected persons, SDG targets, the files it was imported from), never one per row.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy import select as sa_select  # sqlmodel's is typed for at most four columns
from sqlmodel import Session, col, select

from api.cycle.models import Review, State, UprSession
from api.recommendations.models import (
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationSource,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
)
from api.recommendations.schemas import (
    RecommendationAffectedPersonRead,
    RecommendationRead,
    RecommendationSourceRead,
    RecommendationThemeRead,
    StateRef,
)
from api.taxonomy.models import AffectedPerson, Theme


def recommendation_reads(
    session: Session, recommendations: Sequence[Recommendation | Row[Any]], ranks: Sequence[float | None] | None = None
) -> list[RecommendationRead]:
    """`recommendations` are ORM objects or rows of the table's columns (the read model's, faster)."""
    if not recommendations:
        return []
    ids = [_stored_id(r) for r in recommendations]
    review_ids = {r.review_id for r in recommendations}
    reviews = {
        review.id: (review, cycle)
        for review, cycle in session.exec(
            select(Review, UprSession.cycle_number)
            .join(UprSession, col(UprSession.number) == Review.session_number)
            .where(col(Review.id).in_(review_ids))
        )
    }

    # Link pairs first, then each distinct state / theme / person once, as plain columns built into
    # read models without re-validation: a page repeats the same few vocabulary rows hundreds of times.
    state_links = _pairs(session, RecommendingState.recommendation_id, RecommendingState.state_code, ids)
    theme_links = _tagged(session, RecommendationTheme, RecommendationTheme.theme_id, ids)
    person_links = _tagged(session, RecommendationAffectedPerson, RecommendationAffectedPerson.affected_person_id, ids)
    target_links = _pairs(
        session, RecommendationSdgTarget.recommendation_id, RecommendationSdgTarget.sdg_target_code, ids
    )
    state_refs = {
        code: StateRef.model_construct(code=code, name=name, regional_group=group)
        for code, name, group in session.exec(
            select(State.code, State.name, col(State.regional_group)).where(col(State.code).in_(_values(state_links)))
        )
    }
    theme_reads = {
        tid: dict(id=tid, name=name, code=code, parent_id=parent)
        for tid, name, code, parent in session.exec(
            select(Theme.id, Theme.name, Theme.code, Theme.parent_id).where(
                col(Theme.id).in_({t for tags in theme_links.values() for t, *_ in tags})
            )
        )
        if tid is not None
    }
    person_reads = {
        pid: dict(id=pid, name=name)
        for pid, name in session.exec(
            select(AffectedPerson.id, AffectedPerson.name).where(
                col(AffectedPerson.id).in_({p for tags in person_links.values() for p, *_ in tags})
            )
        )
        if pid is not None
    }
    states = {rid: sorted((state_refs[c] for c in codes), key=lambda s: s.code) for rid, codes in state_links.items()}
    # Source tags first, then inferred ones; by name within each.
    # One read object per distinct (entry, origin, confidence, model) of the page: a page repeats them.
    made: dict[tuple, Any] = {}

    def tagged(shape: Any, fields: dict, tag: tuple) -> Any:
        key = (shape, fields["id"], *tag)
        if (found := made.get(key)) is None:
            found = made[key] = _with_origin(shape, fields, list(tag))
        return found

    themes = {
        rid: sorted(
            (tagged(RecommendationThemeRead, theme_reads[t], tuple(tag)) for t, *tag in tags),
            key=lambda t: (t.origin != TagOrigin.source, t.name, t.id),
        )
        for rid, tags in theme_links.items()
    }
    persons = {
        rid: sorted(
            (tagged(RecommendationAffectedPersonRead, person_reads[p], tuple(tag)) for p, *tag in tags),
            key=lambda p: (p.origin != TagOrigin.source, p.name, p.id),
        )
        for rid, tags in person_links.items()
    }

    sources = _sources(session, ids)

    reads = []
    for i, (rid, rec) in enumerate(zip(ids, recommendations, strict=True)):
        review, cycle = reviews[rec.review_id]
        reads.append(  # built from stored rows of checked types: no second validation
            RecommendationRead.model_construct(
                id=rid,
                review_id=rec.review_id,
                state_under_review=review.state_code,
                session=review.session_number,
                cycle=cycle,
                paragraph=rec.paragraph,
                text=rec.text,
                recommending_states=states.get(rid, []),
                themes=themes.get(rid, []),
                affected_persons=persons.get(rid, []),
                sdg_targets=sorted(target_links.get(rid, []), key=_sdg_order),
                action_category=rec.action_category,
                action_category_origin=_action_origin(rec),
                action_category_confidence=rec.action_category_confidence,
                source_document=rec.source_document,
                external_key=rec.external_key,
                current_position=rec.current_position,
                sources=sources.get(rid, []),
                rank=ranks[i] if ranks is not None else None,
            )
        )
    return reads


def _sources(session: Session, ids: list[int]) -> dict[int, list[RecommendationSourceRead]]:
    """The page's sources in one query, oldest import first."""
    out: dict[int, list[RecommendationSourceRead]] = defaultdict(list)
    stmt = (
        sa_select(
            col(RecommendationSource.recommendation_id),
            col(RecommendationSource.publisher),
            col(RecommendationSource.file_name),
            col(RecommendationSource.line),
            col(RecommendationSource.paragraph),
            col(RecommendationSource.import_job_id),
            col(RecommendationSource.imported_at),
            col(RecommendationSource.text),
            col(RecommendationSource.note),
        )
        .where(col(RecommendationSource.recommendation_id).in_(ids))
        .order_by(col(RecommendationSource.imported_at), col(RecommendationSource.id))
    )
    for rid, publisher, file_name, line, paragraph, job_id, imported_at, text, note in session.execute(stmt):
        out[rid].append(
            RecommendationSourceRead.model_construct(
                publisher=publisher,
                file_name=file_name,
                line=line,
                paragraph=paragraph,
                import_job_id=job_id,
                imported_at=imported_at,
                text=text,
                note=note,
            )
        )
    return out


def _stored_id(recommendation: Recommendation | Row[Any]) -> int:
    if recommendation.id is None:
        raise ValueError("Read shapes are built for stored recommendations only.")
    return recommendation.id


def _action_origin(rec: Recommendation | Row[Any]) -> TagOrigin | None:
    """A category written without an origin (the seed's, a test's) is a source's."""
    if rec.action_category is None:
        return None
    return rec.action_category_origin or TagOrigin.source


def _tagged(session: Session, model: Any, value: Any, ids: list[int]) -> dict[int, list[tuple]]:
    """(value, origin, confidence, model version) of each link of the page, per recommendation."""
    found: dict[int, list[tuple]] = defaultdict(list)
    stmt = sa_select(
        col(model.recommendation_id), col(value), col(model.origin), col(model.confidence), col(model.model_version)
    ).where(col(model.recommendation_id).in_(ids))
    for rid, item, origin, confidence, version in session.execute(stmt):
        found[rid].append((item, origin, confidence, version))
    return found


def _with_origin(shape: Any, fields: dict, tag: list) -> Any:
    origin, confidence, version = tag
    return shape.model_construct(**fields, origin=origin, confidence=confidence, model_version=version)


def _pairs(session: Session, owner: Any, value: Any, ids: list[int]) -> dict[int, list]:
    pairs: dict[int, list] = defaultdict(list)
    for rid, item in session.exec(select(owner, value).where(col(owner).in_(ids))):
        pairs[rid].append(item)
    return pairs


def _values(pairs: dict[int, list]) -> set:
    return {item for items in pairs.values() for item in items}


def _sdg_order(code: str) -> tuple[int, int, str]:
    """16.2 before 16.10, numbered targets before lettered ones (16.a)."""
    goal, target = code.split(".", 1)
    return (int(goal), 0, f"{int(target):04d}") if target.isdigit() else (int(goal), 1, target)
