"""Request and response shapes of coalitions, their members and invitations, and working groups.

Organisations are named as the caller may see them (`api.auth.policy.display_name`: a pseudonymous
CSO appears under its public name to everyone but itself and admins).
"""

from datetime import datetime
from typing import Annotated

from annotated_types import Len
from pydantic import StringConstraints, field_validator
from sqlmodel import Field, SQLModel

from api.advocacy import demo_ids
from api.advocacy.models import CoalitionRole, MembershipStatus
from api.auth.refs import OrganisationRef
from api.core.schemas import with_examples
from api.core.types import IdField, NulFree, Omittable, StateCode, also_checked

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), NulFree()]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000), NulFree()]
ThemeIds = Annotated[list[IdField], Len(max_length=200)]


def _distinct_not_null(values: list[int] | None) -> list[int]:
    """A list that is not a column: omitted leaves it alone, `[]` clears it, null is an error."""
    if values is None:
        raise ValueError("may not be null; omit the field to leave it unchanged")
    return list(dict.fromkeys(values))


# --- coalitions ----------------------------------------------------------------------------------


class CoalitionCreate(SQLModel):
    model_config = with_examples(
        {
            "name": "UPR coalition of Slovenia",
            "description": "CSOs and the Ombudsman preparing Slovenia's fourth review.",
            "state_code": "SVN",
            "lead_organisation_id": 4,
        }
    )

    name: Name
    description: LongText | None = None
    state_code: StateCode | None = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must name an existing state")},
        description="The state whose reviews the coalition prepares; by default the lead organisation's state.",
    )
    lead_organisation_id: IdField | None = Field(
        default=None,
        schema_extra={
            "json_schema_extra": also_checked("required of admins: an active CSO or NHRI; others: their own or none")
        },
        description="Admins found a coalition for an organisation and must name it (an active CSO or NHRI); "
        "anyone else founds it for their own organisation and leaves this out (or names their own).",
    )


class CoalitionUpdate(SQLModel):
    model_config = with_examples(
        {"description": "Demo data, illustrative only: CSOs and the Ombudsman preparing the review."}
    )

    name: Omittable[Name] = None
    description: LongText | None = None


class Membership(SQLModel):
    """The caller's organisation's place in a coalition."""

    status: MembershipStatus
    role: CoalitionRole


class CoalitionRead(SQLModel):
    """An invited organisation (`membership.status` `invited`) sees only the coalition's name and state until it
    accepts: every other field is then null."""

    id: int
    name: str
    state_code: str
    description: str | None
    membership: Membership | None = Field(
        description="Your organisation's membership (null for an admin whose organisation is not in it)."
    )
    created_by: OrganisationRef | None = Field(description="The founding organisation (null while only invited).")
    member_count: int | None = Field(description="Active member organisations (null while only invited).")
    working_group_count: int | None = Field(description="Working groups (null while only invited).")
    created_at: datetime | None
    updated_at: datetime | None


# --- members and invitations ---------------------------------------------------------------------


class MemberInvite(SQLModel):
    model_config = with_examples({"organisation_id": demo_ids.DEMO_INVITEE_ORGANISATION_ID, "role": "member"})

    organisation_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name an active CSO or NHRI")},
        description="The organisation invited: an active CSO or NHRI.",
    )
    role: CoalitionRole = Field(default=CoalitionRole.member, description="Its role once it accepts.")


class MemberUpdate(SQLModel):
    model_config = with_examples({"role": "lead"})

    role: CoalitionRole


class MemberRead(SQLModel):
    organisation: OrganisationRef
    role: CoalitionRole
    status: MembershipStatus
    invited_by: OrganisationRef | None = Field(description="Null for the founding organisation.")
    invited_at: datetime
    decided_at: datetime | None = Field(description="When it accepted, declined or left.")


class InvitationRead(SQLModel):
    """A coalition's invitation of the caller's organisation: what it needs to answer, nothing more."""

    coalition_id: int
    coalition_name: str
    state_code: str
    organisation: OrganisationRef = Field(description="The organisation invited (yours, unless you are an admin).")
    role: CoalitionRole
    status: MembershipStatus
    invited_by: OrganisationRef | None
    invited_at: datetime
    decided_at: datetime | None


# --- working groups ------------------------------------------------------------------------------


class WorkingGroupCreate(SQLModel):
    model_config = with_examples(
        {
            "coalition_id": demo_ids.DEMO_COALITION_ID,
            "name": "Hate speech",
            "description": "Online hate speech against Roma and its prosecution.",
            "themes": list(demo_ids.DEMO_THEME_IDS),
        }
    )

    coalition_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name a coalition you are a member of")}
    )
    name: Name
    description: LongText | None = None
    themes: ThemeIds = Field(
        default_factory=list,
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        description="Theme ids.",
    )

    _themes = field_validator("themes")(_distinct_not_null)


class WorkingGroupUpdate(SQLModel):
    model_config = with_examples({"description": "Demo data, illustrative only: housing, water, education."})

    name: Omittable[Name] = None
    description: LongText | None = None
    themes: Omittable[ThemeIds] = Field(
        default=None,
        schema_extra={"json_schema_extra": also_checked("must name existing themes")},
        description="Replaces the group's themes; `[]` clears them.",
    )

    _themes = field_validator("themes")(_distinct_not_null)


class GroupMemberWrite(SQLModel):
    model_config = with_examples({"is_co_chair": True})

    is_co_chair: bool = Field(default=False, description="At most two co-chairs per group.")


class GroupMemberRead(SQLModel):
    organisation: OrganisationRef
    is_co_chair: bool


class WorkingGroupRead(SQLModel):
    id: int
    coalition_id: int
    name: str
    description: str | None
    themes: list[int] = Field(description="Theme ids, ascending.")
    members: list[GroupMemberRead] = Field(description="Co-chairs first, then by organisation id.")
    brief_count: int
    created_at: datetime
    updated_at: datetime
