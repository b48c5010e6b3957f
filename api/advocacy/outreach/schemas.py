"""Request and response shapes of mission contacts and the outreach log.

Rules that need the stored rows (the coalition's briefs and contacts, dates in order, `held_on` not in
the future) live in the services, so a create and a partial update are judged alike and the 422
names the field.
"""

import datetime as dt
from typing import Annotated

from annotated_types import Len
from pydantic import StringConstraints, field_validator
from sqlmodel import Field, SQLModel

from api.advocacy import demo_ids
from api.advocacy.dates import NOT_BEFORE_UPR
from api.advocacy.models import OutreachKind
from api.core.schemas import with_examples
from api.core.types import Day, IdField, NulFree, Omittable, StateCode, also_checked

Mission = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), NulFree()]
Person = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), NulFree()]
City = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120), NulFree()]
Channel = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300), NulFree()]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000), NulFree()]

_STATE = also_checked("must name a state this API knows (see `/states`)")
_COALITION = also_checked("must name a coalition you are an active member of")

# --- contacts ------------------------------------------------------------------------------------


class ContactWrite(SQLModel):
    city: City | None = None
    channel: Channel | None = Field(default=None, description="How to reach them: e-mail, phone, Signal…")
    notes: LongText | None = None


class ContactCreate(ContactWrite):
    model_config = with_examples(
        {
            "coalition_id": demo_ids.DEMO_COALITION_ID,
            "state_code": "FIN",
            "mission": "Permanent Mission of Finland to the UN in Geneva",
            "city": "Geneva",
            "person": "First Secretary (human rights)",
            "channel": "e-mail",
            "notes": "Prefers a one-page brief a week ahead.",
        }
    )

    coalition_id: IdField = Field(schema_extra={"json_schema_extra": _COALITION}, description="The coalition.")
    state_code: StateCode = Field(
        schema_extra={"json_schema_extra": _STATE}, description="ISO3 code of the state the mission represents."
    )
    mission: Mission = Field(description="e.g. 'Permanent Mission to the UN in Geneva', 'Embassy in Ljubljana'.")
    person: Person = Field(description="Name or function of the person.")


class ContactUpdate(ContactWrite):
    model_config = with_examples({"person": "Second Secretary (human rights)", "channel": "phone"})

    state_code: Omittable[StateCode] = Field(schema_extra={"json_schema_extra": _STATE}, default=None)
    mission: Omittable[Mission] = None
    person: Omittable[Person] = None


class ContactRead(SQLModel):
    id: int
    coalition_id: int
    state_code: str
    mission: str
    city: str | None
    person: str
    channel: str | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


# --- outreach ------------------------------------------------------------------------------------


def _distinct_not_null(values: list[int] | None) -> list[int]:
    """A list that is not a column: omitted leaves it alone, `[]` clears it, null is an error."""
    if values is None:
        raise ValueError("may not be null; omit the field to leave it unchanged")
    return list(dict.fromkeys(values))


_BRIEFS = also_checked("must name briefs of the outreach's coalition")
_CONTACT = also_checked("must name a contact of the outreach's coalition at a mission of its `state_code`")
_HELD_ON = also_checked(f"must not be in the future, {NOT_BEFORE_UPR}")
_FOLLOW_UP = also_checked(f"must not be before `held_on`, {NOT_BEFORE_UPR}")


class OutreachWrite(SQLModel):
    attendees: LongText | None = Field(default=None, description="Who attended, on both sides.")
    contact_id: IdField | None = Field(
        schema_extra={"json_schema_extra": _CONTACT}, default=None, description="The mission contact met."
    )
    outcome: LongText | None = None
    follow_up_on: Day | None = Field(
        schema_extra={"json_schema_extra": _FOLLOW_UP},
        default=None,
        description="When to follow up; listed by `/advocacy/outreach/follow-ups-due` until done.",
    )
    briefs: Omittable[Annotated[list[IdField], Len(max_length=100)]] = Field(
        schema_extra={"json_schema_extra": _BRIEFS},
        default=None,
        description="Ids of the briefs presented, all of the coalition's. On PATCH the list replaces them; "
        "`[]` empties it.",
    )

    _briefs = field_validator("briefs")(_distinct_not_null)


class OutreachCreate(OutreachWrite):
    model_config = with_examples(
        {
            "coalition_id": demo_ids.DEMO_COALITION_ID,
            "state_code": demo_ids.DEMO_TARGET_STATE,
            "kind": "meeting",
            "held_on": "2019-09-12",
            "attendees": "Two coalition members; the embassy's Second Secretary.",
            "briefs": [demo_ids.DEMO_BRIEF_ID],
            "contact_id": demo_ids.DEMO_CONTACT_ID,
            "outcome": "Will consider a recommendation on segregated classes.",
            "follow_up_on": "2019-10-01",
        }
    )

    coalition_id: IdField = Field(schema_extra={"json_schema_extra": _COALITION}, description="The coalition.")
    state_code: StateCode = Field(
        schema_extra={"json_schema_extra": _STATE}, description="ISO3 code of the target state approached."
    )
    kind: OutreachKind
    held_on: Day = Field(
        schema_extra={"json_schema_extra": _HELD_ON},
        description="When; not in the future, not before 2006 (the UPR's start).",
    )
    briefs: list[IdField] = Field(
        schema_extra={"json_schema_extra": _BRIEFS},
        default_factory=list,
        max_length=100,
        description="Ids of the briefs presented, all of the coalition's.",
    )
    follow_up_done: bool = False


class OutreachUpdate(OutreachWrite):
    model_config = with_examples({"follow_up_done": True, "outcome": "Recommendation made as proposed."})

    state_code: Omittable[StateCode] = Field(schema_extra={"json_schema_extra": _STATE}, default=None)
    kind: Omittable[OutreachKind] = None
    held_on: Omittable[Day] = Field(schema_extra={"json_schema_extra": _HELD_ON}, default=None)
    follow_up_done: Omittable[bool] = Field(default=None, description="`true` takes it off the due follow-ups.")


class OutreachRead(SQLModel):
    id: int
    coalition_id: int
    state_code: str = Field(description="The target state approached.")
    kind: OutreachKind
    held_on: dt.date
    attendees: str | None
    briefs: list[int] = Field(description="Ids of the briefs presented.")
    contact_id: int | None
    outcome: str | None
    follow_up_on: dt.date | None
    follow_up_done: bool
    created_at: dt.datetime
    updated_at: dt.datetime
