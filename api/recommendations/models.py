"""Recommendations made to a state under review, and the state's positions on them (with history)."""

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated

from annotated_types import Interval
from pydantic import AfterValidator, ConfigDict, StringConstraints, field_validator
from sqlalchemy import JSON, Index, Text
from sqlmodel import Field, SQLModel

from api.cycle.models import RegionalGroup, StateCode
from api.taxonomy.models import SDG_TARGET_PATTERN, AffectedPersonRead, ThemeRead
from api.types import MAX_ID, UTCDateTime, enum_type, utcnow

PARAGRAPH_PATTERN = r"^\d+(\.\d+)*$"
SdgTargetCode = Annotated[str, StringConstraints(pattern=SDG_TARGET_PATTERN)]
RowId = Annotated[int, Interval(ge=1, le=MAX_ID)]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")  # PostgreSQL text cannot hold them
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


CleanStr = Annotated[str, AfterValidator(_no_nul)]
RecommendationText = Annotated[str, AfterValidator(_no_nul), AfterValidator(_not_blank)]


class PositionKind(StrEnum):
    supported = "supported"
    supported_in_part = "supported_in_part"
    noted = "noted"
    pending = "pending"


class Recommendation(SQLModel, table=True):
    __table_args__ = (Index("ix_recommendation_review_id_paragraph", "review_id", "paragraph"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    paragraph: str | None = Field(default=None, max_length=32, description="As published, e.g. `147.68`.")
    text: str = Field(sa_type=Text)
    action_category: int | None = Field(default=None, ge=1, le=5, index=True,
                                        description="UPR Info action category, 1 (minimal) to 5 (specific).")
    source_document: str | None = Field(default=None, max_length=64,
                                        description="Symbol of the report that records it, e.g. `A/HRC/43/15`.")
    external_key: str = Field(max_length=128, unique=True,
                              description="Stable key so re-imports update instead of duplicating.")
    current_position: PositionKind | None = Field(default=None, sa_type=enum_type(PositionKind), index=True,
                                                  description="The latest position; kept with the history.")
    sources: list[str] | None = Field(default=None, sa_type=JSON,
                                      description="Publishers it was imported from (upr-info, dihr, ohchr-matrix).")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class VoluntaryPledge(SQLModel, table=True):
    """A commitment the state under review made of its own accord: not a recommendation, kept apart."""

    __tablename__ = "voluntary_pledge"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    text: str = Field(sa_type=Text)
    action_category: int | None = Field(default=None, ge=1, le=5)
    themes: list[str] | None = Field(default=None, sa_type=JSON, description="The source's theme labels.")
    external_key: str = Field(max_length=128, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RecommendingState(SQLModel, table=True):
    __tablename__ = "recommending_state"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    state_code: str = Field(foreign_key="state.code", primary_key=True, max_length=3, index=True)


class RecommendationTheme(SQLModel, table=True):
    __tablename__ = "recommendation_theme"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    theme_id: int = Field(foreign_key="theme.id", primary_key=True, index=True)
    source_label: str | None = Field(default=None, max_length=300,
                                     description="The label the source used, when it differs from the theme's.")


class RecommendationAffectedPerson(SQLModel, table=True):
    __tablename__ = "recommendation_affected_person"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    affected_person_id: int = Field(foreign_key="affected_person.id", primary_key=True, index=True)


class RecommendationSdgTarget(SQLModel, table=True):
    __tablename__ = "recommendation_sdg_target"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    sdg_target_code: str = Field(foreign_key="sdg_target.code", primary_key=True, max_length=8, index=True)


class Position(SQLModel, table=True):
    """One response of the state under review; the history is append-only."""

    id: int | None = Field(default=None, primary_key=True)
    recommendation_id: int = Field(foreign_key="recommendation.id", index=True, ondelete="CASCADE")
    position: PositionKind = Field(sa_type=enum_type(PositionKind))
    date: date
    source_document: str | None = Field(default=None, max_length=64)
    source_paragraph: str | None = Field(default=None, max_length=32)
    explanation: str | None = Field(default=None, sa_type=Text)
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PositionCreate(SQLModel):
    """A mistyped future date would become the current position for good (history is append-only)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "position": "supported", "date": "2019-11-12", "source_document": "A/HRC/43/15", "source_paragraph": "121",
        "explanation": "Supported at the interactive dialogue."}]})

    position: PositionKind
    date: date  # when the state took the position: 2007 or later, not in the future
    source_document: CleanStr | None = Field(default=None, max_length=64,
                                          description="Symbol of the document recording it, e.g. `A/HRC/43/15/Add.1`.")
    source_paragraph: str | None = Field(default=None, max_length=32, schema_extra={"pattern": PARAGRAPH_PATTERN})
    explanation: CleanStr | None = Field(default=None, max_length=20_000)

    @field_validator("date")
    @classmethod
    def _plausible(cls, value: date) -> date:
        latest = utcnow().date() + timedelta(days=1)  # a day's grace for time zones east of UTC
        if not date(2007, 1, 1) <= value <= latest:
            raise ValueError(f"must be between 2007-01-01 and {latest.isoformat()}")
        return value


class PositionRead(SQLModel):
    id: int
    recommendation_id: int
    position: PositionKind
    date: date
    source_document: str | None
    source_paragraph: str | None
    explanation: str | None
    recorded_at: datetime


class RecommendationCreate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "review_id": 12, "paragraph": "121.44", "text": "Continue efforts to prevent discrimination against Roma",
        "recommending_states": ["ALB"], "themes": [4], "affected_persons": [7], "sdg_targets": ["10.2", "10.3"],
        "action_category": 3, "source_document": "A/HRC/43/15"}]})

    review_id: int = Field(ge=1, le=MAX_ID)
    paragraph: str | None = Field(default=None, max_length=32, schema_extra={"pattern": PARAGRAPH_PATTERN},
                                  description="As published, e.g. `147.68`.")
    text: RecommendationText = Field(min_length=1, max_length=20_000)
    recommending_states: list[StateCode] = Field(min_length=1, description="ISO3 codes; joint ones have several.")
    themes: list[RowId] = Field(default_factory=list, description="Theme ids (see `/themes`).")
    affected_persons: list[RowId] = Field(default_factory=list, description="Ids from `/affected-persons`.")
    sdg_targets: list[SdgTargetCode] = Field(default_factory=list, description="Target codes, e.g. `16.10`.")
    action_category: int | None = Field(default=None, ge=1, le=5)
    source_document: CleanStr | None = Field(default=None, max_length=64)
    external_key: CleanStr | None = Field(
        default=None, min_length=1, max_length=128,
        description="Your stable key. When omitted it is derived from the state under review, the session and "
                    "the normalised text, so posting the same recommendation twice is a 409, not a duplicate.")


class RecommendationUpdate(SQLModel):
    """Only the fields sent change; lists replace the whole set (`[]` clears an optional one). The
    external key stays as it is, even when the text changes: importers find the row by it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"themes": [4, 9], "sdg_targets": ["10.3"]},
                                                              {"action_category": 4}]})

    paragraph: str | None = Field(default=None, max_length=32, schema_extra={"pattern": PARAGRAPH_PATTERN})
    text: RecommendationText | None = Field(default=None, min_length=1, max_length=20_000)
    recommending_states: list[StateCode] | None = Field(default=None, min_length=1)
    themes: list[RowId] | None = None
    affected_persons: list[RowId] | None = None
    sdg_targets: list[SdgTargetCode] | None = None
    action_category: int | None = Field(default=None, ge=1, le=5)
    source_document: CleanStr | None = Field(default=None, max_length=64)


class StateRef(SQLModel):
    code: str
    name: str
    regional_group: RegionalGroup | None


class RecommendationRead(SQLModel):
    id: int
    review_id: int
    state_under_review: str
    session: int
    cycle: int
    paragraph: str | None
    text: str
    recommending_states: list[StateRef]
    themes: list[ThemeRead]
    affected_persons: list[AffectedPersonRead]
    sdg_targets: list[str]
    action_category: int | None
    source_document: str | None
    external_key: str
    current_position: PositionKind | None
    rank: float | None = Field(default=None, description="Relevance when searching with `q` (higher is better).")

