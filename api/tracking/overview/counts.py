"""Counting the matrix in the database: traffic lights per actor and per theme, positions, position
changes — the figures of the caller's view of the matrix (the same visibility and current-assessment
rules, `matrix.current_ratings`), grouped in SQL rather than by building every row.

A recommendation counts under each of its themes (`(no theme)` when it has none); an actor is listed
where it has at least one current rating the caller may see, with the recommendations it left
unassessed (visibly); actors in `actor_key` order, themes by name, case-insensitively.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import String, and_, case, cast, exists, func, literal, null, union_all
from sqlalchemy import select as sa_select
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.recommendations.models import Position, Recommendation, RecommendationTheme
from api.taxonomy.models import Theme
from api.tracking.models import Action, ActionRecommendation, TrafficLight
from api.tracking.overview.matrix import current_ratings
from api.tracking.overview.scope import OverviewScope
from api.tracking.plans.policy import not_archived
from api.tracking.schemas import OrganisationRef, actor_key, organisation_refs

NO_THEME = "(no theme)"


@dataclass(frozen=True)
class Counts:
    """The counts a report or dashboard shows, as plain data in their schemas' shapes."""

    recommendations: int
    with_actions: int
    by_position: dict[str, int]
    by_actor: list[dict[str, object]]
    by_theme: list[dict[str, object]]


def _actors(
    refs: dict[int, OrganisationRef], tallies: dict[int, Counter[str]], members: int
) -> list[dict[str, object]]:
    return [
        {"organisation": refs[org_id], "counts": {**tally, "not_assessed": members - sum(tally.values())}}
        for org_id, tally in sorted(tallies.items(), key=lambda item: actor_key(refs[item[0]]))
    ]


def counts(session: Session, principal: Principal, scope: OverviewScope) -> Counts:
    ids = scope.recommendation_ids()
    recs = scope.recommendations().subquery()
    linked = exists(
        select(ActionRecommendation.action_id)
        .join(Action, col(Action.id) == col(ActionRecommendation.action_id))
        .where(col(ActionRecommendation.recommendation_id) == recs.c.id, not_archived(Action))
    )
    total, with_actions = session.execute(
        select(func.count(), func.coalesce(func.sum(case((linked, 1), else_=0)), 0)).select_from(recs)
    ).one()
    by_position = Counter[str]()
    for position, n in session.execute(select(recs.c.current_position, func.count()).group_by(recs.c.current_position)):
        by_position[position.value if position is not None else "none"] += n
    theme_name = func.coalesce(Theme.name, literal(NO_THEME))
    members: dict[str, int] = {
        theme: n
        for theme, n in session.execute(
            select(theme_name, func.count())
            .select_from(recs)
            .outerjoin(RecommendationTheme, col(RecommendationTheme.recommendation_id) == recs.c.id)
            .outerjoin(Theme, col(Theme.id) == col(RecommendationTheme.theme_id))
            .group_by(theme_name)
        )
    }

    # Each organisation's ratings over the scope and per theme, in one statement over one evaluation of
    # the current ratings (a CTE read twice): `theme` null in the first set.
    ratings = current_ratings(principal, ids).cte("current_rating")
    overall = select(
        cast(null(), String).label("theme"), ratings.c.organisation_id, ratings.c.rating, func.count()
    ).group_by(ratings.c.organisation_id, ratings.c.rating)
    themed = (
        select(theme_name, ratings.c.organisation_id, ratings.c.rating, func.count())
        .select_from(ratings)
        .outerjoin(RecommendationTheme, col(RecommendationTheme.recommendation_id) == ratings.c.recommendation_id)
        .outerjoin(Theme, col(Theme.id) == col(RecommendationTheme.theme_id))
        .group_by(theme_name, ratings.c.organisation_id, ratings.c.rating)
    )
    by_actor: dict[int, Counter[str]] = defaultdict(Counter)
    per_theme: dict[str, dict[int, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for theme, org_id, rating, n in session.execute(union_all(overall, themed)):
        (by_actor if theme is None else per_theme[theme])[org_id][TrafficLight(rating).value] += n
    refs = organisation_refs(session, principal, by_actor)
    return Counts(
        recommendations=total,
        with_actions=with_actions,
        by_position=dict(sorted(by_position.items())),
        by_actor=_actors(refs, by_actor, total),
        by_theme=[
            {"theme": theme, "recommendations": n, "by_actor": _actors(refs, per_theme.get(theme, {}), n)}
            for theme, n in sorted(members.items(), key=lambda item: (item[0].lower(), item[0]))
        ],
    )


def position_changes(session: Session, scope: OverviewScope) -> list[dict[str, object]]:
    """Recommendations whose position changed (e.g. noted → supported), with the last change: each
    record against the one before it in the history's order (`history_order`), the latest that differs."""
    previous = (
        func.lag(Position.position)
        .over(
            partition_by=col(Position.recommendation_id),
            order_by=(col(Position.date).asc().nulls_first(), col(Position.id).asc()),
        )
        .label("previous")
    )
    steps = (
        sa_select(
            col(Position.recommendation_id), col(Position.position), col(Position.date), col(Position.id), previous
        )
        .where(col(Position.recommendation_id).in_(scope.recommendation_ids()))
        .subquery()
    )
    newest_first = (
        func.row_number()
        .over(partition_by=steps.c.recommendation_id, order_by=(steps.c.date.desc().nulls_last(), steps.c.id.desc()))
        .label("n")
    )
    changes = (
        sa_select(steps.c.recommendation_id, steps.c.previous, steps.c.position, steps.c.date, newest_first)
        .where(and_(steps.c.previous.is_not(None), steps.c.previous != steps.c.position))
        .subquery()
    )
    stmt: Select = (
        sa_select(
            changes.c.recommendation_id,
            col(Recommendation.paragraph),
            col(Recommendation.text),
            changes.c.previous,
            changes.c.position,
            changes.c.date,
        )
        .join(Recommendation, col(Recommendation.id) == changes.c.recommendation_id)
        .where(changes.c.n == 1)
        .order_by(changes.c.recommendation_id)
    )
    return [
        {
            "recommendation_id": rec_id,
            "paragraph": paragraph,
            "text": text,
            "previous_position": before,
            "current_position": after,
            "changed_on": on,
        }
        for rec_id, paragraph, text, before, after, on in session.execute(stmt)
    ]
