"""The vocabulary of matrix scenarios."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import object_session
from sqlmodel import Session, SQLModel

from api.auth.permissions import Role
from api.tracking.models import Evidence, Indicator
from tests.factories import World


@dataclass(frozen=True)
class Call:
    path: str
    json: dict[str, Any] | None = None
    data: dict[str, str] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None


@dataclass(frozen=True)
class Scenario:
    """How to call a route for a caller (its role) against a state's rows.

    `targets_row`: the call reaches a row of that state / organisation, so a permission scoped
    to the caller's own state or organisation must not reach the other state's row: that is a
    403 when everyone may read the row (`row_is_public`), and a 404 when the caller cannot see it.
    """

    build: Callable[[World, Role, str], Call]
    targets_row: bool = False
    row_is_public: bool = False


def _role(role: Role) -> Role:
    return Role.nhri if role is Role.anonymous else role


def world_session(row: SQLModel) -> Session:
    """The session that built the world `row` belongs to."""
    session = object_session(row)
    assert isinstance(session, Session), f"{row!r} belongs to no session"
    return session


def commit_row(anchor: SQLModel, row: Evidence | Indicator) -> int:
    """Commit `row`, a row a scenario needs beyond the world, in the session of the world's `anchor`
    (as if an earlier request had written it), then let the session forget it: a world built once
    per module outlives each case, whose writes are rolled back, and the row's id may come again."""
    session = world_session(anchor)
    session.add(row)
    session.commit()
    row_id = row.id
    session.expunge(row)
    assert row_id is not None
    return row_id
