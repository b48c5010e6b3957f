"""Organisations, users, service tokens and login throttling: tables and their API shapes."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, EmailStr, StringConstraints
from sqlmodel import Field, SQLModel

from api.cycle.models import StateCode
from api.types import IdField, UTCDateTime, enum_type, utcnow


class OrganisationKind(StrEnum):
    government = "government"
    nhri = "nhri"
    cso = "cso"
    un = "un"
    academic = "academic"
    other = "other"


def _pseudonym(value: object) -> object:
    """Strip a pseudonym; a blank one is refused (422) so it cannot drop the cover by accident —
    removing it takes an explicit null."""
    return value.strip() if isinstance(value, str) else value


Pseudonym = Annotated[str, BeforeValidator(_pseudonym), StringConstraints(min_length=1, max_length=200)]


class OrganisationBase(SQLModel):
    kind: OrganisationKind = Field(sa_type=enum_type(OrganisationKind))
    state_code: str = Field(foreign_key="state.code", index=True, max_length=3,
                            description="ISO 3166-1 alpha-3 code of the state the organisation works in.")
    public_name: str | None = Field(
        default=None, max_length=200,
        description="Pseudonym under which a CSO at risk of reprisal publishes; its real name is then "
                    "shown only to admins and to the organisation itself.",
    )


class Organisation(OrganisationBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OrganisationCreate(OrganisationBase):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "Human Rights Ombudsman of the Republic of Slovenia", "kind": "nhri", "state_code": "SVN"},
        {"name": "Roma Rights Monitor Slovenia", "kind": "cso", "state_code": "svn",
         "public_name": "CSO monitoring Roma rights (SVN)"},
    ]})

    name: str = Field(min_length=1, max_length=200)
    public_name: Pseudonym | None = None
    state_code: StateCode = Field(description="ISO 3166-1 alpha-3 code of the state the organisation works in.")


class OrganisationUpdate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"public_name": "CSO monitoring Roma rights (SVN)"}, {"is_active": False}]})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    public_name: Pseudonym | None = None
    is_active: bool | None = None


class OrganisationRead(SQLModel):
    id: int
    name: str = Field(description="The real name for admins and the organisation's own members; "
                                  "otherwise the public name when the organisation has one.")
    kind: OrganisationKind
    state_code: str
    public_name: str | None
    is_active: bool


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
        default=0, sa_column_kwargs={"server_default": "0"},
        description="Carried in each access token (claim `ver`); raising it ends every access token "
                    "issued before (see api.auth.service.revoke_access_tokens).",
    )


class UserCreate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "email": "focal.point@varuh-rs.si", "full_name": "Maja Novak", "password": "roma-inclusion-2021!",
        "organisation_id": 3, "is_admin": False}]})

    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=12, max_length=256)
    organisation_id: IdField
    is_admin: bool = False


class UserUpdate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"full_name": "Maja Novak Kranjc"},
                                                               {"is_active": False}]})

    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    password: str | None = Field(default=None, min_length=12, max_length=256)
    is_admin: bool | None = None
    is_active: bool | None = None


class PasswordChange(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"current_password": "roma-inclusion-2021!", "new_password": "upr-34-follow-up-2024"}]})

    current_password: str = Field(max_length=256)
    new_password: str = Field(min_length=12, max_length=256)


class UserRead(SQLModel):
    id: int
    email: str
    full_name: str
    organisation_id: int
    is_admin: bool
    is_active: bool
    created_at: datetime


class Me(SQLModel):
    """Who the caller is, as the API sees it."""

    kind: str = Field(description="`user` or `service_token`.")
    role: str
    user: UserRead | None
    organisation: OrganisationRead
    state_code: str
    permissions: list[str]


class Token(SQLModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")


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


class ServiceTokenCreate(SQLModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "NHRI nightly sync", "expires_in_days": 90}]})

    name: str = Field(min_length=1, max_length=200, description="What the token is for, e.g. 'NHRI nightly sync'.")
    expires_in_days: int | None = Field(default=None, ge=1, le=365,
                                        description="Lifetime in days (at most a year); the server default "
                                                    "when omitted.")


class ServiceTokenRead(SQLModel):
    id: int
    organisation_id: int
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


class ServiceTokenIssued(ServiceTokenRead):
    token: str = Field(description="The secret. Shown once: store it now, it cannot be read again.")


class LoginThrottle(SQLModel, table=True):
    """Failed logins per account, shared by every worker through the database."""

    __tablename__ = "login_throttle"
    __audited__ = False

    account: str = Field(primary_key=True, max_length=320)
    failures: int = 0
    window_started_at: datetime = Field(sa_type=UTCDateTime)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
