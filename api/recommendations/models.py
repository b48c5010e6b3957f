"""Recommendations made to a state under review, and the state's positions on them (with history)."""

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime, enum_type, utcnow
from api.recommendations.policy import MAX_DOCUMENT_SYMBOL, MAX_PARAGRAPH


class PositionKind(StrEnum):
    supported = "supported"
    supported_in_part = "supported_in_part"
    noted = "noted"
    pending = "pending"


class PositionDateOrigin(StrEnum):
    """Where a position's date comes from: the source itself, or the adoption date of the review's
    outcome (the position is taken at adoption) when the source gives none. A date known from neither
    is null, with no origin: never a placeholder that looks real."""

    source = "source"
    derived = "derived"


class TagOrigin(StrEnum):
    """Who tagged a recommendation: its source (a file or an API write), or the text classifier
    (`inferred`, with the model's version and confidence). A source's tag always beats a guess."""

    source = "source"
    inferred = "inferred"


MODEL_VERSION_LENGTH = 16


class ImportFormat(StrEnum):
    """A publisher and its file format: what an import reads, and where a recommendation came from."""

    upr_info = "upr-info"
    dihr = "dihr"
    ohchr_matrix = "ohchr-matrix"


class Recommendation(SQLModel, table=True):
    __table_args__ = (Index("ix_recommendation_review_id_paragraph", "review_id", "paragraph"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    paragraph: str | None = Field(default=None, max_length=MAX_PARAGRAPH, description="As published, e.g. `147.68`.")
    text: str = Field(sa_type=Text)
    action_category: int | None = Field(
        default=None, ge=1, le=5, index=True, description="UPR Info action category, 1 (minimal) to 5 (specific)."
    )
    source_document: str | None = Field(
        default=None,
        max_length=MAX_DOCUMENT_SYMBOL,
        description="Symbol of the report that records it, e.g. `A/HRC/43/15`.",
    )
    external_key: str = Field(
        max_length=128, unique=True, description="Stable key so re-imports update instead of duplicating."
    )
    current_position: PositionKind | None = Field(
        default=None,
        sa_type=enum_type(PositionKind),
        index=True,
        description="The latest position; kept with the history.",
    )
    action_category_origin: TagOrigin | None = Field(
        default=None,
        sa_type=enum_type(TagOrigin),
        description="Who gave the action category (`source` or `inferred`); null when there is none.",
    )
    action_category_confidence: float | None = Field(
        default=None, description="The classifier's confidence, for an inferred category."
    )
    action_category_model_version: str | None = Field(
        default=None, max_length=MODEL_VERSION_LENGTH, description="The classifier that inferred the category."
    )
    sources: list[str] | None = Field(
        default=None,
        sa_type=JSON,
        description="Publishers it was imported from (upr-info, dihr, ohchr-matrix); each file that brought "
        "it is a `RecommendationSource`.",
    )
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class VoluntaryPledge(SQLModel, table=True):
    """A commitment the state under review made of its own accord: not a recommendation, kept apart."""

    __tablename__ = "voluntary_pledge"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    text: str = Field(sa_type=Text)
    action_category: int | None = Field(default=None, ge=1, le=5)
    themes: list[str] | None = Field(default=None, sa_type=JSON, description="The source's theme labels.")
    external_key: str = Field(max_length=128, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RecommendingState(SQLModel, table=True):
    __tablename__ = "recommending_state"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    state_code: str = Field(foreign_key="state.code", primary_key=True, max_length=3, index=True)


class RecommendationTheme(SQLModel, table=True):
    __tablename__ = "recommendation_theme"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    theme_id: int = Field(foreign_key="theme.id", primary_key=True, index=True)
    source_label: str | None = Field(
        default=None, max_length=300, description="The label the source used, when it differs from the theme's."
    )
    origin: TagOrigin = Field(
        default=TagOrigin.source,
        sa_type=enum_type(TagOrigin),
        sa_column_kwargs={"server_default": "source"},
        index=True,
        description="`source` (a file or an API write) or `inferred` (the text classifier).",
    )
    confidence: float | None = Field(default=None, description="The classifier's confidence; null for a source tag.")
    model_version: str | None = Field(
        default=None, max_length=MODEL_VERSION_LENGTH, description="The classifier that inferred it."
    )


class RecommendationAffectedPerson(SQLModel, table=True):
    __tablename__ = "recommendation_affected_person"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    affected_person_id: int = Field(foreign_key="affected_person.id", primary_key=True, index=True)
    origin: TagOrigin = Field(
        default=TagOrigin.source,
        sa_type=enum_type(TagOrigin),
        sa_column_kwargs={"server_default": "source"},
        index=True,
        description="`source` (a file or an API write) or `inferred` (the text classifier).",
    )
    confidence: float | None = Field(default=None, description="The classifier's confidence; null for a source tag.")
    model_version: str | None = Field(
        default=None, max_length=MODEL_VERSION_LENGTH, description="The classifier that inferred it."
    )


class RecommendationSdgTarget(SQLModel, table=True):
    __tablename__ = "recommendation_sdg_target"

    recommendation_id: int = Field(foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE")
    sdg_target_code: str = Field(foreign_key="sdg_target.code", primary_key=True, max_length=8, index=True)


class RecommendationSource(SQLModel, table=True):
    """One file that brought a recommendation: one row per recommendation and file (publisher and file
    name), which the latest import of that file refreshes, so a re-import never adds a duplicate.
    Recommendations entered through the API have none (the audit log says who and when)."""

    __tablename__ = "recommendation_source"
    __table_args__ = (
        UniqueConstraint("recommendation_id", "publisher", "file_name", name="uq_recommendation_source_file"),
    )

    id: int | None = Field(default=None, primary_key=True)
    recommendation_id: int = Field(foreign_key="recommendation.id", ondelete="CASCADE")
    publisher: ImportFormat = Field(sa_type=enum_type(ImportFormat))
    file_name: str = Field(max_length=255)
    line: int | None = Field(
        default=None, description="The first line (CSV), row (XLSX) or table row (DOCX) that gave it."
    )
    paragraph: str | None = Field(default=None, max_length=MAX_PARAGRAPH, description="The paragraph this file gives.")
    import_job_id: int | None = Field(
        default=None,
        foreign_key="import_job.id",
        ondelete="SET NULL",
        description="The import job, when the file was uploaded (a command-line import has none).",
    )
    imported_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    text: str | None = Field(
        default=None, sa_type=Text, description="The text as this file gives it, when it differs from the record's."
    )
    note: str | None = Field(
        default=None, sa_type=Text, description="What the file notes beside the text (`Comments: …`), never a text."
    )


class ClassifierModel(SQLModel, table=True):
    """A trained text classifier, kept in the database so every worker and machine tags and analyses
    with the same one (processes are stateless: never a file on one machine). The newest is current."""

    __tablename__ = "classifier_model"
    __audit_redact__ = ("payload",)  # the audit log says a model was saved, not its megabytes

    version: str = Field(primary_key=True, max_length=MODEL_VERSION_LENGTH)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    trained_on: int = Field(description="How many labelled recommendations it was trained on.")
    summary: dict | None = Field(default=None, sa_type=JSON, description="Thresholds and evaluation figures.")
    payload: bytes = Field(sa_type=LargeBinary, description="The model as joblib bytes.")


class Position(SQLModel, table=True):
    """One response of the state under review; the history is append-only. A date no source gives is
    null (and its origin too): such a record is older than any dated one (`policy.history_order`)."""

    __table_args__ = (CheckConstraint("(date IS NULL) = (date_origin IS NULL)", name="date_origin"),)

    id: int | None = Field(default=None, primary_key=True)
    recommendation_id: int = Field(foreign_key="recommendation.id", index=True, ondelete="CASCADE")
    position: PositionKind = Field(sa_type=enum_type(PositionKind))
    date: dt.date | None = None
    date_origin: PositionDateOrigin | None = Field(
        default=PositionDateOrigin.source,
        sa_type=enum_type(PositionDateOrigin).evaluates_none(),  # a None given is written, not the default
        description="`source` or `derived` (the review's adoption date); null when the date is unknown.",
    )
    source_document: str | None = Field(default=None, max_length=MAX_DOCUMENT_SYMBOL)
    source_paragraph: str | None = Field(default=None, max_length=MAX_PARAGRAPH)
    explanation: str | None = Field(default=None, sa_type=Text)
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    recorded_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


LinkTable = (
    type[RecommendingState]
    | type[RecommendationTheme]
    | type[RecommendationAffectedPerson]
    | type[RecommendationSdgTarget]
)
LINK_TABLES: tuple[LinkTable, ...] = (
    RecommendingState,
    RecommendationTheme,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
)
# The rows that belong to one recommendation: a delete removes them first, each as a row, so the
# audit log keeps what went.
CHILD_TABLES: tuple[LinkTable | type[Position] | type[RecommendationSource], ...] = (
    Position,
    RecommendationSource,
    *LINK_TABLES,
)
