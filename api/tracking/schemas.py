"""Shapes shared by the tracking routers: who posted or is responsible, and in which order actors show."""

from api.auth.models import OrganisationKind
from api.auth.refs import OrganisationRef, organisation_ref, organisation_refs

__all__ = ["ACTOR_KINDS", "OrganisationRef", "actor_key", "organisation_ref", "organisation_refs"]

# Side by side, the government first, then NHRIs, then CSOs, then everyone else.
ACTOR_KINDS = (OrganisationKind.government, OrganisationKind.nhri, OrganisationKind.cso)


def actor_key(ref: OrganisationRef) -> tuple[int, int]:
    """By kind (ACTOR_KINDS), then id — never by name, which for a pseudonymous organisation would
    let the order betray the real one."""
    kind = OrganisationKind(ref.kind)
    return (ACTOR_KINDS.index(kind) if kind in ACTOR_KINDS else len(ACTOR_KINDS)), ref.id
