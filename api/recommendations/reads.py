"""RecommendationRead for a page of rows in a fixed number of queries, whatever the page size.

One query per related table for the whole page (review with its session, recommending states,
themes, affected persons, SDG targets), never one per row.
"""

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, select

from api.cycle.models import Review, State, UprSession
from api.recommendations.models import (
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationRead,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    StateRef,
)
from api.taxonomy.models import AffectedPerson, AffectedPersonRead, Theme, ThemeRead


def recommendation_reads(session: Session, recommendations: Sequence[Recommendation],
                         ranks: Sequence[float | None] | None = None) -> list[RecommendationRead]:
    if not recommendations:
        return []
    ids = [r.id for r in recommendations]
    review_ids = {r.review_id for r in recommendations}
    reviews = {review.id: (review, cycle) for review, cycle in session.exec(
        select(Review, UprSession.cycle_number).join(UprSession, UprSession.number == Review.session_number)
        .where(Review.id.in_(review_ids)))}

    states: dict[int, list[StateRef]] = defaultdict(list)
    for rid, state in session.exec(
            select(RecommendingState.recommendation_id, State).join(State, State.code == RecommendingState.state_code)
            .where(RecommendingState.recommendation_id.in_(ids)).order_by(State.code)):
        states[rid].append(StateRef(code=state.code, name=state.name, regional_group=state.regional_group))

    themes: dict[int, list[ThemeRead]] = defaultdict(list)
    for rid, theme in session.exec(
            select(RecommendationTheme.recommendation_id, Theme).join(Theme, Theme.id == RecommendationTheme.theme_id)
            .where(RecommendationTheme.recommendation_id.in_(ids)).order_by(Theme.name, Theme.id)):
        themes[rid].append(ThemeRead.model_validate(theme))

    persons: dict[int, list[AffectedPersonRead]] = defaultdict(list)
    for rid, person in session.exec(
            select(RecommendationAffectedPerson.recommendation_id, AffectedPerson)
            .join(AffectedPerson, AffectedPerson.id == RecommendationAffectedPerson.affected_person_id)
            .where(RecommendationAffectedPerson.recommendation_id.in_(ids))
            .order_by(AffectedPerson.name, AffectedPerson.id)):
        persons[rid].append(AffectedPersonRead.model_validate(person))

    targets: dict[int, list[str]] = defaultdict(list)
    for rid, code in session.exec(
            select(RecommendationSdgTarget.recommendation_id, RecommendationSdgTarget.sdg_target_code)
            .where(RecommendationSdgTarget.recommendation_id.in_(ids))):
        targets[rid].append(code)

    reads = []
    for i, rec in enumerate(recommendations):
        review, cycle = reviews[rec.review_id]
        reads.append(RecommendationRead(
            id=rec.id, review_id=rec.review_id, state_under_review=review.state_code,
            session=review.session_number, cycle=cycle, paragraph=rec.paragraph, text=rec.text,
            recommending_states=states[rec.id], themes=themes[rec.id], affected_persons=persons[rec.id],
            sdg_targets=sorted(targets[rec.id], key=_sdg_order), action_category=rec.action_category,
            source_document=rec.source_document, external_key=rec.external_key,
            current_position=rec.current_position, rank=ranks[i] if ranks is not None else None,
        ))
    return reads


def _sdg_order(code: str) -> tuple[int, int, str]:
    """16.2 before 16.10, numbered targets before lettered ones (16.a)."""
    goal, target = code.split(".", 1)
    return (int(goal), 0, f"{int(target):04d}") if target.isdigit() else (int(goal), 1, target)
