"""Request and response shapes for progress updates, assessments and evidence."""

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, StringConstraints
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import Day, IdField, Omittable, also_checked, no_nul, not_blank
from api.tracking.models import EvidenceKind, TrafficLight, Visibility
from api.tracking.schemas import OrganisationRef

MAX_TEXT = 20_000


PostText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(no_nul), AfterValidator(not_blank)
]
Reasoning = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(no_nul)]
Description = Annotated[str, StringConstraints(max_length=5_000), AfterValidator(no_nul)]

VISIBILITY_HELP = (
    "`public`: everyone; `shared`: registered users of the state; `confidential`: your "
    "organisation, the state's NHRIs and admins."
)

REVISION_HELP = (
    "How many of its revisions you may see: 1 for the original; each correction you may see adds one "
    "(an earlier version with a visibility you may not see is not counted)."
)
WITHDRAWN_HELP = (
    "When its poster deleted it after others could see it: kept for the record, out of lists and counts "
    "(a confidential post is erased instead; a CSO's or NHRI's withdrawn post is erased when deleted again)."
)
CREATED_HELP = "When the first of its revisions that you may see was written."
UPDATED_HELP = "When the last of its revisions that you may see was written."


class EvidenceRead(SQLModel):
    id: int
    kind: EvidenceKind
    url: str | None = Field(description="For a link.")
    file_name: str | None = Field(
        description="For a file: the uploader's file name, without any folder; `evidence-<id>.<ext>` for a "
        "pseudonymous organisation's file (its real name is never kept)."
    )
    content_type: str | None = Field(description="For a file: the type detected from its content.")
    size_bytes: int | None = Field(description="Of the stored file, cleaned of identifying metadata on upload.")
    sha256: str | None = Field(description="Of the stored file, as it is served.")
    description: str | None
    evidence_date: Day | None
    visibility: Visibility
    state_code: str
    organisation: OrganisationRef = Field(description="Who posted it.")
    progress_update_id: int | None
    assessment_id: int | None
    milestone_id: int | None
    created_at: dt.datetime


class EvidenceUpdate(SQLModel):
    model_config = with_examples({"description": "Ministry circular, signed copy", "visibility": "shared"})

    description: Description | None = None
    evidence_date: Day | None = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must not be in the future")}
    )
    visibility: Omittable[Visibility] = Field(default=None, description=VISIBILITY_HELP)


class ProgressUpdateCreate(SQLModel):
    model_config = with_examples(
        {
            "recommendation_id": 23,
            "action_id": 1320507007,
            "text": "The Roma inclusion programme was adopted by the government in March.",
            "reported_on": "2021-04-01",
            "visibility": "shared",
        }
    )

    recommendation_id: IdField | None = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing recommendation")},
        default=None,
        description="At least one of recommendation_id and action_id; both of the same state.",
    )
    action_id: IdField | None = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must name an existing action of the recommendation's plan")},
    )
    text: PostText
    reported_on: Day = Field(
        schema_extra={"json_schema_extra": also_checked("must not be in the future")}, description="Not in the future."
    )
    visibility: Visibility = Field(
        default=Visibility.shared,
        description=VISIBILITY_HELP + " Defaults to `shared`: nothing is published to the world unless you say "
        "`public`, and the state's other users can still follow your work.",
    )


class ProgressUpdateUpdate(SQLModel):
    """A correction: appends a revision, the earlier text stays in the revisions."""

    model_config = with_examples(
        {
            "text": "The programme was adopted on 12 March; its budget was published in May.",
            "visibility": "public",
        }
    )

    text: Omittable[PostText] = None
    reported_on: Omittable[Day] = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must not be in the future")}
    )
    visibility: Omittable[Visibility] = Field(default=None, description=VISIBILITY_HELP)


class ProgressUpdateRead(SQLModel):
    id: int
    state_code: str
    organisation: OrganisationRef = Field(
        description="Who posted it (pseudonymous organisations under their public name)."
    )
    recommendation_id: int | None
    action_id: int | None
    text: str
    reported_on: Day
    visibility: Visibility
    revision: int = Field(description=REVISION_HELP)
    created_at: dt.datetime = Field(description=CREATED_HELP)
    updated_at: dt.datetime = Field(description=UPDATED_HELP)
    withdrawn_at: dt.datetime | None = Field(description=WITHDRAWN_HELP)
    evidence: list[EvidenceRead] = Field(description="The evidence attached that you may see.")


class ProgressUpdateRevisionRead(SQLModel):
    revision: int = Field(description="1..n among the revisions you may see, oldest first.")
    text: str
    reported_on: Day
    visibility: Visibility
    created_at: dt.datetime = Field(description="When this revision was written.")


class AssessmentCreate(SQLModel):
    model_config = with_examples(
        {
            "recommendation_id": 23,
            "rating": "partial",
            "reasoning": "The programme exists but no budget line was adopted.",
            "assessed_on": "2021-06-01",
            "visibility": "confidential",
        }
    )

    recommendation_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing recommendation")}
    )
    rating: TrafficLight = Field(
        description="`not_started` (red), `partial` (orange), `implemented` (green) or `no_information`."
    )
    reasoning: Reasoning | None = None
    assessed_on: Day = Field(
        schema_extra={"json_schema_extra": also_checked("must not be in the future")}, description="Not in the future."
    )
    visibility: Visibility = Field(
        default=Visibility.shared,
        description=VISIBILITY_HELP + " Defaults to `shared`: nothing is published to the world unless you say "
        "`public`.",
    )


class AssessmentUpdate(SQLModel):
    """A correction of one point in the history: appends a revision (a new point is a POST)."""

    model_config = with_examples({"rating": "not_started", "reasoning": "The budget line was withdrawn."})

    rating: Omittable[TrafficLight] = None
    reasoning: Reasoning | None = None
    assessed_on: Omittable[Day] = Field(
        default=None, schema_extra={"json_schema_extra": also_checked("must not be in the future")}
    )
    visibility: Omittable[Visibility] = Field(default=None, description=VISIBILITY_HELP)


class AssessmentRead(SQLModel):
    id: int
    state_code: str
    organisation: OrganisationRef
    recommendation_id: int
    rating: TrafficLight
    reasoning: str | None
    assessed_on: Day
    visibility: Visibility
    revision: int = Field(description=REVISION_HELP)
    created_at: dt.datetime = Field(description=CREATED_HELP)
    updated_at: dt.datetime = Field(description=UPDATED_HELP)
    withdrawn_at: dt.datetime | None = Field(description=WITHDRAWN_HELP)
    evidence: list[EvidenceRead] = Field(description="The evidence attached that you may see.")


class AssessmentRevisionRead(SQLModel):
    revision: int = Field(description="1..n among the revisions you may see, oldest first.")
    rating: TrafficLight
    reasoning: str | None
    assessed_on: Day
    visibility: Visibility
    created_at: dt.datetime = Field(description="When this revision was written.")


class OrganisationAssessments(SQLModel):
    """One organisation's view of a recommendation: never merged with anyone else's."""

    organisation: OrganisationRef
    current: AssessmentRead = Field(
        description="Its latest assessment you may see (by `assessed_on`, then the latest posted)."
    )
    assessments: int = Field(description="How many of its assessments of this recommendation you may see.")


class RecommendationAssessments(SQLModel):
    recommendation_id: int
    state_code: str
    organisations: list[OrganisationAssessments] = Field(
        description="Government first, then NHRIs, CSOs and other organisations."
    )
