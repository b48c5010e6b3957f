"""A recommendation's assessments side by side: one entry per organisation, never merged."""

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.errors import NotFound
from api.tracking.models import Assessment
from api.tracking.posts.assessments_service import assessment_reads
from api.tracking.posts.policy import current_among_visible, not_withdrawn, visible_clause
from api.tracking.posts.schemas import OrganisationAssessments, RecommendationAssessments
from api.tracking.posts.subjects import recommendation_state
from api.tracking.schemas import actor_key


def recommendation_assessments(
    session: Session, principal: Principal, recommendation_id: int
) -> RecommendationAssessments:
    """Each organisation's current assessment among those the caller may see, with how many it may see
    (withdrawn ones are in neither);
    government first, then NHRIs, CSOs and the others, each group by organisation id."""
    state = recommendation_state(session, recommendation_id)
    if state is None:
        raise NotFound.entity("Recommendation", recommendation_id)
    visible = (
        col(Assessment.recommendation_id) == recommendation_id,
        visible_clause(principal, Assessment),
        not_withdrawn(Assessment),
    )
    counts: dict[int, int] = {
        organisation_id: n
        for organisation_id, n in session.execute(
            select(Assessment.organisation_id, func.count()).where(*visible).group_by(col(Assessment.organisation_id))
        )
    }
    current = list(session.exec(select(Assessment).where(*visible, current_among_visible(principal))))
    entries = [
        OrganisationAssessments(organisation=read.organisation, current=read, assessments=counts[read.organisation.id])
        for read in assessment_reads(session, principal, current)
    ]
    entries.sort(key=lambda e: actor_key(e.organisation))
    return RecommendationAssessments(recommendation_id=recommendation_id, state_code=state, organisations=entries)
