"""HTTP for organisations and users (admins manage them; everyone lists organisations)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.accounts import service
from api.accounts.schemas import OrganisationCreate, OrganisationUpdate, UserCreate, UserUpdate
from api.auth.deps import CanReadUsers, CanWriteOrganisations, CanWriteUsers, Public
from api.auth.models import OrganisationKind
from api.auth.schemas import OrganisationRead, UserRead
from api.auth.service import organisation_read
from api.core.pagination import Page
from api.core.types import StateCode
from api.db import SessionDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

organisations = APIRouter(prefix="/organisations", tags=["organisations"])
users = APIRouter(prefix="/users", tags=["users"])


@organisations.get(
    "", response_model=Page[OrganisationRead], operation_id="organisations.list", responses=error_responses(422)
)
def list_organisations(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state.")] = None,
    kind: Annotated[OrganisationKind | None, Query(description="Only organisations of this kind.")] = None,
) -> Page[OrganisationRead]:
    """Pseudonymous organisations are listed under their public name (real name: admins and members)."""
    return service.list_organisations(session, principal, page, state_code=state, kind=kind)


@organisations.get(
    "/{organisation_id}",
    response_model=OrganisationRead,
    operation_id="organisations.get",
    responses=error_responses(404),
)
def get_organisation(
    organisation_id: IdPath, session: SessionDep, principal: Public, response: Response
) -> OrganisationRead:
    """One organisation. Public; a pseudonymous organisation shows its public name to everyone but its own members and
    admins."""
    organisation = service.get_organisation(session, principal, organisation_id)
    return with_etag(response, organisation_read(organisation, principal))


@organisations.post(
    "",
    response_model=OrganisationRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="organisations.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_organisation(
    data: OrganisationCreate, session: SessionDep, principal: CanWriteOrganisations, idem: IdempotencyDep
) -> OrganisationRead:
    """Register an organisation (admins only). Its name is unique (409 naming `name`); `state_code` must be a known
    state."""
    return idem.saved(organisation_read(service.create_organisation(session, data), principal))


@organisations.patch(
    "/{organisation_id}",
    response_model=OrganisationRead,
    operation_id="organisations.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_organisation(
    organisation_id: IdPath,
    data: OrganisationUpdate,
    session: SessionDep,
    principal: CanWriteOrganisations,
    response: Response,
    if_match: IfMatch = None,
) -> OrganisationRead:
    """Deactivate with `{"is_active": false}`: its users' access tokens stop working at once and stay
    dead after a reactivation (they log in again); its service tokens stop while it is deactivated.
    Refused (409 `last-admin`) when no active admin in an active organisation would remain."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_organisation(session, principal, organisation_id, for_update=True),
        read=lambda organisation: organisation_read(organisation, principal),
        change=lambda organisation: service.update_organisation(session, organisation, data),
    )


@users.get("", response_model=Page[UserRead], operation_id="users.list", responses=error_responses(401, 403, 422))
def list_users(
    session: SessionDep,
    _: CanReadUsers,
    page: PageDep,
    organisation_id: Annotated[IdQuery, Query(description="Only users of this organisation.")] = None,
    is_active: Annotated[bool | None, Query(description="Only active (true) or deactivated (false) users.")] = None,
) -> Page[UserRead]:
    """Every user account, by email (admins only); filter on `is_active`."""
    page_ = service.list_users(session, page, organisation_id=organisation_id, is_active=is_active)
    return page_.map(UserRead.model_validate)


@users.get("/{user_id}", response_model=UserRead, operation_id="users.get", responses=error_responses(401, 403, 404))
def get_user(user_id: IdPath, session: SessionDep, _: CanReadUsers, response: Response) -> UserRead:
    """One user account (admins only), with its ETag for a later PATCH."""
    return with_etag(response, UserRead.model_validate(service.get_user(session, user_id)))


@users.post(
    "",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="users.create",
    responses=error_responses(401, 403, 409, 422),
)
def create_user(data: UserCreate, session: SessionDep, _: CanWriteUsers, idem: IdempotencyDep) -> UserRead:
    """Emails are unique case-insensitively; a duplicate is a 409 naming `email`."""
    return idem.saved(UserRead.model_validate(service.create_user(session, data)))


@users.patch(
    "/{user_id}",
    response_model=UserRead,
    operation_id="users.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_user(
    user_id: IdPath,
    data: UserUpdate,
    session: SessionDep,
    _: CanWriteUsers,
    response: Response,
    if_match: IfMatch = None,
) -> UserRead:
    """Deactivate with `{"is_active": false}`: the user's access tokens stop working at once and stay
    dead after a reactivation (they log in again), as they do after a new `password`; the service
    tokens they created stop while they are deactivated, and survive a new password. Deactivating
    or de-admining the last active admin is refused (409 `last-admin`)."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_user(session, user_id, for_update=True),
        read=UserRead.model_validate,
        change=lambda user: service.update_user(session, user, data),
    )
