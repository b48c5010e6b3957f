"""Logging in, resolving a bearer credential to a Principal, who the caller is, and service tokens."""

from datetime import timedelta

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.auth import throttle
from api.auth.models import Organisation, ServiceToken, User
from api.auth.password_policy import account_context, check_password_strength
from api.auth.permissions import Permission, Role, grants_for
from api.auth.policy import display_name, visible_service_tokens
from api.auth.principal import Principal, PrincipalKind
from api.auth.schemas import Me, OrganisationRead, ServiceTokenCreate, UserRead
from api.auth.security import (
    SERVICE_TOKEN_PREFIX,
    AccessClaims,
    create_access_token,
    decode_access_token,
    hash_password,
    hash_service_token,
    new_service_token_secret,
    verify_password,
)
from api.core.errors import InvalidInput, NotFound, Unauthorized
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.db import best_effort_write
from api.http.client import UNKNOWN_CLIENT
from api.settings import Settings

LAST_USED_RESOLUTION = timedelta(minutes=1)


class LoginFailed(Unauthorized):
    """Wrong email or password. The failure count it recorded must be committed anyway."""

    slug, title = "login-failed", "Login failed"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def role_of(user: User, organisation: Organisation) -> Role:
    return Role.admin if user.is_admin else Role(organisation.kind.value)


def login(
    session: Session, email: str, password: str, settings: Settings, *, client: str = UNKNOWN_CLIENT
) -> tuple[str, int]:
    """Check the credentials after counting the attempt from the `client` address (see `throttle`;
    the router passes `api.http.client.client_of`); the caller must commit even when this raises,
    so the attempt stays counted."""
    now = utcnow()
    account = normalise_email(email)
    throttle.claim_login(session, account, client, now, settings)
    user = session.exec(select(User).where(User.email == account)).first()
    organisation = session.get(Organisation, user.organisation_id) if user else None
    ok = verify_password(password, user.password_hash if user else None)
    if not ok or user is None or organisation is None or not user.is_active or not organisation.is_active:
        raise LoginFailed("Incorrect email or password, or the account is deactivated.")
    throttle.login_succeeded(session, account, client, now, settings)
    return create_access_token(_user_id(user), settings, now, version=user.token_version)


def _user_id(user: User) -> int:
    assert user.id is not None, "a stored user has an id"
    return user.id


def _caller(session: Session, principal: Principal) -> User:
    """The user behind a user principal (a password change is a user's, never a service token's)."""
    user = session.get(User, principal.user_id) if principal.user_id is not None else None
    if user is None:
        raise Unauthorized("This operation needs a user's access token.")
    return user


def revoke_access_tokens(user: User) -> None:
    """End every access token issued to `user` so far: they carry the old `token_version`. Called on
    a password change or reset and on deactivation (of the user or their organisation), so neither
    a stolen token nor a reactivation brings old sessions back. Service tokens are not affected:
    they are separate credentials, revoked on their own (and they stop while their creator or
    organisation is deactivated). The change goes through the ORM, so it is audited."""
    user.token_version += 1


def change_password(
    session: Session, principal: Principal, current: str, new: str, settings: Settings, *, client: str = UNKNOWN_CLIENT
) -> None:
    """Throttled like a login, per (the caller's account, `client`) only: a stolen access token must
    not become a password-guessing oracle, nor a way to lock the owner (or anyone else behind the
    address) out. The new password must pass the policy. Every access token of the user ends, the
    caller's own included: they log in again."""
    now = utcnow()
    user = _caller(session, principal)
    throttle.claim_attempt(session, user.email, client, now, settings)
    if not verify_password(current, user.password_hash):
        raise InvalidInput("The current password is not correct.", field="current_password")
    throttle.clear(session, user.email, client)
    if current == new:
        raise InvalidInput("The new password must differ from the current one.", field="new_password")
    check_password_strength(
        new,
        email=user.email,
        full_name=user.full_name,
        field="new_password",
        context=account_context(session, user.organisation_id),
        is_admin=user.is_admin,
    )
    user.password_hash = hash_password(new)
    revoke_access_tokens(user)
    session.add(user)
    session.flush()


def _user_principal(session: Session, claims: AccessClaims) -> Principal:
    user = session.get(User, claims.user_id)
    organisation = session.get(Organisation, user.organisation_id) if user else None
    if user is None or organisation is None or not user.is_active or not organisation.is_active:
        raise Unauthorized("The account behind this token no longer exists or is deactivated.")
    if claims.version != user.token_version:
        raise Unauthorized(
            "This access token has been revoked: the password was changed or the account "
            "deactivated since it was issued. Log in again."
        )
    role = role_of(user, organisation)
    return Principal(
        PrincipalKind.user,
        role,
        user_id=user.id,
        organisation_id=organisation.id,
        state_code=organisation.state_code,
        grants=grants_for(role),
    )


def _service_token_principal(session: Session, secret: str) -> Principal:
    now = utcnow()
    token = session.exec(select(ServiceToken).where(ServiceToken.token_hash == hash_service_token(secret))).first()
    if token is None:
        raise Unauthorized("Unknown service token.")
    if token.revoked_at is not None:
        raise Unauthorized("This service token has been revoked.")
    if token.expires_at is not None and token.expires_at <= now:
        raise Unauthorized("This service token has expired.")
    organisation = session.get(Organisation, token.organisation_id)
    if organisation is None or not organisation.is_active:
        raise Unauthorized("The organisation of this service token is deactivated.")
    creator = session.get(User, token.created_by_user_id)
    if creator is None or not creator.is_active:
        # Someone answers for every token: when they leave, their tokens stop with them (and work
        # again if they are reactivated). Their password and `token_version` play no part here.
        raise Unauthorized("The user who created this service token is deactivated.")
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        with best_effort_write(session):  # bookkeeping never makes a read wait or fail
            token.last_used_at = now
            session.add(token)
            session.flush()
    role = Role(organisation.kind.value)
    return Principal(
        PrincipalKind.service_token,
        role,
        organisation_id=organisation.id,
        state_code=organisation.state_code,
        service_token_id=token.id,
        grants=grants_for(role, via_service_token=True),
    )


def principal_from_bearer(session: Session, credential: str | None, settings: Settings) -> Principal:
    if not credential:
        return Principal.anonymous()
    if credential.startswith(SERVICE_TOKEN_PREFIX):
        return _service_token_principal(session, credential)
    return _user_principal(session, decode_access_token(credential, settings))


def create_service_token(
    session: Session, principal: Principal, data: ServiceTokenCreate, settings: Settings
) -> tuple[ServiceToken, str]:
    creator = _caller(session, principal)
    secret = new_service_token_secret()
    now = utcnow()
    days = data.expires_in_days or settings.service_token_days
    token = ServiceToken(
        organisation_id=creator.organisation_id,
        created_by_user_id=_user_id(creator),
        name=data.name,
        prefix=secret[: len(SERVICE_TOKEN_PREFIX) + 6],
        token_hash=hash_service_token(secret),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    session.add(token)
    session.flush()
    return token, secret


def _visible_service_tokens(principal: Principal) -> SelectOfScalar[ServiceToken]:
    return select(ServiceToken).where(visible_service_tokens(principal))


def list_service_tokens(
    session: Session, principal: Principal, params: PageParams, include_revoked: bool = False
) -> Page[ServiceToken]:
    stmt = _visible_service_tokens(principal)
    if not include_revoked:
        stmt = stmt.where(col(ServiceToken.revoked_at).is_(None))
    return paginate(session, stmt, params, [Sort(ServiceToken.id)])


def revoke_service_token(session: Session, principal: Principal, token_id: int) -> ServiceToken:
    stmt = _visible_service_tokens(principal).where(ServiceToken.id == token_id)
    token = session.exec(stmt).first()
    if token is None or not principal.may(Permission.service_tokens_manage, organisation_id=token.organisation_id):
        raise NotFound.entity("Service token", token_id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.add(token)
        session.flush()
    return token


def organisation_read(organisation: Organisation, principal: Principal) -> OrganisationRead:
    assert organisation.id is not None, "a stored organisation has an id"
    return OrganisationRead(
        id=organisation.id,
        name=display_name(principal, organisation),
        kind=organisation.kind,
        state_code=organisation.state_code,
        public_name=organisation.public_name,
        is_active=organisation.is_active,
    )


def me(session: Session, principal: Principal) -> Me:
    """Who the caller is: an authenticated principal's organisation exists (it was just resolved)."""
    user = session.get(User, principal.user_id) if principal.user_id is not None else None
    organisation = session.get(Organisation, principal.organisation_id)
    if organisation is None or principal.state_code is None:
        raise Unauthorized()
    return Me(
        kind=principal.kind.value,
        role=principal.role.value,
        user=UserRead.model_validate(user) if user else None,
        organisation=organisation_read(organisation, principal),
        state_code=principal.state_code,
        permissions=sorted(p.value for p in principal.grants),
    )
