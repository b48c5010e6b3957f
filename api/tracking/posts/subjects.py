"""What a post is about: recommendations and actions, and the state whose tracker they belong to."""

from sqlmodel import Session, col, select

from api.core.errors import InvalidInput
from api.cycle.models import Review
from api.recommendations.models import Recommendation
from api.tracking.models import Action
from api.tracking.plans.policy import live_row


def recommendation_state(session: Session, recommendation_id: int) -> str | None:
    """The state under review that received the recommendation; None if it does not exist."""
    return session.exec(
        select(Review.state_code)
        .join(Recommendation, col(Recommendation.review_id) == col(Review.id))
        .where(Recommendation.id == recommendation_id)
    ).first()


def subject_state(session: Session, recommendation_id: int | None, action_id: int | None) -> str:
    """The state of a post about a recommendation and/or an action (422 naming the field otherwise)."""
    if recommendation_id is None and action_id is None:
        raise InvalidInput("Give a recommendation_id, an action_id, or both.", field="recommendation_id")
    state: str | None = None
    if recommendation_id is not None:
        state = recommendation_state(session, recommendation_id)
        if state is None:
            raise InvalidInput(f"Recommendation {recommendation_id} does not exist.", field="recommendation_id")
    if action_id is not None:
        action = live_row(session, Action, action_id)  # an archived action is as gone as a deleted one
        if action is None:
            raise InvalidInput(f"Action {action_id} does not exist.", field="action_id")
        if state is not None and action.state_code != state:
            raise InvalidInput(
                f"Action {action_id} is in {action.state_code}'s plan but recommendation "
                f"{recommendation_id} was made to {state}.",
                field="action_id",
            )
        state = action.state_code
    assert state is not None  # one of the two was given
    return state
