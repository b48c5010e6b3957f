"""Request and response shapes of reprisal incidents, and of their public, anonymised counts.

The date rules (not in the future, not before the UPR began) need "today", so they live in the
service, where a create and a PATCH are judged alike and the 422 names the field.
"""

import datetime as dt
from typing import Annotated

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from api.advocacy import demo_ids
from api.advocacy.dates import NOT_BEFORE_UPR
from api.advocacy.models import IncidentKind
from api.auth.refs import OrganisationRef
from api.core.schemas import with_examples
from api.core.types import Day, IdField, NulFree, Omittable, also_checked

Description = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000), NulFree()]

OCCURRED_ON_RULE = f"must not be in the future, {NOT_BEFORE_UPR}"


class IncidentWrite(SQLModel):
    occurred_on: Omittable[Day] = Field(
        schema_extra={"json_schema_extra": also_checked(OCCURRED_ON_RULE)},
        default=None,
        description="The day it happened: not in the future, not before 2006 (the UPR's start).",
    )
    kind: Omittable[IncidentKind] = None
    description: Omittable[Description] = Field(
        default=None,
        description="What happened and how it is linked to the organisation's UPR engagement. Seen only by the "
        "recording organisation, admins and (when shared) its state's NHRI.",
    )
    reported_to_un: Omittable[bool] = Field(
        default=None, description="Whether the incident was reported to the UN (e.g. OHCHR's reprisals focal point)."
    )
    shared_with_nhri: Omittable[bool] = Field(
        default=None,
        description="Share with the NHRI of the incident's state: it may then read (never change) the incident. "
        "Setting it back to `false` hides the incident from the NHRI again.",
    )


class IncidentCreate(IncidentWrite):
    model_config = with_examples(
        {
            "occurred_on": "2019-10-02",
            "kind": "threat",
            "description": "Threatening calls after our statement at the pre-session in Geneva.",
            "reported_to_un": True,
            "shared_with_nhri": False,
            "organisation_id": demo_ids.DEMO_CSO_ORGANISATION_ID,
        }
    )

    occurred_on: Day = Field(
        schema_extra={"json_schema_extra": also_checked(OCCURRED_ON_RULE)},
        description="The day it happened: not in the future, not before 2006 (the UPR's start).",
    )
    kind: IncidentKind
    description: Description = Field(
        description="What happened and how it is linked to the organisation's UPR engagement. Seen only by the "
        "recording organisation, admins and (when shared) its state's NHRI."
    )
    reported_to_un: bool = Field(
        default=False, description="Whether the incident was reported to the UN (e.g. OHCHR's reprisals focal point)."
    )
    shared_with_nhri: bool = Field(
        default=False,
        description="Share with the NHRI of the incident's state: it may then read (never change) the incident.",
    )
    organisation_id: IdField | None = Field(
        schema_extra={
            "json_schema_extra": also_checked(
                "admins must name an active CSO or NHRI; anyone else may only name their own organisation"
            )
        },
        default=None,
        description="The organisation the incident happened to; the caller's own when left out. Admins "
        "recording one for an organisation must name it. The incident's state is that organisation's.",
    )


class IncidentUpdate(IncidentWrite):
    model_config = with_examples({"shared_with_nhri": True}, {"reported_to_un": True, "kind": "harassment"})


class IncidentRead(SQLModel):
    id: int
    organisation: OrganisationRef = Field(description="The recording organisation.")
    state_code: str = Field(description="The recording organisation's state.")
    occurred_on: Day
    kind: IncidentKind
    description: str
    reported_to_un: bool
    shared_with_nhri: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class IncidentCount(SQLModel):
    """Incidents of one state in one year: no organisation, kind, description or id."""

    state_code: str
    year: int
    count: int | None = Field(
        description="Incidents recorded (the caller's organisation's left out); null when fewer than "
        "`minimum_shown` organisations recorded them (then `fewer_than_minimum` is true)."
    )
    reported_to_un: int | None = Field(description="Of those, reported to the UN; null when `count` is.")
    fewer_than_minimum: bool = Field(
        description="At least one incident but fewer than `minimum_shown` recording organisations: the figures "
        "are withheld."
    )


class IncidentCounts(SQLModel):
    minimum_shown: int = Field(
        description="The fewest recording organisations a cell shown as figures holds; smaller cells are withheld."
    )
    items: list[IncidentCount] = Field(description="By state, then year; states and years without incidents absent.")
