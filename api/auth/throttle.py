"""Per-account login throttling, kept in the database so every worker and machine shares it.

An attempt is counted *before* the password is checked, in one atomic upsert, and committed at
once: concurrent guesses cannot slip past the limit while argon2 runs, and a guess that errors
later is still counted. A success clears the account's count.
"""

import math
from datetime import datetime, timedelta

from sqlalchemy import Table, and_, case, delete, inspect, literal, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from api.auth.models import LoginThrottle
from api.core.errors import TooManyRequests
from api.core.types import UTCDateTime
from api.settings import Settings


def _table_of(model: type[LoginThrottle]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table), "a table model maps one table"
    return table


_table = _table_of(LoginThrottle)


def _at(moment: datetime):
    return literal(moment, UTCDateTime())


def claim_attempt(session: Session, account: str, now: datetime, settings: Settings) -> None:
    """Count one attempt for `account`; raise 429 when it is locked or this attempt exceeds the limit.

    The caller commits right after, whatever this raises."""
    c = _table.c
    locked = and_(c.locked_until.is_not(None), c.locked_until > _at(now))
    fresh = or_(
        c.window_started_at < _at(now - timedelta(seconds=settings.login_failure_window_seconds)),
        and_(c.locked_until.is_not(None), c.locked_until <= _at(now)),
    )
    attempts = case((locked, c.failures), (fresh, 1), else_=c.failures + 1)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(_table)
        .values(account=account, failures=1, window_started_at=now, locked_until=None)
        .on_conflict_do_update(
            index_elements=[c.account],
            set_={
                "failures": attempts,
                "window_started_at": case((and_(~locked, fresh), _at(now)), else_=c.window_started_at),
                "locked_until": case(
                    (locked, c.locked_until),
                    (
                        attempts > settings.login_max_failures,
                        _at(now + timedelta(seconds=settings.login_lockout_seconds)),
                    ),
                    else_=None,
                ),
            },
        )
        .returning(c.locked_until)
    )
    locked_until = session.execute(statement).scalar_one()
    if locked_until is not None and locked_until > now:
        raise TooManyRequests(
            "Too many failed logins for this account; try again later.",
            retry_after=math.ceil((locked_until - now).total_seconds()),
        )


def reset(session: Session, account: str, now: datetime, settings: Settings) -> None:
    """Clear the account's count after a success, and forget stale rows of any account."""
    stale = now - timedelta(seconds=settings.login_failure_window_seconds)
    c = _table.c
    session.execute(
        delete(_table).where(
            or_(
                c.account == account,
                and_(c.window_started_at < _at(stale), or_(c.locked_until.is_(None), c.locked_until < _at(now))),
            )
        )
    )
