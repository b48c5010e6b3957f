"""Load one row by primary key or raise the domain's 404."""

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

from api.core.errors import NotFound

M = TypeVar("M", bound=SQLModel)


def get_or_404(
    session: Session, model: type[M], key: Any, entity: str, *, for_update: bool = False, shown_key: Any = None
) -> M:
    """`for_update` locks the row (PostgreSQL) so an If-Match check and the write that follows
    cannot interleave with another writer's; `shown_key` is the key as the caller wrote it."""
    row = session.get(model, key, with_for_update=for_update)
    if row is None:
        raise NotFound.entity(entity, key if shown_key is None else shown_key)
    return row
