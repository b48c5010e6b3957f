"""Login throttling that locks out attackers, not owners, kept in the database so every worker shares it.

Two counts, each a `LoginThrottle` row:
- per (account, client address): `login_max_failures` failures in a window lock that account *from that
  address* only, so guesses from one place never lock the owner out from another (the admin included);
- per client address, over every account (`ANY_ACCOUNT`): `login_client_max_failures` failures lock the
  address, against spraying one password over many accounts.
A lockout lasts `login_lockout_seconds`, and doubles each time it is earned again, up to
`login_lockout_max_seconds`; a success of the account from the address, or a quiet day, forgets it.
Many addresses can still guess at one account, each at this slow pace: the password policy
(`api.auth.password_policy`) is what makes that hopeless, without letting anyone lock the owner out.

An attempt is counted *before* the password is checked, in one atomic upsert per row, and committed at
once: concurrent guesses cannot slip past the limit while argon2 runs, and a guess that errors later is
still counted. A success gives the address its attempt back (once per account and window), so only
failures add up.
"""

import math
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Delete, Table, and_, case, delete, inspect, literal, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from api.auth.models import ANY_ACCOUNT, LoginThrottle
from api.core.errors import TooManyRequests
from api.core.types import UTCDateTime
from api.http.client import throttle_key
from api.settings import Settings

# Lockouts are remembered until a success, or until a row has seen nothing (no attempt, no lock
# running) for this long.
QUIET_PERIOD = timedelta(days=1)


def _table_of(model: type[LoginThrottle]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table), "a table model maps one table"
    return table


_table = _table_of(LoginThrottle)
c = _table.c


def _at(moment: datetime) -> Any:
    return literal(moment, UTCDateTime())


def _locked(now: datetime) -> ColumnElement[bool]:
    return and_(c.locked_until.is_not(None), c.locked_until > _at(now))


def _quiet(now: datetime) -> ColumnElement[bool]:
    long_ago = _at(now - QUIET_PERIOD)
    return and_(c.window_started_at < long_ago, or_(c.locked_until.is_(None), c.locked_until < long_ago))


def lockout_seconds(earned_before: int, settings: Settings) -> int:
    """How long the lockout lasts when `earned_before` lockouts were already earned."""
    return min(settings.login_lockout_seconds * 2**earned_before, settings.login_lockout_max_seconds)


def _lock_end(earned: Any, now: datetime, settings: Settings) -> Any:
    """`now` + `lockout_seconds(earned)`, in SQL (portable: a CASE over the doublings before the cap)."""
    whens = []
    for doublings in range(64):
        seconds = lockout_seconds(doublings, settings)
        if seconds >= settings.login_lockout_max_seconds:
            break
        whens.append((earned == doublings, _at(now + timedelta(seconds=seconds))))
    capped = _at(now + timedelta(seconds=settings.login_lockout_max_seconds))
    return case(*whens, else_=capped) if whens else capped


def _claim(
    session: Session, account: str, client: str, now: datetime, settings: Settings, *, limit: int, refused: str
) -> None:
    """Count one attempt on the (account, client) row; raise 429 when it is locked or this attempt
    goes over `limit`. The caller commits right after, whatever this raises."""
    window = timedelta(seconds=settings.login_failure_window_seconds)
    locked = _locked(now)
    fresh = or_(c.window_started_at < _at(now - window), and_(c.locked_until.is_not(None), ~locked))
    attempts = case((locked, c.failures), (fresh, 1), else_=c.failures + 1)
    earned = case((_quiet(now), 0), else_=c.lockouts)
    locks_now = and_(~locked, attempts > limit)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(_table)
        .values(account=account, client=client, failures=1, window_started_at=now, locked_until=None, lockouts=0)
        .on_conflict_do_update(
            index_elements=[c.account, c.client],
            set_={
                "failures": attempts,
                "window_started_at": case((and_(~locked, fresh), _at(now)), else_=c.window_started_at),
                "locked_until": case(
                    (locked, c.locked_until), (locks_now, _lock_end(earned, now, settings)), else_=None
                ),
                "lockouts": case((locked, c.lockouts), (locks_now, earned + 1), else_=earned),
            },
        )
        .returning(c.locked_until)
    )
    locked_until = session.execute(statement).scalar_one()
    if locked_until is not None and locked_until > now:
        raise TooManyRequests(refused, retry_after=math.ceil((locked_until - now).total_seconds()))


def claim_attempt(session: Session, account: str, client: str, now: datetime, settings: Settings) -> None:
    """Count one attempt at `account`'s password from `client` (a login, or a wrong current password
    on a password change, which must never lock out anyone but its caller, there)."""
    _claim(
        session,
        account,
        client,
        now,
        settings,
        limit=settings.login_max_failures,
        refused="Too many failed logins for this account from this address; try again later.",
    )


def claim_login(session: Session, account: str, client: str, now: datetime, settings: Settings) -> None:
    """Count one login attempt against the client address (every account), then against (account,
    client). A locked address is refused without touching the account's count; an attempt at a locked
    account still counts against the address, so hammering one keeps the address's count going."""
    _claim(
        session,
        ANY_ACCOUNT,
        client,
        now,
        settings,
        limit=settings.login_client_max_failures,
        refused="Too many failed logins from this address; try again later.",
    )
    claim_attempt(session, account, client, now, settings)


def clear(session: Session, account: str, client: str) -> None:
    """After a right current password: forget the failures of (account, client), its lockouts included."""
    session.execute(
        update(_table).where(c.account == account, c.client == client).values(failures=0, locked_until=None, lockouts=0)
    )


def login_succeeded(session: Session, account: str, client: str, now: datetime, settings: Settings) -> None:
    """`clear`, and give the address its attempt back, so that an office behind one address does not
    add up its logins: only failures count against an address. Once per account and window: a
    sprayer interleaving logins to an account of their own gets one attempt back per window, not
    one per guess. The address's lockout, if any, stays. Stale rows are forgotten on the way."""
    window_start = now - timedelta(seconds=settings.login_failure_window_seconds)
    mine = and_(c.account == account, c.client == client)
    previous = session.execute(select(c.succeeded_at).where(mine)).scalar_one_or_none()
    session.execute(
        update(_table)
        .where(mine)
        .values(failures=0, locked_until=None, lockouts=0, window_started_at=now, succeeded_at=now)
    )
    if previous is None or previous < window_start:
        session.execute(
            update(_table)
            .where(c.account == ANY_ACCOUNT, c.client == client, c.failures > 0)
            .values(failures=c.failures - 1)
        )
    forget_stale(session, now, settings)


def forget_stale(session: Session, now: datetime, settings: Settings) -> None:
    """Delete rows with nothing left to remember: no lock running, the window over, and no lockout
    earned (or a quiet period passed since)."""
    window_over = c.window_started_at < _at(now - timedelta(seconds=settings.login_failure_window_seconds))
    session.execute(delete(_table).where(~_locked(now), window_over, or_(c.lockouts == 0, _quiet(now))))


def forget_client(client: str) -> Delete:
    """Every row of `client` (tests and operators unlocking an address; an IPv6 one unlocks its /64,
    `api.http.client.throttle_key`)."""
    return delete(_table).where(c.client.in_({client, throttle_key(client)}))
