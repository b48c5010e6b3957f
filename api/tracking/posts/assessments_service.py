"""Assessments: each organisation's traffic-light rating of a recommendation, kept side by side.

Every organisation keeps its own history: a new assessment (POST) is a new point in it; a correction
(PATCH) appends a revision to one point and leaves the earlier wording retrievable. The "current"
assessment is always computed among those the caller may see, so a confidential one never shows
through as someone's current rating.
"""

from pathlib import Path
from typing import Any

from sqlalchemy import and_, exists, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import Forbidden, InvalidInput
from api.pagination import Page, PageParams, Sort, paginate
from api.tracking import clock
from api.tracking.models import Assessment, AssessmentRevision, Evidence, TrafficLight, Visibility
from api.tracking.posts.access import posting_organisation, require_poster, revision_view, visible_or_404
from api.tracking.posts.evidence_service import delete_evidence_of, evidence_by_parent
from api.tracking.posts.shapes import AssessmentCreate, AssessmentRead, AssessmentRevisionRead, AssessmentUpdate
from api.tracking.posts.subjects import recommendation_state
from api.tracking.shapes import organisation_refs
from api.tracking.visibility import visible_clause
from api.types import utcnow
from api.updates import apply_changes

ENTITY = "Assessment"


def assessment_reads(session: Session, principal: Principal, rows: list[Assessment]) -> list[AssessmentRead]:
    refs = organisation_refs(session, principal, (a.organisation_id for a in rows))
    evidence = evidence_by_parent(session, principal, Evidence.assessment_id, [a.id for a in rows])
    return [AssessmentRead.model_validate(a, update={"organisation": refs[a.organisation_id],
                                                     "evidence": evidence.get(a.id, [])}) for a in rows]


def assessment_read(session: Session, principal: Principal, row: Assessment) -> AssessmentRead:
    return assessment_reads(session, principal, [row])[0]


def visible_assessments(principal: Principal):
    return select(Assessment).where(visible_clause(principal, Assessment))


def only_current(principal: Principal, stmt):
    """Keep each organisation's latest assessment of each recommendation among those the caller may see."""
    later = aliased(Assessment)
    newer = (select(later.id)
             .where(later.organisation_id == Assessment.organisation_id,
                    later.recommendation_id == Assessment.recommendation_id,
                    visible_clause(principal, later),
                    or_(later.assessed_on > Assessment.assessed_on,
                        and_(later.assessed_on == Assessment.assessed_on, later.id > Assessment.id))))
    return stmt.where(~exists(newer))


def list_assessments(session: Session, principal: Principal, params: PageParams, *, state_code: str | None = None,
                     recommendation_id: int | None = None, organisation_id: int | None = None,
                     rating: TrafficLight | None = None, visibility: Visibility | None = None, q: str | None = None,
                     current: bool = False) -> Page[AssessmentRead]:
    """With `current`, the latest visible assessment per organisation and recommendation is chosen
    first; the other filters then apply to those."""
    stmt = visible_assessments(principal)
    if current:
        stmt = only_current(principal, stmt)
    for column, value in ((Assessment.state_code, state_code.upper() if state_code else None),
                          (Assessment.recommendation_id, recommendation_id),
                          (Assessment.organisation_id, organisation_id), (Assessment.rating, rating),
                          (Assessment.visibility, visibility)):
        if value is not None:
            stmt = stmt.where(column == value)
    if q:
        stmt = stmt.where(Assessment.reasoning.icontains(q, autoescape=True))
    page = paginate(session, stmt, params, [Sort(Assessment.id)])
    return Page[Any](items=assessment_reads(session, principal, page.items), total=page.total,
                     next_cursor=page.next_cursor)


def get_assessment(session: Session, principal: Principal, assessment_id: int) -> Assessment:
    return visible_or_404(session, principal, Assessment, assessment_id, ENTITY)


def get_own_assessment(session: Session, principal: Principal, assessment_id: int) -> Assessment:
    """For a change: 404 if the caller cannot see it, 403 if it did not post it."""
    assessment = visible_or_404(session, principal, Assessment, assessment_id, ENTITY, for_update=True)
    require_poster(principal, assessment, "assessment")
    return assessment


def list_revisions(session: Session, principal: Principal, assessment_id: int,
                   params: PageParams) -> Page[AssessmentRevisionRead]:
    """The revisions the caller could have seen when each was current, oldest first."""
    get_assessment(session, principal, assessment_id)
    stmt = (select(AssessmentRevision)
            .join(Assessment, Assessment.id == AssessmentRevision.assessment_id)
            .where(AssessmentRevision.assessment_id == assessment_id,
                   visible_clause(principal, revision_view(AssessmentRevision, Assessment))))
    page = paginate(session, stmt, params, [Sort(AssessmentRevision.revision)])
    return page.map(AssessmentRevisionRead.model_validate)


def _add_revision(session: Session, principal: Principal, assessment: Assessment) -> None:
    session.add(AssessmentRevision(assessment_id=assessment.id, revision=assessment.revision,
                                   rating=assessment.rating, reasoning=assessment.reasoning,
                                   assessed_on=assessment.assessed_on, visibility=assessment.visibility,
                                   edited_by_user_id=principal.user_id))
    session.flush()


def create_assessment(session: Session, principal: Principal, data: AssessmentCreate) -> Assessment:
    """A new point in the caller's organisation's history of this recommendation."""
    state = recommendation_state(session, data.recommendation_id)
    if state is None:
        raise InvalidInput(f"Recommendation {data.recommendation_id} does not exist.", field="recommendation_id")
    if not principal.may(Permission.assessments_post, state_code=state):
        raise Forbidden(f"You may assess recommendations made to {principal.state_code} only "
                        f"(this one was made to {state}).")
    clock.not_in_future(data.assessed_on, "assessed_on")
    assessment = Assessment(state_code=state, organisation_id=posting_organisation(principal),
                            recommendation_id=data.recommendation_id, rating=data.rating, reasoning=data.reasoning,
                            assessed_on=data.assessed_on, visibility=data.visibility,
                            created_by_user_id=principal.user_id)
    session.add(assessment)
    session.flush()
    _add_revision(session, principal, assessment)
    return assessment


def _content(assessment: Assessment) -> tuple:
    return (TrafficLight(assessment.rating), assessment.reasoning, assessment.assessed_on,
            Visibility(assessment.visibility))


def change_assessment(session: Session, principal: Principal, assessment: Assessment,
                      data: AssessmentUpdate) -> Assessment:
    """Appends a revision when something changed (a PATCH that changes nothing writes nothing)."""
    require_poster(principal, assessment, "assessment")
    if "assessed_on" in data.model_fields_set:
        clock.not_in_future(data.assessed_on, "assessed_on")
    before = _content(assessment)
    apply_changes(assessment, data)
    if _content(assessment) == before:
        return assessment
    assessment.revision += 1
    assessment.updated_at = utcnow()
    session.add(assessment)
    session.flush()
    _add_revision(session, principal, assessment)
    return assessment


def delete_assessment(session: Session, principal: Principal, assessment_id: int, evidence_dir: Path) -> None:
    """With its revisions and evidence (files removed once the delete is committed)."""
    assessment = get_own_assessment(session, principal, assessment_id)
    delete_evidence_of(session, evidence_dir, Evidence.assessment_id, assessment.id)
    for revision in session.exec(select(AssessmentRevision).where(AssessmentRevision.assessment_id == assessment.id)):
        session.delete(revision)
    session.flush()
    session.delete(assessment)
    session.flush()
