"""The implementation matrix: per recommendation, its position, themes, the actions answering it,
their indicators' latest values and each organisation's current traffic light — as the caller may
see them (confidential assessments are filtered in SQL, before anything is counted or shown)."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import or_
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.pagination import PageParams, Sort, paginate
from api.cycle.models import Review
from api.recommendations.models import Recommendation, RecommendationTheme, RecommendingState
from api.taxonomy.models import Theme
from api.tracking.indicator_progress import latest_measurements, progress
from api.tracking.models import Action, ActionRecommendation, Assessment, Indicator
from api.tracking.overview.schemas import ActorRating, MatrixAction, MatrixIndicator, MatrixPage, MatrixRow
from api.tracking.overview.scope import OverviewScope
from api.tracking.plans.policy import live_indicator, not_archived
from api.tracking.posts.policy import current_among_visible, visible_clause
from api.tracking.rows import stored_id
from api.tracking.schemas import actor_key, organisation_refs

BATCH = 500


def _grouped(session: Session, stmt: Select) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for key, *rest in session.execute(stmt):
        out[key].append(rest[0] if len(rest) == 1 else tuple(rest))
    return out


def current_assessments(session: Session, principal: Principal, ids: list[int]) -> dict[int, dict[int, Assessment]]:
    """recommendation id → organisation id → that organisation's latest assessment the caller may see."""
    current: dict[int, dict[int, Assessment]] = defaultdict(dict)
    stmt = select(Assessment).where(
        col(Assessment.recommendation_id).in_(ids),
        visible_clause(principal, Assessment),
        current_among_visible(principal),
    )
    for assessment in session.exec(stmt):
        current[assessment.recommendation_id][assessment.organisation_id] = assessment
    return current


def build_rows(session: Session, principal: Principal, recommendations: list[Recommendation]) -> list[MatrixRow]:
    """The rows for these recommendations, in a fixed number of queries whatever their count."""
    if not recommendations:
        return []
    ids = [stored_id(r) for r in recommendations]
    sessions: dict[int, int] = {
        recommendation_id: session_number
        for recommendation_id, session_number in session.execute(
            select(Recommendation.id, Review.session_number)
            .join(Review, col(Review.id) == col(Recommendation.review_id))
            .where(col(Recommendation.id).in_(ids))
        )
    }
    states = _grouped(
        session,
        select(RecommendingState.recommendation_id, RecommendingState.state_code)
        .where(col(RecommendingState.recommendation_id).in_(ids))
        .order_by(col(RecommendingState.state_code)),
    )
    themes = _grouped(
        session,
        select(RecommendationTheme.recommendation_id, Theme.name)
        .join(Theme, col(Theme.id) == col(RecommendationTheme.theme_id))
        .where(col(RecommendationTheme.recommendation_id).in_(ids))
        .order_by(col(Theme.name)),
    )
    actions = _grouped(
        session,
        select(ActionRecommendation.recommendation_id, Action)
        .join(Action, col(Action.id) == col(ActionRecommendation.action_id))
        .where(col(ActionRecommendation.recommendation_id).in_(ids), not_archived(Action))
        .order_by(col(Action.id)),
    )
    action_ids = sorted({stored_id(a) for linked in actions.values() for a in linked})
    indicators = list(
        session.exec(
            select(Indicator)
            .where(
                or_(col(Indicator.recommendation_id).in_(ids), col(Indicator.action_id).in_(action_ids)),
                live_indicator(),
            )
            .order_by(col(Indicator.id))
        )
    )
    latest = latest_measurements(session, [stored_id(i) for i in indicators])
    by_action: dict[int, list[MatrixIndicator]] = defaultdict(list)
    direct: dict[int, list[MatrixIndicator]] = defaultdict(list)
    for indicator in indicators:
        last = latest.get(stored_id(indicator))
        shown = MatrixIndicator(
            id=stored_id(indicator),
            name=indicator.name,
            unit=indicator.unit,
            action_id=indicator.action_id,
            baseline_value=indicator.baseline_value,
            target_value=indicator.target_value,
            latest_value=last.value if last else None,
            latest_measured_on=last.measured_on if last else None,
            progress=progress(indicator, last),
        )
        if indicator.action_id is not None:
            by_action[indicator.action_id].append(shown)
        elif indicator.recommendation_id is not None:
            direct[indicator.recommendation_id].append(shown)
    assessed = current_assessments(session, principal, ids)
    refs = organisation_refs(session, principal, (org_id for per_org in assessed.values() for org_id in per_org))
    rows = []
    for rec in recommendations:
        rec_id = stored_id(rec)
        linked = actions.get(rec_id, [])
        ratings = sorted(assessed.get(rec_id, {}).values(), key=lambda a: actor_key(refs[a.organisation_id]))
        rows.append(
            MatrixRow(
                recommendation_id=rec_id,
                paragraph=rec.paragraph,
                text=rec.text,
                recommending_states=states.get(rec_id, []),
                current_position=rec.current_position,
                session=sessions[rec_id],
                themes=themes.get(rec_id, []),
                actions=[MatrixAction(id=stored_id(a), title=a.title, status=a.status) for a in linked],
                indicators=direct.get(rec_id, []) + [i for a in linked for i in by_action.get(stored_id(a), [])],
                assessments=[
                    ActorRating(
                        organisation=refs[a.organisation_id],
                        rating=a.rating,
                        assessed_on=a.assessed_on,
                        assessment_id=stored_id(a),
                    )
                    for a in ratings
                ],
            )
        )
    return rows


def matrix_page(session: Session, principal: Principal, scope: OverviewScope, params: PageParams) -> MatrixPage:
    page = paginate(session, scope.recommendations(), params, [Sort(Recommendation.id)])
    return MatrixPage(
        state=scope.state,
        cycle=scope.one_cycle(),
        items=build_rows(session, principal, page.items),
        total=page.total,
        next_cursor=page.next_cursor,
    )


def all_rows(session: Session, principal: Principal, scope: OverviewScope) -> Iterator[MatrixRow]:
    """Every row of the scope, read in batches by id."""
    last = 0
    while True:
        batch = list(
            session.exec(
                scope.recommendations()
                .where(col(Recommendation.id) > last)
                .order_by(col(Recommendation.id))
                .limit(BATCH)
            )
        )
        if not batch:
            return
        yield from build_rows(session, principal, batch)
        last = stored_id(batch[-1])
