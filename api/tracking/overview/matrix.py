"""The implementation matrix: per recommendation, its position, themes, the actions answering it,
their indicators' latest values and each organisation's current traffic light — as the caller may
see them (confidential assessments are filtered in SQL, before anything is counted or shown).

Rows are read as columns, never as ORM objects, in a fixed number of queries whatever their count,
assembled as plain data and validated once, as a whole page or report (`PAGE`, `ROWS`): the router
sends the validated model's JSON as it is, so nothing is built or checked twice.
"""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import and_, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.pagination import PageParams, Sort, paginate
from api.cycle.models import Review
from api.recommendations.models import Recommendation, RecommendationTheme, RecommendingState
from api.taxonomy.models import Theme
from api.tracking.indicator_progress import latest_measurements, progress_between
from api.tracking.models import Action, ActionRecommendation, Indicator
from api.tracking.overview.schemas import MatrixPage, MatrixRow
from api.tracking.overview.scope import OverviewScope
from api.tracking.plans.policy import live_indicator, not_archived
from api.tracking.posts.policy import current_visible_assessments
from api.tracking.schemas import actor_key, organisation_refs

BATCH = 500
ROWS: TypeAdapter[list[MatrixRow]] = TypeAdapter(list[MatrixRow])

Row = dict[str, Any]  # a matrix row as plain data, in `MatrixRow`'s shape


def row_columns(scope: OverviewScope) -> Select:
    """The scope's recommendations as the columns a row shows (`id` is the sort key paging reads)."""
    return scope.recommendations().with_only_columns(
        col(Recommendation.id),
        col(Recommendation.paragraph),
        col(Recommendation.text),
        col(Recommendation.current_position),
        col(Review.session_number),
    )


def _grouped(session: Session, stmt: Select) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for key, *rest in session.execute(stmt):
        out[key].append(rest[0] if len(rest) == 1 else tuple(rest))
    return out


def current_ratings(principal: Principal, ids: Select | list[int]) -> Select:
    """(recommendation_id, organisation_id, id, rating, assessed_on) of each organisation's current
    assessment of these recommendations that the caller may see."""
    return current_visible_assessments(principal, ids)


def row_data(session: Session, principal: Principal, scope: OverviewScope, recommendations: Sequence[Any]) -> list[Row]:
    """The rows of these recommendations (rows of `row_columns`, in id order: every recommendation of
    the scope from the first id to the last), in a fixed number of queries. The queries name them as
    that range of the scope, not id by id: a bound value per id costs more than the query itself."""
    if not recommendations:
        return []
    ids = scope.recommendation_ids().where(
        col(Recommendation.id) >= recommendations[0].id, col(Recommendation.id) <= recommendations[-1].id
    )
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
        select(ActionRecommendation.recommendation_id, Action.id, Action.title, Action.status)
        .join(Action, col(Action.id) == col(ActionRecommendation.action_id))
        .where(col(ActionRecommendation.recommendation_id).in_(ids), not_archived(Action))
        .order_by(col(Action.id)),
    )
    action_ids = (
        select(ActionRecommendation.action_id)
        .join(Action, col(Action.id) == col(ActionRecommendation.action_id))
        .where(col(ActionRecommendation.recommendation_id).in_(ids), not_archived(Action))
    )
    shown_indicators = and_(
        or_(col(Indicator.recommendation_id).in_(ids), col(Indicator.action_id).in_(action_ids)), live_indicator()
    )
    indicators = session.execute(
        sa_select(
            col(Indicator.id),
            col(Indicator.name),
            col(Indicator.unit),
            col(Indicator.action_id),
            col(Indicator.recommendation_id),
            col(Indicator.baseline_value),
            col(Indicator.target_value),
        )
        .where(shown_indicators)
        .order_by(col(Indicator.id))
    ).all()
    latest = latest_measurements(session, select(Indicator.id).where(shown_indicators))
    by_action: dict[int, list[Row]] = defaultdict(list)
    direct: dict[int, list[Row]] = defaultdict(list)
    for i in indicators:
        last = latest.get(i.id)
        shown = {
            "id": i.id,
            "name": i.name,
            "unit": i.unit,
            "action_id": i.action_id,
            "baseline_value": i.baseline_value,
            "target_value": i.target_value,
            "latest_value": last.value if last else None,
            "latest_measured_on": last.measured_on if last else None,
            "progress": progress_between(i.baseline_value, i.target_value, last),
        }
        if i.action_id is not None:
            by_action[i.action_id].append(shown)
        elif i.recommendation_id is not None:
            direct[i.recommendation_id].append(shown)
    assessed: dict[int, list[Any]] = defaultdict(list)
    for rating in session.execute(current_ratings(principal, ids)):
        assessed[rating.recommendation_id].append(rating)
    refs = organisation_refs(session, principal, (a.organisation_id for per_rec in assessed.values() for a in per_rec))
    side_by_side = {org_id: actor_key(ref) for org_id, ref in refs.items()}
    rows = []
    for rec in recommendations:
        linked = actions.get(rec.id, [])
        ratings = sorted(assessed.get(rec.id, []), key=lambda a: side_by_side[a.organisation_id])
        rows.append(
            {
                "recommendation_id": rec.id,
                "paragraph": rec.paragraph,
                "text": rec.text,
                "recommending_states": states.get(rec.id, []),
                "current_position": rec.current_position,
                "session": rec.session_number,
                "themes": themes.get(rec.id, []),
                "actions": [{"id": a_id, "title": title, "status": status} for a_id, title, status in linked],
                "indicators": direct.get(rec.id, []) + [i for a_id, _, _ in linked for i in by_action.get(a_id, [])],
                "assessments": [
                    {
                        "organisation": refs[a.organisation_id],
                        "rating": a.rating,
                        "assessed_on": a.assessed_on,
                        "assessment_id": a.id,
                    }
                    for a in ratings
                ],
            }
        )
    return rows


def matrix_page(session: Session, principal: Principal, scope: OverviewScope, params: PageParams) -> MatrixPage:
    page = paginate(session, row_columns(scope), params, [Sort(Recommendation.id)], rows=True)
    return MatrixPage.model_validate(
        {
            "state": scope.state,
            "cycle": scope.one_cycle(),
            "items": row_data(session, principal, scope, page.items),
            "total": page.total,
            "next_cursor": page.next_cursor,
        }
    )


def all_row_data(session: Session, principal: Principal, scope: OverviewScope) -> Iterator[Row]:
    """Every row of the scope as plain data, read in batches by id."""
    last = 0
    while True:
        batch = session.execute(
            row_columns(scope).where(col(Recommendation.id) > last).order_by(col(Recommendation.id)).limit(BATCH)
        ).all()
        if not batch:
            return
        yield from row_data(session, principal, scope, batch)
        last = batch[-1].id


def all_rows(session: Session, principal: Principal, scope: OverviewScope) -> list[MatrixRow]:
    """Every row of the scope, validated (the exports read them as models)."""
    return ROWS.validate_python(list(all_row_data(session, principal, scope)))
