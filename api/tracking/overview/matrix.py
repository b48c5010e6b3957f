"""The implementation matrix: per recommendation, its position, themes, the actions answering it,
their indicators' latest values and each organisation's current traffic light — as the caller may
see them (confidential assessments are filtered in SQL, before anything is counted or shown)."""

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import or_
from sqlmodel import Session, select

from api.auth.principal import Principal
from api.cycle.models import Review
from api.pagination import PageParams, Sort, paginate
from api.recommendations.models import Recommendation, RecommendationTheme, RecommendingState
from api.taxonomy.models import Theme
from api.tracking.indicator_progress import latest_measurements, progress
from api.tracking.models import Action, ActionRecommendation, Assessment, Indicator
from api.tracking.overview.scope import OverviewScope
from api.tracking.overview.shapes import ActorRating, MatrixAction, MatrixIndicator, MatrixPage, MatrixRow
from api.tracking.plans.rules import live_indicator, not_archived
from api.tracking.shapes import actor_key, organisation_refs
from api.tracking.visibility import visible_clause

BATCH = 500


def _grouped(session: Session, stmt) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for key, *rest in session.execute(stmt):
        out[key].append(rest[0] if len(rest) == 1 else tuple(rest))
    return out


def current_assessments(session: Session, principal: Principal, ids: list[int]) -> dict[int, dict[int, Assessment]]:
    """recommendation id → organisation id → that organisation's latest assessment the caller may see."""
    current: dict[int, dict[int, Assessment]] = defaultdict(dict)
    stmt = (select(Assessment).where(Assessment.recommendation_id.in_(ids), visible_clause(principal, Assessment))
            .order_by(Assessment.assessed_on, Assessment.id))
    for assessment in session.exec(stmt):
        current[assessment.recommendation_id][assessment.organisation_id] = assessment  # later ones win
    return current


def build_rows(session: Session, principal: Principal, recommendations: list[Recommendation]) -> list[MatrixRow]:
    """The rows for these recommendations, in a fixed number of queries whatever their count."""
    if not recommendations:
        return []
    ids = [r.id for r in recommendations]
    sessions = dict(session.execute(select(Recommendation.id, Review.session_number)
                                    .join(Review, Review.id == Recommendation.review_id)
                                    .where(Recommendation.id.in_(ids))).all())
    states = _grouped(session, select(RecommendingState.recommendation_id, RecommendingState.state_code)
                      .where(RecommendingState.recommendation_id.in_(ids)).order_by(RecommendingState.state_code))
    themes = _grouped(session, select(RecommendationTheme.recommendation_id, Theme.name)
                      .join(Theme, Theme.id == RecommendationTheme.theme_id)
                      .where(RecommendationTheme.recommendation_id.in_(ids)).order_by(Theme.name))
    actions = _grouped(session, select(ActionRecommendation.recommendation_id, Action)
                       .join(Action, Action.id == ActionRecommendation.action_id)
                       .where(ActionRecommendation.recommendation_id.in_(ids), not_archived(Action))
                       .order_by(Action.id))
    action_ids = sorted({a.id for linked in actions.values() for a in linked})
    indicators = list(session.exec(select(Indicator).where(or_(
        Indicator.recommendation_id.in_(ids), Indicator.action_id.in_(action_ids)), live_indicator())
        .order_by(Indicator.id)))
    latest = latest_measurements(session, [i.id for i in indicators])
    by_action: dict[int, list[MatrixIndicator]] = defaultdict(list)
    direct: dict[int, list[MatrixIndicator]] = defaultdict(list)
    for indicator in indicators:
        last = latest.get(indicator.id)
        shown = MatrixIndicator(
            id=indicator.id, name=indicator.name, unit=indicator.unit, action_id=indicator.action_id,
            baseline_value=indicator.baseline_value, target_value=indicator.target_value,
            latest_value=last.value if last else None, latest_measured_on=last.measured_on if last else None,
            progress=progress(indicator, last))
        (by_action[indicator.action_id] if indicator.action_id else direct[indicator.recommendation_id]).append(shown)
    assessed = current_assessments(session, principal, ids)
    refs = organisation_refs(session, principal, (org_id for per_org in assessed.values() for org_id in per_org))
    rows = []
    for rec in recommendations:
        linked = actions.get(rec.id, [])
        ratings = sorted(assessed.get(rec.id, {}).values(), key=lambda a: actor_key(refs[a.organisation_id]))
        rows.append(MatrixRow(
            recommendation_id=rec.id, paragraph=rec.paragraph, text=rec.text,
            recommending_states=states.get(rec.id, []),
            current_position=rec.current_position, session=sessions[rec.id], themes=themes.get(rec.id, []),
            actions=[MatrixAction(id=a.id, title=a.title, status=a.status) for a in linked],
            indicators=direct.get(rec.id, []) + [i for a in linked for i in by_action.get(a.id, [])],
            assessments=[ActorRating(organisation=refs[a.organisation_id],
                                     rating=a.rating, assessed_on=a.assessed_on, assessment_id=a.id)
                         for a in ratings],
        ))
    return rows


def matrix_page(session: Session, principal: Principal, scope: OverviewScope, params: PageParams) -> MatrixPage:
    page = paginate(session, scope.recommendations(), params, [Sort(Recommendation.id)])
    return MatrixPage(state=scope.state, cycle=scope.cycle, items=build_rows(session, principal, page.items),
                      total=page.total, next_cursor=page.next_cursor)


def all_rows(session: Session, principal: Principal, scope: OverviewScope) -> Iterator[MatrixRow]:
    """Every row of the scope, read in batches by id."""
    last = 0
    while True:
        batch = list(session.exec(scope.recommendations().where(Recommendation.id > last)
                                  .order_by(Recommendation.id).limit(BATCH)))
        if not batch:
            return
        yield from build_rows(session, principal, batch)
        last = batch[-1].id
