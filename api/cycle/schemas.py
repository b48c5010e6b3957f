"""Request and response shapes of the cycle API (the tables are in `api.cycle.models`)."""

from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from annotated_types import Interval, Len
from pydantic import (
    AfterValidator,
    BeforeValidator,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import Day, IdField, Omittable, StateCode, also_checked
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


# Two letters in any case, stored lower-case; which pairs are ISO 639-1 codes the document says in
# words (`x-also-checked` on the list).
LanguageCode = Annotated[
    str,
    BeforeValidator(lambda v: v.lower() if isinstance(v, str) else v),
    AfterValidator(_language),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2}$"}),
]
LANGUAGES_CHECKED = {"json_schema_extra": also_checked("must be ISO 639-1 codes (any case)")}
WebUrl = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://[^\s/?#]+[^\s]*$")]


class StateCreate(StateBase):
    model_config = with_examples(
        {"code": "COK", "name": "Cook Islands", "iso2": "CK", "regional_group": "Asia-Pacific", "un_status": "observer"}
    )

    code: StateCode = Field(description="ISO 3166-1 alpha-3 code.")


class StateUpdate(SQLModel):
    model_config = with_examples({"name": "Slovenia", "regional_group": "EEG"})

    name: Omittable[Annotated[str, Len(1, 200)]] = None
    iso2: str | None = Field(default=None, max_length=2, schema_extra={"pattern": r"^[A-Z]{2}$"})
    regional_group: RegionalGroup | None = None
    un_status: Omittable[UNStatus] = None


class StateRead(StateBase):
    code: str


class CycleRead(SQLModel):
    number: int
    start_year: int
    end_year: int | None


class CycleCreate(CycleRead):
    model_config = with_examples({"number": 5, "start_year": 2027})

    number: int = Field(ge=1, le=99)
    start_year: int = Field(ge=2006, le=2100)
    end_year: int | None = Field(
        schema_extra={"json_schema_extra": also_checked("must not be before `start_year`")},
        default=None,
        ge=2006,
        le=2100,
    )

    @field_validator("end_year")
    @classmethod
    def _ordered(cls, end_year: int | None, info: ValidationInfo) -> int | None:
        """A field's rule, so the 422 names `end_year` (`start_year` is validated first)."""
        start_year = info.data.get("start_year")
        if end_year is not None and start_year is not None and end_year < start_year:
            raise ValueError("must not be before start_year")
        return end_year


class CycleUpdate(SQLModel):
    model_config = with_examples({"end_year": 2022})

    start_year: Omittable[Annotated[int, Interval(ge=2006, le=2100)]] = None
    end_year: int | None = Field(
        schema_extra={"json_schema_extra": also_checked("must not be before `start_year`")},
        default=None,
        ge=2006,
        le=2100,
        description="Null while the cycle runs.",
    )


class SessionRead(SQLModel):
    number: int
    cycle_number: int
    year: int
    start_date: Day | None
    end_date: Day | None


SESSION_END_CHECKED = {"json_schema_extra": also_checked("must not be before `start_date`")}


class SessionCreate(SQLModel):
    model_config = with_examples(
        {"number": 54, "cycle_number": 4, "year": 2027, "start_date": "2027-01-25", "end_date": "2027-02-05"}
    )

    number: int = Field(ge=1, le=999)
    cycle_number: int = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing cycle")}, ge=1, le=99
    )
    year: int = Field(ge=2006, le=2100)
    start_date: Day | None = None
    end_date: Day | None = Field(default=None, schema_extra=SESSION_END_CHECKED)

    @field_validator("end_date")
    @classmethod
    def _ordered(cls, end_date: date | None, info: ValidationInfo) -> date | None:
        """A field's rule, so the 422 names `end_date` (`start_date` is validated first)."""
        start_date = info.data.get("start_date")
        if end_date is not None and start_date is not None and end_date < start_date:
            raise ValueError("must not be before start_date")
        return end_date


class SessionUpdate(SQLModel):
    model_config = with_examples({"start_date": "2019-11-04", "end_date": "2019-11-15"})

    cycle_number: Omittable[Annotated[int, Interval(ge=1, le=99)]] = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must name an existing cycle")}
    )
    year: Omittable[Annotated[int, Interval(ge=2006, le=2100)]] = None
    start_date: Day | None = None
    end_date: Day | None = Field(default=None, schema_extra=SESSION_END_CHECKED)


class ReviewCreate(SQLModel):
    model_config = with_examples({"state_under_review": "ITA", "session": 34, "dialogue_date": "2019-11-04"})

    state_under_review: StateCode = Field(
        schema_extra={"json_schema_extra": also_checked("must name a state this API knows (see `/states`)")}
    )
    session: int = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing session")},
        ge=1,
        le=999,
        description="Working Group session number; the session must exist.",
    )
    dialogue_date: Day | None = None
    adoption_date: Day | None = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must not be before `dialogue_date`")}
    )
    submission_deadline: Day | None = Field(
        default=None,
        description="Deadline for stakeholder submissions (NHRIs, CSOs) to OHCHR.",
        schema_extra={"json_schema_extra": also_checked("must be before `dialogue_date`")},
    )
    troika: list[StateCode] = Field(
        schema_extra={"json_schema_extra": also_checked("must name states this API knows (see `/states`)")},
        default_factory=list,
        description="ISO3 codes of the (up to) three troika states; never the state "
        "under review. Repeated codes count once.",
    )

    _troika_distinct = field_validator("troika")(_troika)


class ReviewUpdate(SQLModel):
    model_config = with_examples({"dialogue_date": "2019-11-12"}, {"troika": []})

    dialogue_date: Day | None = None
    adoption_date: Day | None = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must not be before `dialogue_date`")}
    )
    submission_deadline: Day | None = Field(
        default=None,
        description="Deadline for stakeholder submissions (NHRIs, CSOs) to OHCHR.",
        schema_extra={"json_schema_extra": also_checked("must be before `dialogue_date`")},
    )
    troika: Omittable[list[StateCode]] = Field(
        schema_extra={"json_schema_extra": also_checked("must name states this API knows (see `/states`)")},
        default=None,
        description="Replaces the whole troika; `[]` clears it.",
    )

    _troika_not_null = field_validator("troika")(_not_null)
    _troika_distinct = field_validator("troika")(_troika)


class ReviewRead(SQLModel):
    id: int
    state_under_review: str
    session: int
    cycle: int
    dialogue_date: Day | None
    adoption_date: Day | None
    submission_deadline: Day | None
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

    languages: list[LanguageCode] = Field(
        default_factory=list, description='ISO 639-1 codes, e.g. `["en", "fr"]`.', schema_extra=LANGUAGES_CHECKED
    )
    url: WebUrl | None = None
    published_on: Day | None = None

    _languages_distinct = field_validator("languages")(_distinct)


class ReviewDocumentUpdate(SQLModel):
    model_config = with_examples(
        {"symbol": "A/HRC/43/15/Add.1", "kind": "addendum", "url": "https://undocs.org/A/HRC/43/15/Add.1"}
    )

    kind: Omittable[DocumentKind] = None
    symbol: str | None = Field(default=None, max_length=64, schema_extra={"pattern": DOCUMENT_SYMBOL_PATTERN})
    languages: Omittable[list[LanguageCode]] = Field(default=None, schema_extra=LANGUAGES_CHECKED)
    url: WebUrl | None = None
    published_on: Day | None = None
    _languages_distinct = field_validator("languages")(_distinct)


class ReviewDocumentRead(ReviewDocumentBase):
    id: int
    review_id: int


PartyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class SubmissionPartyWrite(SQLModel):
    # `_named` in JSON Schema: a name or an organisation (a null is as good as left out).
    model_config = {
        "json_schema_extra": {
            "anyOf": [
                {"required": [field], "properties": {field: {"type": kind}}}
                for field, kind in (("name", "string"), ("organisation_id", "integer"))
            ]
        }
    }

    name: PartyName | None = Field(
        default=None,
        description="As the submission names it (an unregistered party); a party linked to an "
        "organisation always shows that organisation's (public) name.",
    )
    organisation_id: IdField | None = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing organisation")},
        default=None,
        description="The organisation, when it is registered here.",
    )
    role: SubmissionRole = SubmissionRole.author

    @model_validator(mode="after")
    def _named(self) -> "SubmissionPartyWrite":
        if self.name is None and self.organisation_id is None:
            raise ValueError("give the party's name or its organisation_id")
        return self


def _an_author(schema: dict[str, Any]) -> None:
    """What `_parties` checks first, in JSON Schema: some party is an author (a party sent without
    `role` is one); the rest in words. Replaces `Omittable`'s extra, so drops the null default too."""
    schema["contains"] = {"type": "object", "properties": {"role": {"const": SubmissionRole.author.value}}}
    also_checked("each `organisation_id` must name an existing organisation, at most once")(schema)


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
            "review_id": 1,
            "title": "Joint submission on the rights of Roma communities in Slovenia",
            "symbol": "JS3",
            "url": "https://www.ohchr.org/en/hr-bodies/upr/si-stakeholders-info-s34",
            "cited_in_summary": True,
            "parties": [
                {"organisation_id": 4, "role": "author"},
                {"name": "Roma Youth Network Slovenia", "role": "co_signer"},
            ],
            "themes": [32, 33],
        }
    )

    review_id: IdField = Field(schema_extra={"json_schema_extra": also_checked("must name an existing review")})
    title: Title
    symbol: SubmissionSymbol | None = Field(
        default=None, description="UN symbol, or the abbreviation the stakeholders' summary cites it by (e.g. `JS3`)."
    )
    url: WebUrl | None = None
    cited_in_summary: StrictBool = False
    parties: list[SubmissionPartyWrite] = Field(
        min_length=1,
        max_length=200,
        description="At least one author; several authors or any co-signer make it a joint submission.",
        schema_extra={"json_schema_extra": _an_author},
    )
    themes: list[IdField] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        default_factory=list,
        description="Theme ids (see `/themes`).",
    )

    _parties_valid = field_validator("parties")(_parties)
    _themes_distinct = field_validator("themes")(_distinct)


class SubmissionUpdate(SQLModel):
    model_config = with_examples({"cited_in_summary": True, "themes": [32, 33]})

    review_id: Omittable[IdField] = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must name an existing review")}
    )
    title: Omittable[Title] = None
    symbol: SubmissionSymbol | None = None
    url: WebUrl | None = None
    cited_in_summary: Omittable[StrictBool] = None
    parties: Omittable[Annotated[list[SubmissionPartyWrite], Len(1, 200)]] = Field(
        default=None, description="Replaces every party.", schema_extra={"json_schema_extra": _an_author}
    )
    themes: Omittable[list[IdField]] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        default=None,
        description="Replaces every theme.",
    )

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
