"""Demo tracking data for `make run`: two clusters of Slovenia's 2019 recommendations answered by
government actions, with indicators, measurements, milestones and side-by-side posts by the demo
government, NHRI and CSO — including a confidential CSO assessment, to show who sees what.

Illustrative only: every text says it is demo data. Idempotent (skipped when the first action exists).
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from api.accounts.service import first_organisation
from api.auth.models import Organisation, OrganisationKind
from api.core.ids import demo_id
from api.cycle.models import Review
from api.recommendations.models import Recommendation
from api.tracking.models import (
    Action,
    ActionRecommendation,
    ActionStatus,
    Assessment,
    Direction,
    Indicator,
    Measurement,
    Milestone,
    MilestoneStatus,
    ProgressUpdate,
    TrafficLight,
    Visibility,
)
from api.tracking.posts.assessments_service import ASSESSMENTS
from api.tracking.posts.updates_service import UPDATES
from api.tracking.rows import stored_id

DEMO = "Demo data, illustrative only: "
ROMA = ("121.44", "121.45", "121.46", "121.47", "122.133", "122.134", "122.135", "122.137", "122.141")
HATE_SPEECH = ("122.39", "122.40", "122.41", "122.43", "122.47", "122.48")

# The demo actions', indicators' and first milestone's ids are fixed (`demo_id`, api/core/ids.py), so the
# examples of `clients/examples/measurements.csv`, the README and the OpenAPI documents name rows `make run` creates.


@dataclass
class DemoTracking:
    actions: int = 0
    assessments: int = 0


def _recommendations(session: Session, review: Review, paragraphs: tuple[str, ...]) -> list[Recommendation]:
    return list(
        session.exec(
            select(Recommendation)
            .where(Recommendation.review_id == review.id, col(Recommendation.paragraph).in_(paragraphs))
            .order_by(col(Recommendation.id))
        )
    )


def _assess(
    session: Session,
    org: Organisation,
    rec: Recommendation,
    rating: TrafficLight,
    on: date,
    reasoning: str,
    visibility: Visibility,
) -> None:
    row = Assessment(
        state_code=org.state_code,
        organisation_id=stored_id(org),
        recommendation_id=stored_id(rec),
        rating=rating,
        reasoning=DEMO + reasoning,
        assessed_on=on,
        visibility=visibility,
    )
    ASSESSMENTS.create(session, row, edited_by_user_id=None)


def _update(
    session: Session,
    org: Organisation,
    text: str,
    on: date,
    visibility: Visibility,
    *,
    action: Action | None = None,
    rec: Recommendation | None = None,
) -> None:
    row = ProgressUpdate(
        state_code=org.state_code,
        organisation_id=stored_id(org),
        action_id=action.id if action else None,
        recommendation_id=rec.id if rec else None,
        text=DEMO + text,
        reported_on=on,
        visibility=visibility,
    )
    UPDATES.create(session, row, edited_by_user_id=None)


def seed_demo_tracking(session: Session, state: str = "SVN", session_number: int = 34) -> DemoTracking:
    counts = DemoTracking()
    review = session.exec(
        select(Review).where(Review.state_code == state, Review.session_number == session_number)
    ).first()
    government, nhri, cso = (
        first_organisation(session, state, k)
        for k in (OrganisationKind.government, OrganisationKind.nhri, OrganisationKind.cso)
    )
    if review is None or not (government and nhri and cso):
        return counts
    if session.exec(select(Action.id).where(Action.state_code == state)).first() is not None:
        return counts
    roma, hate = _recommendations(session, review, ROMA), _recommendations(session, review, HATE_SPEECH)
    plan = [
        (
            Action(
                id=demo_id("action:roma-programme"),
                state_code=state,
                title="National Programme of Measures for Roma 2021–2030",
                description=DEMO + "Housing, education and employment measures for Roma communities.",
                responsible_organisation_id=government.id,
                contact="Office for National Minorities",
                status=ActionStatus.in_progress,
                start_date=date(2021, 1, 1),
                end_date=date(2030, 12, 31),
                budget_note=DEMO + "Annual budget line of the Office for National Minorities.",
            ),
            roma,
        ),
        (
            Action(
                id=demo_id("action:hate-speech"),
                state_code=state,
                title="Online hate speech: prosecution guidelines and training",
                description=DEMO + "Guidelines for prosecutors and training for the police.",
                responsible_organisation_id=government.id,
                contact="Ministry of Justice",
                status=ActionStatus.planned,
                start_date=date(2022, 1, 1),
                end_date=date(2025, 6, 30),
            ),
            hate,
        ),
    ]
    for action, recs in plan:
        session.add(action)
        session.flush()
        session.add_all(ActionRecommendation(action_id=stored_id(action), recommendation_id=stored_id(r)) for r in recs)
        counts.actions += 1
    roma_action, hate_action = plan[0][0], plan[1][0]
    preschool = Indicator(
        id=demo_id("indicator:preschool"),
        state_code=state,
        action_id=roma_action.id,
        name="Roma children enrolled in preschool",
        unit="%",
        baseline_value=38,
        baseline_date=date(2020, 9, 1),
        target_value=75,
        target_date=date(2027, 9, 1),
        data_source="Ministry of Education (demo)",
    )
    water = Indicator(
        id=demo_id("indicator:water"),
        state_code=state,
        action_id=roma_action.id,
        name="Roma settlements without running water",
        unit="settlements",
        baseline_value=22,
        baseline_date=date(2020, 1, 1),
        target_value=0,
        target_date=date(2026, 12, 31),
        direction=Direction.decrease,
    )
    cases = Indicator(
        id=demo_id("indicator:hate-speech-cases"),
        state_code=state,
        action_id=hate_action.id,
        name="Hate speech cases prosecuted",
        unit="cases",
        baseline_value=12,
        baseline_date=date(2021, 1, 1),
        target_value=40,
        target_date=date(2025, 12, 31),
    )
    session.add_all([preschool, water, cases])
    session.flush()
    for indicator, values, poster in (
        (preschool, (44, 51), government),
        (water, (19, 15), government),
        (cases, (14,), nhri),
    ):
        for year, value in zip((2022, 2023), values, strict=False):
            session.add(
                Measurement(
                    indicator_id=stored_id(indicator),
                    value=value,
                    measured_on=date(year, 9, 1),
                    organisation_id=stored_id(poster),
                    source="Demo figure",
                )
            )
    session.add_all(
        [
            Milestone(
                id=demo_id("milestone:roma-programme-adopted"),
                action_id=stored_id(roma_action),
                state_code=state,
                title="Programme adopted by the Government",
                due_date=date(2021, 3, 31),
                done_date=date(2021, 3, 25),
                status=MilestoneStatus.done,
            ),
            Milestone(
                action_id=stored_id(roma_action),
                state_code=state,
                title="Mid-term evaluation published",
                due_date=date(2024, 6, 30),
                status=MilestoneStatus.in_progress,
            ),
            Milestone(
                action_id=stored_id(hate_action),
                state_code=state,
                title="Prosecution guidelines issued",
                due_date=date(2023, 12, 31),
                status=MilestoneStatus.pending,
            ),
        ]
    )
    for rec in roma[:4]:
        _assess(
            session,
            government,
            rec,
            TrafficLight.partial,
            date(2024, 3, 1),
            "Programme adopted; funding of local measures under way.",
            Visibility.public,
        )
        _assess(
            session,
            nhri,
            rec,
            TrafficLight.partial,
            date(2024, 4, 15),
            "Preschool enrolment rose; housing conditions largely unchanged.",
            Visibility.public,
        )
        _assess(
            session,
            cso,
            rec,
            TrafficLight.not_started,
            date(2024, 5, 2),
            "No change in the settlements we monitor.",
            Visibility.public,
        )
        counts.assessments += 3
    _assess(
        session,
        cso,
        roma[0],
        TrafficLight.not_started,
        date(2024, 9, 10),
        "Residents who spoke to us were threatened with eviction (confidential).",
        Visibility.confidential,
    )
    counts.assessments += 1
    _update(
        session,
        government,
        "The Government adopted the programme on 25 March 2021.",
        date(2021, 3, 26),
        Visibility.public,
        action=roma_action,
    )
    _update(
        session,
        cso,
        "Water is still delivered by tanker to two settlements we visited.",
        date(2024, 5, 2),
        Visibility.shared,
        rec=roma[0] if roma else None,
        action=roma_action,
    )
    session.flush()
    return counts
