"""Shapes shared by the tracking routers."""

from sqlmodel import SQLModel

from api.auth.models import Organisation, OrganisationKind
from api.auth.principal import Principal
from api.tracking.visibility import shown_name


class OrganisationRef(SQLModel):
    """Who posted or is responsible: pseudonymous organisations appear under their public name."""

    id: int
    name: str
    kind: OrganisationKind


def organisation_ref(principal: Principal, organisation: Organisation) -> OrganisationRef:
    return OrganisationRef(id=organisation.id, name=shown_name(principal, organisation), kind=organisation.kind)
