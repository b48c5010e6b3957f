"""What `/auth` reads and writes: the caller (`/auth/me`, with its organisation and user), tokens and
password changes. Account management's request shapes are in `api.accounts.schemas`."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from api.auth.models import OrganisationKind
from api.core.schemas import with_examples
from api.core.types import also_checked

PASSWORD_RULE = "must not be easy to guess (no common password, no name or e-mail of yours)"


class OrganisationRead(SQLModel):
    id: int
    name: str = Field(
        description="The real name for admins and the organisation's own members; "
        "otherwise the public name when the organisation has one."
    )
    kind: OrganisationKind
    state_code: str
    public_name: str | None
    is_active: bool


class UserRead(SQLModel):
    id: int
    email: str
    full_name: str
    organisation_id: int
    is_admin: bool
    is_active: bool
    created_at: datetime


class PasswordChange(SQLModel):
    model_config = with_examples({"current_password": "roma-inclusion-2021!", "new_password": "upr-34-follow-up-2024"})

    current_password: str = Field(
        schema_extra={"json_schema_extra": also_checked("must be your current password")}, max_length=256
    )
    new_password: str = Field(
        schema_extra={"json_schema_extra": also_checked(PASSWORD_RULE)}, min_length=12, max_length=256
    )


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


class ServiceTokenCreate(SQLModel):
    model_config = with_examples({"name": "NHRI nightly sync", "expires_in_days": 90})

    name: str = Field(min_length=1, max_length=200, description="What the token is for, e.g. 'NHRI nightly sync'.")
    expires_in_days: int | None = Field(
        default=None, ge=1, le=365, description="Lifetime in days (at most a year); the server default when omitted."
    )


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
