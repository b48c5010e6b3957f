"""Count a request in its window in one atomic upsert, so concurrent requests on any worker or machine
cannot slip past the limit (the same technique as api/auth/throttle.py). Flushes, never commits: the
caller commits at once (see deps.py) so the count outlives whatever the request does next.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, delete, inspect, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from api.core.types import UTCDateTime
from api.ratelimit.models import MAX_KEY_LENGTH, RateLimitWindow
from api.ratelimit.policy import RateLimited, seconds_left, window_start


def _table_of(model: type[RateLimitWindow]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table), "a table model maps one table"
    return table


_table = _table_of(RateLimitWindow)


@dataclass(frozen=True)
class Usage:
    count: int  # requests of this key in this window, this one included
    limit: int
    reset_after: int  # seconds until the next window

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.count)


def count_request(
    session: Session, scope: str, client: str, now: datetime, *, limit: int, window_seconds: int = 60
) -> Usage:
    """Count one request of `client` to `scope` (what one limit covers, e.g. "analyse"); raise
    `RateLimited` (429, Retry-After) when it is over `limit`.

    The first request of a client in a new window also forgets the scope's older windows (of every
    client), so the table holds about one row per recent client."""
    start = window_start(now, window_seconds)
    key = f"{scope}:{client}"
    c = _table.c
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(_table)
        .values(key=key[:MAX_KEY_LENGTH], window_start=start, count=1)
        .on_conflict_do_update(index_elements=[c.key, c.window_start], set_={"count": c.count + 1})
        .returning(c.count)
    )
    count = session.execute(statement).scalar_one()
    if count == 1:
        prune(session, scope, now, window_seconds)
    usage = Usage(count, limit, seconds_left(now, window_seconds))
    if count > limit:
        raise RateLimited(
            f"More than {limit} requests in {window_seconds} s from this client; try again later.",
            retry_after=usage.reset_after,
        )
    return usage


def prune(session: Session, scope: str, now: datetime, window_seconds: int = 60) -> int:
    """Forget the scope's windows before the current one: a fixed window never looks back."""
    c = _table.c
    start = window_start(now, window_seconds)
    older = c.window_start < literal(start, UTCDateTime())
    result = session.execute(delete(_table).where(c.key.startswith(f"{scope}:", autoescape=True), older))
    return int(getattr(result, "rowcount", 0) or 0)
