"""Request and response shapes of briefs (Issues – Questions – Recommendations) and their asks.

A brief's read never names the coalition's member organisations: a published brief is public, and who
stands behind it is the coalition's to tell. Each ask carries the SMART analysis of its text
(api/recommendations/analyse.py), computed on read, never stored.
"""

import datetime as dt
from typing import Annotated

from annotated_types import Len
from pydantic import StringConstraints, field_validator
from sqlmodel import Field, SQLModel

from api.advocacy import demo_ids
from api.advocacy.models import BriefStatus
from api.core.schemas import with_examples
from api.core.types import IdField, NulFree, Omittable, also_checked
from api.recommendations.analyse_schemas import MAX_ANALYSED_CHARS, AddresseeRead, SignalRead
from api.recommendations.analyse_schemas import ActionRead as SmartActionRead

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), NulFree()]
Issues = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000), NulFree()]
Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000), NulFree()]
AskText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ANALYSED_CHARS), NulFree()
]
Questions = Annotated[list[Question], Len(max_length=50)]
Ids = Annotated[list[IdField], Len(max_length=200)]
Position = Annotated[int, Field(ge=0, le=999)]


def _distinct(values: list[int] | None) -> list[int]:
    """A list that is not a column: omitted leaves it alone, `[]` clears it, null is an error."""
    if values is None:
        raise ValueError("may not be null; omit the field to leave it unchanged")
    return list(dict.fromkeys(values))


def _not_null(values: list[str] | None) -> list[str]:
    if values is None:
        raise ValueError("may not be null; omit the field to leave it unchanged")
    return values


class BriefWrite(SQLModel):
    themes: Omittable[Ids] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        default=None,
        description="Ids of the themes (see `/themes`). On PATCH the list replaces them; `[]` empties it.",
    )
    affected_persons: Omittable[Ids] = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing affected-persons groups")},
        default=None,
        description="Ids of the affected-persons groups (see `/affected-persons`). On PATCH the list replaces them.",
    )
    submissions: Omittable[Ids] = Field(
        schema_extra={"json_schema_extra": also_checked("must name stakeholder submissions to the brief's review")},
        default=None,
        description="Ids of the stakeholder submissions the brief draws on, all made for the brief's review.",
    )

    _lists = field_validator("themes", "affected_persons", "submissions")(_distinct)


class BriefCreate(BriefWrite):
    model_config = with_examples(
        {
            "working_group_id": demo_ids.DEMO_WORKING_GROUP_ID,
            "review_id": demo_ids.DEMO_REVIEW_ID,
            "title": "Roma children's access to education",
            "issues": "Roma children are still placed in segregated classes in the south-east.",
            "questions": ["What steps has the Government taken to end segregated classes?"],
            "themes": list(demo_ids.DEMO_THEME_IDS),
            "affected_persons": [demo_ids.DEMO_AFFECTED_PERSON_ID],
        }
    )

    working_group_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name a working group of one of your coalitions")},
        description="The working group writing the brief (its members and the coalition's leads may).",
    )
    review_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name a review of the coalition's state")},
        description="The review the brief prepares (of the state the coalition works on).",
    )
    title: Title
    issues: Issues = Field(default="", description="The issues, as prose.")
    questions: Questions = Field(default_factory=list, description="Advance questions for the state under review.")
    themes: Ids = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        default_factory=list,
        description="Ids of the themes (see `/themes`).",
    )
    affected_persons: Ids = Field(
        schema_extra={"json_schema_extra": also_checked("must name existing affected-persons groups")},
        default_factory=list,
        description="Ids of the affected-persons groups (see `/affected-persons`).",
    )
    submissions: Ids = Field(
        schema_extra={"json_schema_extra": also_checked("must name stakeholder submissions to the review")},
        default_factory=list,
        description="Ids of the stakeholder submissions the brief draws on, all made for `review_id`.",
    )


class BriefUpdate(BriefWrite):
    model_config = with_examples({"status": "published"}, {"questions": ["When will the Roma Act be amended?"]})

    title: Omittable[Title] = None
    issues: Omittable[Issues] = None
    questions: Omittable[Questions] = Field(
        default=None, description="Replaces the advance questions; `[]` empties them."
    )
    status: Omittable[BriefStatus] = Field(
        default=None,
        description="One step at a time, either way: `draft` ↔ `agreed` ↔ `published`; only the working "
        "group's co-chairs and the coalition's leads move it. Publishing makes the brief public.",
    )

    _questions = field_validator("questions")(_not_null)


class ProposedRecommendationCreate(SQLModel):
    model_config = with_examples(
        {"text": "Amend the Primary School Act by 2026 to prohibit separate classes for Roma children."}
    )

    text: AskText = Field(description="The recommendation the coalition wants a state to make.")
    position: Position | None = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must not be past the brief's last ask")},
        description="Where in the brief, from 0; the asks at and after it move down. Omitted: at the end.",
    )


class ProposedRecommendationUpdate(SQLModel):
    model_config = with_examples({"position": 0}, {"text": "Adopt a Roma Act amendment by 2026."})

    text: Omittable[AskText] = None
    position: Omittable[Position] = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must be one of the brief's positions")},
        description="Moves the ask; the others close up around it.",
    )


# --- reads ---------------------------------------------------------------------------------------


class SmartAnalysisRead(SQLModel):
    """The SMART signals of an ask, as `POST /recommendations/analyse` gives them (offsets index `text`)."""

    smart_score: int = Field(
        ge=0, le=4, description="How many of: a specific action, a measurable element, a time frame, a named actor."
    )
    action: SmartActionRead
    measurable: SignalRead
    time_bound: SignalRead
    addressee: AddresseeRead
    suggestions: list[str] = Field(description="What would make the ask more specific, in plain language.")


class ProposedRecommendationRead(SQLModel):
    id: int
    brief_id: int
    position: int = Field(description="Order in the brief, from 0.")
    text: str
    smart: SmartAnalysisRead
    created_at: dt.datetime
    updated_at: dt.datetime


class BriefAsk(SQLModel):
    """An ask as a brief lists it."""

    id: int
    position: int
    text: str
    smart: SmartAnalysisRead


class BriefCoalitionRef(SQLModel):
    id: int
    name: str


class BriefWorkingGroupRef(SQLModel):
    id: int
    name: str


class BriefReviewRef(SQLModel):
    id: int
    state_code: str = Field(description="The state under review.")
    session: int = Field(description="The Working Group session's number.")


class BriefLabelRef(SQLModel):
    id: int
    code: str | None
    name: str


class BriefSubmissionRef(SQLModel):
    id: int
    title: str


class BriefRead(SQLModel):
    id: int
    coalition: BriefCoalitionRef
    working_group: BriefWorkingGroupRef
    review: BriefReviewRef
    title: str
    issues: str
    questions: list[str]
    proposed_recommendations: list[BriefAsk] = Field(description="The asks, in order, each with its SMART analysis.")
    themes: list[BriefLabelRef]
    affected_persons: list[BriefLabelRef]
    submissions: list[BriefSubmissionRef]
    status: BriefStatus
    published_at: dt.datetime | None = Field(description="When it was (last) published; null unless published.")
    created_at: dt.datetime
    updated_at: dt.datetime


# --- export --------------------------------------------------------------------------------------

EXPORT_FORMAT = "upr-tracker.brief/1"


class BriefExportState(SQLModel):
    code: str
    name: str


class BriefExportSession(SQLModel):
    number: int
    year: int
    start_date: dt.date | None
    end_date: dt.date | None


class BriefExportLabel(SQLModel):
    code: str | None
    name: str


class BriefExportSubmission(SQLModel):
    title: str
    symbol: str | None
    url: str | None


class BriefExportRecommendation(SQLModel):
    number: int = Field(description="1, 2, 3 … as the one-pager numbers them.")
    text: str
    smart: SmartAnalysisRead


class BriefExport(SQLModel):
    """A brief as one document that needs no other call to read: names instead of ids."""

    format: str = Field(description=f"`{EXPORT_FORMAT}`: this document's shape and version.")
    id: int
    title: str
    status: BriefStatus
    coalition: str
    working_group: str
    state: BriefExportState = Field(description="The state under review.")
    session: BriefExportSession
    dialogue_date: dt.date | None
    adoption_date: dt.date | None
    issues: str
    questions: list[str]
    recommendations: list[BriefExportRecommendation]
    themes: list[BriefExportLabel]
    affected_persons: list[BriefExportLabel]
    submissions: list[BriefExportSubmission]
    published_at: dt.datetime | None
    updated_at: dt.datetime
