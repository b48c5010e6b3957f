"""A review's recommendations and voluntary pledges as the cycle side sees them: counted on each review,
and deleted with their review when an admin forces it (`api.cycle.policy.dependents_to_delete`).
Registered with the cycle's policy, so the cycle side never imports recommendations."""

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.cycle.policy import register_review_dependent
from api.cycle.reviews_service import delete_where
from api.recommendations.models import (
    CHILD_TABLES,
    Recommendation,
    VoluntaryPledge,
)
from api.recommendations.policy import refuse_delete_if_referenced

CHILDREN = CHILD_TABLES


def _of_review(review_id: int) -> SelectOfScalar[int | None]:
    return select(col(Recommendation.id)).where(Recommendation.review_id == review_id)


class ReviewRecommendations:
    noun = "recommendations"

    def count(self, session: Session, review_ids: Sequence[int]) -> dict[int, int]:
        rows = session.exec(
            select(Recommendation.review_id, func.count())
            .where(col(Recommendation.review_id).in_(review_ids))
            .group_by(col(Recommendation.review_id))
        )
        return dict(rows.all())

    def describe(self, count: int) -> str:
        return f"{count} recommendation(s); deleting it would delete them with their positions"

    def refuse_delete(self, session: Session, review_id: int) -> None:
        """Not even forced: records others keep about them (tracking's) are theirs."""
        refuse_delete_if_referenced(session, _of_review(review_id), f"recommendations of review {review_id}")

    def delete(self, session: Session, review_id: int) -> None:
        for model in CHILDREN:
            delete_where(session, model, col(model.recommendation_id).in_(_of_review(review_id)))
        delete_where(session, Recommendation, col(Recommendation.review_id) == review_id)


REVIEW_RECOMMENDATIONS = ReviewRecommendations()


class ReviewPledges:
    """The commitments a state made of its own accord at its review: without this, their foreign key
    turned a forced delete into a bare database conflict."""

    noun = "voluntary pledges"

    def count(self, session: Session, review_ids: Sequence[int]) -> dict[int, int]:
        rows = session.exec(
            select(VoluntaryPledge.review_id, func.count())
            .where(col(VoluntaryPledge.review_id).in_(review_ids))
            .group_by(col(VoluntaryPledge.review_id))
        )
        return dict(rows.all())

    def describe(self, count: int) -> str:
        return f"{count} voluntary pledge(s); deleting it would delete them"

    def refuse_delete(self, session: Session, review_id: int) -> None:
        """Nothing else refers to a pledge."""

    def delete(self, session: Session, review_id: int) -> None:
        delete_where(session, VoluntaryPledge, col(VoluntaryPledge.review_id) == review_id)


REVIEW_PLEDGES = ReviewPledges()


def register() -> None:
    register_review_dependent(REVIEW_RECOMMENDATIONS)
    register_review_dependent(REVIEW_PLEDGES)
