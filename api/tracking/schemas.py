"""Shapes shared by the tracking routers: who posted or is responsible, and in which order actors show."""

from collections.abc import Iterable

from sqlmodel import Session, SQLModel, col, select

from api.auth.models import Organisation, OrganisationKind
from api.auth.policy import display_name
from api.auth.principal import Principal
from api.tracking.rows import stored_id

# Side by side, the government first, then NHRIs, then CSOs, then everyone else.
ACTOR_KINDS = (OrganisationKind.government, OrganisationKind.nhri, OrganisationKind.cso)


class OrganisationRef(SQLModel):
    """Who posted or is responsible: pseudonymous organisations appear under their public name."""

    id: int
    name: str
    kind: OrganisationKind


def organisation_ref(principal: Principal, organisation: Organisation) -> OrganisationRef:
    return OrganisationRef(
        id=stored_id(organisation), name=display_name(principal, organisation), kind=organisation.kind
    )


def organisation_refs(session: Session, principal: Principal, ids: Iterable[int]) -> dict[int, OrganisationRef]:
    """References for a page of rows, loaded in one query."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(wanted)))
    return {ref.id: ref for ref in (organisation_ref(principal, o) for o in rows)}


def actor_key(ref: OrganisationRef) -> tuple[int, int]:
    """By kind (ACTOR_KINDS), then id — never by name, which for a pseudonymous organisation would
    let the order betray the real one."""
    kind = OrganisationKind(ref.kind)
    return (ACTOR_KINDS.index(kind) if kind in ACTOR_KINDS else len(ACTOR_KINDS)), ref.id
