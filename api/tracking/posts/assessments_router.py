"""HTTP for assessments, and a recommendation's assessments side by side."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from api.auth.deps import CanPostAssessments, Public
from api.core.pagination import Page
from api.core.types import CleanStr, StateCode, also_checked
from api.db import SessionDep
from api.http.deps import SettingsDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.tracking.models import TrafficLight, Visibility
from api.tracking.posts import assessments_service as service
from api.tracking.posts.locations import set_location
from api.tracking.posts.schemas import (
    AssessmentCreate,
    AssessmentRead,
    AssessmentRevisionRead,
    AssessmentUpdate,
    RecommendationAssessments,
)
from api.tracking.posts.side_by_side_service import recommendation_assessments

router = APIRouter(prefix="/assessments", tags=["assessments"])
by_recommendation = APIRouter(prefix="/recommendations", tags=["assessments"])


@router.get("", response_model=Page[AssessmentRead], operation_id="assessments.list", responses=error_responses(422))
def list_assessments(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")] = None,
    recommendation: Annotated[IdQuery, Query(description="Recommendation id.")] = None,
    organisation: Annotated[IdQuery, Query(description="Id of the assessing organisation.")] = None,
    rating: Annotated[TrafficLight | None, Query(description="Only assessments with this traffic light.")] = None,
    visibility: Annotated[
        Visibility | None, Query(description="Only assessments of this visibility (among those you may see).")
    ] = None,
    q: Annotated[
        CleanStr | None,
        Query(
            min_length=1,
            max_length=200,
            description="Case-insensitive substring of the reasoning.",
            json_schema_extra=also_checked("must not contain NUL characters"),
        ),
    ] = None,
    current: Annotated[
        bool,
        Query(
            description="Only each organisation's latest assessment (that you may see) "
            "of each recommendation; the other filters apply to those."
        ),
    ] = False,
    withdrawn: Annotated[
        bool, Query(description="Only the withdrawn ones (deleted by their poster after others could see them).")
    ] = False,
) -> Page[AssessmentRead]:
    """Ordered by id. Only what you may see, in the items and the `total` alike; withdrawn ones only
    with `withdrawn=true`."""
    return service.list_assessments(
        session,
        principal,
        page,
        state_code=state,
        recommendation_id=recommendation,
        organisation_id=organisation,
        rating=rating,
        visibility=visibility,
        q=q,
        current=current,
        withdrawn=withdrawn,
    )


@router.post(
    "",
    response_model=AssessmentRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="assessments.create",
    responses=error_responses(401, 403, 422),
)
def create_assessment(
    data: AssessmentCreate,
    session: SessionDep,
    principal: CanPostAssessments,
    request: Request,
    response: Response,
    idem: IdempotencyDep,
) -> AssessmentRead:
    """A new point in your organisation's history of this recommendation (to correct one, PATCH it).
    Recommendations made to your own state only (admins: any)."""
    assessment = service.create_assessment(session, principal, data)
    set_location(request, response, f"/assessments/{assessment.id}")
    return idem.saved(with_etag(response, service.assessment_read(session, principal, assessment)), response)


@router.get(
    "/{assessment_id}",
    response_model=AssessmentRead,
    operation_id="assessments.get",
    responses=error_responses(404, 422),
)
def get_assessment(assessment_id: IdPath, session: SessionDep, principal: Public, response: Response) -> AssessmentRead:
    """With the evidence attached that you may see. One you may not see is a 404, as if it did not exist."""
    return with_etag(
        response, service.assessment_read(session, principal, service.get_assessment(session, principal, assessment_id))
    )


@router.get(
    "/{assessment_id}/revisions",
    response_model=Page[AssessmentRevisionRead],
    operation_id="assessments.revisions",
    summary="List Assessment Revisions",
    responses=error_responses(404, 422),
)
def list_revisions(
    assessment_id: IdPath, session: SessionDep, principal: Public, page: PageDep
) -> Page[AssessmentRevisionRead]:
    """Oldest first; the last is the current content. A revision whose visibility then was one you may not
    see is left out, even if the assessment is visible now."""
    return service.list_revisions(session, principal, assessment_id, page)


@router.patch(
    "/{assessment_id}",
    response_model=AssessmentRead,
    operation_id="assessments.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_assessment(
    assessment_id: IdPath,
    data: AssessmentUpdate,
    session: SessionDep,
    principal: CanPostAssessments,
    response: Response,
    if_match: IfMatch = None,
) -> AssessmentRead:
    """A correction by the assessing organisation (or an admin): appends a revision, keeps the earlier ones.
    A government's assessment once shared or public is never made less visible (409
    `published-post-stays-visible`); a withdrawn one is not changed (409 `post-withdrawn`)."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_assessment(session, principal, assessment_id),
        read=lambda assessment: service.assessment_read(session, principal, assessment),
        change=lambda assessment: service.change_assessment(session, principal, assessment, data),
    )


@router.delete(
    "/{assessment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="assessments.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_assessment(
    assessment_id: IdPath, session: SessionDep, principal: CanPostAssessments, settings: SettingsDep
) -> None:
    """By the assessing organisation (or an admin): withdrawn (kept, out of lists and counts, still readable
    by id), or erased with its revisions and evidence when confidential (a government's once shared or
    public is withdrawn). Withdrawn already: erased when deleted by a CSO or NHRI that posted it, or by an
    admin; a government's withdrawn assessment stays (409 `post-withdrawn`)."""
    service.delete_assessment(session, principal, assessment_id, settings.evidence_dir)


@by_recommendation.get(
    "/{recommendation_id}/assessments",
    response_model=RecommendationAssessments,
    operation_id="assessments.side_by_side",
    responses=error_responses(404, 422),
)
def side_by_side(recommendation_id: IdPath, session: SessionDep, principal: Public) -> RecommendationAssessments:
    """The government's, the NHRIs' and the CSOs' current assessments side by side, never merged: one entry
    per organisation, with its latest assessment that you may see and how many of its assessments you may
    see. Government first, then NHRIs, CSOs and other organisations."""
    return recommendation_assessments(session, principal, recommendation_id)
