"""HTTP for logging in, the caller's own account (`/auth/me`, password) and service tokens."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from api.auth import service
from api.auth.deps import CanChangePassword, CanManageServiceTokens, CanReadAccount, NoCredentials
from api.auth.schemas import Me, PasswordChange, ServiceTokenCreate, ServiceTokenIssued, ServiceTokenRead, Token
from api.auth.token_errors import (
    OAUTH_ERROR_RESPONSES,
    OAuthErrorCode,
    PasswordGrant,
    PasswordGrantDep,
    oauth_error,
)
from api.core.errors import InvalidInput, TooManyRequests
from api.core.pagination import Page
from api.db import SessionDep
from api.http.client import client_of
from api.http.deps import SettingsDep
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses

router = APIRouter(prefix="/auth", tags=["auth"])


# A demo account of `make run`; its password is the one `upr seed` printed.
LOGIN_EXAMPLE = {"username": "nhri@demo.upr-tracker.org", "password": "printed-by-upr-seed"}


@router.post(
    "/token",
    response_model=Token,
    operation_id="auth.login",
    responses={**OAUTH_ERROR_RESPONSES, **error_responses(429)},
    openapi_extra={"requestBody": {"content": {"application/x-www-form-urlencoded": {"example": LOGIN_EXAMPLE}}}},
)
def login(
    grant: PasswordGrantDep,
    session: SessionDep,
    settings: SettingsDep,
    _: NoCredentials,
    request: Request,
    response: Response,
) -> Token | Response:
    """OAuth2 password flow: `username` is the email. A refused request is an RFC 6749 error (400
    `invalid_grant` for wrong credentials; see `api/auth/token_errors.py`), not a problem. Repeated
    failures lock that account from that client address (and many from one address lock the address)
    for a while that doubles (429, a problem with `Retry-After`)."""
    if not isinstance(grant, PasswordGrant):
        return grant
    try:
        token, expires_in = service.login(session, grant.username, grant.password, settings, client=client_of(request))
    except service.LoginFailed as failed:
        session.commit()  # the counted attempt must outlive the error it answers
        return oauth_error(OAuthErrorCode.invalid_grant, failed.detail)
    except TooManyRequests:
        session.commit()
        raise
    response.headers["Cache-Control"] = "no-store"
    return Token(access_token=token, expires_in=expires_in)


@router.get("/me", response_model=Me, operation_id="auth.me", responses=error_responses(401, 403))
def me(session: SessionDep, principal: CanReadAccount) -> Me:
    """Who you are: your user, your organisation (with its role and state) and what your role may do. Any signed-in
    caller; a 401 without a valid token."""
    return service.me(session, principal)


@router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="auth.change_password",
    responses=error_responses(401, 403, 422, 429),
)
def change_password(
    data: PasswordChange, session: SessionDep, settings: SettingsDep, principal: CanChangePassword, request: Request
) -> None:
    """Change your own password; the current one is required (422 naming `current_password` if wrong;
    repeated wrong ones lock your account from this client address, like failed logins), and the new
    one must not be easy to guess (422 `weak-password` naming `new_password`, saying why). On success
    every access token of the account stops working, the one that made this call included: log in
    again with the new password. Service tokens are separate credentials and keep working (revoke
    them on their own)."""
    try:
        service.change_password(
            session, principal, data.current_password, data.new_password, settings, client=client_of(request)
        )
    except (InvalidInput, TooManyRequests):
        session.commit()  # keep the counted attempt
        raise


@router.post(
    "/service-tokens",
    response_model=ServiceTokenIssued,
    status_code=status.HTTP_201_CREATED,
    operation_id="auth.create_service_token",
    responses=error_responses(401, 403, 422),
)
def create_service_token(
    data: ServiceTokenCreate,
    session: SessionDep,
    settings: SettingsDep,
    principal: CanManageServiceTokens,
    response: Response,
) -> ServiceTokenIssued:
    """Issue a long-lived token for the caller's organisation. The secret is in this response only."""
    token, secret = service.create_service_token(session, principal, data, settings)
    response.headers["Cache-Control"] = "no-store"
    return ServiceTokenIssued(**ServiceTokenRead.model_validate(token).model_dump(), token=secret)


@router.get(
    "/service-tokens",
    response_model=Page[ServiceTokenRead],
    operation_id="auth.list_service_tokens",
    responses=error_responses(401, 403, 422),
)
def list_service_tokens(
    session: SessionDep,
    principal: CanManageServiceTokens,
    page: PageDep,
    include_revoked: Annotated[bool, Query(description="Also list revoked tokens.")] = False,
) -> Page[ServiceTokenRead]:
    """The caller's organisation's tokens (every organisation's, for admins). Secrets are never shown."""
    return service.list_service_tokens(session, principal, page, include_revoked).map(ServiceTokenRead.model_validate)


@router.delete(
    "/service-tokens/{token_id}",
    response_model=ServiceTokenRead,
    operation_id="auth.revoke_service_token",
    responses=error_responses(401, 403, 404),
)
def revoke_service_token(token_id: IdPath, session: SessionDep, principal: CanManageServiceTokens) -> ServiceTokenRead:
    """Revoke at once; later requests with the token get 401. Revoking twice is harmless."""
    return ServiceTokenRead.model_validate(service.revoke_service_token(session, principal, token_id))
