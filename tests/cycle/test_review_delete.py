"""DELETE /reviews/{id}: refused with 409 while it has recommendations; an admin's force takes everything,
row by row through the audit log, in one transaction."""

from datetime import date

import pytest
from sqlmodel import func, select

from api.audit.models import AuditAction
from api.auth.permissions import Permission, Role, Scope
from api.auth.principal import Principal, PrincipalKind
from api.core.errors import Conflict
from api.cycle import reviews_service
from api.cycle.models import Review, ReviewDocument, ReviewTroika, Submission, SubmissionParty, SubmissionTheme
from api.cycle.policy import ReviewForceNotAdmin
from api.recommendations.models import (
    Position,
    PositionKind,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    VoluntaryPledge,
)
from tests.cycle.helpers import audit, problem
from tests.cycle_factories import create_recommendation, create_review, create_theme
from tests.factories import OTHER_STATE, OWN_STATE

CHILDREN = (Position, RecommendingState, RecommendationTheme, RecommendationAffectedPerson, RecommendationSdgTarget)


def count(session, model, **where) -> int:
    stmt = select(func.count()).select_from(model)
    for key, value in where.items():
        stmt = stmt.where(getattr(model, key) == value)
    return session.exec(stmt).one()


def recommendation_rows(session, review_id: int) -> int:
    ids = select(Recommendation.id).where(Recommendation.review_id == review_id)
    return count(session, Recommendation, review_id=review_id) + sum(
        session.exec(select(func.count()).select_from(m).where(m.recommendation_id.in_(ids))).one() for m in CHILDREN
    )


async def test_review_without_recommendations_deletes_with_its_parts(client, world, settings, session):
    review = create_review(session, OWN_STATE, 34, troika=("FRA", "BRA"))
    session.add(ReviewDocument(review_id=review.id, kind="national_report", symbol="A/HRC/WG.6/34/SVN/1"))
    submission = Submission(review_id=review.id, title="On prisons")
    session.add(submission)
    session.flush()
    session.add_all(
        [
            SubmissionParty(submission_id=submission.id, name="Peace Institute", role="author"),
            SubmissionTheme(submission_id=submission.id, theme_id=create_theme(session).id),
        ]
    )
    session.flush()
    response = await client.delete(f"/reviews/{review.id}", headers=world.headers("admin", settings))
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert session.get(Review, review.id) is None
    for model in (ReviewDocument, ReviewTroika, Submission):
        assert count(session, model, review_id=review.id) == 0
    assert count(session, SubmissionParty, submission_id=submission.id) == 0
    for entity in ("review", "review_document", "submission", "submission_party", "submission_theme"):
        assert audit(session, entity, AuditAction.delete), entity
    assert len(audit(session, "review_troika", AuditAction.delete)) == 2
    problem(await client.get(f"/reviews/{review.id}"), 404)


async def test_review_with_recommendations_is_refused_with_409(client, cycle_world, settings, session):
    review = cycle_world.cycle.reviews[OWN_STATE]
    create_recommendation(session, review, "Ratify the Optional Protocol", paragraph="121.2")
    before = recommendation_rows(session, review.id)
    body = problem(
        await client.delete(f"/reviews/{review.id}", headers=cycle_world.headers("admin", settings)),
        409,
        detail="2 recommendation(s)",
        slug="review-has-recommendations",
    )
    assert "force=true" in body["detail"] and "admin" in body["detail"]
    assert session.get(Review, review.id) is not None
    assert recommendation_rows(session, review.id) == before
    problem(
        await client.delete(f"/reviews/{review.id}?force=false", headers=cycle_world.headers("admin", settings)),
        409,
        slug="review-has-recommendations",
    )


async def test_admin_force_deletes_recommendations_positions_and_links(client, cycle_world, settings, session):
    review = cycle_world.cycle.reviews[OWN_STATE]
    other = cycle_world.cycle.reviews[OTHER_STATE]
    second = create_recommendation(
        session, review, "Ratify the Optional Protocol", paragraph="121.2", recommending=("FRA", "BRA")
    )
    session.add(Position(recommendation_id=second.id, position=PositionKind.noted, date=date(2022, 3, 1)))
    session.flush()
    recommendation_ids = {
        str(r) for r in session.exec(select(Recommendation.id).where(Recommendation.review_id == review.id))
    }
    other_before = recommendation_rows(session, other.id)

    response = await client.delete(f"/reviews/{review.id}?force=true", headers=cycle_world.headers("admin", settings))
    assert response.status_code == 204, response.text

    assert session.get(Review, review.id) is None
    assert recommendation_rows(session, review.id) == 0
    for model in (ReviewDocument, ReviewTroika, Submission):
        assert count(session, model, review_id=review.id) == 0
    assert recommendation_rows(session, other.id) == other_before  # the other review keeps everything
    assert session.get(Review, other.id) is not None

    deleted = {e.entity_id for e in audit(session, "recommendation", AuditAction.delete)}
    assert deleted == recommendation_ids
    assert len(audit(session, "position", AuditAction.delete)) == 3
    assert len(audit(session, "recommending_state", AuditAction.delete)) == 3
    for entity in (
        "recommendation_theme",
        "recommendation_affected_person",
        "recommendation_sdg_target",
        "review_document",
        "review_troika",
        "submission",
        "submission_party",
        "review",
    ):
        assert audit(session, entity, AuditAction.delete), entity
    [entry] = audit(session, "review", AuditAction.delete, str(review.id))
    assert entry.actor_user_id == cycle_world.user("admin").id


async def test_force_is_one_transaction(client, cycle_world, settings, session, monkeypatch):
    """A failure after the recommendations went leaves them all in place."""
    review = cycle_world.cycle.reviews[OWN_STATE]
    before = recommendation_rows(session, review.id)
    real = reviews_service.delete_where

    def failing(db, model, condition):
        if model is ReviewTroika:
            raise Conflict("simulated failure")
        return real(db, model, condition)

    monkeypatch.setattr(reviews_service, "delete_where", failing)
    problem(
        await client.delete(f"/reviews/{review.id}?force=true", headers=cycle_world.headers("admin", settings)),
        409,
        detail="simulated failure",
    )
    assert recommendation_rows(session, review.id) == before > 0
    assert count(session, Submission, review_id=review.id) == 2  # the CSO's and the NHRI's
    assert not audit(session, "recommendation", AuditAction.delete)


async def test_delete_refusals(client, cycle_world, settings):
    review = cycle_world.cycle.reviews[OWN_STATE]
    problem(await client.delete("/reviews/987654?force=true", headers=cycle_world.headers("admin", settings)), 404)
    problem(await client.delete(f"/reviews/{review.id}?force=true"), 401)
    problem(
        await client.delete(f"/reviews/{review.id}?force=true", headers=cycle_world.headers("government", settings)),
        403,
    )


def test_only_an_admin_may_force(session, cycle_world):
    """Even a role that were granted cycle:write may not force; the rule lives in the service."""
    review = cycle_world.cycle.reviews[OWN_STATE]
    editor = Principal(
        PrincipalKind.user,
        Role.government,
        user_id=cycle_world.user("government").id,
        state_code=OWN_STATE,
        grants={Permission.cycle_write: Scope.any},
    )
    with pytest.raises(ReviewForceNotAdmin):
        reviews_service.delete_review(session, editor, review.id, force=True)
    assert session.get(Review, review.id) is not None


async def test_voluntary_pledges_hold_a_review_like_recommendations(client, world, settings, session):
    """A pledge is the state's own commitment at its review: refused without force (naming it), and an
    admin's force deletes it with the review, audited — never a bare foreign-key conflict."""
    review = create_review(session, OWN_STATE, 34)
    assert review.id is not None
    pledge = VoluntaryPledge(review_id=review.id, text="Adopt a national action plan", external_key="pledge-test-1")
    session.add(pledge)
    session.flush()
    body = problem(
        await client.delete(f"/reviews/{review.id}", headers=world.headers("admin", settings)),
        409,
        detail="1 voluntary pledge(s)",
        slug="review-has-recommendations",
    )
    assert "recommendation" not in body["detail"].split("has ", 1)[1].split(";")[0]
    response = await client.delete(f"/reviews/{review.id}?force=true", headers=world.headers("admin", settings))
    assert response.status_code == 204, response.text
    assert session.get(Review, review.id) is None
    assert count(session, VoluntaryPledge, review_id=review.id) == 0
    assert audit(session, "voluntary_pledge", AuditAction.delete, str(pledge.id))
