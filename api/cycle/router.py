from fastapi import APIRouter, Response, status

from api.auth.deps import CanWriteStates, Public
from api.concurrency import IfMatch, check_if_match, with_etag
from api.cycle import service
from api.cycle.models import RegionalGroup, StateCreate, StateRead, StateUpdate, UNStatus
from api.db import SessionDep
from api.errors import error_responses
from api.pagination import Page, PageDep

router = APIRouter(prefix="/states", tags=["states"])
# Every router of the cycle domain, in the order the app includes them.
routers: list[APIRouter] = [router]


@router.get("", response_model=Page[StateRead], operation_id="states.list", responses=error_responses(422))
def list_states(session: SessionDep, _: Public, page: PageDep, regional_group: RegionalGroup | None = None,
                un_status: UNStatus | None = None) -> Page[StateRead]:
    return service.list_states(session, page, regional_group=regional_group, un_status=un_status).map(
        StateRead.model_validate)


@router.get("/{code}", response_model=StateRead, operation_id="states.get", responses=error_responses(404))
def get_state(code: str, session: SessionDep, _: Public, response: Response) -> StateRead:
    return with_etag(response, StateRead.model_validate(service.get_state(session, code)))


@router.post("", response_model=StateRead, status_code=status.HTTP_201_CREATED, operation_id="states.create",
             responses=error_responses(401, 403, 409, 422))
def create_state(data: StateCreate, session: SessionDep, _: CanWriteStates) -> StateRead:
    return StateRead.model_validate(service.create_state(session, data))


@router.patch("/{code}", response_model=StateRead, operation_id="states.update",
              responses=error_responses(401, 403, 404, 412, 422))
def update_state(code: str, data: StateUpdate, session: SessionDep, _: CanWriteStates, response: Response,
                 if_match: IfMatch = None) -> StateRead:
    check_if_match(if_match, StateRead.model_validate(service.get_state(session, code)))
    return with_etag(response, StateRead.model_validate(service.update_state(session, code, data)))
