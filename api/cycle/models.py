"""The UPR cycle's tables: states, cycles, sessions, reviews with their troika and documents, stakeholder
submissions. Their request and response shapes are in `api.cycle.schemas`."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime, enum_type, utcnow


class RegionalGroup(StrEnum):
    african = "African"
    asia_pacific = "Asia-Pacific"
    eeg = "EEG"
    grulac = "GRULAC"
    weog = "WEOG"


class UNStatus(StrEnum):
    member = "member"
    observer = "observer"


class StateBase(SQLModel):
    name: str = Field(min_length=1, max_length=200)
    iso2: str | None = Field(default=None, max_length=2, schema_extra={"pattern": r"^[A-Z]{2}$"})
    regional_group: RegionalGroup | None = Field(default=None, sa_type=enum_type(RegionalGroup))
    un_status: UNStatus = Field(default=UNStatus.member, sa_type=enum_type(UNStatus))


class State(StateBase, table=True):
    code: str = Field(primary_key=True, max_length=3, description="ISO 3166-1 alpha-3 code.")


class Cycle(SQLModel, table=True):
    number: int = Field(
        primary_key=True,
        sa_column_kwargs={"autoincrement": False},
        ge=1,
        description="1 (2008–2011), 2 (2012–2016), 3 (2017–2022), 4 (2022–2027), …",
    )
    start_year: int = Field(ge=2006, le=2100)
    end_year: int | None = Field(default=None, ge=2006, le=2100)


class UprSession(SQLModel, table=True):
    """A Working Group session (e.g. 34); named to keep clear of the database session."""

    __tablename__ = "upr_session"

    number: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    cycle_number: int = Field(foreign_key="cycle.number", index=True)
    year: int = Field(ge=2006, le=2100)
    start_date: date | None = None
    end_date: date | None = None


class Review(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("state_code", "session_number"),)

    id: int | None = Field(default=None, primary_key=True)
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    session_number: int = Field(foreign_key="upr_session.number", index=True)
    dialogue_date: date | None = Field(default=None, description="Date of the interactive dialogue.")
    adoption_date: date | None = Field(default=None, description="Adoption of the outcome by the Council.")
    submission_deadline: date | None = Field(
        default=None, description="Deadline for stakeholder submissions (NHRIs, CSOs) to OHCHR."
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReviewTroika(SQLModel, table=True):
    """The three states that facilitate a review (the troika)."""

    __tablename__ = "review_troika"

    review_id: int = Field(foreign_key="review.id", primary_key=True, ondelete="CASCADE")
    state_code: str = Field(foreign_key="state.code", primary_key=True, max_length=3)


class DocumentKind(StrEnum):
    national_report = "national_report"
    un_compilation = "un_compilation"
    stakeholders_summary = "stakeholders_summary"
    working_group_report = "working_group_report"
    addendum = "addendum"
    mid_term_report = "mid_term_report"


DOCUMENT_SYMBOL_PATTERN = r"^[A-Z][A-Za-z0-9.\-]*(/[A-Za-z0-9.\-]+)+$"


class ReviewDocumentBase(SQLModel):
    kind: DocumentKind = Field(sa_type=enum_type(DocumentKind))
    symbol: str | None = Field(
        default=None,
        max_length=64,
        schema_extra={"pattern": DOCUMENT_SYMBOL_PATTERN},
        description="UN document symbol, e.g. `A/HRC/43/15` or `A/HRC/43/15/Add.1`.",
    )
    languages: list[str] = Field(
        default_factory=list, sa_type=JSON, description='ISO 639-1 codes of the language versions, e.g. `["en", "fr"]`.'
    )
    url: str | None = Field(default=None, max_length=2000)
    published_on: date | None = None


class ReviewDocument(ReviewDocumentBase, table=True):
    __tablename__ = "review_document"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, ondelete="CASCADE")


class SubmissionRole(StrEnum):
    author = "author"
    co_signer = "co_signer"
    endorser = "endorser"


class Submission(SQLModel, table=True):
    """A stakeholder submission made for a review (preparation phase)."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, ondelete="CASCADE")
    title: str = Field(max_length=500)
    symbol: str | None = Field(default=None, max_length=64)
    url: str | None = Field(default=None, max_length=2000)
    cited_in_summary: bool = Field(default=False, description="Whether OHCHR's stakeholders' summary cited it.")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PartyConsent(StrEnum):
    """Whether an organisation agreed to be named on a submission (`api.cycle.policy` shows only
    `accepted` parties). A party nobody had to ask (the caller's own organisation, a name without an
    organisation, a party recorded before consent existed) is `accepted`."""

    invited = "invited"
    accepted = "accepted"
    declined = "declined"


class SubmissionParty(SQLModel, table=True):
    """An organisation behind a submission: its author(s), co-signers and endorsers. Another
    organisation named by the writer is invited (`invited_by_organisation_id`, `invited_at`) and
    shown only once it accepts."""

    __tablename__ = "submission_party"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=300)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    role: SubmissionRole = Field(sa_type=enum_type(SubmissionRole))
    consent: PartyConsent = Field(
        default=PartyConsent.accepted,
        sa_type=enum_type(PartyConsent),
        sa_column_kwargs={"server_default": "accepted"},
        index=True,
    )
    invited_by_organisation_id: int | None = Field(default=None, foreign_key="organisation.id")
    invited_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="When it last accepted or declined."
    )


class SubmissionTheme(SQLModel, table=True):
    __tablename__ = "submission_theme"

    submission_id: int = Field(foreign_key="submission.id", primary_key=True, ondelete="CASCADE")
    theme_id: int = Field(foreign_key="theme.id", primary_key=True)
