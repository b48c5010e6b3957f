"""HTTP for reprisal incidents; the rules are in `service` and `api.advocacy.policy`."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.advocacy.dates import UPR_START
from api.advocacy.incidents import service
from api.advocacy.incidents.schemas import IncidentCounts, IncidentCreate, IncidentRead, IncidentUpdate
from api.advocacy.models import IncidentKind
from api.auth.deps import CanCountReprisalIncidents, CanReadReprisalIncidents, CanWriteReprisalIncidents
from api.core.pagination import Page
from api.core.types import StateCode, also_checked
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

incidents = APIRouter(prefix="/advocacy/reprisal-incidents", tags=["reprisal-incidents"])

YearQuery = Annotated[int | None, Query(ge=UPR_START.year, le=9999)]


@incidents.get(
    "/counts",
    response_model=IncidentCounts,
    operation_id="reprisal_incidents.counts",
    responses=error_responses(401, 403, 422),
)
def incident_counts(
    session: SessionDep,
    principal: CanCountReprisalIncidents,
    state: Annotated[
        StateCode | None,
        Query(description="ISO3 code of the state (any case); another state than the caller's gives no rows."),
    ] = None,
    year_from: Annotated[YearQuery, Query(description="From this year (the incident's date).")] = None,
    year_to: Annotated[
        YearQuery,
        Query(
            description="Up to this year, inclusive.",
            json_schema_extra=also_checked("must not be before `year_from`"),
        ),
    ] = None,
) -> IncidentCounts:
    """Anonymised counts for the reports of a state's NHRI and UN bodies (and admins): per state and year,
    how many incidents were recorded (shared or not) and how many of them were reported to the UN — never
    an organisation, a kind, a description or an id. **The answer only ever holds the caller's own
    state** (admins: every state); a `state` naming another one gives an empty list, not an error.

    **Small cells are withheld**: a state-year where fewer than `minimum_shown` (3) *organisations*
    recorded incidents is listed with `fewer_than_minimum: true` and null figures, since one or two
    organisations in a state and year can be pointed at. **The caller's own organisation's incidents are
    left out** of the cells it is shown, so an NHRI cannot pad a cell with incidents of its own (recorded,
    read, deleted) to read the exact figure of the others. Each row is a whole state-year and no totals
    are given, so no combination of answers recovers a withheld figure.

    What remains possible: two colluding accounts of different organisations — one that records
    incidents (a CSO) and a reader of the counts of the same state — can still pad a cell and difference
    it, and so can an NHRI and a UN reader comparing their views (the NHRI's own incidents are in the
    UN's cells). Only callers with this permission (never a service token) can try."""
    return service.incident_counts(session, principal, state_code=state, year_from=year_from, year_to=year_to)


@incidents.get(
    "",
    response_model=Page[IncidentRead],
    operation_id="reprisal_incidents.list",
    responses=error_responses(401, 403, 422),
)
def list_incidents(
    session: SessionDep,
    principal: CanReadReprisalIncidents,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the incident's state (any case).")] = None,
    year: Annotated[YearQuery, Query(description="Only incidents that occurred in this year.")] = None,
    kind: Annotated[IncidentKind | None, Query(description="Only incidents of this kind.")] = None,
    shared: Annotated[
        bool | None, Query(description="Only incidents shared (true) or not (false) with the NHRI.")
    ] = None,
    reported_to_un: Annotated[
        bool | None, Query(description="Only incidents reported (true) or not (false) to the UN.")
    ] = None,
) -> Page[IncidentRead]:
    """The incidents the caller may see, latest first: its organisation's, and for an NHRI those the
    organisations of its state share with it (admins: all). Others' are absent, from the items and the
    total."""
    return service.list_incidents(
        session, principal, page, state_code=state, year=year, kind=kind, shared=shared, reported_to_un=reported_to_un
    )


@incidents.post(
    "",
    response_model=IncidentRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="reprisal_incidents.create",
    responses=error_responses(401, 403, 422),
)
def create_incident(
    data: IncidentCreate,
    session: SessionDep,
    principal: CanWriteReprisalIncidents,
    response: Response,
    idem: IdempotencyDep,
) -> IncidentRead:
    """Records an incident for the caller's organisation, in that organisation's state; private to it
    (and admins) unless `shared_with_nhri`. Admins name the organisation (`organisation_id`)."""
    incident = service.create_incident(session, principal, data)
    return idem.saved(with_etag(response, service.incident_read(session, principal, incident)), response)


@incidents.get(
    "/{incident_id:int}",  # `:int`: never takes `counts` for an id (a 405, not a 422)
    response_model=IncidentRead,
    operation_id="reprisal_incidents.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_incident(
    incident_id: IdPath, session: SessionDep, principal: CanReadReprisalIncidents, response: Response
) -> IncidentRead:
    """An incident the caller may see (else 404, as for a missing id). The recording organisation is
    named by its public name where it has one. The `ETag` header is what `If-Match` expects on PATCH."""
    return with_etag(
        response, service.incident_read(session, principal, service.get_incident(session, principal, incident_id))
    )


@incidents.patch(
    "/{incident_id:int}",  # `:int`: never takes `counts` for an id (a 405, not a 422)
    response_model=IncidentRead,
    operation_id="reprisal_incidents.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_incident(
    incident_id: IdPath,
    data: IncidentUpdate,
    session: SessionDep,
    principal: CanWriteReprisalIncidents,
    response: Response,
    if_match: RequiredIfMatch,
) -> IncidentRead:
    """Only the recording organisation (or an admin) changes an incident; the NHRI it is shared with gets
    a 403. Send `If-Match` with the ETag you read. `shared_with_nhri: false` hides it from the NHRI again."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_incident(session, principal, incident_id),
        read=lambda incident: service.incident_read(session, principal, incident),
        change=lambda incident: service.update_incident(session, incident, data),
    )


@incidents.delete(
    "/{incident_id:int}",  # `:int`: never takes `counts` for an id (a 405, not a 422)
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="reprisal_incidents.delete",
    responses=error_responses(401, 403, 404, 422),
)
def delete_incident(incident_id: IdPath, session: SessionDep, principal: CanWriteReprisalIncidents) -> None:
    """Deletes the incident (the recording organisation or an admin; the NHRI it is shared with gets a
    403). It leaves the counts too."""
    service.delete_incident(session, principal, incident_id)


routers: list[APIRouter] = [incidents]
