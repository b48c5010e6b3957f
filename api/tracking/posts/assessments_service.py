"""Assessments: each organisation's traffic-light rating of a recommendation, kept side by side.

Every organisation keeps its own history: a new assessment (POST) is a new point in it; a correction
(PATCH) appends a revision to one point (`revisions`). Who reads and who posts them, and which one is
an organisation's current assessment for a caller, are the posts' rules (`policy`).
"""

from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.clock import not_in_future
from api.core.errors import InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
from api.tracking.models import Assessment, AssessmentRevision, TrafficLight, Visibility
from api.tracking.policy import posting_organisation
from api.tracking.posts.policy import current_among_visible, not_withdrawn, require_assessment_post, visible_clause
from api.tracking.posts.revisions import RevisionedPost
from api.tracking.posts.schemas import AssessmentCreate, AssessmentRead, AssessmentRevisionRead, AssessmentUpdate
from api.tracking.posts.subjects import recommendation_state

ASSESSMENTS = RevisionedPost(
    entity="Assessment",
    post=Assessment,
    revision=AssessmentRevision,
    post_key="assessment_id",
    content=("rating", "reasoning", "assessed_on", "visibility"),
    dated="assessed_on",
)


def assessment_reads(session: Session, principal: Principal, rows: list[Assessment]) -> list[AssessmentRead]:
    return ASSESSMENTS.reads(session, principal, rows, AssessmentRead)


def assessment_read(session: Session, principal: Principal, row: Assessment) -> AssessmentRead:
    return assessment_reads(session, principal, [row])[0]


def list_assessments(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    state_code: str | None = None,
    recommendation_id: int | None = None,
    organisation_id: int | None = None,
    rating: TrafficLight | None = None,
    visibility: Visibility | None = None,
    q: str | None = None,
    current: bool = False,
    withdrawn: bool = False,
) -> Page[AssessmentRead]:
    """With `current`, the latest visible assessment per organisation and recommendation is chosen
    first; the other filters then apply to those. Withdrawn ones only with `withdrawn` (and then only
    those)."""
    kept = not_withdrawn(Assessment)
    stmt = select(Assessment).where(visible_clause(principal, Assessment), ~kept if withdrawn else kept)
    if current:
        stmt = stmt.where(current_among_visible(principal))
    for column, value in (
        (Assessment.state_code, state_code.upper() if state_code else None),
        (Assessment.recommendation_id, recommendation_id),
        (Assessment.organisation_id, organisation_id),
        (Assessment.rating, rating),
        (Assessment.visibility, visibility),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if q:
        stmt = stmt.where(col(Assessment.reasoning).icontains(q, autoescape=True))
    page = paginate(session, stmt, params, [Sort(Assessment.created_at), Sort(Assessment.id)])
    return Page[Any](
        items=assessment_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_assessment(session: Session, principal: Principal, assessment_id: int) -> Assessment:
    return ASSESSMENTS.get(session, principal, assessment_id)


def get_writable_assessment(session: Session, principal: Principal, assessment_id: int) -> Assessment:
    return ASSESSMENTS.get_writable(session, principal, assessment_id)


def list_revisions(
    session: Session, principal: Principal, assessment_id: int, params: PageParams
) -> Page[AssessmentRevisionRead]:
    page = ASSESSMENTS.revisions(session, principal, assessment_id, params)
    return page.map(lambda row: AssessmentRevisionRead.model_validate(dict(row._mapping)))


def create_assessment(session: Session, principal: Principal, data: AssessmentCreate) -> Assessment:
    """A new point in the caller's organisation's history of this recommendation."""
    state = recommendation_state(session, data.recommendation_id)
    if state is None:
        raise InvalidInput(f"Recommendation {data.recommendation_id} does not exist.", field="recommendation_id")
    require_assessment_post(principal, state)
    not_in_future(data.assessed_on, "assessed_on")
    assessment = Assessment(
        state_code=state,
        organisation_id=posting_organisation(principal),
        recommendation_id=data.recommendation_id,
        rating=data.rating,
        reasoning=data.reasoning,
        assessed_on=data.assessed_on,
        visibility=data.visibility,
        created_by_user_id=principal.user_id,
    )
    return ASSESSMENTS.create(session, assessment, edited_by_user_id=principal.user_id)


def change_assessment(
    session: Session, principal: Principal, assessment: Assessment, data: AssessmentUpdate
) -> Assessment:
    """`assessment` comes from `get_writable_assessment`."""
    return ASSESSMENTS.change(session, principal, assessment, data)


def delete_assessment(session: Session, principal: Principal, assessment_id: int, evidence_dir: Path) -> None:
    """Withdrawn, or erased when confidential or withdrawn already (`policy.erased_on_delete`)."""
    ASSESSMENTS.delete(session, principal, assessment_id, evidence_dir)
