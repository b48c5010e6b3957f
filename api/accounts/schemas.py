"""What an admin writes to manage organisations and users (their read shapes are in `api.auth.schemas`,
as `/auth/me` answers them too)."""

from typing import Annotated

from annotated_types import Len
from pydantic import BeforeValidator, EmailStr, StrictBool, StringConstraints
from sqlmodel import Field, SQLModel

from api.auth.models import OrganisationBase
from api.core.schemas import with_examples
from api.core.types import IdField, Omittable, StateCode, also_checked

PASSWORD_RULE = "must not be easy to guess (no common password, no name or e-mail of yours)"


def _pseudonym(value: object) -> object:
    """Strip a pseudonym; a blank one is refused (422) so it cannot drop the cover by accident —
    removing it takes an explicit null."""
    return value.strip() if isinstance(value, str) else value


Pseudonym = Annotated[str, BeforeValidator(_pseudonym), StringConstraints(min_length=1, max_length=200)]


class OrganisationCreate(OrganisationBase):
    model_config = with_examples(
        {"name": "Human Rights Ombudsman of the Republic of Slovenia", "kind": "nhri", "state_code": "SVN"},
        {
            "name": "Roma Rights Monitor Slovenia",
            "kind": "cso",
            "state_code": "svn",
            "public_name": "CSO monitoring Roma rights (SVN)",
        },
    )

    name: str = Field(min_length=1, max_length=200)
    public_name: Pseudonym | None = None
    state_code: StateCode = Field(
        schema_extra={"json_schema_extra": also_checked("must name a state this API knows (see `/states`)")},
        description="ISO 3166-1 alpha-3 code of the state the organisation works in.",
    )


class OrganisationUpdate(SQLModel):
    model_config = with_examples({"public_name": "CSO monitoring Roma rights (SVN)"}, {"is_active": False})

    name: Omittable[Annotated[str, Len(1, 200)]] = None
    public_name: Pseudonym | None = None
    is_active: Omittable[StrictBool] = None


class UserCreate(SQLModel):
    model_config = with_examples(
        {
            "email": "focal.point@varuh-rs.si",
            "full_name": "Maja Novak",
            "password": "roma-inclusion-2021!",
            "organisation_id": 3,
            "is_admin": False,
        }
    )

    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)
    password: str = Field(
        schema_extra={"json_schema_extra": also_checked(PASSWORD_RULE)}, min_length=12, max_length=256
    )
    organisation_id: IdField = Field(
        schema_extra={"json_schema_extra": also_checked("must name an existing organisation")}
    )
    is_admin: StrictBool = False


class UserUpdate(SQLModel):
    model_config = with_examples({"full_name": "Maja Novak Kranjc"}, {"is_active": False})

    full_name: Omittable[Annotated[str, Len(1, 200)]] = None
    password: str | None = Field(
        schema_extra={"json_schema_extra": also_checked(PASSWORD_RULE)}, default=None, min_length=12, max_length=256
    )
    is_admin: Omittable[StrictBool] = None
    is_active: Omittable[StrictBool] = None
