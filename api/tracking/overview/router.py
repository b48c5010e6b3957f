"""HTTP for the implementation matrix, the mid-term report and the dashboard (public reads: what
each caller gets depends on what it may see)."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from api.auth.deps import Public
from api.core.types import StateCode, also_checked
from api.db import SessionDep
from api.http.pages import PageDep
from api.http.params import IdQuery
from api.http.problems import error_responses
from api.recommendations import export as recommendation_export
from api.tracking.overview import export, scope
from api.tracking.overview.matrix import matrix_page
from api.tracking.overview.schemas import Dashboard, MatrixPage, MidTermReport
from api.tracking.overview.service import dashboard, mid_term_report

overview = APIRouter(tags=["overview"])
routers: list[APIRouter] = [overview]


def _json(answer: BaseModel) -> Response:
    """The answer's JSON as validated once by the service: FastAPI checks a returned `Response` no
    further (the documented shape still comes from `response_model`)."""
    return Response(answer.model_dump_json(), media_type="application/json")


StateQuery = Annotated[
    StateCode,
    Query(
        json_schema_extra=also_checked("must name a state this API knows (see `/states`)"),
        description="ISO3 code of the state under review (any case).",
    ),
]
CycleQuery = Annotated[
    IdQuery,
    Query(
        json_schema_extra=also_checked("must name a cycle in which the state was reviewed"),
        description="UPR cycle number; default: the latest in which the state was reviewed.",
    ),
]
MATRIX_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {recommendation_export.CSV_TYPE: {}, recommendation_export.XLSX_TYPE: {}},
        "description": "A page as JSON; or, by `Accept`, every row as CSV (one column per "
        "organisation) or as XLSX in OHCHR's matrix layout.",
    }
}


@overview.get(
    "/matrix",
    response_model=MatrixPage,
    operation_id="overview.matrix",
    responses={**MATRIX_RESPONSES, **error_responses(422)},
)
def get_matrix(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: StateQuery,
    cycle: CycleQuery = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    """The implementation matrix: every recommendation to the state in the cycle with its current
    position, themes, linked actions, their indicators' latest values and progress, and each
    organisation's current traffic light side by side (only assessments you may see). Ordered by
    recommendation id. With `Accept: text/csv` or the XLSX media type: every row, paging ignored."""
    resolved = scope.resolve(session, state, cycle)
    if media_type := recommendation_export.negotiated_type(accept):
        handle = export.export_matrix(session, principal, resolved, media_type)
        extension = "xlsx" if media_type == recommendation_export.XLSX_TYPE else "csv"
        filename = f"implementation-matrix-{resolved.state}-cycle{resolved.cycle}.{extension}"
        return StreamingResponse(
            recommendation_export.iter_file(handle),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    return _json(matrix_page(session, principal, resolved, page))


@overview.get(
    "/reports/mid-term",
    response_model=MidTermReport,
    operation_id="overview.mid_term_report",
    responses=error_responses(422),
)
def get_mid_term_report(
    session: SessionDep, principal: Public, state: StateQuery, cycle: CycleQuery = None
) -> Response:
    """Counts by traffic light per organisation and per theme, the recommendations whose position
    changed (e.g. noted → supported), and the whole matrix — as you may see them."""
    return _json(mid_term_report(session, principal, scope.resolve(session, state, cycle)))


@overview.get("/dashboard", response_model=Dashboard, operation_id="overview.dashboard", responses=error_responses(422))
def get_dashboard(
    session: SessionDep,
    principal: Public,
    state: StateQuery,
    cycle: Annotated[
        IdQuery,
        Query(
            json_schema_extra=also_checked("must name a cycle in which the state was reviewed"),
            description="UPR cycle number; default: every cycle.",
        ),
    ] = None,
) -> Response:
    """Counts for a state's dashboard: recommendations by position and theme, actions by status,
    milestones done and overdue, current traffic lights per organisation."""
    return _json(dashboard(session, principal, scope.resolve(session, state, cycle, default_to_latest=False)))
