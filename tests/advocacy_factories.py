"""Plain `create_*` helpers for advocacy rows, and the advocacy world used by the permission matrix.

These write rows directly (as an earlier request would have); tests of a rule go through the API."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col, select

from api.advocacy.models import (
    Brief,
    BriefStatus,
    BriefTarget,
    BriefTheme,
    Coalition,
    CoalitionMember,
    CoalitionRole,
    IncidentKind,
    MembershipStatus,
    MissionContact,
    Outreach,
    OutreachBrief,
    OutreachKind,
    ProposedRecommendation,
    ReprisalIncident,
    WorkingGroup,
    WorkingGroupMember,
)
from api.auth.models import Organisation
from api.core.types import utcnow
from api.cycle.models import Review
from api.taxonomy.models import Theme
from tests.factories import OTHER_STATE, OWN_STATE, World


def create_coalition(
    session: Session,
    lead: Organisation,
    *,
    members: tuple[Organisation, ...] = (),
    invited: tuple[Organisation, ...] = (),
    name: str | None = None,
) -> Coalition:
    """A coalition of `lead`'s state led by `lead`, with active `members` and pending `invited` ones."""
    coalition = Coalition(
        name=name or f"UPR coalition of {lead.state_code}",
        state_code=lead.state_code,
        created_by_organisation_id=_id(lead),
    )
    session.add(coalition)
    session.flush()
    session.add(
        CoalitionMember(
            coalition_id=_id(coalition),
            organisation_id=_id(lead),
            role=CoalitionRole.lead,
            status=MembershipStatus.active,
            decided_at=utcnow(),
        )
    )
    for org, status in [
        *((m, MembershipStatus.active) for m in members),
        *((i, MembershipStatus.invited) for i in invited),
    ]:
        session.add(
            CoalitionMember(
                coalition_id=_id(coalition),
                organisation_id=_id(org),
                status=status,
                invited_by_organisation_id=_id(lead),
                decided_at=utcnow() if status is MembershipStatus.active else None,
            )
        )
    session.flush()
    return coalition


def create_working_group(
    session: Session,
    coalition: Coalition,
    *,
    name: str = "Roma rights",
    co_chairs: tuple[Organisation, ...] = (),
    members: tuple[Organisation, ...] = (),
) -> WorkingGroup:
    group = WorkingGroup(coalition_id=_id(coalition), name=name)
    session.add(group)
    session.flush()
    for org in co_chairs:
        session.add(WorkingGroupMember(working_group_id=_id(group), organisation_id=_id(org), is_co_chair=True))
    for org in members:
        session.add(WorkingGroupMember(working_group_id=_id(group), organisation_id=_id(org)))
    session.flush()
    return group


def create_brief(
    session: Session,
    group: WorkingGroup,
    review: Review,
    *,
    title: str = "Roma children's access to education",
    status: BriefStatus = BriefStatus.draft,
    themes: tuple[Theme, ...] = (),
    asks: tuple[str, ...] = ("Adopt a law guaranteeing Roma children's enrolment in mainstream schools by 2026",),
) -> Brief:
    brief = Brief(
        working_group_id=_id(group),
        review_id=_id(review),
        title=title,
        issues="Roma children are placed in segregated classes.",
        questions=["What steps has the Government taken to end segregated classes?"],
        status=status,
        published_at=utcnow() if status is BriefStatus.published else None,
    )
    session.add(brief)
    session.flush()
    for theme in themes:
        session.add(BriefTheme(brief_id=_id(brief), theme_id=_id(theme)))
    for position, text in enumerate(asks):
        session.add(ProposedRecommendation(brief_id=_id(brief), position=position, text=text))
    session.flush()
    return brief


@dataclass
class AdvocacyWorld:
    """Per state (own and other): a coalition led by the state's CSO with its NHRI as a member, one
    working group (the CSO co-chairs it, the NHRI is a member), a draft and a published brief, a target,
    a mission contact and an outreach; an incident per recording role (cso, nhri), not shared."""

    coalitions: dict[str, Coalition] = field(default_factory=dict)
    working_groups: dict[str, WorkingGroup] = field(default_factory=dict)
    drafts: dict[str, Brief] = field(default_factory=dict)
    published: dict[str, Brief] = field(default_factory=dict)
    asks: dict[str, ProposedRecommendation] = field(default_factory=dict)  # the draft's first ask
    targets: dict[str, BriefTarget] = field(default_factory=dict)
    contacts: dict[str, MissionContact] = field(default_factory=dict)
    outreach: dict[str, Outreach] = field(default_factory=dict)
    incidents: dict[tuple[str, str], ReprisalIncident] = field(default_factory=dict)  # by (role, state)


def build_advocacy_world(session: Session, world: World, *, nhri_leads: bool = False) -> World:
    """Needs the cycle world (reviews, theme). `nhri_leads`: the NHRI is a lead of the coalition and a
    co-chair of the group too (the permission matrix: every permitted role may then act on every row)."""
    built = world.built_advocacy = AdvocacyWorld()
    for state in (OWN_STATE, OTHER_STATE):
        cso, nhri = world.org("cso", state), world.org("nhri", state)
        coalition = create_coalition(session, cso, members=(nhri,))
        if nhri_leads:
            session.exec(
                update(CoalitionMember)
                .where(
                    col(CoalitionMember.coalition_id) == _id(coalition),
                    col(CoalitionMember.organisation_id) == _id(nhri),
                )
                .values(role=CoalitionRole.lead)
            )
        chairs, plain = ((cso, nhri), ()) if nhri_leads else ((cso,), (nhri,))
        group = create_working_group(session, coalition, co_chairs=chairs, members=plain)
        review = world.cycle.reviews[state]
        draft = create_brief(session, group, review, themes=(world.cycle.theme,))
        published = create_brief(session, group, review, title="Hate speech against Roma", status=BriefStatus.published)
        target = BriefTarget(brief_id=_id(draft), state_code=OTHER_STATE if state == OWN_STATE else OWN_STATE)
        contact = MissionContact(
            coalition_id=_id(coalition),
            state_code=target.state_code,
            mission="Permanent Mission to the UN in Geneva",
            city="Geneva",
            person="First Secretary (human rights)",
            channel="e-mail",
        )
        session.add_all([target, contact])
        session.flush()
        outreach = Outreach(
            coalition_id=_id(coalition),
            state_code=target.state_code,
            contact_id=_id(contact),
            kind=OutreachKind.meeting,
            held_on=date(2019, 9, 12),
            follow_up_on=date(2019, 10, 1),
        )
        session.add(outreach)
        session.flush()
        session.add(OutreachBrief(outreach_id=_id(outreach), brief_id=_id(draft)))
        for role in ("cso", "nhri"):
            incident = ReprisalIncident(
                organisation_id=_id(world.org(role, state)),
                state_code=state,
                occurred_on=date(2019, 10, 2),
                kind=IncidentKind.threat,
                description=f"Threatening calls after the {role}'s pre-session statement.",
            )
            session.add(incident)
            built.incidents[(role, state)] = incident
        session.flush()
        built.coalitions[state] = coalition
        built.working_groups[state] = group
        built.drafts[state] = draft
        built.published[state] = published
        built.asks[state] = session.get_one(ProposedRecommendation, _first_ask_id(session, draft))
        built.targets[state] = target
        built.contacts[state] = contact
        built.outreach[state] = outreach
    return world


def _id(row: Organisation | Coalition | WorkingGroup | Brief | Review | Theme | MissionContact | Outreach) -> int:
    assert row.id is not None, f"{row!r} is not flushed"
    return row.id


def _first_ask_id(session: Session, brief: Brief) -> int:
    found = session.exec(
        select(ProposedRecommendation.id)
        .where(ProposedRecommendation.brief_id == brief.id)
        .order_by(col(ProposedRecommendation.position))
    ).first()
    assert found is not None
    return found
