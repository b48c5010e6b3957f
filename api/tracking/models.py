"""Implementation tracking: the tables.

Governments own the plan (actions, their indicators and milestones); governments, NHRIs and CSOs
post side by side (measurements, progress updates, assessments, evidence). Posts carry a
`visibility` (see `api/tracking/posts/policy.py`) and the state whose tracker they belong to, so
every read can be filtered in SQL. Updates and assessments are never overwritten: an edit bumps
`revision` and the previous content stays in the `*_revision` table.

Rows that hang on recommendations or actions do not cascade at the database level: deletes go
through services (and the ORM), so every deleted row is audited and no organisation's posts
disappear as a side effect of someone else's delete.
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.core.ids import random_id
from api.core.types import UTCDateTime, enum_type, utcnow


class Visibility(StrEnum):
    public = "public"
    shared = "shared"
    confidential = "confidential"


class ActionStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    completed = "completed"
    cancelled = "cancelled"


class MilestoneStatus(StrEnum):
    pending = "pending"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


class Direction(StrEnum):
    increase = "increase"
    decrease = "decrease"


class TrafficLight(StrEnum):
    """An organisation's rating of a recommendation's implementation."""

    not_started = "not_started"  # red
    partial = "partial"  # orange
    implemented = "implemented"  # green
    no_information = "no_information"


class EvidenceKind(StrEnum):
    link = "link"
    file = "file"


class Action(SQLModel, table=True):
    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    title: str = Field(max_length=300)
    description: str | None = Field(default=None, sa_type=Text)
    responsible_organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, description="The ministry or agency (focal point)."
    )
    contact: str | None = Field(default=None, max_length=300, description="Focal point contact.")
    status: ActionStatus = Field(default=ActionStatus.planned, sa_type=enum_type(ActionStatus), index=True)
    start_date: date | None = None
    end_date: date | None = None
    budget_note: str | None = Field(default=None, sa_type=Text)
    created_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    archived_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="Deleted, before issue 14, while posts referred to it: hidden."
    )
    withdrawn_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="Deleted: kept, out of current views, listed in its history."
    )


class ActionRecommendation(SQLModel, table=True):
    """The cluster: one action answers many recommendations, a recommendation many actions."""

    __tablename__ = "action_recommendation"

    action_id: int = Field(foreign_key="action.id", primary_key=True)
    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, index=True)


class Indicator(SQLModel, table=True):
    __table_args__ = (CheckConstraint("(action_id IS NULL) <> (recommendation_id IS NULL)", name="one_owner"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    action_id: int | None = Field(default=None, foreign_key="action.id", index=True)
    recommendation_id: int | None = Field(default=None, foreign_key="recommendation.id", index=True)
    name: str = Field(max_length=300)
    unit: str | None = Field(default=None, max_length=50)
    baseline_value: float | None = None
    baseline_date: date | None = None
    target_value: float | None = None
    target_date: date | None = None
    direction: Direction = Field(default=Direction.increase, sa_type=enum_type(Direction))
    data_source: str | None = Field(default=None, max_length=500)
    disaggregation_note: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="Deleted: kept, out of current views, listed in its history."
    )


class Measurement(SQLModel, table=True):
    __table_args__ = (Index("ix_measurement_indicator_date", "indicator_id", "measured_on"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    indicator_id: int = Field(foreign_key="indicator.id")
    value: float
    measured_on: date
    source: str | None = Field(default=None, max_length=500)
    note: str | None = Field(default=None, sa_type=Text)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, description="Posted by.")
    posted_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="Deleted: kept, out of current views, listed in its history."
    )


class Milestone(SQLModel, table=True):
    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    action_id: int = Field(foreign_key="action.id", index=True)
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    title: str = Field(max_length=300)
    description: str | None = Field(default=None, sa_type=Text)
    due_date: date = Field(index=True)
    done_date: date | None = None
    status: MilestoneStatus = Field(default=MilestoneStatus.pending, sa_type=enum_type(MilestoneStatus))
    original_due_date: date | None = Field(
        default=None, description="The due date before the first change of it (null: never changed)."
    )
    rescheduled_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, index=True, description="When the due date was last moved later."
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    archived_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="Deleted, before issue 14, while posts referred to it: hidden."
    )
    withdrawn_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="Deleted: kept, out of current views, listed in its history."
    )


class ProgressUpdate(SQLModel, table=True):
    """The current revision of an update; earlier ones are in `progress_update_revision`."""

    __tablename__ = "progress_update"
    __table_args__ = (CheckConstraint("recommendation_id IS NOT NULL OR action_id IS NOT NULL", name="subject"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    recommendation_id: int | None = Field(default=None, foreign_key="recommendation.id", index=True)
    action_id: int | None = Field(default=None, foreign_key="action.id", index=True)
    text: str = Field(sa_type=Text)
    reported_on: date
    visibility: Visibility = Field(sa_type=enum_type(Visibility), index=True)
    revision: int = 1
    created_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(
        default=None,
        sa_type=UTCDateTime,
        description="Deleted by its poster once others could see it: kept, out of current reads (posts/policy.py).",
    )


class ProgressUpdateRevision(SQLModel, table=True):
    __tablename__ = "progress_update_revision"
    __table_args__ = (UniqueConstraint("progress_update_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    progress_update_id: int = Field(foreign_key="progress_update.id", index=True)
    revision: int
    text: str = Field(sa_type=Text)
    reported_on: date
    visibility: Visibility = Field(sa_type=enum_type(Visibility))
    edited_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Assessment(SQLModel, table=True):
    """One organisation's rating of a recommendation on a date. The organisation's history is its
    assessments of that recommendation; the current one is the latest by `assessed_on`, then the latest posted."""

    __table_args__ = (Index("ix_assessment_recommendation_org", "recommendation_id", "organisation_id", "assessed_on"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    recommendation_id: int = Field(foreign_key="recommendation.id")
    rating: TrafficLight = Field(sa_type=enum_type(TrafficLight))
    reasoning: str | None = Field(default=None, sa_type=Text)
    assessed_on: date
    visibility: Visibility = Field(sa_type=enum_type(Visibility), index=True)
    revision: int = 1
    created_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(
        default=None,
        sa_type=UTCDateTime,
        description="Deleted by its poster once others could see it: kept, out of current reads (posts/policy.py).",
    )


class AssessmentRevision(SQLModel, table=True):
    __tablename__ = "assessment_revision"
    __table_args__ = (UniqueConstraint("assessment_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True)
    revision: int
    rating: TrafficLight = Field(sa_type=enum_type(TrafficLight))
    reasoning: str | None = Field(default=None, sa_type=Text)
    assessed_on: date
    visibility: Visibility = Field(sa_type=enum_type(Visibility))
    edited_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Evidence(SQLModel, table=True):
    """A link or an uploaded file, attached to exactly one update, assessment or milestone."""

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN progress_update_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN assessment_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN milestone_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_parent",
        ),
    )

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    kind: EvidenceKind = Field(sa_type=enum_type(EvidenceKind))
    url: str | None = Field(default=None, max_length=2000)
    file_name: str | None = Field(default=None, max_length=255, description="The uploader's file name.")
    stored_name: str | None = Field(
        default=None, max_length=64, unique=True, description="Random name under the evidence directory."
    )
    content_type: str | None = Field(default=None, max_length=100)
    size_bytes: int | None = None
    sha256: str | None = Field(default=None, max_length=64)
    description: str | None = Field(default=None, sa_type=Text)
    evidence_date: date | None = None
    visibility: Visibility = Field(sa_type=enum_type(Visibility), index=True)
    progress_update_id: int | None = Field(default=None, foreign_key="progress_update.id", index=True)
    assessment_id: int | None = Field(default=None, foreign_key="assessment.id", index=True)
    milestone_id: int | None = Field(default=None, foreign_key="milestone.id", index=True)
    created_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PlanEntity(StrEnum):
    action = "action"
    indicator = "indicator"
    milestone = "milestone"
    measurement = "measurement"


class PlanChangeKind(StrEnum):
    created = "created"
    changed = "changed"
    withdrawn = "withdrawn"


class PlanChange(SQLModel, table=True):
    """One entry of a plan row's public history (`api/tracking/plans/history.py`): which organisation
    changed which fields from what to what, written in the transaction of the change."""

    __tablename__ = "plan_change"
    __table_args__ = (Index("ix_plan_change_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: PlanEntity = Field(sa_type=enum_type(PlanEntity))
    entity_id: int
    kind: PlanChangeKind = Field(sa_type=enum_type(PlanChangeKind))
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    changes: dict = Field(default_factory=dict, sa_type=JSON, description="`[old, new]` per field.")
