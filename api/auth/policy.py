"""Organisation rules every domain shares: which organisations a caller sees, and under which name
(the pseudonym rule); and whose service tokens a caller sees. Account management's own rules are in
`api.accounts.policy`."""

from sqlalchemy import true
from sqlalchemy.sql import ColumnElement
from sqlmodel import col

from api.auth.models import Organisation, ServiceToken
from api.auth.principal import Principal


def visible_organisations(principal: Principal) -> ColumnElement[bool]:
    """A deactivated organisation is seen by admins only: to anyone else it does not exist (404,
    or an unknown id)."""
    return true() if principal.is_admin else col(Organisation.is_active).is_(True)


def sees_real_name(principal: Principal, organisation: Organisation) -> bool:
    """CSOs face reprisals: an organisation that publishes under a public name (pseudonym) is shown
    under it to everyone but admins and its own members."""
    return principal.is_admin or principal.organisation_id == organisation.id


def display_name(principal: Principal, organisation: Organisation, *, recorded_name: str | None = None) -> str:
    """The name this caller may see: the public name, unless `sees_real_name`. Otherwise the
    organisation's name, or `recorded_name` when a row recorded it under a name of its own (a
    submission's party keeps the name it was linked under)."""
    if organisation.public_name and not sees_real_name(principal, organisation):
        return organisation.public_name
    return organisation.name if recorded_name is None else recorded_name


def visible_service_tokens(principal: Principal) -> ColumnElement[bool]:
    """Admins see every organisation's tokens; anyone else only their own organisation's (another's
    is a 404)."""
    return true() if principal.is_admin else col(ServiceToken.organisation_id) == principal.organisation_id
