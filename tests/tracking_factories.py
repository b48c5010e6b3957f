"""Plain `create_*` helpers for tracking rows, and the tracking world used by the permission matrix."""

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from api.auth.models import Organisation
from api.cycle.models import Review
from api.recommendations.models import Recommendation
from api.tracking.models import (
    Action,
    ActionRecommendation,
    ActionStatus,
    Assessment,
    AssessmentRevision,
    Evidence,
    EvidenceKind,
    Indicator,
    Measurement,
    Milestone,
    MilestoneStatus,
    ProgressUpdate,
    ProgressUpdateRevision,
    TrafficLight,
    Visibility,
)
from tests.cycle_factories import create_recommendation, create_review, create_upr_session
from tests.factories import OTHER_STATE, OWN_STATE, World

POSTING_ROLES = ("government", "nhri", "cso", "admin")


def create_action(
    session: Session,
    state_code: str,
    *,
    title: str = "National Roma inclusion programme",
    responsible: Organisation | None = None,
    recommendations: tuple[Recommendation, ...] = (),
    status: ActionStatus = ActionStatus.in_progress,
) -> Action:
    action = Action(
        state_code=state_code,
        title=title,
        status=status,
        responsible_organisation_id=responsible.id if responsible else None,
        contact="focal.point@gov.example.org",
        start_date=date(2020, 1, 1),
        end_date=date(2024, 12, 31),
    )
    session.add(action)
    session.flush()
    for recommendation in recommendations:
        session.add(ActionRecommendation(action_id=action.id, recommendation_id=recommendation.id))
    session.flush()
    return action


def create_indicator(
    session: Session,
    state_code: str,
    *,
    action: Action | None = None,
    recommendation: Recommendation | None = None,
    name: str = "Roma children in preschool",
    baseline: float | None = 40.0,
    target: float | None = 80.0,
    **fields,
) -> Indicator:
    indicator = Indicator(
        state_code=state_code,
        action_id=action.id if action else None,
        recommendation_id=recommendation.id if recommendation else None,
        name=name,
        unit="%",
        baseline_value=baseline,
        baseline_date=date(2019, 1, 1),
        target_value=target,
        target_date=date(2024, 12, 31),
        **fields,
    )
    session.add(indicator)
    session.flush()
    return indicator


def create_measurement(
    session: Session,
    indicator: Indicator,
    organisation: Organisation,
    value: float,
    measured_on: date = date(2021, 6, 30),
) -> Measurement:
    measurement = Measurement(
        indicator_id=indicator.id,
        value=value,
        measured_on=measured_on,
        organisation_id=organisation.id,
        source="Statistical office",
    )
    session.add(measurement)
    session.flush()
    return measurement


def create_milestone(
    session: Session,
    action: Action,
    *,
    title: str = "Adopt the programme",
    due_date: date = date(2021, 1, 31),
    done_date: date | None = None,
    status: MilestoneStatus = MilestoneStatus.pending,
) -> Milestone:
    milestone = Milestone(
        action_id=action.id,
        state_code=action.state_code,
        title=title,
        due_date=due_date,
        done_date=done_date,
        status=status,
    )
    session.add(milestone)
    session.flush()
    return milestone


def create_update(
    session: Session,
    organisation: Organisation,
    *,
    recommendation: Recommendation | None = None,
    action: Action | None = None,
    text: str = "The programme was adopted in March.",
    visibility: Visibility = Visibility.public,
    state_code: str | None = None,
    reported_on: date = date(2021, 4, 1),
) -> ProgressUpdate:
    update = ProgressUpdate(
        state_code=state_code or organisation.state_code,
        organisation_id=organisation.id,
        recommendation_id=recommendation.id if recommendation else None,
        action_id=action.id if action else None,
        text=text,
        reported_on=reported_on,
        visibility=visibility,
    )
    session.add(update)
    session.flush()
    session.add(
        ProgressUpdateRevision(
            progress_update_id=update.id, revision=1, text=text, reported_on=reported_on, visibility=visibility
        )
    )
    session.flush()
    return update


def create_assessment(
    session: Session,
    organisation: Organisation,
    recommendation: Recommendation,
    *,
    rating: TrafficLight = TrafficLight.partial,
    visibility: Visibility = Visibility.public,
    assessed_on: date = date(2021, 6, 1),
    reasoning: str | None = "Some progress.",
    state_code: str | None = None,
) -> Assessment:
    assessment = Assessment(
        state_code=state_code or organisation.state_code,
        organisation_id=organisation.id,
        recommendation_id=recommendation.id,
        rating=rating,
        reasoning=reasoning,
        assessed_on=assessed_on,
        visibility=visibility,
    )
    session.add(assessment)
    session.flush()
    session.add(
        AssessmentRevision(
            assessment_id=assessment.id,
            revision=1,
            rating=rating,
            reasoning=reasoning,
            assessed_on=assessed_on,
            visibility=visibility,
        )
    )
    session.flush()
    return assessment


def create_link_evidence(
    session: Session,
    organisation: Organisation,
    *,
    update: ProgressUpdate | None = None,
    assessment: Assessment | None = None,
    milestone: Milestone | None = None,
    url: str = "https://example.org/report.pdf",
    visibility: Visibility = Visibility.public,
    state_code: str | None = None,
) -> Evidence:
    evidence = Evidence(
        state_code=state_code or organisation.state_code,
        organisation_id=organisation.id,
        kind=EvidenceKind.link,
        url=url,
        description="Published report",
        visibility=visibility,
        evidence_date=date(2021, 3, 15),
        progress_update_id=update.id if update else None,
        assessment_id=assessment.id if assessment else None,
        milestone_id=milestone.id if milestone else None,
    )
    session.add(evidence)
    session.flush()
    return evidence


@dataclass
class TrackingWorld:
    """The tracking rows of a world, keyed by state or by (posting role, state)."""

    actions: dict[str, Action] = field(default_factory=dict)  # answering the state's recommendation
    indicators: dict[str, Indicator] = field(default_factory=dict)  # of the action
    milestones: dict[str, Milestone] = field(default_factory=dict)  # of the action, overdue
    measurements: dict[tuple[str, str], Measurement] = field(default_factory=dict)
    updates: dict[tuple[str, str], ProgressUpdate] = field(default_factory=dict)
    assessments: dict[tuple[str, str], Assessment] = field(default_factory=dict)
    evidence: dict[tuple[str, str], Evidence] = field(default_factory=dict)  # a link on the update
    confidential_assessments: dict[str, Assessment] = field(default_factory=dict)  # the CSO's
    untracked_reviews: dict[str, Review] = field(default_factory=dict)  # nothing tracks these: for deletes
    untracked_recommendations: dict[str, Recommendation] = field(default_factory=dict)


def build_tracking_world(session: Session, world: World) -> World:
    """Per state (after `build_cycle_world`): an action answering the state's recommendation, run by
    its government, with an indicator, a government, NHRI and admin measurement and an overdue
    milestone; per posting role, a public progress update, a public assessment and a public link
    evidence on the update; the state's CSO's confidential assessment; and, with nothing tracked, a
    review and recommendation at cycle 2, session 20."""
    t = world.built_tracking = TrackingWorld()
    create_upr_session(session, 20, cycle_number=2, year=2014)
    for state in (OWN_STATE, OTHER_STATE):
        old_review = create_review(session, state, session_number=20)
        t.untracked_reviews[state] = old_review
        t.untracked_recommendations[state] = create_recommendation(
            session,
            old_review,
            "Ratify the Optional Protocol to the Convention against Torture",
            paragraph="110.3",
            external_key=f"untracked:{state}",
        )
        recommendation = world.cycle.recommendations[state]
        government = world.org("government", state)
        action = create_action(session, state, responsible=government, recommendations=(recommendation,))
        indicator = create_indicator(session, state, action=action)
        t.actions[state], t.indicators[state] = action, indicator
        t.milestones[state] = create_milestone(session, action)
        for role in ("government", "nhri", "admin"):
            t.measurements[(role, state)] = create_measurement(session, indicator, world.org(role, state), 50.0)
        for role in POSTING_ROLES:
            org = world.org(role, state)
            update = create_update(session, org, recommendation=recommendation, state_code=state)
            t.updates[(role, state)] = update
            t.assessments[(role, state)] = create_assessment(session, org, recommendation, state_code=state)
            t.evidence[(role, state)] = create_link_evidence(session, org, update=update, state_code=state)
        t.confidential_assessments[state] = create_assessment(
            session,
            world.org("cso", state),
            recommendation,
            rating=TrafficLight.not_started,
            visibility=Visibility.confidential,
            assessed_on=date(2021, 9, 1),
            reasoning="Confidential: police harassment of Roma activists continues.",
        )
    return world
