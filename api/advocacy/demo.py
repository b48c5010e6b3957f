"""Demo advocacy data for `make run`: the demo CSO leads a coalition on Slovenia's 2019 review with the
demo NHRI as a member; its Roma rights working group has an agreed brief (issues, advance questions, three
asks), three target states (those that made most of the review's recommendations on Roma rights: the demo
has one review, so the states that championed the issue in it stand in for earlier ones), a mission contact and
an outreach log with a follow-up still due; the asks' uptake matches are suggested from the recommendations
actually made. The demo CSO has recorded one reprisal incident (not shared with the NHRI), and a second
Slovenian CSO, not yet in the coalition, is there to be invited. Nothing is published: log in as the demo
CSO or NHRI to see it, as anyone else to see none.

The rows the OpenAPI documents' examples name have fixed ids (api/advocacy/demo_ids.py).

Illustrative only: every text says it is demo data. Idempotent (skipped when the demo coalition exists).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.accounts.service import first_organisation
from api.advocacy import demo_ids
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
    UptakeMatch,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupTheme,
)
from api.advocacy.uptake import matching
from api.auth.models import Organisation, OrganisationKind
from api.core.rows import stored_id
from api.core.types import utcnow
from api.cycle.models import Review, State
from api.recommendations.models import Recommendation, RecommendationTheme, RecommendingState

DEMO = "Demo data, illustrative only: "
COALITION = "Slovenian UPR coalition (demo)"
INVITEE = "Roma Women's Network of Slovenia (demo)"  # an active CSO the coalition has not invited yet
# Paragraphs of Slovenia's 2019 recommendations on Roma rights (the demo review).
ROMA = ("121.44", "121.45", "121.46", "121.47", "122.133", "122.134", "122.135", "122.137", "122.141")
ASKS = (
    "Adopt by 2025 a law guaranteeing every Roma settlement access to drinking water and sanitation, with a "
    "budget line and a yearly report to the National Assembly",
    "End the placement of Roma children in separate classes and ensure their enrolment in preschool",
    "Ensure the Roma community's participation in drawing up the National Programme of Measures for Roma",
)


@dataclass
class DemoAdvocacy:
    coalitions: int = 0
    briefs: int = 0
    targets: int = 0
    outreach: int = 0
    matches: int = 0
    incidents: int = 0


def _champions(session: Session, review: Review, limit: int = 3) -> list[tuple[str, int]]:
    """The states that made most of the review's Roma recommendations. Rows are written directly here, as in
    the tracking demo: the demo is data, not a user's requests (the services' rules hold for it: a CSO
    leads, the NHRI is an active member, the co-chair is a group member)."""
    rows = session.exec(
        select(RecommendingState.state_code, func.count())
        .join(Recommendation, col(Recommendation.id) == col(RecommendingState.recommendation_id))
        .where(Recommendation.review_id == review.id, col(Recommendation.paragraph).in_(ROMA))
        .group_by(col(RecommendingState.state_code))
        .order_by(func.count().desc(), col(RecommendingState.state_code))
        .limit(limit)
    ).all()
    return [(code, n) for code, n in rows]


def seed_demo_advocacy(session: Session, state: str = "SVN", session_number: int = 34) -> DemoAdvocacy:
    counts = DemoAdvocacy()
    review = session.exec(
        select(Review).where(Review.state_code == state, Review.session_number == session_number)
    ).first()
    cso, nhri = (
        first_organisation(session, state, OrganisationKind.cso),
        first_organisation(session, state, OrganisationKind.nhri),
    )
    if review is None or cso is None or nhri is None:
        return counts
    if session.exec(select(Organisation.id).where(Organisation.name == INVITEE)).first() is None:
        session.add(Organisation(name=INVITEE, kind=OrganisationKind.cso, state_code=state))
        session.flush()
    if session.exec(select(Coalition.id).where(Coalition.name == COALITION)).first() is not None:
        return counts
    coalition = Coalition(
        id=demo_ids.DEMO_COALITION_ID,
        name=COALITION,
        state_code=state,
        description=DEMO + "CSOs and the Ombudsman preparing Slovenia's review together.",
        created_by_organisation_id=stored_id(cso),
    )
    session.add(coalition)
    session.flush()
    now = utcnow()
    session.add_all(
        [
            CoalitionMember(
                coalition_id=stored_id(coalition),
                organisation_id=stored_id(cso),
                role=CoalitionRole.lead,
                status=MembershipStatus.active,
                decided_at=now,
            ),
            CoalitionMember(
                coalition_id=stored_id(coalition),
                organisation_id=stored_id(nhri),
                status=MembershipStatus.active,
                invited_by_organisation_id=stored_id(cso),
                decided_at=now,
            ),
        ]
    )
    group = WorkingGroup(
        id=demo_ids.DEMO_WORKING_GROUP_ID,
        coalition_id=stored_id(coalition),
        name="Roma rights",
        description=DEMO + "Housing, water, education.",
    )
    session.add(group)
    session.flush()
    session.add_all(
        [
            WorkingGroupMember(working_group_id=stored_id(group), organisation_id=stored_id(cso), is_co_chair=True),
            WorkingGroupMember(working_group_id=stored_id(group), organisation_id=stored_id(nhri)),
        ]
    )
    themes = sorted(
        set(
            session.exec(
                select(RecommendationTheme.theme_id)
                .join(Recommendation, col(Recommendation.id) == col(RecommendationTheme.recommendation_id))
                .where(Recommendation.review_id == review.id, col(Recommendation.paragraph).in_(ROMA[:2]))
            ).all()
        )
    )
    session.add_all(WorkingGroupTheme(working_group_id=stored_id(group), theme_id=t) for t in themes)
    brief = Brief(
        id=demo_ids.DEMO_BRIEF_ID,
        working_group_id=stored_id(group),
        review_id=stored_id(review),
        title="Roma settlements: water, sanitation and schooling",
        issues=DEMO + "Many Roma settlements still lack running water and sanitation; Roma children are "
        "over-represented in separate classes and under-represented in preschool.",
        questions=[
            "How many Roma settlements are still without a connection to the public water supply?",
            "What has the Government done to end separate classes for Roma children?",
        ],
        status=BriefStatus.agreed,
    )
    session.add(brief)
    session.flush()
    session.add_all(BriefTheme(brief_id=stored_id(brief), theme_id=t) for t in themes)
    asks = [
        ProposedRecommendation(id=ask_id, brief_id=stored_id(brief), position=i, text=text)
        for i, (ask_id, text) in enumerate(zip(demo_ids.DEMO_ASK_IDS, ASKS, strict=True))
    ]
    session.add_all(asks)
    counts.coalitions, counts.briefs = 1, 1
    names = dict(session.exec(select(State.code, State.name)).all())
    targets = [
        BriefTarget(
            brief_id=stored_id(brief),
            state_code=code,
            reason=DEMO + f"{names.get(code, code)} made {n} of Slovenia's 2019 recommendations on Roma rights.",
        )
        for code, n in _champions(session, review)
    ]
    if targets:
        targets[0].id = demo_ids.DEMO_TARGET_ID  # the champion finder's first answer
    session.add_all(targets)
    counts.targets = len(targets)
    session.flush()
    if targets:
        first = targets[0]
        contact = MissionContact(
            id=demo_ids.DEMO_CONTACT_ID,
            coalition_id=stored_id(coalition),
            state_code=first.state_code,
            mission="Embassy in Ljubljana",
            city="Ljubljana",
            person="Second Secretary, political section (demo)",
            channel="e-mail",
        )
        session.add(contact)
        session.flush()
        for outreach_id, held_on, kind, outcome, follow_up, done in (
            (
                demo_ids.DEMO_OUTREACH_ID,
                date(2019, 9, 10),
                OutreachKind.briefing,
                "Presented the brief; interested in water access.",
                date(2019, 9, 24),
                True,
            ),
            (
                None,
                date(2019, 10, 15),
                OutreachKind.meeting,
                "Will consider a recommendation on water.",
                date(2019, 10, 29),
                False,
            ),
        ):
            outreach = Outreach(
                coalition_id=stored_id(coalition),
                state_code=first.state_code,
                contact_id=stored_id(contact),
                kind=kind,
                held_on=held_on,
                attendees="Demo CSO, Ombudsman's office",
                outcome=DEMO + outcome,
                follow_up_on=follow_up,
                follow_up_done=done,
            )
            if outreach_id is not None:
                outreach.id = outreach_id
            session.add(outreach)
            session.flush()
            session.add(OutreachBrief(outreach_id=stored_id(outreach), brief_id=stored_id(brief)))
            counts.outreach += 1
    session.flush()
    counts.matches = _suggest_matches(session, review, asks)
    session.add(
        ReprisalIncident(
            id=demo_ids.DEMO_INCIDENT_ID,
            organisation_id=stored_id(cso),
            state_code=cso.state_code,
            occurred_on=date(2019, 11, 12),
            kind=IncidentKind.online_attack,
            description=DEMO + "Abusive messages on the coalition's social media after its side event on Roma "
            "settlements in Geneva.",
        )
    )
    counts.incidents = 1
    session.flush()
    return counts


def _suggest_matches(session: Session, review: Review, asks: list[ProposedRecommendation]) -> int:
    """The asks' uptake suggestions, as the working group's first recompute would make them: the first
    ask's best gets the fixed id the examples name."""
    recommendations = {
        rec_id: text
        for rec_id, text in session.exec(
            select(Recommendation.id, Recommendation.text).where(Recommendation.review_id == review.id)
        )
        if rec_id is not None
    }
    found = matching.suggest({stored_id(a): a.text for a in asks}, recommendations)
    made = 0
    for ask in asks:
        for rank, suggestion in enumerate(found[stored_id(ask)]):
            match = UptakeMatch(
                proposed_recommendation_id=stored_id(ask),
                recommendation_id=suggestion.recommendation_id,
                similarity=suggestion.similarity,
            )
            if ask is asks[0] and rank == 0:
                match.id = demo_ids.DEMO_MATCH_ID
            session.add(match)
            made += 1
    return made
