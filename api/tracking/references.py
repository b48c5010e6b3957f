"""Whether implementation-tracking rows refer to recommendations.

Deleting a recommendation (or forcing the deletion of its review) would otherwise delete, or orphan,
what organisations recorded about it — including CSOs' assessments nobody else may see. Tracking
registers this guard with `api.recommendations.policy` (the cycle side never imports tracking), which
refuses such deletes with a 409.
"""

from sqlalchemy import exists, or_
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from api.recommendations.policy import register_delete_guard
from api.tracking.models import ActionRecommendation, Assessment, Indicator, ProgressUpdate


def tracking_referrers(session: Session, recommendation_ids: Select | list[int]) -> str | None:
    """Says what refers to `{what}` when any action, indicator, progress update or assessment does."""
    referring = (
        exists().where(col(ActionRecommendation.recommendation_id).in_(recommendation_ids)),
        exists().where(col(Indicator.recommendation_id).in_(recommendation_ids)),
        exists().where(col(ProgressUpdate.recommendation_id).in_(recommendation_ids)),
        exists().where(col(Assessment.recommendation_id).in_(recommendation_ids)),
    )
    found = bool(session.scalar(select(or_(*referring))))
    return (
        "Implementation tracking refers to {what} (actions, indicators, progress updates or assessments)"
        if found
        else None
    )


def register() -> None:
    register_delete_guard(tracking_referrers)
