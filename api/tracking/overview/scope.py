"""Which recommendations an overview covers: a state's, in one UPR cycle (or every cycle)."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from api.cycle.models import Cycle, Review, State, UprSession
from api.errors import InvalidInput
from api.recommendations.models import Recommendation


@dataclass(frozen=True)
class OverviewScope:
    state: str
    cycle: int | None  # None: every cycle

    def recommendations(self):
        stmt = (select(Recommendation).join(Review, Review.id == Recommendation.review_id)
                .where(Review.state_code == self.state))
        if self.cycle is not None:
            stmt = (stmt.join(UprSession, UprSession.number == Review.session_number)
                    .where(UprSession.cycle_number == self.cycle))
        return stmt

    def recommendation_ids(self):
        return self.recommendations().with_only_columns(Recommendation.id)


def resolve(session: Session, state: str, cycle: int | None, *, default_to_latest: bool = True) -> OverviewScope:
    """Unknown state or cycle → 422 naming the parameter. Without a cycle: the latest cycle in which
    the state was reviewed (or, when `default_to_latest` is false, every cycle)."""
    if session.get(State, state) is None:
        raise InvalidInput(f"Unknown state code {state!r}.", field="state")
    if cycle is not None:
        if session.get(Cycle, cycle) is None:
            raise InvalidInput(f"Unknown cycle {cycle}.", field="cycle")
        return OverviewScope(state, cycle)
    if not default_to_latest:
        return OverviewScope(state, None)
    latest = session.scalar(
        select(func.max(UprSession.cycle_number)).join(Review, Review.session_number == UprSession.number)
        .where(Review.state_code == state))
    if latest is None:
        latest = session.scalar(select(func.max(Cycle.number)))
    if latest is None:
        raise InvalidInput("No UPR cycle is recorded yet.", field="cycle")
    return OverviewScope(state, latest)
