"""Request and response shapes of the plan: actions, indicators, measurements, milestones.

Cross-field rules that also need the stored row on PATCH (end after start, direction and target,
milestone status and done date, dates not in the future) live in the services, so a create and a
partial update are judged alike and the 422 names the field.
"""

import datetime as dt
from typing import Annotated, Any

from annotated_types import Len
from pydantic import AfterValidator, FiniteFloat, StringConstraints, field_validator
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import Day, IdField, Omittable, StateCode, also_checked, no_nul
from api.tracking.models import ActionStatus, Direction, MilestoneStatus, PlanChangeKind, PlanEntity
from api.tracking.schemas import OrganisationRef

# Text fields: surrounding blanks stripped, no NUL (PostgreSQL cannot store it), bounded.
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(no_nul)]
Contact = Annotated[str, StringConstraints(strip_whitespace=True, min_length=0, max_length=300), AfterValidator(no_nul)]
Unit = Annotated[str, StringConstraints(strip_whitespace=True, min_length=0, max_length=50), AfterValidator(no_nul)]
Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=0, max_length=500), AfterValidator(no_nul)]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=0, max_length=20_000), AfterValidator(no_nul)
]


def _distinct_not_null(values: list[int] | None) -> list[int]:
    """A list that is not a column: omitted leaves it alone, `[]` clears it, null is an error."""
    if values is None:
        raise ValueError("may not be null; omit the field to leave it unchanged")
    return list(dict.fromkeys(values))


# --- actions -------------------------------------------------------------------------------------


class ActionWrite(SQLModel):
    title: Omittable[Title] = None
    description: LongText | None = None
    responsible_organisation_id: IdField | None = Field(
        schema_extra={
            "json_schema_extra": also_checked("must name an active government organisation of the plan's state")
        },
        default=None,
        description="The responsible ministry or agency: an active government organisation of the action's state.",
    )
    contact: Contact | None = Field(default=None, description="The focal point's contact.")
    status: Omittable[ActionStatus] = None
    start_date: Day | None = None
    end_date: Day | None = Field(
        schema_extra={"json_schema_extra": also_checked("must not be before `start_date`")},
        default=None,
        description="Not before `start_date`.",
    )
    budget_note: LongText | None = None
    recommendations: Omittable[Annotated[list[IdField], Len(max_length=1000)]] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing recommendations to the plan's state")},
        default=None,
        description="Ids of the recommendations the action answers (the cluster), all made to the action's state. "
        "On PATCH the list replaces the cluster; `[]` empties it.",
    )

    _recommendations = field_validator("recommendations")(_distinct_not_null)


class ActionCreate(ActionWrite):
    model_config = with_examples(
        {
            "state_code": "SVN",
            "title": "National Roma inclusion programme 2021–2030",
            "description": "Preschool places, Roma assistants in schools, desegregated housing.",
            "responsible_organisation_id": 2,
            "contact": "focal.point@gov.si",
            "status": "in_progress",
            "start_date": "2021-01-01",
            "end_date": "2030-12-31",
            "budget_note": "EUR 4.2 million a year (ESF+)",
            "recommendations": [23, 24, 25],
        }
    )

    state_code: StateCode = Field(
        schema_extra={"json_schema_extra": also_checked("must name a state this API knows (see `/states`)")},
        description="ISO3 code of the state whose plan it belongs to (any case).",
    )
    title: Title
    status: ActionStatus = ActionStatus.planned
    recommendations: list[IdField] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing recommendations to the plan's state")},
        default_factory=list,
        max_length=1000,
        description="Ids of the recommendations the action answers (the cluster).",
    )


class ActionUpdate(ActionWrite):
    model_config = with_examples({"status": "completed", "end_date": "2024-06-30", "recommendations": [23, 24]})

    state_code: Omittable[StateCode] = Field(
        schema_extra={"json_schema_extra": also_checked("must name a state this API knows (see `/states`)")},
        default=None,
        description="Moving an action to another state's plan takes its indicators and milestones "
        "along; progress updates and evidence stay in the tracker they were posted in.",
    )


class ActionRead(SQLModel):
    id: int
    state_code: str
    title: str
    description: str | None
    responsible_organisation: OrganisationRef | None
    contact: str | None
    status: ActionStatus
    start_date: Day | None
    end_date: Day | None
    budget_note: str | None
    recommendations: list[int] = Field(description="Ids of the recommendations the action answers (the cluster).")
    indicator_count: int
    milestone_count: int
    overdue_milestone_count: int = Field(description="Milestones past due and neither done nor cancelled.")
    created_at: dt.datetime
    updated_at: dt.datetime
    withdrawn_at: dt.datetime | None = Field(
        default=None, description="Set once withdrawn (deleted): out of current views, kept with its history."
    )


# --- indicators ----------------------------------------------------------------------------------


class IndicatorWrite(SQLModel):
    action_id: IdField | None = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing action")},
        default=None,
        description="The action measured (or give `recommendation_id`).",
    )
    recommendation_id: IdField | None = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing recommendation")},
        default=None,
        description="The recommendation measured directly.",
    )
    name: Omittable[Title] = None
    unit: Unit | None = None
    baseline_value: FiniteFloat | None = None
    baseline_date: Day | None = None
    target_value: FiniteFloat | None = Field(
        default=None, description="With a baseline: above it for `increase`, below it for `decrease`."
    )
    target_date: Day | None = Field(
        schema_extra={"json_schema_extra": also_checked("must not be before `baseline_date`")},
        default=None,
        description="Not before `baseline_date`.",
    )
    direction: Omittable[Direction] = None
    data_source: Source | None = None
    disaggregation_note: LongText | None = None


class IndicatorCreate(IndicatorWrite):
    model_config = with_examples(
        {
            "action_id": 1320507007,
            "name": "Roma children enrolled in preschool",
            "unit": "%",
            "baseline_value": 40.0,
            "baseline_date": "2019-09-01",
            "target_value": 80.0,
            "target_date": "2026-09-01",
            "direction": "increase",
            "data_source": "Statistical Office, education survey",
            "disaggregation_note": "By sex and municipality.",
        }
    )

    name: Title
    direction: Direction = Direction.increase


class IndicatorUpdate(IndicatorWrite):
    """To move an indicator, send the new owner and null the other: `{"action_id": 9, "recommendation_id": null}`."""

    model_config = with_examples({"target_value": 90.0, "target_date": "2028-09-01"})


class IndicatorRead(SQLModel):
    id: int
    state_code: str
    action_id: int | None
    recommendation_id: int | None
    name: str
    unit: str | None
    baseline_value: float | None
    baseline_date: Day | None
    target_value: float | None
    target_date: Day | None
    direction: Direction
    data_source: str | None
    disaggregation_note: str | None
    latest_value: float | None = Field(description="The latest measurement (by date, then the latest posted).")
    latest_measured_on: Day | None
    progress: float | None = Field(
        description="(latest − baseline) / (target − baseline), 4 decimals: 0 at the baseline, 1 at the target; "
        "null without a baseline, a target or a measurement."
    )
    target_reached: bool | None = Field(
        description="The latest value meets the target in the indicator's "
        "direction; null without a target or a measurement."
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    withdrawn_at: dt.datetime | None = Field(
        default=None, description="Set once withdrawn (deleted): out of current views, kept with its history."
    )


# --- measurements --------------------------------------------------------------------------------


class MeasurementCreate(SQLModel):
    model_config = with_examples(
        {
            "value": 52.5,
            "measured_on": "2023-09-30",
            "source": "Statistical Office, education survey 2023",
            "note": "Provisional figure.",
        }
    )

    value: FiniteFloat
    measured_on: Day = Field(
        schema_extra={"json_schema_extra": also_checked("must not be in the future")}, description="Not in the future."
    )
    source: Source | None = None
    note: LongText | None = None


class MeasurementUpdate(SQLModel):
    model_config = with_examples({"value": 53.1, "note": "Final figure."})

    value: Omittable[FiniteFloat] = None
    measured_on: Omittable[Day] = Field(
        schema_extra={"json_schema_extra": also_checked("must not be in the future")},
        default=None,
        description="Not in the future.",
    )
    source: Source | None = None
    note: LongText | None = None


class MeasurementRead(SQLModel):
    id: int
    indicator_id: int
    value: float
    measured_on: Day
    source: str | None
    note: str | None
    posted_by: OrganisationRef
    created_at: dt.datetime
    withdrawn_at: dt.datetime | None = Field(
        default=None, description="Set once withdrawn (deleted): out of current views, kept with its history."
    )


# --- milestones ----------------------------------------------------------------------------------


class MilestoneWrite(SQLModel):
    action_id: Omittable[IdField] = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must name an existing action")}
    )
    title: Omittable[Title] = None
    description: LongText | None = None
    due_date: Omittable[Day] = None
    done_date: Day | None = Field(
        schema_extra={"json_schema_extra": also_checked("must not be in the future")},
        default=None,
        description="Not in the future; giving it marks the milestone `done`.",
    )
    status: Omittable[MilestoneStatus] = Field(
        default=None,
        description="`done` without a `done_date` records today; `pending`, `in_progress` and "
        "`cancelled` clear the done date.",
    )


class MilestoneCreate(MilestoneWrite):
    model_config = with_examples(
        {
            "action_id": 1320507007,
            "title": "Government adopts the programme",
            "due_date": "2021-03-31",
            "status": "pending",
        }
    )

    action_id: IdField = Field(schema_extra={"json_schema_extra": also_checked("must name an existing action")})
    title: Title
    due_date: Day


class MilestoneUpdate(MilestoneWrite):
    model_config = with_examples({"status": "done", "done_date": "2021-03-25"})


class MilestoneRead(SQLModel):
    id: int
    action_id: int
    state_code: str
    title: str
    description: str | None
    due_date: Day
    done_date: Day | None
    status: MilestoneStatus
    overdue: bool = Field(description="Past its due date and neither done nor cancelled (computed each read).")
    rescheduled: bool = Field(description="Its due date was ever moved later (see its history).")
    original_due_date: Day = Field(description="The due date it was planned with (before any change).")
    created_at: dt.datetime
    updated_at: dt.datetime
    withdrawn_at: dt.datetime | None = Field(
        default=None, description="Set once withdrawn (deleted): out of current views, kept with its history."
    )


# --- history -------------------------------------------------------------------------------------


class FieldChange(SQLModel):
    field: str
    old: Any = Field(description="The value before (null on creation); dates as ISO strings.")
    new: Any = Field(description="The value after.")


class PlanChangeRead(SQLModel):
    """One entry of a plan row's public history."""

    id: int
    entity: PlanEntity
    entity_id: int
    kind: PlanChangeKind = Field(description="`created` (its first values), `changed`, or `withdrawn` (deleted).")
    at: dt.datetime
    by: OrganisationRef | None = Field(
        description="The organisation that made the change, under the name the caller may see; never a "
        "person. Null for changes made by no organisation (a data migration)."
    )
    changes: list[FieldChange] = Field(description="Per field, old → new; an action's cluster as `recommendations`.")
    summary: str = Field(description='For people: "due_date 2025-03-31 → 2027-03-31".')
