"""An organisation as a given caller may name it, in every answer of both APIs (the pseudonym rule is
`api.auth.policy.display_name`)."""

from collections.abc import Iterable

from sqlmodel import Session, SQLModel, col, select

from api.auth.models import Organisation, OrganisationKind
from api.auth.policy import display_name
from api.auth.principal import Principal
from api.core.rows import stored_id


class OrganisationRef(SQLModel):
    """An organisation: a pseudonymous one appears under its public name (its real name to itself and
    admins)."""

    id: int
    name: str
    kind: OrganisationKind


def organisation_ref(principal: Principal, organisation: Organisation) -> OrganisationRef:
    return OrganisationRef(
        id=stored_id(organisation), name=display_name(principal, organisation), kind=organisation.kind
    )


def organisation_refs(session: Session, principal: Principal, ids: Iterable[int | None]) -> dict[int, OrganisationRef]:
    """References for a page of rows, loaded in one query (None ids are skipped)."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(wanted)))
    return {ref.id: ref for ref in (organisation_ref(principal, o) for o in rows)}
