"""A recommendation's assessments side by side: one entry per organisation, never merged."""

from collections import defaultdict

from sqlmodel import Session

from api.auth.principal import Principal
from api.errors import NotFound
from api.tracking.models import Assessment
from api.tracking.posts.assessments_service import assessment_reads, visible_assessments
from api.tracking.posts.shapes import OrganisationAssessments, RecommendationAssessments
from api.tracking.posts.subjects import recommendation_state
from api.tracking.shapes import actor_key


def recommendation_assessments(session: Session, principal: Principal,
                               recommendation_id: int) -> RecommendationAssessments:
    """Each organisation's current assessment among those the caller may see, with how many it may see;
    government first, then NHRIs, CSOs and the others, each group by organisation id."""
    state = recommendation_state(session, recommendation_id)
    if state is None:
        raise NotFound.entity("Recommendation", recommendation_id)
    rows = list(session.exec(visible_assessments(principal).where(Assessment.recommendation_id == recommendation_id)))
    by_organisation: dict[int, list[Assessment]] = defaultdict(list)
    for row in rows:
        by_organisation[row.organisation_id].append(row)
    current = [max(group, key=lambda a: (a.assessed_on, a.id)) for group in by_organisation.values()]
    reads = assessment_reads(session, principal, current)
    entries = [OrganisationAssessments(organisation=read.organisation, current=read,
                                       assessments=len(by_organisation[read.organisation.id])) for read in reads]
    entries.sort(key=lambda e: actor_key(e.organisation))
    return RecommendationAssessments(recommendation_id=recommendation_id, state_code=state, organisations=entries)
