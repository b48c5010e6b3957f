"""Data derived from other tables (read models, tallies), refreshed in the transaction that changed them.

Database triggers record what a write made stale (`derived_dirty`); just before any session commits, the
refreshers registered here (by the domains that own derived data: `api.recommendations`) bring it up to
date and bump the data version, so what a commit makes visible is always current. A reading request
(GET, HEAD) commits nothing derived and skips the check; everything else pays one indexed query.
"""

import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api import request_context

Refresher = Callable[[Session], None]
_refreshers: list[Refresher] = []
DIRTY_TABLE = "derived_dirty"


def register(refresher: Refresher) -> None:
    if refresher not in _refreshers:
        _refreshers.append(refresher)


def install() -> None:
    """Run the refreshers before every session's commit (idempotent; called by `api.db.engine_for`)."""
    if not event.contains(Session, "before_commit", _before_commit):
        event.listen(Session, "before_commit", _before_commit)


def refresh_now(session: Session) -> None:
    """What a commit would do, without committing (tests, `upr migrate`)."""
    session.flush()
    if _has_dirty_table(session):
        for refresher in _refreshers:
            refresher(session)


def _before_commit(session: Session, *_: Any) -> None:
    context = request_context.current()
    if context.in_request and not context.writes:
        return
    if not session.in_transaction() or not _refreshers:
        return
    refresh_now(session)


def _has_dirty_table(session: Session) -> bool:
    """False on a database migrated to before the derived tables (a migration test's old revision); once
    seen, the table is taken as there for the engine's life."""
    connection = session.connection()
    if connection.engine in _engines_with_table:
        return True
    if present := inspect(connection).has_table(DIRTY_TABLE):
        _engines_with_table.add(connection.engine)
    return present


_engines_with_table: "weakref.WeakSet[Engine]" = weakref.WeakSet()
