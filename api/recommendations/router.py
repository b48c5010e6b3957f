"""HTTP for recommendations and their positions (the rules live in policy.py, service.py and positions.py)."""

from collections.abc import Sequence
from typing import Annotated, Any

from annotated_types import Interval
from fastapi import APIRouter, Header, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from pydantic import StringConstraints

from api.auth.deps import CanWritePositions, CanWriteRecommendations, Public
from api.core.errors import NotFound
from api.core.pagination import Page
from api.core.types import StateCode, also_checked
from api.cycle.models import RegionalGroup
from api.db import SessionDep
from api.http import versioned
from api.http.etags import RequiredIfMatch, quoted_hash, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.recommendations import derived, export, positions, read_model, service
from api.recommendations.models import PositionKind
from api.recommendations.schemas import (
    PositionCreate,
    PositionRead,
    RecommendationCreate,
    RecommendationRead,
    RecommendationUpdate,
    RowId,
    SdgTargetCode,
    TagOriginFilter,
)

recommendations = APIRouter(prefix="/recommendations", tags=["recommendations"])
position_history = APIRouter(prefix="/recommendations/{recommendation_id}/positions", tags=["positions"])
routers: list[APIRouter] = [recommendations, position_history]

ActionCategory = Annotated[int, Interval(ge=1, le=5)]
ANY_OF = " Repeat the parameter for any of several values."
# Ids, codes and names of /themes and /affected-persons, resolved by `api.taxonomy.resolve`.
VocabularyValue = Annotated[str, StringConstraints(min_length=1, max_length=300)]
THEME = (
    "Theme: its id, code (`D23`), name or a source's label (`death penalty`), in any case; a theme includes "
    "the themes under it."
)
GROUP = (
    "Affected-persons group: its id, code (`women`), name or a source's label, in any case; a group includes "
    "the groups under it."
)


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {export.CSV_TYPE: {}, export.XLSX_TYPE: {}},
        "description": "A page as JSON; or, by `Accept`, every matching row as CSV or XLSX.",
    }
}


@recommendations.get(
    "",
    response_model=Page[RecommendationRead],
    operation_id="recommendations.list",
    responses={**EXPORT_RESPONSES, **error_responses(422)},
)
def list_recommendations(
    request: Request,
    session: SessionDep,
    _: Public,
    page: PageDep,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
    state_under_review: Annotated[
        Sequence[StateCode],
        Query(json_schema_extra=also_checked("must name states this API knows"), description="ISO3 code." + ANY_OF),
    ] = (),
    recommending_state: Annotated[
        Sequence[StateCode],
        Query(json_schema_extra=also_checked("must name states this API knows"), description="ISO3 code." + ANY_OF),
    ] = (),
    region: Annotated[
        Sequence[RegionalGroup], Query(description="UN regional group of a recommending state." + ANY_OF)
    ] = (),
    cycle: Annotated[
        Sequence[RowId],
        Query(json_schema_extra=also_checked("must name existing cycles"), description="Cycle number." + ANY_OF),
    ] = (),
    session_: Annotated[
        Sequence[RowId],
        Query(
            json_schema_extra=also_checked("must name existing sessions"),
            alias="session",
            description="Session number." + ANY_OF,
        ),
    ] = (),
    theme: Annotated[
        Sequence[VocabularyValue],
        Query(json_schema_extra=also_checked("must name existing themes"), description=THEME + ANY_OF),
    ] = (),
    affected_persons: Annotated[
        Sequence[VocabularyValue],
        Query(json_schema_extra=also_checked("must name existing affected persons"), description=GROUP + ANY_OF),
    ] = (),
    sdg_target: Annotated[
        Sequence[SdgTargetCode],
        Query(
            json_schema_extra=also_checked("must name existing SDG targets"),
            description="SDG target code, e.g. `16.10`." + ANY_OF,
        ),
    ] = (),
    position: Annotated[Sequence[PositionKind], Query(description="Current position." + ANY_OF)] = (),
    action_category: Annotated[
        Sequence[ActionCategory], Query(description="UPR Info action category, 1–5." + ANY_OF)
    ] = (),
    review: Annotated[
        Sequence[RowId],
        Query(json_schema_extra=also_checked("must name existing reviews"), description="Review id." + ANY_OF),
    ] = (),
    tag_origin: Annotated[
        TagOriginFilter,
        Query(
            description="Whose tags `theme`, `affected_persons` and `action_category` match: `any` (default), "
            "`source` (the files' or an API write's) or `inferred` (the text classifier's)."
        ),
    ] = TagOriginFilter.any,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description=(
                "Full-text search, stemmed English: every word must occur (in any inflection); punctuation and "
                "operators are ignored, as are English stop words. Results come most relevant first, with `rank`."
            ),
        ),
    ] = None,
) -> Response:
    """Public. Different filters must all hold; unknown codes or ids are a 422 naming the parameter.
    Ordered by review, then in the order the recommendations were recorded; with `q`, most relevant
    first. `cursor` paging works in both orders.

    With `Accept: text/csv` or the XLSX media type, the response is every matching row (paging
    parameters ignored) with recommending states, themes and current position."""
    export_type = export.negotiated_type(accept)
    # A JSON page: pre-serialised bodies from the read model, validated by the data version before any filter
    # is read (`api/http/versioned.py`); only 200s are kept, and whether a filter names known rows changes
    # only with data that bumps the version.
    data_version = derived.current_version(session)
    if export_type is None and (answer := versioned.cached(request, data_version)) is not None:
        return answer
    filters = service.RecommendationFilter(
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        region=region,
        cycle=cycle,
        session=session_,
        theme=theme,
        affected_persons=affected_persons,
        sdg_target=sdg_target,
        position=position,
        action_category=action_category,
        review=review,
        q=q,
        tag_origin=tag_origin.origin,
    )
    filters = service.resolve_filter(session, filters)  # once, though an export pages through it many times
    if media_type := export_type:
        handle = export.export_file(session, filters, media_type)
        extension = "xlsx" if media_type == export.XLSX_TYPE else "csv"
        return StreamingResponse(
            export.iter_file(handle),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="recommendations.{extension}"'},
        )
    body = service.page_json(session, page, filters, data_version=data_version)
    return versioned.respond(request, data_version, body)


@recommendations.get(
    "/{recommendation_id:int}",
    response_model=RecommendationRead,
    operation_id="recommendations.get",
    responses=error_responses(404, 422),
)
def get_recommendation(recommendation_id: IdPath, session: SessionDep, _: Public) -> Response:
    """One recommendation with its recommending states, positions, themes, affected persons and SDG targets. Public."""
    body = read_model.bodies(session, [recommendation_id]).get(recommendation_id)
    if body is None:
        raise NotFound.entity("Recommendation", recommendation_id)
    # The ETag hashes the body, as every read's (`If-Match` on PATCH compares it with the current one).
    return Response(body, media_type="application/json", headers={"ETag": quoted_hash(body)})


@recommendations.post(
    "",
    response_model=RecommendationRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="recommendations.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_recommendation(
    data: RecommendationCreate,
    session: SessionDep,
    _: CanWriteRecommendations,
    response: Response,
    idem: IdempotencyDep,
) -> RecommendationRead:
    """Without `external_key`, one is derived from the state under review, the session and the text
    (case, spacing and trailing punctuation ignored): the same recommendation twice is a 409."""
    recommendation = service.create_recommendation(session, data)
    return idem.saved(with_etag(response, service.read_recommendation(session, recommendation)), response)


@recommendations.patch(
    "/{recommendation_id:int}",
    response_model=RecommendationRead,
    operation_id="recommendations.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_recommendation(
    recommendation_id: IdPath,
    data: RecommendationUpdate,
    session: SessionDep,
    _: CanWriteRecommendations,
    response: Response,
    if_match: RequiredIfMatch,
) -> RecommendationRead:
    """Correct a recommendation (admins only): lists sent replace the stored ones (`[]` clears them). Send the ETag of
    your read in `If-Match`: a stale one is a 412."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_recommendation(session, recommendation_id, for_update=True),
        read=lambda recommendation: service.read_recommendation(session, recommendation),
        change=lambda recommendation: service.update_recommendation(session, recommendation, data),
    )


@recommendations.delete(
    "/{recommendation_id:int}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="recommendations.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_recommendation(recommendation_id: IdPath, session: SessionDep, _: CanWriteRecommendations) -> Response:
    """Its position history goes with it; 409 while implementation tracking refers to it."""
    service.delete_recommendation(session, recommendation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@position_history.get(
    "", response_model=Page[PositionRead], operation_id="positions.list", responses=error_responses(404, 422)
)
def list_positions(recommendation_id: IdPath, session: SessionDep, _: Public, page: PageDep) -> Page[PositionRead]:
    """The whole history, oldest first (by date, then by when it was recorded)."""
    return positions.list_positions(session, recommendation_id, page).map(PositionRead.model_validate)


@position_history.post(
    "",
    response_model=PositionRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="positions.create",
    responses=error_responses(401, 403, 404, 422),
)
def create_position(
    recommendation_id: IdPath,
    data: PositionCreate,
    session: SessionDep,
    principal: CanWritePositions,
    idem: IdempotencyDep,
) -> PositionRead:
    """Appends to the history (nothing is edited). The government of the state under review or an
    admin; the latest record by date becomes the current position, a back-dated one does not."""
    position = positions.record_position(session, principal, recommendation_id, data)
    return idem.saved(PositionRead.model_validate(position))
