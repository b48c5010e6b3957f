"""Request and response shapes of the cycle API (the tables are in `api.cycle.models`)."""

from datetime import date, datetime
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BeforeValidator, StringConstraints, field_validator, model_validator
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import IdField, StateCode
from api.cycle.languages import ISO_639_1
from api.cycle.models import (
    DOCUMENT_SYMBOL_PATTERN,
    DocumentKind,
    PartyConsent,
    RegionalGroup,
    ReviewDocumentBase,
    StateBase,
    SubmissionRole,
    UNStatus,
)
from api.taxonomy.schemas import ThemeRead


def _not_null(value: object) -> object:
    """PATCH of a list that is not a column (troika, parties, themes): omitted leaves it alone, `[]`
    clears it, a null is an error. Columns get the same rule from `api.core.updates.apply_changes`."""
    if value is None:
        raise ValueError("may not be null; omit the field to leave it unchanged")
    return value


def _troika(codes: list[str] | None) -> list[str] | None:
    if codes is None:
        return None
    distinct = list(dict.fromkeys(codes))
    if len(distinct) > 3:
        raise ValueError("a troika has at most three states")
    return distinct


T = TypeVar("T")


def _distinct(values: list[T] | None) -> list[T] | None:
    return None if values is None else list(dict.fromkeys(values))


def _language(code: str) -> str:
    if code not in ISO_639_1:
        raise ValueError(f"{code!r} is not an ISO 639-1 language code")
    return code


LanguageCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    StringConstraints(pattern=r"^[a-z]{2}$"),
    AfterValidator(_language),
]
WebUrl = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://[^\s/?#]+[^\s]*$")]


class StateCreate(StateBase):
    model_config = with_examples(
        {"code": "SVN", "name": "Slovenia", "iso2": "SI", "regional_group": "EEG", "un_status": "member"}
    )

    code: StateCode = Field(description="ISO 3166-1 alpha-3 code.")


class StateUpdate(SQLModel):
    model_config = with_examples({"name": "Slovenia", "regional_group": "EEG"})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    iso2: str | None = Field(default=None, max_length=2, schema_extra={"pattern": r"^[A-Z]{2}$"})
    regional_group: RegionalGroup | None = None
    un_status: UNStatus | None = None


class StateRead(StateBase):
    code: str


class CycleRead(SQLModel):
    number: int
    start_year: int
    end_year: int | None


class CycleCreate(CycleRead):
    model_config = with_examples({"number": 3, "start_year": 2017, "end_year": 2022})

    number: int = Field(ge=1, le=99)
    start_year: int = Field(ge=2006, le=2100)
    end_year: int | None = Field(default=None, ge=2006, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> "CycleCreate":
        if self.end_year is not None and self.end_year < self.start_year:
            raise ValueError("end_year must not be before start_year")
        return self


class CycleUpdate(SQLModel):
    model_config = with_examples({"end_year": 2022})

    start_year: int | None = Field(default=None, ge=2006, le=2100)
    end_year: int | None = Field(default=None, ge=2006, le=2100, description="Null while the cycle runs.")


class SessionRead(SQLModel):
    number: int
    cycle_number: int
    year: int
    start_date: date | None
    end_date: date | None


class SessionCreate(SQLModel):
    model_config = with_examples(
        {"number": 34, "cycle_number": 3, "year": 2019, "start_date": "2019-11-04", "end_date": "2019-11-15"}
    )

    number: int = Field(ge=1, le=999)
    cycle_number: int = Field(ge=1, le=99)
    year: int = Field(ge=2006, le=2100)
    start_date: date | None = None
    end_date: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "SessionCreate":
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        return self


class SessionUpdate(SQLModel):
    model_config = with_examples({"start_date": "2019-11-04", "end_date": "2019-11-15"})

    cycle_number: int | None = Field(default=None, ge=1, le=99)
    year: int | None = Field(default=None, ge=2006, le=2100)
    start_date: date | None = None
    end_date: date | None = None


class ReviewCreate(SQLModel):
    model_config = with_examples({"state_under_review": "SVN", "session": 34, "dialogue_date": "2019-11-12"})

    state_under_review: StateCode
    session: int = Field(ge=1, le=999, description="Working Group session number; the session must exist.")
    dialogue_date: date | None = None
    adoption_date: date | None = None
    troika: list[StateCode] = Field(
        default_factory=list,
        description="ISO3 codes of the (up to) three troika states; never the state "
        "under review. Repeated codes count once.",
    )

    _troika_distinct = field_validator("troika")(_troika)


class ReviewUpdate(SQLModel):
    model_config = with_examples({"dialogue_date": "2019-11-12"}, {"troika": []})

    dialogue_date: date | None = None
    adoption_date: date | None = None
    troika: list[StateCode] | None = Field(default=None, description="Replaces the whole troika; `[]` clears it.")

    _troika_not_null = field_validator("troika")(_not_null)
    _troika_distinct = field_validator("troika")(_troika)


class ReviewRead(SQLModel):
    id: int
    state_under_review: str
    session: int
    cycle: int
    dialogue_date: date | None
    adoption_date: date | None
    troika: list[str]
    recommendation_count: int


class ReviewDocumentCreate(ReviewDocumentBase):
    model_config = with_examples(
        {
            "kind": "working_group_report",
            "symbol": "A/HRC/43/15",
            "languages": ["ar", "en", "es", "fr", "ru", "zh"],
            "url": "https://undocs.org/A/HRC/43/15",
        }
    )

    languages: list[LanguageCode] = Field(default_factory=list, description='ISO 639-1 codes, e.g. `["en", "fr"]`.')
    url: WebUrl | None = None

    _languages_distinct = field_validator("languages")(_distinct)


class ReviewDocumentUpdate(SQLModel):
    model_config = with_examples(
        {"symbol": "A/HRC/43/15/Add.1", "kind": "addendum", "url": "https://undocs.org/A/HRC/43/15/Add.1"}
    )

    kind: DocumentKind | None = None
    symbol: str | None = Field(default=None, max_length=64, schema_extra={"pattern": DOCUMENT_SYMBOL_PATTERN})
    languages: list[LanguageCode] | None = None
    url: WebUrl | None = None
    published_on: date | None = None
    _languages_distinct = field_validator("languages")(_distinct)


class ReviewDocumentRead(ReviewDocumentBase):
    id: int
    review_id: int


PartyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class SubmissionPartyWrite(SQLModel):
    name: PartyName | None = Field(
        default=None,
        description="As the submission names it (an unregistered party); a party linked to an "
        "organisation always shows that organisation's (public) name.",
    )
    organisation_id: IdField | None = Field(default=None, description="The organisation, when it is registered here.")
    role: SubmissionRole = SubmissionRole.author

    @model_validator(mode="after")
    def _named(self) -> "SubmissionPartyWrite":
        if self.name is None and self.organisation_id is None:
            raise ValueError("give the party's name or its organisation_id")
        return self


def _parties(parties: list[SubmissionPartyWrite] | None) -> list[SubmissionPartyWrite] | None:
    if parties is None:
        return None
    if not any(p.role is SubmissionRole.author for p in parties):
        raise ValueError("a submission needs at least one author")
    linked = [p.organisation_id for p in parties if p.organisation_id is not None]
    if len(linked) != len(set(linked)):
        raise ValueError("an organisation appears only once among the parties")
    return parties


SubmissionSymbol = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class SubmissionCreate(SQLModel):
    model_config = with_examples(
        {
            "review_id": 12,
            "title": "Joint submission on the rights of Roma communities in Slovenia",
            "symbol": "JS3",
            "url": "https://www.ohchr.org/en/hr-bodies/upr/si-stakeholders-info-s34",
            "cited_in_summary": True,
            "parties": [
                {"organisation_id": 5, "role": "author"},
                {"name": "Roma Youth Network Slovenia", "role": "co_signer"},
            ],
            "themes": [4, 9],
        }
    )

    review_id: IdField
    title: Title
    symbol: SubmissionSymbol | None = Field(
        default=None, description="UN symbol, or the abbreviation the stakeholders' summary cites it by (e.g. `JS3`)."
    )
    url: WebUrl | None = None
    cited_in_summary: bool = False
    parties: list[SubmissionPartyWrite] = Field(
        min_length=1,
        max_length=200,
        description="At least one author; several authors or any co-signer make it a joint submission.",
    )
    themes: list[IdField] = Field(default_factory=list, description="Theme ids (see `/themes`).")

    _parties_valid = field_validator("parties")(_parties)
    _themes_distinct = field_validator("themes")(_distinct)


class SubmissionUpdate(SQLModel):
    model_config = with_examples({"cited_in_summary": True, "themes": [4, 9, 17]})

    review_id: IdField | None = None
    title: Title | None = None
    symbol: SubmissionSymbol | None = None
    url: WebUrl | None = None
    cited_in_summary: bool | None = None
    parties: list[SubmissionPartyWrite] | None = Field(
        default=None, min_length=1, max_length=200, description="Replaces every party."
    )
    themes: list[IdField] | None = Field(default=None, description="Replaces every theme.")

    _lists_not_null = field_validator("parties", "themes")(_not_null)
    _parties_valid = field_validator("parties")(_parties)
    _themes_distinct = field_validator("themes")(_distinct)


class SubmissionPartyRead(SQLModel):
    name: str = Field(
        description="For an organisation with a public name (pseudonym), that public name unless "
        "you are an admin or one of its members."
    )
    organisation_id: int | None
    role: SubmissionRole
    consent: PartyConsent = Field(
        description="`accepted` for every party shown to the public. Another organisation named on a "
        "submission is `invited` until it accepts (or `declined`): such a party is shown only to the "
        "submission's signatories, admins and the organisation itself."
    )


class SubmissionRead(SQLModel):
    id: int
    review_id: int
    state_under_review: str
    session: int
    title: str
    symbol: str | None
    url: str | None
    cited_in_summary: bool
    joint: bool = Field(description="Several authors, or any co-signer.")
    parties: list[SubmissionPartyRead]
    themes: list[ThemeRead]
    created_at: datetime


class SubmissionInvitationRead(SQLModel):
    """A party naming the caller's organisation, with the submission as the caller sees it."""

    party_id: int
    organisation_id: int
    role: SubmissionRole
    consent: PartyConsent
    invited_by: str | None = Field(
        description="The (public) name of the organisation that named yours; null when nobody had to "
        "ask (your organisation named itself, or the party predates consent)."
    )
    invited_at: datetime | None
    decided_at: datetime | None = Field(description="When your organisation last accepted or declined.")
    submission: SubmissionRead
