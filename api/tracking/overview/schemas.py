"""Shapes of the implementation matrix, the mid-term report and the dashboard."""

import datetime as dt

from pydantic import BaseModel, Field

from api.recommendations.models import PositionKind
from api.tracking.models import ActionStatus, TrafficLight
from api.tracking.schemas import OrganisationRef


class MatrixAction(BaseModel):
    id: int
    title: str
    status: ActionStatus


class MatrixIndicator(BaseModel):
    id: int
    name: str
    unit: str | None
    action_id: int | None = Field(description="Set when the indicator belongs to a linked action.")
    baseline_value: float | None
    target_value: float | None
    latest_value: float | None
    latest_measured_on: dt.date | None
    progress: float | None = Field(description="0 at baseline, 1 at target (computed from the latest value).")


class ActorRating(BaseModel):
    """One organisation's current assessment, as that organisation gave it (never merged)."""

    organisation: OrganisationRef
    rating: TrafficLight
    assessed_on: dt.date
    assessment_id: int


class MatrixRow(BaseModel):
    recommendation_id: int
    paragraph: str | None
    text: str
    recommending_states: list[str]
    current_position: PositionKind | None
    session: int
    themes: list[str]
    actions: list[MatrixAction]
    indicators: list[MatrixIndicator]
    assessments: list[ActorRating] = Field(
        description="Each organisation's current traffic light that you may "
        "see: government first, then NHRIs, CSOs, others."
    )


class MatrixPage(BaseModel):
    state: str
    cycle: int
    items: list[MatrixRow]
    total: int
    next_cursor: str | None


class RatingCounts(BaseModel):
    not_started: int = 0
    partial: int = 0
    implemented: int = 0
    no_information: int = 0
    not_assessed: int = Field(default=0, description="Recommendations this actor has not assessed (visibly).")


class ActorCounts(BaseModel):
    organisation: OrganisationRef
    counts: RatingCounts


class ThemeCounts(BaseModel):
    theme: str
    recommendations: int
    by_actor: list[ActorCounts]


class PositionChange(BaseModel):
    recommendation_id: int
    paragraph: str | None
    text: str
    previous_position: PositionKind
    current_position: PositionKind
    changed_on: dt.date | None  # None: the source did not date the position


class MidTermReport(BaseModel):
    state: str
    cycle: int
    generated_at: dt.datetime
    recommendations: int
    by_position: dict[str, int] = Field(description="Recommendations by current position (`none`: not yet answered).")
    by_actor: list[ActorCounts]
    by_theme: list[ThemeCounts]
    position_changes: list[PositionChange]
    matrix: list[MatrixRow]


class Dashboard(BaseModel):
    state: str
    cycle: int | None
    recommendations: int
    recommendations_with_actions: int
    by_position: dict[str, int]
    actions_by_status: dict[str, int]
    milestones: dict[str, int] = Field(
        description="`total`, `done`, `overdue`, `rescheduled` (whose due date was ever moved later) of the current "
        "milestones; `withdrawn` (deleted from the plan, an action's with it) and "
        "`cancelled_or_withdrawn_while_overdue` (taken off the overdue list without being done: cancelled or "
        "withdrawn while past due). `/tracking/plan-changes` lists each change."
    )
    by_theme: list[ThemeCounts]
    by_actor: list[ActorCounts]
