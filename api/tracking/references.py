"""Whether implementation-tracking rows refer to recommendations.

Deleting a recommendation (or forcing the deletion of its review) would otherwise delete, or orphan,
what organisations recorded about it — including CSOs' assessments nobody else may see. The cycle
API refuses such deletes with a 409 instead.
"""

from sqlalchemy import exists, or_
from sqlalchemy.sql import Select
from sqlmodel import Session, select

from api.tracking.models import ActionRecommendation, Assessment, Indicator, ProgressUpdate


def tracked(session: Session, recommendation_ids: Select | list[int]) -> bool:
    """True when any action, indicator, progress update or assessment refers to one of them."""
    return bool(session.scalar(select(or_(*(
        exists().where(model.recommendation_id.in_(recommendation_ids))
        for model in (ActionRecommendation, Indicator, ProgressUpdate, Assessment)
    )))))


TRACKED_DETAIL = ("Implementation tracking refers to {what} (actions, indicators, progress updates or "
                  "assessments); those records belong to the organisations that posted them and are not "
                  "deleted with it. Remove or move them first.")
