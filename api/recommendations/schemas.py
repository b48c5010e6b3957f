"""Request and response shapes of recommendations, positions and the aggregates over them."""

import datetime as dt
from enum import StrEnum
from typing import Annotated

from annotated_types import Interval, Len
from pydantic import AfterValidator, StringConstraints, field_validator
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import MAX_ID, CleanStr, Day, Omittable, StateCode, also_checked, no_nul, not_blank
from api.cycle.models import RegionalGroup
from api.recommendations.models import ImportFormat, PositionDateOrigin, PositionKind, TagOrigin
from api.recommendations.policy import MAX_DOCUMENT_SYMBOL, MAX_PARAGRAPH, PARAGRAPH_PATTERN, position_date_error
from api.taxonomy.schemas import SDG_TARGET_PATTERN, AffectedPersonRead, ThemeRead

SdgTargetCode = Annotated[str, StringConstraints(pattern=SDG_TARGET_PATTERN)]
RowId = Annotated[int, Interval(ge=1, le=MAX_ID)]
RecommendationText = Annotated[str, AfterValidator(no_nul), AfterValidator(not_blank)]


class PositionCreate(SQLModel):
    """A mistyped future date would become the current position for good (history is append-only)."""

    model_config = with_examples(
        {
            "position": "supported",
            "date": "2019-11-12",
            "source_document": "A/HRC/43/15",
            "source_paragraph": "121",
            "explanation": "Supported at the interactive dialogue.",
        }
    )

    position: PositionKind
    date: Day = Field(  # when the state took the position
        schema_extra={"json_schema_extra": also_checked("must be from 2007-01-01 on and not in the future")}
    )
    source_document: CleanStr | None = Field(
        default=None,
        max_length=MAX_DOCUMENT_SYMBOL,
        description="Symbol of the document recording it, e.g. `A/HRC/43/15/Add.1`.",
    )
    source_paragraph: str | None = Field(
        default=None, max_length=MAX_PARAGRAPH, schema_extra={"pattern": PARAGRAPH_PATTERN}
    )
    explanation: CleanStr | None = Field(default=None, max_length=20_000)

    @field_validator("date")
    @classmethod
    def _plausible(cls, value: dt.date) -> dt.date:
        if error := position_date_error(value):
            raise ValueError(error)
        return value


class PositionRead(SQLModel):
    id: int
    recommendation_id: int
    position: PositionKind
    date: Day | None = Field(description="null when no source gives it (never a placeholder).")
    date_origin: PositionDateOrigin | None = Field(
        description="`source`: the source (or the caller) gives the date; `derived`: the adoption date of the "
        "review's outcome, where the position is taken, as the source gives none; null with a null date."
    )
    source_document: str | None
    source_paragraph: str | None
    explanation: str | None
    recorded_at: dt.datetime


class RecommendationCreate(SQLModel):
    model_config = with_examples(
        {
            "review_id": 1,
            "paragraph": "121.220",
            "text": "End the segregation of Roma children in schools and preschools",
            "recommending_states": ["ALB"],
            "themes": [33],
            "affected_persons": [9],
            "sdg_targets": ["4.5", "10.3"],
            "action_category": 3,
            "source_document": "A/HRC/43/15",
        }
    )

    review_id: int = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing review")}, ge=1, le=MAX_ID
    )
    paragraph: str | None = Field(
        default=None,
        max_length=MAX_PARAGRAPH,
        schema_extra={"pattern": PARAGRAPH_PATTERN},
        description="As published, e.g. `147.68`.",
    )
    text: RecommendationText = Field(min_length=1, max_length=20_000)
    recommending_states: list[StateCode] = Field(
        schema_extra={"json_schema_extra": also_checked("must name states this API knows (see `/states`)")},
        min_length=1,
        description="ISO3 codes; joint ones have several.",
    )
    themes: list[RowId] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        default_factory=list,
        description="Theme ids (see `/themes`).",
    )
    affected_persons: list[RowId] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing affected persons")},
        default_factory=list,
        description="Ids from `/affected-persons`.",
    )
    sdg_targets: list[SdgTargetCode] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing SDG targets")},
        default_factory=list,
        description="Target codes, e.g. `16.10`.",
    )
    action_category: int | None = Field(default=None, ge=1, le=5)
    source_document: CleanStr | None = Field(default=None, max_length=MAX_DOCUMENT_SYMBOL)
    external_key: CleanStr | None = Field(
        default=None,
        min_length=1,
        max_length=128,
        description="Your stable key. When omitted it is derived from the state under review, the session and "
        "the normalised text, so posting the same recommendation twice is a 409, not a duplicate.",
    )


class RecommendationUpdate(SQLModel):
    """Only the fields sent change; lists replace the whole set (`[]` clears an optional one). The
    external key stays as it is, even when the text changes: importers find the row by it."""

    model_config = with_examples({"themes": [32, 33], "sdg_targets": ["10.3"]}, {"action_category": 4})

    paragraph: str | None = Field(default=None, max_length=MAX_PARAGRAPH, schema_extra={"pattern": PARAGRAPH_PATTERN})
    text: Omittable[Annotated[RecommendationText, Len(1, 20_000)]] = None
    recommending_states: Omittable[Annotated[list[StateCode], Len(min_length=1)]] = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must name states this API knows (see `/states`)")},
    )
    themes: Omittable[list[RowId]] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        default=None,
        description="Replaces every theme; `[]` clears them.",
    )
    affected_persons: Omittable[list[RowId]] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing affected persons")},
        default=None,
        description="Replaces them all; `[]` clears them.",
    )
    sdg_targets: Omittable[list[SdgTargetCode]] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing SDG targets")},
        default=None,
        description="Replaces them all; `[]` clears them.",
    )
    action_category: int | None = Field(default=None, ge=1, le=5)
    source_document: CleanStr | None = Field(default=None, max_length=MAX_DOCUMENT_SYMBOL)


class StateRef(SQLModel):
    code: str
    name: str
    regional_group: RegionalGroup | None


class RecommendationSourceRead(SQLModel):
    """Where a recommendation was read: one entry per file, refreshed by the latest import of that file."""

    publisher: ImportFormat
    file_name: str
    line: int | None = Field(description="The first line (CSV), row (XLSX) or table row (DOCX) that gave it.")
    paragraph: str | None = Field(description="The paragraph as this file gives it.")
    import_job_id: int | None = Field(description="The upload's import job; null for a command-line import.")
    imported_at: dt.datetime
    text: str | None = Field(description="The text as this file gives it, when it differs from the record's.")
    note: str | None = Field(description="What the file notes beside the text (`Comments: …`).")


class TagOriginFilter(StrEnum):
    """`tag_origin=`: whose tags a theme, group or action-category filter matches."""

    any = "any"
    source = "source"
    inferred = "inferred"

    @property
    def origin(self) -> TagOrigin | None:
        return None if self is TagOriginFilter.any else TagOrigin(self.value)


ORIGIN = "`source` (a file or an API write) or `inferred` (the text classifier's guess)."


class RecommendationThemeRead(ThemeRead):
    """A theme of a recommendation, with who gave it."""

    origin: TagOrigin = Field(default=TagOrigin.source, description=ORIGIN)
    confidence: float | None = Field(default=None, description="The classifier's probability; null for a source's.")
    model_version: str | None = Field(default=None, description="The classifier that inferred it; null for a source's.")


class RecommendationAffectedPersonRead(AffectedPersonRead):
    """An affected-persons group of a recommendation, with who gave it."""

    origin: TagOrigin = Field(default=TagOrigin.source, description=ORIGIN)
    confidence: float | None = Field(default=None, description="The classifier's probability; null for a source's.")
    model_version: str | None = Field(default=None, description="The classifier that inferred it; null for a source's.")


class RecommendationRead(SQLModel):
    id: int
    review_id: int
    state_under_review: str
    session: int
    cycle: int
    paragraph: str | None
    text: str
    recommending_states: list[StateRef]
    themes: list[RecommendationThemeRead]
    affected_persons: list[RecommendationAffectedPersonRead]
    sdg_targets: list[str]
    action_category: int | None
    action_category_origin: TagOrigin | None = Field(default=None, description=ORIGIN + " Null without a category.")
    action_category_confidence: float | None = Field(
        default=None, description="The classifier's probability, for an inferred category."
    )
    source_document: str | None
    external_key: str
    current_position: PositionKind | None
    sources: list[RecommendationSourceRead] = Field(
        default_factory=list,
        description="The files it was imported from, oldest import first; empty when entered through the API.",
    )
    rank: float | None = Field(default=None, description="Relevance when searching with `q` (higher is better).")


class PositionCounts(SQLModel):
    supported: int = 0
    supported_in_part: int = 0
    noted: int = 0
    pending: int = 0
    no_position: int = Field(default=0, description="Recommendations with no position recorded yet.")
    total: int = 0


class ThemeCount(SQLModel):
    id: int
    name: str
    count: int


class RecommendingStateCount(SQLModel):
    code: str
    name: str
    regional_group: RegionalGroup | None
    count: int = Field(description="Recommendations it made (joint ones count for each co-author).")
    supported: int = Field(description="Of those, currently supported.")
    supported_in_part: int = Field(description="Of those, currently supported in part.")


class RegionCount(SQLModel):
    regional_group: RegionalGroup | None = Field(description="null: observer states, which belong to no group.")
    count: int = Field(description="Recommendations with at least one recommending state of the group.")


class ReviewSummary(SQLModel):
    review_id: int
    state_under_review: str
    session: int
    cycle: int
    by_position: PositionCounts = Field(description="By current position; every position is present.")
    by_theme: list[ThemeCount] = Field(description="Most frequent first; a recommendation counts for each theme.")
    by_recommending_state: list[RecommendingStateCount] = Field(description="Most recommendations first.")
    by_region: list[RegionCount] = Field(description="Region of the recommending state; every group is present.")


class Champion(SQLModel):
    code: str
    name: str
    regional_group: RegionalGroup | None
    recommendations: int = Field(description="Recommendations matching the filters it made (alone or jointly).")
    states_under_review_count: int
    states_under_review: list[str] = Field(description="ISO3 codes of the states it made them to.")
    by_state_under_review: dict[str, int] = Field(
        description="Recommendations per state it made them to (ISO3 code → count), by code.",
        schema_extra={"examples": [{"CHN": 2, "SVN": 3}]},
    )
    supported: int = Field(description="Of those, currently supported.")
    supported_in_part: int = Field(description="Of those, currently supported in part.")
    noted: int = Field(description="Of those, currently noted.")
    no_position_yet: int = Field(description="Of those, pending or with no position recorded.")
    supported_share: float = Field(description="(supported + supported_in_part) / recommendations, 0–1.")
    cycles: list[int] = Field(description="UPR cycles in which it made them.")
    latest_cycle: int
    recommendations_url: str = Field(
        description="`/recommendations` with the same filters and this recommending state: the recommendations counted."
    )
