"""HTTP for briefs and their proposed recommendations; the rules are in `service` and `api/advocacy/policy.py`."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response, status

from api.advocacy.briefs import asks_service, briefs_service, export_service
from api.advocacy.briefs.docx_export import DOCX_TYPE, brief_docx
from api.advocacy.briefs.schemas import (
    BriefCreate,
    BriefExport,
    BriefRead,
    BriefUpdate,
    ProposedRecommendationCreate,
    ProposedRecommendationRead,
    ProposedRecommendationUpdate,
)
from api.advocacy.models import BriefStatus
from api.auth.deps import CanWriteAdvocacy, Public
from api.core.pagination import Page
from api.core.types import StateCode
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

briefs = APIRouter(prefix="/advocacy/briefs", tags=["briefs"])
asks = APIRouter(prefix="/advocacy/proposed-recommendations", tags=["proposed-recommendations"])
routers: list[APIRouter] = [briefs, asks]

EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            DOCX_TYPE: {
                "schema": {
                    "type": "string",
                    "format": "binary",
                    "description": "A Word document (Office Open XML): the one-page brief, Issues – Questions – "
                    "Recommendations, the recommendations numbered.",
                }
            }
        },
        "description": "The brief as one self-contained JSON document; or, by `Accept`, as a one-page DOCX.",
    }
}


def _wants_docx(accept: str | None) -> bool:
    """The first of DOCX or JSON the client lists decides (JSON stays the default)."""
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media == DOCX_TYPE:
            return True
        if media in ("application/json", "*/*"):
            return False
    return False


@briefs.get("", response_model=Page[BriefRead], operation_id="briefs.list", responses=error_responses(422))
def list_briefs(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    review: Annotated[IdQuery, Query(description="Only briefs for this review.")] = None,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state under review (any case).")] = None,
    coalition: Annotated[IdQuery, Query(description="Only briefs of this coalition's working groups.")] = None,
    working_group: Annotated[IdQuery, Query(description="Only briefs of this working group.")] = None,
    status: Annotated[BriefStatus | None, Query(description="Only briefs with this status.")] = None,
    theme: Annotated[IdQuery, Query(description="Only briefs tagged with this theme id.")] = None,
) -> Page[BriefRead]:
    """Published briefs for everyone; drafts and agreed briefs only to the coalition's member
    organisations (to anyone else they are absent, from `total` too). Oldest first."""
    return briefs_service.list_briefs(
        session,
        principal,
        page,
        review_id=review,
        state_code=state,
        coalition_id=coalition,
        working_group_id=working_group,
        status=status,
        theme_id=theme,
    )


@briefs.post(
    "",
    response_model=BriefRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="briefs.create",
    responses=error_responses(401, 403, 404, 409, 422),
)
def create_brief(
    data: BriefCreate, session: SessionDep, principal: CanWriteAdvocacy, response: Response, idem: IdempotencyDep
) -> BriefRead:
    """A draft brief of a working group (its members and the coalition's leads; a group of a coalition
    you are not in is a 404) for a review of the coalition's state. Add asks with
    `POST /advocacy/briefs/{id}/proposed-recommendations`."""
    brief = briefs_service.create_brief(session, principal, data)
    return idem.saved(with_etag(response, briefs_service.brief_read(session, brief)), response)


@briefs.get("/{brief_id}", response_model=BriefRead, operation_id="briefs.get", responses=error_responses(404, 422))
def get_brief(brief_id: IdPath, session: SessionDep, principal: Public, response: Response) -> BriefRead:
    """A published brief, or one of your coalition's (404 otherwise), each ask with its SMART analysis.
    The `ETag` header is what `If-Match` expects on PATCH."""
    return with_etag(
        response, briefs_service.brief_read(session, briefs_service.get_brief(session, principal, brief_id))
    )


@briefs.patch(
    "/{brief_id}",
    response_model=BriefRead,
    operation_id="briefs.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_brief(
    brief_id: IdPath,
    data: BriefUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> BriefRead:
    """The working group's members edit a draft; `status` moves one step (`draft` ↔ `agreed` ↔
    `published`, else 409) by its co-chairs or the coalition's leads, who alone change an agreed or
    published brief. Publishing sets `published_at` and makes the brief public. Lists replace."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: briefs_service.get_writable_brief(session, principal, brief_id),
        read=lambda loaded: briefs_service.brief_read(session, loaded[0]),
        change=lambda loaded: (briefs_service.update_brief(session, principal, loaded[0], loaded[1], data), loaded[1]),
    )


@briefs.delete(
    "/{brief_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="briefs.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_brief(brief_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> None:
    """A draft only (an agreed or published brief is a 409), by the working group's members: its asks,
    targets and links to outreach records go with it."""
    briefs_service.delete_brief(session, principal, brief_id)


@briefs.get(
    "/{brief_id}/export",
    response_model=BriefExport,
    operation_id="briefs.export",
    responses={**EXPORT_RESPONSES, **error_responses(404, 422)},
)
def export_brief(
    brief_id: IdPath,
    session: SessionDep,
    principal: Public,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    """The brief as one document needing no other call (names, not ids), or with `Accept:
    application/vnd.openxmlformats-officedocument.wordprocessingml.document` as the one-pager: title,
    state and session, Issues – Questions – Recommendations. Same visibility as the brief (404)."""
    document = export_service.export_document(session, briefs_service.get_brief(session, principal, brief_id))
    if _wants_docx(accept):
        return Response(
            brief_docx(document),
            media_type=DOCX_TYPE,
            headers={"Content-Disposition": f'attachment; filename="brief-{brief_id}.docx"'},
        )
    return Response(document.model_dump_json(), media_type="application/json")


@briefs.post(
    "/{brief_id}/proposed-recommendations",
    response_model=ProposedRecommendationRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="proposed_recommendations.create",
    responses=error_responses(401, 403, 404, 409, 422),
)
def create_proposed_recommendation(
    brief_id: IdPath,
    data: ProposedRecommendationCreate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    idem: IdempotencyDep,
) -> ProposedRecommendationRead:
    """An ask of the brief, answered with its SMART analysis; as the brief's content, by the working
    group's members while it is a draft, then by its co-chairs and the coalition's leads."""
    ask = asks_service.create_ask(session, principal, brief_id, data)
    return idem.saved(with_etag(response, asks_service.ask_read(ask)), response)


@asks.get(
    "/{proposed_recommendation_id}",
    response_model=ProposedRecommendationRead,
    operation_id="proposed_recommendations.get",
    responses=error_responses(404, 422),
)
def get_proposed_recommendation(
    proposed_recommendation_id: IdPath, session: SessionDep, principal: Public, response: Response
) -> ProposedRecommendationRead:
    """An ask of a brief you may read (404 otherwise), with its SMART analysis; its `ETag` is what
    `If-Match` expects on PATCH."""
    return with_etag(
        response, asks_service.ask_read(asks_service.get_ask(session, principal, proposed_recommendation_id))
    )


@asks.patch(
    "/{proposed_recommendation_id}",
    response_model=ProposedRecommendationRead,
    operation_id="proposed_recommendations.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_proposed_recommendation(
    proposed_recommendation_id: IdPath,
    data: ProposedRecommendationUpdate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> ProposedRecommendationRead:
    """Rewords or moves an ask (the others close up); the same rules as the brief's content."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: asks_service.get_writable_ask(session, principal, proposed_recommendation_id),
        read=asks_service.ask_read,
        change=lambda ask: asks_service.update_ask(session, principal, ask, data),
    )


@asks.delete(
    "/{proposed_recommendation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="proposed_recommendations.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_proposed_recommendation(
    proposed_recommendation_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy
) -> None:
    """Removes the ask and its uptake suggestions (one with confirmed uptake is a 409); the rest close up."""
    asks_service.delete_ask(session, principal, proposed_recommendation_id)
