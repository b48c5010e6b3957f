"""Loading a post for the caller: what it may not see is a 404, what it sees but did not post a 403."""

from types import SimpleNamespace
from typing import Any, TypeVar

from sqlmodel import Session, select

from api.auth.principal import Principal
from api.errors import Forbidden, NotFound
from api.tracking.visibility import visible_clause

M = TypeVar("M")


def visible_or_404(session: Session, principal: Principal, model: type[M], row_id: int, entity: str, *,
                   for_update: bool = False) -> M:
    """The row if the caller may see it; otherwise the same 404 as for an id that does not exist."""
    stmt = select(model).where(model.id == row_id, visible_clause(principal, model))
    if for_update:
        stmt = stmt.with_for_update()
    row = session.exec(stmt).first()
    if row is None:
        raise NotFound.entity(entity, row_id)
    return row


def require_poster(principal: Principal, row: Any, entity: str) -> None:
    """Only the posting organisation (its users and service tokens) and admins change a post."""
    if not principal.is_admin and row.organisation_id != principal.organisation_id:
        raise Forbidden(f"Only the organisation that posted this {entity} (or an admin) may change it.")


def posting_organisation(principal: Principal) -> int:
    if principal.organisation_id is None:
        raise Forbidden("Posts are made on behalf of an organisation; your credentials have none.")
    return principal.organisation_id


def revision_view(revision_model: Any, parent_model: Any) -> SimpleNamespace:
    """A revision judged by the visibility it had, with its parent's state and organisation, so making a
    confidential post public does not publish its confidential earlier text."""
    return SimpleNamespace(visibility=revision_model.visibility, state_code=parent_model.state_code,
                           organisation_id=parent_model.organisation_id)
