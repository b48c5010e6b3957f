"""Password hashing (argon2 via pwdlib), JWT access tokens (python-jose), service-token secrets."""

import hashlib
import secrets
import threading
import uuid
from datetime import datetime, timedelta
from typing import NamedTuple

from jose import ExpiredSignatureError, JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from api.core.errors import Unauthorized
from api.core.types import utcnow
from api.settings import Settings

_hasher = PasswordHash((Argon2Hasher(),))
# Each argon2 computation takes 64 MiB: bound how many run at once in this process, so a flood of
# logins queues instead of exhausting memory.
_hashing = threading.BoundedSemaphore(4)
# Verified when the account does not exist, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

SERVICE_TOKEN_PREFIX = "upr_st_"


def hash_password(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    with _hashing:
        if password_hash is None:
            _hasher.verify(password, _DUMMY_HASH)
            return False
        return _hasher.verify(password, password_hash)


class AccessClaims(NamedTuple):
    """What a valid access token says: whose it is and which of their token versions it carries."""

    user_id: int
    version: int


def create_access_token(
    user_id: int, settings: Settings, now: datetime | None = None, *, version: int = 0
) -> tuple[str, int]:
    """`version` must be the user's current `token_version` (login passes it); a token carrying an
    older one is refused, which is how a password change or a deactivation ends old tokens."""
    now = now or utcnow()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
        "ver": version,
    }
    token = jwt.encode(claims, settings.secret_key, algorithm=settings.jwt_algorithm)
    return token, int(lifetime.total_seconds())


def decode_access_token(token: str, settings: Settings) -> AccessClaims:
    """The subject and version of a valid access token; anything else is a 401 that says why.
    Whether the version is still the user's current one is for the caller to check."""
    try:
        header = jwt.get_unverified_header(token)
    except JWTError:
        raise Unauthorized("The access token is malformed.") from None
    if header.get("alg") != settings.jwt_algorithm:
        raise Unauthorized(f"The access token's algorithm {header.get('alg')!r} is not accepted.")
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[settings.jwt_algorithm],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_iss": True,
                "require_aud": True,
                "require_sub": True,
            },
        )
    except ExpiredSignatureError:
        raise Unauthorized("The access token has expired.") from None
    except JWTError as exc:
        raise Unauthorized(f"The access token is not valid: {exc}.") from None
    try:
        user_id = int(claims["sub"])
    except (TypeError, ValueError):
        raise Unauthorized("The access token's subject is not valid.") from None
    version = claims.get("ver")
    # Without a version the token could never be ended early (tokens from before versions existed).
    if type(version) is not int:
        raise Unauthorized("The access token has no valid version claim (`ver`); log in again.")
    return AccessClaims(user_id, version)


def new_service_token_secret() -> str:
    return SERVICE_TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_service_token(secret: str) -> str:
    """SHA-256 suffices: the secret has 256 bits of entropy, so no stretching is needed."""
    return hashlib.sha256(secret.encode()).hexdigest()
