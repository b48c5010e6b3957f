"""Organisations, users, service tokens and login throttling: the tables. Shapes: `api.auth.schemas`
(what `/auth` answers) and `api.accounts.schemas` (what an admin writes)."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime, enum_type, utcnow


class OrganisationKind(StrEnum):
    government = "government"
    nhri = "nhri"
    cso = "cso"
    un = "un"
    academic = "academic"
    other = "other"


class OrganisationBase(SQLModel):
    kind: OrganisationKind = Field(sa_type=enum_type(OrganisationKind))
    state_code: str = Field(
        foreign_key="state.code",
        index=True,
        max_length=3,
        description="ISO 3166-1 alpha-3 code of the state the organisation works in.",
    )
    public_name: str | None = Field(
        default=None,
        max_length=200,
        description="Pseudonym under which a CSO at risk of reprisal publishes; its real name is then "
        "shown only to admins and to the organisation itself.",
    )


class Organisation(OrganisationBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True, description="Stored lower-cased: unique case-insensitively.")
    full_name: str = Field(max_length=200)
    password_hash: str = Field(max_length=255)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    is_admin: bool = False
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    token_version: int = Field(
        default=0,
        sa_column_kwargs={"server_default": "0"},
        description="Carried in each access token (claim `ver`); raising it ends every access token "
        "issued before (see api.auth.service.revoke_access_tokens).",
    )


class ServiceToken(SQLModel, table=True):
    """A long-lived bearer token for an organisation's scripts. Only its SHA-256 is stored."""

    __tablename__ = "service_token"
    __audit_ignore__ = ("last_used_at",)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    created_by_user_id: int = Field(foreign_key="user.id")
    name: str = Field(max_length=200)
    prefix: str = Field(max_length=16, description="First characters, to recognise a token in a list.")
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


ANY_ACCOUNT = ""  # `LoginThrottle.account` of the row counting a client address's failures over every account


class LoginThrottle(SQLModel, table=True):
    """Failed logins per (account, client address), and per address (`account` = `ANY_ACCOUNT`),
    shared by every worker through the database (api/auth/throttle.py). Bookkeeping: not audited."""

    __tablename__ = "login_throttle"
    __audited__ = False

    account: str = Field(primary_key=True, max_length=320, description="Lower-cased email, or `ANY_ACCOUNT`.")
    client: str = Field(primary_key=True, max_length=64, description="The client address (api/http/client.py).")
    failures: int = 0
    window_started_at: datetime = Field(sa_type=UTCDateTime)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    lockouts: int = Field(default=0, description="Lockouts earned since the last success: the next one doubles.")
    succeeded_at: datetime | None = Field(
        default=None,
        sa_type=UTCDateTime,
        description="The account's last login from the client: the address gets one attempt back per "
        "account and window.",
    )
