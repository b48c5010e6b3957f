"""The bench's tracking data builder makes the amounts its spec states, through the tracking services,
on a small world (the bench itself builds hundreds of actions on a state's imported recommendations)."""

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.auth.models import Organisation, User
from api.auth.principal import PrincipalKind
from api.tracking.models import (
    Action,
    ActionRecommendation,
    Assessment,
    AssessmentRevision,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Visibility,
)
from bench.tracking import ASSESSORS, TrackingSpec, build, busiest_review, cycle_recommendation_ids
from tests.cycle_factories import create_recommendation, create_review
from tests.factories import create_state

STATE = "DEU"


def _rows(session: Session, model: type, where: Any) -> int:  # SQLModel types `col == x` as bool
    return session.scalar(select(func.count()).select_from(model).where(where)) or 0


def test_the_builder_makes_the_stated_amounts_on_the_states_recommendations(session: Session) -> None:
    create_state(session, STATE)
    create_state(session, "FRA")
    review = create_review(session, STATE, session_number=34)
    recs = [create_recommendation(session, review, f"Bench world recommendation {n}") for n in range(7)]
    other = create_review(session, "FRA", session_number=34)
    create_recommendation(session, other, "Not this state's")
    spec = TrackingSpec(
        actions=5,
        recommendations_per_action=3,
        indicators_per_action=2,
        measurements_per_indicator=3,
        milestones_per_action=2,
        updates_per_action=2,
        assessment_rounds=2,
    )

    data = build(session, STATE, 3, spec)

    assert cycle_recommendation_ids(session, STATE, 3) == [r.id for r in recs]
    expected = spec.expected(len(recs))
    assert data.counts == expected
    assert expected == {
        "actions": 5,
        "action_recommendations": 15,
        "indicators": 10,
        "measurements": 30,
        "milestones": 10,
        "progress_updates": 10,
        "assessments": 7 * len(ASSESSORS) * 2,
    }
    actions = select(Action.id).where(Action.state_code == STATE)
    assert _rows(session, Action, Action.state_code == STATE) == 5
    assert _rows(session, ActionRecommendation, col(ActionRecommendation.action_id).in_(actions)) == 15
    indicators = select(Indicator.id).where(col(Indicator.action_id).in_(actions))
    assert _rows(session, Indicator, col(Indicator.action_id).in_(actions)) == 10
    assert _rows(session, Measurement, col(Measurement.indicator_id).in_(indicators)) == 30
    assert _rows(session, Milestone, Milestone.state_code == STATE) == 10
    assert _rows(session, ProgressUpdate, ProgressUpdate.state_code == STATE) == 10
    assessments = list(session.exec(select(Assessment).where(Assessment.state_code == STATE)))
    assert len(assessments) == 56
    assert {a.recommendation_id for a in assessments} == {r.id for r in recs}
    assert Visibility.confidential in {a.visibility for a in assessments}  # the second CSO's
    # Through the service: each assessment has its first revision, as a POST makes it.
    assessment_ids = [a.id for a in assessments]
    assert _rows(session, AssessmentRevision, col(AssessmentRevision.assessment_id).in_(assessment_ids)) == 56
    # Every action clusters recommendations of the state only.
    links = select(ActionRecommendation.recommendation_id).where(col(ActionRecommendation.action_id).in_(actions))
    assert set(session.exec(links)) == {r.id for r in recs}
    # One organisation and one user per assessor, each with a working access token.
    organisations = list(session.exec(select(Organisation).where(Organisation.state_code == STATE)))
    assert sorted(o.kind for o in organisations) == sorted(ASSESSORS)
    assert _rows(session, User, col(User.organisation_id).in_([o.id for o in organisations])) == 4
    assert set(data.tokens) == {"government", "nhri", "cso", "cso3"}


def test_the_busiest_review_names_the_state_and_cycle_with_most_recommendations(session: Session) -> None:
    create_state(session, STATE)
    create_state(session, "FRA")
    small, big = create_review(session, "FRA", session_number=34), create_review(session, STATE, session_number=34)
    create_recommendation(session, small, "One")
    for n in range(3):
        create_recommendation(session, big, f"Many {n}")
    assert busiest_review(session) == (STATE, 3)


def test_tokens_are_user_principals(session: Session) -> None:
    from api.auth.service import principal_from_bearer
    from api.settings import get_settings

    create_state(session, STATE)
    review = create_review(session, STATE, session_number=34)
    create_recommendation(session, review, "One")
    data = build(session, STATE, 3, TrackingSpec(actions=1, measurements_per_indicator=1, assessment_rounds=1))
    principal = principal_from_bearer(session, data.tokens["nhri"], get_settings())
    assert principal.kind is PrincipalKind.user
    assert principal.state_code == STATE
