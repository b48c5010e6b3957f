"""Checks and writes the advocacy services share for ids named in a body: ids that must exist (a 422
naming the field, never a 500 from a foreign key), a state that must exist, and a row's set of links
(a working group's themes, a brief's themes, an outreach's briefs) replaced by the list a body gives.
Writes go through the ORM session, so the audit listener records each link added or removed.
"""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from api.core.errors import InvalidInput
from api.cycle.models import State


def require_existing_ids(session: Session, table: Any, ids: Sequence[int], field: str, what: str) -> None:
    """Every id names a `table` row; else a 422 on `field` listing the unknown ones (`what`: "theme")."""
    if not ids:
        return
    known = set(session.exec(select(table.id).where(col(table.id).in_(list(ids)))))
    if unknown := [i for i in ids if i not in known]:
        raise InvalidInput(f"Unknown {what} id(s): {', '.join(map(str, unknown))}.", field=field)


def require_existing_state(session: Session, state_code: str, field: str = "state_code") -> str:
    """`state_code` names a stored state; else a 422 on `field`."""
    if session.get(State, state_code) is None:
        raise InvalidInput(f"Unknown state {state_code}.", field=field)
    return state_code


def replace_links(
    session: Session, table: type[SQLModel], owner_column: str, owner_id: int, column: str, ids: Sequence[int]
) -> bool:
    """Make the owner's `table` rows (`owner_column == owner_id`) link exactly the distinct `ids` through
    `column`: rows for other ids are deleted, missing ones added. Whether anything changed."""
    current = {
        getattr(link, column): link
        for link in session.exec(select(table).where(col(getattr(table, owner_column)) == owner_id))
    }
    removed = [link for linked_id, link in current.items() if linked_id not in ids]
    for link in removed:
        session.delete(link)
    added = [table(**{owner_column: owner_id, column: i}) for i in ids if i not in current]
    session.add_all(added)
    return bool(added or removed)
