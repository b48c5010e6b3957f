"""Realistic tracking data for one state, built on its real imported recommendations, through the
tracking services the API itself calls (the same validation, history and revision rows as a POST):
organisations and users through the accounts service, a principal for each from a real access token,
then actions clustering the cycle's recommendations, their indicators, measurements, milestones and
progress updates, and every assessing organisation's traffic lights on every recommendation of the
cycle, in several rounds (each a point in the organisation's history; the matrix shows the latest).

`build` only flushes; the caller commits. The amounts are a `TrackingSpec`: the default is what the
bench measures on (hundreds of actions, thousands of measurements and assessments); the test builds a
small one and checks that the stated amounts are what lands in the tables.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, select

from api.auth.models import OrganisationKind
from api.auth.principal import Principal
from api.cycle.models import Review, UprSession
from api.recommendations.models import Recommendation

# Assessing organisations, in order: the government, the NHRI and two CSOs (one posts confidentially).
ASSESSORS = (OrganisationKind.government, OrganisationKind.nhri, OrganisationKind.cso, OrganisationKind.cso)
FIRST_DAY = date(2020, 1, 1)  # every date posted lies between this and LAST_DAY: never in the future
LAST_DAY = date(2025, 12, 31)


@dataclass(frozen=True)
class TrackingSpec:
    actions: int = 240
    recommendations_per_action: int = 3  # each action's cluster, taken round-robin over the cycle's recommendations
    indicators_per_action: int = 2
    measurements_per_indicator: int = 6
    milestones_per_action: int = 3
    updates_per_action: int = 2
    assessment_rounds: int = 2  # each assessor rates every recommendation of the cycle this many times

    def expected(self, recommendations: int) -> dict[str, int]:
        """The rows `build` makes for a cycle of `recommendations` recommendations."""
        indicators = self.actions * self.indicators_per_action
        return {
            "actions": self.actions,
            "action_recommendations": self.actions * min(self.recommendations_per_action, recommendations),
            "indicators": indicators,
            "measurements": indicators * self.measurements_per_indicator,
            "milestones": self.actions * self.milestones_per_action,
            "progress_updates": self.actions * self.updates_per_action,
            "assessments": recommendations * len(ASSESSORS) * self.assessment_rounds,
        }


@dataclass
class TrackingData:
    state: str
    cycle: int
    recommendations: int  # of the state in the cycle
    counts: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # "government", "nhri", "cso", "cso2": access tokens


def busiest_review(session: Session) -> tuple[str, int]:
    """The state and cycle of the review with the most recommendations: the heaviest matrix."""
    from sqlalchemy import func

    n = func.count().label("n")
    row = session.exec(
        select(Review.state_code, UprSession.cycle_number, n)
        .join(Recommendation, col(Recommendation.review_id) == col(Review.id))
        .join(UprSession, col(UprSession.number) == col(Review.session_number))
        .group_by(col(Review.state_code), col(UprSession.cycle_number))
        .order_by(n.desc(), col(Review.state_code))
        .limit(1)
    ).first()
    if row is None:
        raise LookupError("no recommendations to build tracking data on")
    return row[0], row[1]


def cycle_recommendation_ids(session: Session, state: str, cycle: int) -> list[int]:
    return [
        i
        for i in session.exec(
            select(Recommendation.id)
            .join(Review, col(Review.id) == col(Recommendation.review_id))
            .join(UprSession, col(UprSession.number) == col(Review.session_number))
            .where(Review.state_code == state, UprSession.cycle_number == cycle)
            .order_by(col(Recommendation.id))
        )
        if i is not None
    ]


def _day(n: int) -> date:
    """A deterministic past date for the n-th row."""
    return FIRST_DAY + timedelta(days=(n * 37) % (LAST_DAY - FIRST_DAY).days)


def _accounts(session: Session, state: str) -> tuple[dict[str, Principal], dict[str, str], dict[str, int]]:
    """One organisation and one user per assessor, created as an admin would over the API; each user's
    principal comes from a real access token, as a request's would."""
    from api.accounts.schemas import OrganisationCreate, UserCreate
    from api.accounts.service import create_organisation, create_user
    from api.auth.security import create_access_token
    from api.auth.service import principal_from_bearer
    from api.settings import get_settings

    settings = get_settings()
    principals: dict[str, Principal] = {}
    tokens: dict[str, str] = {}
    organisations: dict[str, int] = {}
    for n, kind in enumerate(ASSESSORS):
        key = kind.value if kind.value not in principals else f"{kind.value}{n}"
        organisation = create_organisation(
            session,
            OrganisationCreate(
                name=f"Bench {kind.value} {n} of {state} {secrets.token_hex(3)}", kind=kind, state_code=state
            ),
        )
        assert organisation.id is not None
        user = create_user(
            session,
            UserCreate(
                email=f"bench-{kind.value}-{n}-{secrets.token_hex(4)}@bench.example.org",
                full_name=f"Bench {kind.value} user {n}",
                password=secrets.token_urlsafe(24),
                organisation_id=organisation.id,
            ),
        )
        assert user.id is not None
        token, _ = create_access_token(user.id, settings, version=user.token_version)
        principals[key] = principal_from_bearer(session, token, settings)
        tokens[key] = token
        organisations[key] = organisation.id
    return principals, tokens, organisations


def build(session: Session, state: str, cycle: int, spec: TrackingSpec = TrackingSpec()) -> TrackingData:
    from api.tracking.models import ActionStatus, Direction, MilestoneStatus, TrafficLight, Visibility
    from api.tracking.plans.actions_service import create_action
    from api.tracking.plans.indicators_service import create_indicator
    from api.tracking.plans.measurements_service import create_measurement
    from api.tracking.plans.milestones_service import create_milestone
    from api.tracking.plans.schemas import ActionCreate, IndicatorCreate, MeasurementCreate, MilestoneCreate
    from api.tracking.posts.assessments_service import create_assessment
    from api.tracking.posts.schemas import AssessmentCreate, ProgressUpdateCreate
    from api.tracking.posts.updates_service import create_update

    recs = cycle_recommendation_ids(session, state, cycle)
    if not recs:
        raise LookupError(f"{state} has no recommendations in cycle {cycle}")
    data = TrackingData(state, cycle, len(recs))
    principals, data.tokens, organisations = _accounts(session, state)
    government, nhri = principals["government"], principals["nhri"]
    counts = dict.fromkeys(spec.expected(len(recs)), 0)
    statuses = list(ActionStatus)
    per_cluster = min(spec.recommendations_per_action, len(recs))
    for a in range(spec.actions):
        cluster = [recs[(a * per_cluster + j) % len(recs)] for j in range(per_cluster)]
        start = _day(a)
        action = create_action(
            session,
            government,
            ActionCreate(
                state_code=state,
                title=f"Bench action {a}: measures answering {len(cluster)} recommendations",
                description="Benchmark data. " + "Housing, education and employment measures. " * 4,
                responsible_organisation_id=organisations["government"],
                contact="focal.point@bench.example.org",
                status=statuses[a % len(statuses)],
                start_date=start,
                end_date=start + timedelta(days=365 * 4),
                recommendations=cluster,
            ),
        )
        counts["actions"] += 1
        counts["action_recommendations"] += len(cluster)
        assert action.id is not None
        for i in range(spec.indicators_per_action):
            increase = (a + i) % 3 != 0
            indicator = create_indicator(
                session,
                government,
                IndicatorCreate(
                    action_id=action.id,
                    name=f"Bench indicator {a}.{i}",
                    unit="%",
                    baseline_value=40 if increase else 60,
                    baseline_date=FIRST_DAY,
                    target_value=80 if increase else 20,
                    target_date=FIRST_DAY + timedelta(days=365 * 8),
                    direction=Direction.increase if increase else Direction.decrease,
                    data_source="Statistical office (bench)",
                ),
            )
            counts["indicators"] += 1
            assert indicator.id is not None
            for m in range(spec.measurements_per_indicator):
                create_measurement(
                    session,
                    government if m % 3 else nhri,
                    indicator.id,
                    MeasurementCreate(
                        value=40 + (m * 7 + a) % 40 if increase else 60 - (m * 7 + a) % 40,
                        measured_on=FIRST_DAY + timedelta(days=150 * (m + 1)),
                        source="Bench survey",
                    ),
                )
                counts["measurements"] += 1
        for k in range(spec.milestones_per_action):
            due = _day(a * spec.milestones_per_action + k)
            done = k % 3 == 0
            status = MilestoneStatus.done if done else (MilestoneStatus.in_progress, MilestoneStatus.pending)[k % 2]
            create_milestone(
                session,
                government,
                MilestoneCreate(
                    action_id=action.id,
                    title=f"Bench milestone {a}.{k}",
                    due_date=due + timedelta(days=365 * (k % 2)),  # some due after LAST_DAY: not overdue yet
                    status=status,
                    done_date=due if done else None,
                ),
            )
            counts["milestones"] += 1
        for u in range(spec.updates_per_action):
            poster = list(principals.values())[(a + u) % len(principals)]
            create_update(
                session,
                poster,
                ProgressUpdateCreate(
                    action_id=action.id,
                    recommendation_id=cluster[u % len(cluster)],
                    text=f"Bench progress update {a}.{u}: the measure is under way in several regions.",
                    reported_on=_day(a + u),
                    visibility=Visibility.public if u % 2 == 0 else Visibility.shared,
                ),
            )
            counts["progress_updates"] += 1
    ratings = list(TrafficLight)
    for key, principal in principals.items():
        visibility = Visibility.confidential if key.startswith("cso") and key != "cso" else Visibility.public
        for r in range(spec.assessment_rounds):
            for n, rec in enumerate(recs):
                create_assessment(
                    session,
                    principal,
                    AssessmentCreate(
                        recommendation_id=rec,
                        rating=ratings[(n + r + len(key)) % len(ratings)],
                        reasoning=f"Bench assessment, round {r + 1}: some progress, funding uncertain.",
                        assessed_on=FIRST_DAY + timedelta(days=200 * (r + 1) + n % 90),
                        visibility=visibility,
                    ),
                )
                counts["assessments"] += 1
    session.flush()
    data.counts = counts
    return data
