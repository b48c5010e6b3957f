"""The advocacy workspace: the tables.

A coalition (of CSOs and NHRIs of one state) prepares for that state's review: working groups write
briefs (issues, advance questions, proposed recommendations), pick target states, meet missions and
embassies, then follow the adoption and the uptake of their asks. Everything is the coalition's
(`api/advocacy/policy.py`) until a brief is published. Reprisal incidents belong to the organisation
that records them.

Rows are deleted through services (and the ORM), so every deleted row is audited. Ids are opaque
(`api/core/ids.py`): sequential ids would count the rows a caller may not see.
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.core.ids import random_id
from api.core.types import UTCDateTime, enum_type, utcnow


class MembershipStatus(StrEnum):
    invited = "invited"  # waiting for the invited organisation to accept
    active = "active"
    declined = "declined"
    left = "left"  # left or removed: sees nothing any more


class CoalitionRole(StrEnum):
    lead = "lead"  # manages the coalition: invites, removes, creates working groups
    member = "member"


class BriefStatus(StrEnum):
    draft = "draft"
    agreed = "agreed"
    published = "published"


class OutreachKind(StrEnum):
    meeting = "meeting"
    briefing = "briefing"
    email = "email"
    event = "event"


class IncidentKind(StrEnum):
    threat = "threat"
    harassment = "harassment"
    surveillance = "surveillance"
    smear_campaign = "smear_campaign"
    travel_ban = "travel_ban"
    arrest_or_detention = "arrest_or_detention"
    physical_attack = "physical_attack"
    online_attack = "online_attack"
    legal_or_administrative = "legal_or_administrative"
    other = "other"


class UptakeStatus(StrEnum):
    suggested = "suggested"
    confirmed = "confirmed"
    rejected = "rejected"


class Coalition(SQLModel, table=True):
    """CSOs and NHRIs of one state preparing for its reviews together."""

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    name: str = Field(max_length=200)
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3, description="The state reviewed.")
    description: str | None = Field(default=None, sa_type=Text)
    created_by_organisation_id: int = Field(foreign_key="organisation.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CoalitionMember(SQLModel, table=True):
    """An organisation in a coalition, by invitation it accepts (the creator joins as `lead`)."""

    __tablename__ = "coalition_member"
    __table_args__ = (UniqueConstraint("coalition_id", "organisation_id"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    coalition_id: int = Field(foreign_key="coalition.id")  # indexed by the unique key
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    role: CoalitionRole = Field(default=CoalitionRole.member, sa_type=enum_type(CoalitionRole))
    status: MembershipStatus = Field(default=MembershipStatus.invited, sa_type=enum_type(MembershipStatus))
    invited_by_organisation_id: int | None = Field(default=None, foreign_key="organisation.id")
    invited_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class WorkingGroup(SQLModel, table=True):
    """A thematic group of a coalition, with co-chairs and members from its organisations."""

    __tablename__ = "working_group"

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    coalition_id: int = Field(foreign_key="coalition.id", index=True)
    name: str = Field(max_length=200)
    description: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class WorkingGroupTheme(SQLModel, table=True):
    __tablename__ = "working_group_theme"

    working_group_id: int = Field(foreign_key="working_group.id", primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", primary_key=True, index=True)


class WorkingGroupMember(SQLModel, table=True):
    """An organisation of the coalition in a working group; co-chairs agree and publish its briefs."""

    __tablename__ = "working_group_member"

    working_group_id: int = Field(foreign_key="working_group.id", primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", primary_key=True, index=True)
    is_co_chair: bool = False


class Brief(SQLModel, table=True):
    """A working group's 1–2 page brief for one review: Issues – Questions – Recommendations."""

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    working_group_id: int = Field(foreign_key="working_group.id", index=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    title: str = Field(max_length=300)
    issues: str = Field(default="", sa_type=Text, description="The issues, as prose.")
    questions: list[str] = Field(
        default_factory=list, sa_type=JSON, description="Advance questions for the state under review."
    )
    status: BriefStatus = Field(default=BriefStatus.draft, sa_type=enum_type(BriefStatus))
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BriefTheme(SQLModel, table=True):
    __tablename__ = "brief_theme"

    brief_id: int = Field(foreign_key="brief.id", primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", primary_key=True, index=True)


class BriefAffectedPerson(SQLModel, table=True):
    __tablename__ = "brief_affected_person"

    brief_id: int = Field(foreign_key="brief.id", primary_key=True)
    affected_person_id: int = Field(foreign_key="affected_person.id", primary_key=True, index=True)


class BriefSubmission(SQLModel, table=True):
    """A stakeholder submission the brief draws on."""

    __tablename__ = "brief_submission"

    brief_id: int = Field(foreign_key="brief.id", primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", primary_key=True, index=True)


class ProposedRecommendation(SQLModel, table=True):
    """One ask of a brief: the recommendation the coalition wants a state to make."""

    __tablename__ = "proposed_recommendation"

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    brief_id: int = Field(foreign_key="brief.id", index=True)
    position: int = Field(ge=0, description="Order in the brief, from 0.")
    text: str = Field(sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BriefTarget(SQLModel, table=True):
    """A state the working group chose to approach with a brief, and why."""

    __tablename__ = "brief_target"
    __table_args__ = (UniqueConstraint("brief_id", "state_code"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    brief_id: int = Field(foreign_key="brief.id")  # indexed by the unique key
    state_code: str = Field(foreign_key="state.code", max_length=3)
    reason: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MissionContact(SQLModel, table=True):
    """A person at a permanent mission or embassy: the coalition's only."""

    __tablename__ = "mission_contact"
    # A person's name and how to reach them: a deleted contact must not live on in the audit log.
    __audit_redact__ = ("person", "channel", "notes")

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    coalition_id: int = Field(foreign_key="coalition.id", index=True)
    state_code: str = Field(foreign_key="state.code", max_length=3, description="The state the mission represents.")
    mission: str = Field(max_length=300, description="e.g. 'Permanent Mission to the UN in Geneva', 'Embassy'.")
    city: str | None = Field(default=None, max_length=120)
    person: str = Field(max_length=200)
    channel: str | None = Field(default=None, max_length=300, description="How to reach them: e-mail, phone…")
    notes: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Outreach(SQLModel, table=True):
    """One contact with a target state: a meeting, briefing, e-mail or event, and its follow-up."""

    # Who attended and what was said: the audit log records that they changed, never what they were.
    __audit_redact__ = ("attendees", "outcome")
    __table_args__ = (Index("ix_outreach_follow_up", "coalition_id", "follow_up_on"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    coalition_id: int = Field(foreign_key="coalition.id")  # indexed by ix_outreach_follow_up
    state_code: str = Field(foreign_key="state.code", max_length=3, description="The target state.")
    contact_id: int | None = Field(default=None, foreign_key="mission_contact.id", index=True)
    kind: OutreachKind = Field(sa_type=enum_type(OutreachKind))
    held_on: date
    attendees: str | None = Field(default=None, sa_type=Text)
    outcome: str | None = Field(default=None, sa_type=Text)
    follow_up_on: date | None = None
    follow_up_done: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OutreachBrief(SQLModel, table=True):
    """A brief presented at an outreach."""

    __tablename__ = "outreach_brief"

    outreach_id: int = Field(foreign_key="outreach.id", primary_key=True)
    brief_id: int = Field(foreign_key="brief.id", primary_key=True, index=True)


class UptakeMatch(SQLModel, table=True):
    """A recommendation actually made that may carry a proposed one: suggested by text similarity,
    then confirmed or rejected by the working group."""

    __tablename__ = "uptake_match"
    __table_args__ = (UniqueConstraint("proposed_recommendation_id", "recommendation_id"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    proposed_recommendation_id: int = Field(foreign_key="proposed_recommendation.id")  # indexed by the unique key
    recommendation_id: int = Field(foreign_key="recommendation.id", index=True)
    similarity: float = Field(ge=0, le=1)
    status: UptakeStatus = Field(default=UptakeStatus.suggested, sa_type=enum_type(UptakeStatus))
    decided_by_organisation_id: int | None = Field(default=None, foreign_key="organisation.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReprisalIncident(SQLModel, table=True):
    """An incident an organisation links to its UPR engagement: its own and admins' only, unless it
    shares it with its state's NHRI."""

    __tablename__ = "reprisal_incident"
    # The audit log outlives a deleted incident: it records that the description changed, never what it said.
    __audit_redact__ = ("description",)
    __table_args__ = (CheckConstraint("occurred_on >= '2006-01-01'", name="occurred_on"),)

    id: int | None = Field(default_factory=random_id, primary_key=True)  # opaque: api/core/ids.py
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3)
    occurred_on: date
    kind: IncidentKind = Field(sa_type=enum_type(IncidentKind))
    description: str = Field(sa_type=Text)
    reported_to_un: bool = False
    shared_with_nhri: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
