"""Which recommendations an overview covers: a state's, in one UPR cycle (or every cycle)."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.core.errors import InvalidInput
from api.cycle.models import Cycle, Review, State, UprSession
from api.recommendations.models import Recommendation


@dataclass(frozen=True)
class OverviewScope:
    state: str
    cycle: int | None  # None: every cycle

    def one_cycle(self) -> int:
        """The cycle of a report or matrix, which always covers one (`resolve` with `default_to_latest`)."""
        if self.cycle is None:
            raise ValueError(f"an overview of every cycle of {self.state} has no single cycle")
        return self.cycle

    def recommendations(self) -> SelectOfScalar[Recommendation]:
        stmt = (
            select(Recommendation)
            .join(Review, col(Review.id) == col(Recommendation.review_id))
            .where(Review.state_code == self.state)
        )
        if self.cycle is not None:
            stmt = stmt.join(UprSession, col(UprSession.number) == col(Review.session_number)).where(
                UprSession.cycle_number == self.cycle
            )
        return stmt

    def recommendation_ids(self) -> Select[int | None]:
        return self.recommendations().with_only_columns(col(Recommendation.id))


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
        select(func.max(UprSession.cycle_number))
        .join(Review, col(Review.session_number) == col(UprSession.number))
        .where(Review.state_code == state)
    )
    if latest is None:
        latest = session.scalar(select(func.max(Cycle.number)))
    if latest is None:
        raise InvalidInput("No UPR cycle is recorded yet.", field="cycle")
    return OverviewScope(state, latest)
