"""Request and response shapes of targets: the states a working group approaches with a brief, and the
suggestions the champion finder makes for them."""

import datetime as dt
from typing import Annotated

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from api.advocacy import demo_ids
from api.core.schemas import with_examples
from api.core.types import IdField, NulFree, Omittable, StateCode, also_checked
from api.cycle.models import RegionalGroup

Reason = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000), NulFree()]


class TargetCreate(SQLModel):
    model_config = with_examples(
        {
            "brief_id": demo_ids.DEMO_BRIEF_ID,
            "state_code": "FIN",
            "reason": "Made 14 recommendations on Roma rights, 3 of them to Slovenia; 79% supported.",
        }
    )

    brief_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name a brief of a coalition you belong to")},
        description="The brief; the caller must be a member of its working group (or a lead of its coalition).",
    )
    state_code: StateCode = Field(
        schema_extra={
            "json_schema_extra": also_checked("must name a state this API knows, other than the state under review")
        },
        description="ISO3 code of the target state (any case); one target per brief and state.",
    )
    reason: Reason = Field(default="", description="Why the group chose this state.")


class TargetUpdate(SQLModel):
    model_config = with_examples({"reason": "Raised Roma children's education in its 2019 statement."})

    reason: Omittable[Reason] = Field(default=None, description="Why the group chose this state.")


class TargetRead(SQLModel):
    id: int
    brief_id: int
    coalition_id: int = Field(description="The coalition of the brief's working group.")
    state_code: str
    state_name: str
    reason: str
    created_at: dt.datetime
    updated_at: dt.datetime


class ThemeRef(SQLModel):
    id: int
    name: str


class TargetSuggestion(SQLModel):
    state_code: str = Field(description="ISO3 code of the recommending state.")
    state_name: str
    regional_group: RegionalGroup | None
    recommendations: int = Field(description="Recommendations it made on the brief's themes (alone or jointly).")
    to_this_state: int = Field(description="Of those, made to the brief's state under review.")
    to_other_states: int = Field(description="Of those, made to other states.")
    supported: int = Field(description="Of those, currently supported.")
    supported_in_part: int = Field(description="Of those, currently supported in part.")
    noted: int = Field(description="Of those, currently noted.")
    no_position_yet: int = Field(description="Of those, pending or with no position recorded.")
    supported_share: float = Field(description="(supported + supported_in_part) / recommendations, 0–1.")
    latest_cycle: int = Field(description="The latest UPR cycle in which it made one of them.")
    reason: str = Field(description="The figures in one line of words, to quote when choosing the target.")
    target_id: int | None = Field(description="The brief's target for this state, when already chosen.")
    already_target: bool
    recommendations_url: str = Field(description="`/recommendations` listing the recommendations counted.")


class TargetSuggestions(SQLModel):
    brief_id: int
    state_under_review: str = Field(description="ISO3 code of the state whose review the brief prepares.")
    themes: list[ThemeRef] = Field(description="The brief's themes; the themes under each count too.")
    to_this_state: list[TargetSuggestion] = Field(
        description="States that made recommendations on these themes to the state under review: most made to it "
        "first, then most made in all, then by code."
    )
    to_this_state_total: int = Field(description="How many such states there are (the list holds up to `limit`).")
    to_others: list[TargetSuggestion] = Field(
        description="States that made recommendations on these themes only to other states: most first, then by code."
    )
    to_others_total: int = Field(description="How many such states there are (the list holds up to `limit`).")
