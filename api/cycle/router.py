"""HTTP for states, cycles and sessions; `routers` lists every router of the cycle domain."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.auth.deps import CanWriteCycle, CanWriteStates, Public
from api.core.pagination import Page
from api.cycle import service
from api.cycle.calendar_router import calendar
from api.cycle.models import RegionalGroup, UNStatus
from api.cycle.reviews_router import documents, reviews
from api.cycle.schemas import (
    CycleCreate,
    CycleRead,
    CycleUpdate,
    SessionCreate,
    SessionRead,
    SessionUpdate,
    StateCreate,
    StateRead,
    StateUpdate,
)
from api.cycle.submissions_router import submissions
from api.db import SessionDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

router = APIRouter(prefix="/states", tags=["states"])
cycles = APIRouter(prefix="/cycles", tags=["cycles"])
sessions = APIRouter(prefix="/sessions", tags=["sessions"])
# Every router of the cycle domain, in the order the app includes them.
routers: list[APIRouter] = [router, cycles, sessions, reviews, documents, submissions, calendar]


@router.get("", response_model=Page[StateRead], operation_id="states.list", responses=error_responses(422))
def list_states(
    session: SessionDep,
    _: Public,
    page: PageDep,
    regional_group: Annotated[RegionalGroup | None, Query(description="Only states of this UN regional group.")] = None,
    un_status: Annotated[UNStatus | None, Query(description="Only member states, or only observer states.")] = None,
) -> Page[StateRead]:
    """The states, by name; filter on regional group and UN status. Public."""
    return service.list_states(session, page, regional_group=regional_group, un_status=un_status).map(
        StateRead.model_validate
    )


@router.get("/{code}", response_model=StateRead, operation_id="states.get", responses=error_responses(404))
def get_state(code: str, session: SessionDep, _: Public, response: Response) -> StateRead:
    """One state by its ISO3 code (any case). Public."""
    return with_etag(response, StateRead.model_validate(service.get_state(session, code)))


@router.post(
    "",
    response_model=StateRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="states.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_state(data: StateCreate, session: SessionDep, _: CanWriteStates, idem: IdempotencyDep) -> StateRead:
    """Add a state (admins only). Its ISO3 code is unique (409 naming `code`)."""
    return idem.saved(StateRead.model_validate(service.create_state(session, data)))


@router.patch(
    "/{code}",
    response_model=StateRead,
    operation_id="states.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_state(
    code: str, data: StateUpdate, session: SessionDep, _: CanWriteStates, response: Response, if_match: IfMatch = None
) -> StateRead:
    """Change a state's name, ISO2 code, regional group or UN status (admins only). Send the ETag of your read in `If-
    Match`: a stale one is a 412."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_state(session, code, for_update=True),
        read=StateRead.model_validate,
        change=lambda state: service.update_state(session, state, data),
    )


@cycles.get("", response_model=Page[CycleRead], operation_id="cycles.list", responses=error_responses(422))
def list_cycles(session: SessionDep, _: Public, page: PageDep) -> Page[CycleRead]:
    """Ordered by number."""
    return service.list_cycles(session, page).map(CycleRead.model_validate)


@cycles.get("/{number}", response_model=CycleRead, operation_id="cycles.get", responses=error_responses(404, 422))
def get_cycle(number: IdPath, session: SessionDep, _: Public, response: Response) -> CycleRead:
    """One UPR cycle by its number. Public."""
    return with_etag(response, CycleRead.model_validate(service.get_cycle(session, number)))


@cycles.post(
    "",
    response_model=CycleRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="cycles.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_cycle(data: CycleCreate, session: SessionDep, _: CanWriteCycle, idem: IdempotencyDep) -> CycleRead:
    """Add a UPR cycle (admins only). Its number is unique (409); `end_year`, when given, is not before `start_year`
    (422)."""
    return idem.saved(CycleRead.model_validate(service.create_cycle(session, data)))


@cycles.patch(
    "/{number}",
    response_model=CycleRead,
    operation_id="cycles.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_cycle(
    number: IdPath,
    data: CycleUpdate,
    session: SessionDep,
    _: CanWriteCycle,
    response: Response,
    if_match: IfMatch = None,
) -> CycleRead:
    """Change a cycle's years (admins only); `end_year` is not before `start_year` (422) and null while the cycle runs.
    Send the ETag of your read in `If-Match`: a stale one is a 412."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_cycle(session, number, for_update=True),
        read=CycleRead.model_validate,
        change=lambda cycle: service.update_cycle(session, cycle, data),
    )


@sessions.get("", response_model=Page[SessionRead], operation_id="sessions.list", responses=error_responses(422))
def list_sessions(
    session: SessionDep, _: Public, page: PageDep, cycle: Annotated[IdQuery, Query(description="Cycle number.")] = None
) -> Page[SessionRead]:
    """Working Group sessions, ordered by number."""
    return service.list_sessions(session, page, cycle=cycle).map(SessionRead.model_validate)


@sessions.get("/{number}", response_model=SessionRead, operation_id="sessions.get", responses=error_responses(404, 422))
def get_session(number: IdPath, session: SessionDep, _: Public, response: Response) -> SessionRead:
    """One UPR Working Group session by its number. Public."""
    return with_etag(response, SessionRead.model_validate(service.get_session(session, number)))


@sessions.post(
    "",
    response_model=SessionRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="sessions.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_session(data: SessionCreate, session: SessionDep, _: CanWriteCycle, idem: IdempotencyDep) -> SessionRead:
    """The cycle must exist (422 naming `cycle_number`)."""
    return idem.saved(SessionRead.model_validate(service.create_session(session, data)))


@sessions.patch(
    "/{number}",
    response_model=SessionRead,
    operation_id="sessions.update",
    responses=error_responses(401, 403, 404, 412, 422),
)
def update_session(
    number: IdPath,
    data: SessionUpdate,
    session: SessionDep,
    _: CanWriteCycle,
    response: Response,
    if_match: IfMatch = None,
) -> SessionRead:
    """Change a session's cycle, year or dates (admins only); the end date is not before the start date (422). Send the
    ETag of your read in `If-Match`: a stale one is a 412."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_session(session, number, for_update=True),
        read=SessionRead.model_validate,
        change=lambda upr_session: service.update_session(session, upr_session, data),
    )
