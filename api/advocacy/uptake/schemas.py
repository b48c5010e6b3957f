"""Request and response shapes of uptake: matches of asks to recommendations made, and the reports."""

import datetime as dt
from typing import Literal

from sqlmodel import Field, SQLModel

from api.advocacy import demo_ids
from api.advocacy.models import UptakeStatus
from api.auth.refs import OrganisationRef
from api.core.schemas import with_examples
from api.core.types import IdField, also_checked
from api.recommendations.models import PositionKind


class UptakeMatchRead(SQLModel):
    id: int
    brief_id: int
    proposed_recommendation_id: int = Field(description="The proposed recommendation (ask) of the brief.")
    proposed_recommendation_text: str
    recommendation_id: int = Field(description="The recommendation actually made, of the brief's review.")
    recommendation_paragraph: str | None
    recommendation_text: str
    recommending_states: list[str] = Field(description="ISO3 codes of the states that made it.")
    current_position: PositionKind | None = Field(
        description="The state under review's latest position; null: none yet."
    )
    similarity: float = Field(ge=0, le=1, description="Text similarity, 0..1 (1.0 for a match a group added).")
    status: UptakeStatus
    decided_by: OrganisationRef | None = Field(description="The organisation that confirmed or rejected it.")
    decided_at: dt.datetime | None
    created_at: dt.datetime


class UptakeSuggestions(SQLModel):
    brief_id: int
    threshold: float = Field(description="Suggestions score at least this similarity.")
    top_n: int = Field(description="At most this many suggestions per ask (decided matches aside).")
    added: int = Field(description="Suggestions new in this run.")
    removed: int = Field(description="Earlier suggestions that no longer qualify, removed.")
    matches: list[UptakeMatchRead] = Field(
        description="Every match of the brief's asks (suggested, confirmed, rejected), by ask, best first."
    )


class UptakeDecision(SQLModel):
    model_config = with_examples({"status": "confirmed"})

    status: Literal[UptakeStatus.confirmed, UptakeStatus.rejected] = Field(
        description="`confirmed`: the recommendation carries the ask; `rejected`: it does not."
    )


class UptakeMatchCreate(SQLModel):
    model_config = with_examples(
        {
            "proposed_recommendation_id": demo_ids.DEMO_ASK_IDS[0],
            "recommendation_id": demo_ids.DEMO_MISSED_RECOMMENDATION_ID,
        }
    )

    proposed_recommendation_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name an ask of a brief of one of your coalitions")},
        description="The proposed recommendation (ask).",
    )
    recommendation_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name a recommendation of the brief's review")},
        description="The recommendation actually made that carries the ask.",
    )


# --- reports ----------------------------------------------------------------------------------------


class UptakeState(SQLModel):
    state_code: str
    targeted: bool = Field(description="A target of this brief (by-brief report) or of any brief (by-state).")


class UptakeRecommendation(SQLModel):
    match_id: int
    match_status: UptakeStatus
    recommendation_id: int
    paragraph: str | None
    text: str
    current_position: PositionKind | None
    recommending_states: list[UptakeState]


class AskUptake(SQLModel):
    proposed_recommendation_id: int
    position: int = Field(description="The ask's order in its brief, from 0.")
    text: str
    taken_up: bool = Field(description="At least one confirmed match.")
    recommendations: list[UptakeRecommendation] = Field(description="The confirmed matches.")
    states: list[UptakeState] = Field(description="The states whose recommendations carry the ask.")


class BriefUptakeTotals(SQLModel):
    asks: int
    taken_up: int
    recommendations: int = Field(description="Distinct recommendations carrying an ask.")
    states: int = Field(description="Distinct recommending states that took up an ask.")
    targeted_states: int = Field(description="Targets of the brief.")
    targeted_states_taking_up: int = Field(description="Targets of the brief that took up an ask.")
    untargeted_states_taking_up: int
    by_position: dict[str, int] = Field(description="Carrying recommendations per current position (`none`: none yet).")


class BriefUptake(SQLModel):
    brief_id: int
    title: str
    review_id: int
    targets: list[str] = Field(description="The brief's target states.")
    asks: list[AskUptake]
    totals: BriefUptakeTotals


class StateAsk(SQLModel):
    proposed_recommendation_id: int
    brief_id: int
    text: str
    recommendations: list[UptakeRecommendation]


class StateUptake(SQLModel):
    state_code: str
    targeted: bool = Field(description="A target of any of the coalition's briefs on the review.")
    targeted_by_briefs: list[int] = Field(description="The briefs that target it.")
    asks: list[StateAsk] = Field(description="The asks it took up (empty: a target that took up none).")
    by_position: dict[str, int] = Field(description="Its carrying recommendations per current position.")


class UptakeByState(SQLModel):
    coalition_id: int
    review_id: int
    states: list[StateUptake] = Field(description="States that took up an ask, then targets that took up none.")


class WindowRecommendation(SQLModel):
    recommendation_id: int
    paragraph: str | None
    text: str
    recommending_states: list[str]
    current_position: PositionKind | None = Field(description="Null or `pending` until the outcome is adopted.")
    pending: bool
    asks: list[int] = Field(description="The brief's asks it matches (empty in the group not matched to a brief).")
    match_status: UptakeStatus | None = Field(
        description="`confirmed`, or `suggested` when suggestions are included; null in the group not matched "
        "to a brief."
    )


class WindowBrief(SQLModel):
    brief_id: int | None = Field(
        description="The brief; null for the last group, the review's recommendations matched to none of the "
        "coalition's briefs."
    )
    title: str | None = Field(description="The brief's title; null for the group not matched to a brief.")
    pending: int = Field(description="Recommendations of the group still without a final position (all pages).")
    total: int = Field(
        description="Recommendations of the group (after `pending_only`), all pages: more than listed when "
        "`next_cursor` is set."
    )
    next_cursor: str | None = Field(
        description="Only in the group not matched to a brief, the one paged: pass it as `unmatched_cursor` "
        "for the next page of that group. Null: the group is complete."
    )
    recommendations: list[WindowRecommendation]


class AdoptionWindow(SQLModel):
    coalition_id: int
    review_id: int
    include_suggested: bool
    pending_only: bool
    pending: int = Field(
        description="Distinct recommendations of the review still pending, over all groups (the group not "
        "matched to a brief included, all its pages)."
    )
    matched_pending: int = Field(description="Distinct recommendations matched to a brief still pending.")
    briefs: list[WindowBrief] = Field(
        description="One group per brief of the coalition on the review, by id, then always last the group "
        "not matched to a brief (`brief_id` null), paged by `unmatched_limit`/`unmatched_cursor`."
    )
