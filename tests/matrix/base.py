"""The vocabulary of matrix scenarios."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from api.auth.permissions import Role
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
