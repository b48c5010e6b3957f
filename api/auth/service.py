"""Logging in, resolving a bearer credential to a Principal, and service tokens."""

from datetime import timedelta

from sqlmodel import Session, select

from api.auth import throttle
from api.auth.models import Organisation, ServiceToken, ServiceTokenCreate, User
from api.auth.permissions import Permission, Role, grants_for
from api.auth.principal import Principal, PrincipalKind
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
from api.db import best_effort_write
from api.errors import InvalidInput, NotFound, Unauthorized
from api.pagination import Page, PageParams, Sort, paginate
from api.settings import Settings
from api.types import utcnow

LAST_USED_RESOLUTION = timedelta(minutes=1)


class LoginFailed(Unauthorized):
    """Wrong email or password. The failure count it recorded must be committed anyway."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def role_of(user: User, organisation: Organisation) -> Role:
    return Role.admin if user.is_admin else Role(organisation.kind.value)


def login(session: Session, email: str, password: str, settings: Settings) -> tuple[str, int]:
    """Check the credentials after counting the attempt (see `throttle`); the caller must commit
    even when this raises, so the attempt stays counted."""
    now = utcnow()
    account = normalise_email(email)
    throttle.claim_attempt(session, account, now, settings)
    user = session.exec(select(User).where(User.email == account)).first()
    organisation = session.get(Organisation, user.organisation_id) if user else None
    ok = verify_password(password, user.password_hash if user else None)
    if not ok or not user.is_active or not organisation.is_active:
        raise LoginFailed("Incorrect email or password, or the account is deactivated.")
    throttle.reset(session, account, now, settings)
    return create_access_token(user.id, settings, now, version=user.token_version)


def revoke_access_tokens(user: User) -> None:
    """End every access token issued to `user` so far: they carry the old `token_version`. Called on
    a password change or reset and on deactivation (of the user or their organisation), so neither
    a stolen token nor a reactivation brings old sessions back. Service tokens are not affected:
    they are separate credentials, revoked on their own (and they stop while their creator or
    organisation is deactivated). The change goes through the ORM, so it is audited."""
    user.token_version += 1


def change_password(session: Session, principal: Principal, current: str, new: str, settings: Settings) -> None:
    """Throttled like a login: a stolen access token must not become a password-guessing oracle.
    Every access token of the user ends, the caller's own included: they log in again."""
    now = utcnow()
    user = session.get(User, principal.user_id)
    throttle.claim_attempt(session, user.email, now, settings)
    if not verify_password(current, user.password_hash):
        raise InvalidInput("The current password is not correct.", field="current_password")
    throttle.reset(session, user.email, now, settings)
    if current == new:
        raise InvalidInput("The new password must differ from the current one.", field="new_password")
    user.password_hash = hash_password(new)
    revoke_access_tokens(user)
    session.add(user)
    session.flush()


def _user_principal(session: Session, claims: AccessClaims) -> Principal:
    user = session.get(User, claims.user_id)
    organisation = session.get(Organisation, user.organisation_id) if user else None
    if user is None or not user.is_active or not organisation.is_active:
        raise Unauthorized("The account behind this token no longer exists or is deactivated.")
    if claims.version != user.token_version:
        raise Unauthorized("This access token has been revoked: the password was changed or the account "
                           "deactivated since it was issued. Log in again.")
    role = role_of(user, organisation)
    return Principal(PrincipalKind.user, role, user_id=user.id, organisation_id=organisation.id,
                     state_code=organisation.state_code, grants=grants_for(role))


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
    if not organisation.is_active:
        raise Unauthorized("The organisation of this service token is deactivated.")
    if not session.get(User, token.created_by_user_id).is_active:
        # Someone answers for every token: when they leave, their tokens stop with them (and work
        # again if they are reactivated). Their password and `token_version` play no part here.
        raise Unauthorized("The user who created this service token is deactivated.")
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        with best_effort_write(session):  # bookkeeping never makes a read wait or fail
            token.last_used_at = now
            session.add(token)
            session.flush()
    role = Role(organisation.kind.value)
    return Principal(PrincipalKind.service_token, role, organisation_id=organisation.id,
                     state_code=organisation.state_code, service_token_id=token.id,
                     grants=grants_for(role, via_service_token=True))


def principal_from_bearer(session: Session, credential: str | None, settings: Settings) -> Principal:
    if not credential:
        return Principal.anonymous()
    if credential.startswith(SERVICE_TOKEN_PREFIX):
        return _service_token_principal(session, credential)
    return _user_principal(session, decode_access_token(credential, settings))


def create_service_token(
    session: Session, principal: Principal, data: ServiceTokenCreate, settings: Settings
) -> tuple[ServiceToken, str]:
    secret = new_service_token_secret()
    now = utcnow()
    days = data.expires_in_days or settings.service_token_days
    token = ServiceToken(
        organisation_id=principal.organisation_id,
        created_by_user_id=principal.user_id,
        name=data.name,
        prefix=secret[: len(SERVICE_TOKEN_PREFIX) + 6],
        token_hash=hash_service_token(secret),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    session.add(token)
    session.flush()
    return token, secret


def _visible_service_tokens(principal: Principal):
    stmt = select(ServiceToken)
    if not principal.is_admin:
        stmt = stmt.where(ServiceToken.organisation_id == principal.organisation_id)
    return stmt


def list_service_tokens(session: Session, principal: Principal, params: PageParams,
                        include_revoked: bool = False) -> Page[ServiceToken]:
    stmt = _visible_service_tokens(principal)
    if not include_revoked:
        stmt = stmt.where(ServiceToken.revoked_at.is_(None))
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
