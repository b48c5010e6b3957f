"""Who posted: organisation references for a page of posts, loaded once, pseudonyms applied."""

from collections.abc import Iterable

from sqlmodel import Session, select

from api.auth.models import Organisation
from api.auth.principal import Principal
from api.tracking.shapes import OrganisationRef, organisation_ref


def organisation_refs(session: Session, principal: Principal, ids: Iterable[int]) -> dict[int, OrganisationRef]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.exec(select(Organisation).where(Organisation.id.in_(wanted)))
    return {o.id: organisation_ref(principal, o) for o in rows}
