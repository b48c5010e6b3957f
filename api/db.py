"""Engine and request-scoped session.

SQLite gets WAL, foreign keys, a generous `busy_timeout` and explicit `BEGIN` (pysqlite's own
transaction handling breaks SAVEPOINTs, which the tests' outer-transaction pattern relies on);
a transaction that will write begins `IMMEDIATE` (see `api.request_context`). PostgreSQL sessions
run in UTC whatever the server's TimeZone, with lock, statement and idle-in-transaction timeouts,
so no wait lasts forever. Every engine refuses a call made on a running event loop's thread during
a request: it would freeze the whole worker.
"""

import asyncio
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from api import derived, request_context
from api.audit import listener as audit_listener
from api.core.errors import DatabaseBusy
from api.settings import Settings, get_settings

log = logging.getLogger(__name__)


class BlockingCallOnEventLoop(RuntimeError):
    """A sync database call from an `async def` route or dependency: a bug, refused loudly."""


def _refuse_on_event_loop(*_args) -> None:
    if not request_context.current().in_request:
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return  # a worker thread (FastAPI's threadpool): where sync database calls belong
    raise BlockingCallOnEventLoop(
        "A blocking database call ran on the event loop; make the route or dependency a plain `def`."
    )


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    return on_connect


def _sqlite_begin(conn) -> None:
    """A writer takes the write lock at BEGIN: a deferred transaction that read first cannot wait for
    the lock later (SQLite answers SQLITE_BUSY at once to keep its snapshot consistent)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if request_context.current().writes else "BEGIN")


def _postgresql_utc(dbapi_connection, _record) -> None:
    """Sessions in UTC: psycopg returns timestamptz in the session's TimeZone, which otherwise is
    the server's or the database's (an API would then answer 03:24-05:00 instead of 08:24Z)."""
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'UTC'")
    dbapi_connection.autocommit = autocommit


def postgresql_timeouts(settings: Settings) -> str:
    """libpq `options`: the timeouts every session starts with (migrations lift them locally)."""
    return (
        f"-c lock_timeout={settings.db_lock_timeout_ms} -c statement_timeout={settings.db_statement_timeout_ms} "
        f"-c idle_in_transaction_session_timeout={settings.db_idle_in_transaction_timeout_ms}"
    )


@lru_cache
def engine_for(url: str) -> Engine:
    """Cached per URL (tuned from the environment's settings); SQL parameters are kept out of error
    messages and logs (they hold password hashes and mistyped passwords). Every session of every entry
    point gets its engine here, so this is where the audit listener is installed."""
    audit_listener.install()
    derived.install()
    settings = get_settings()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas(settings.sqlite_busy_timeout_ms))
        event.listen(engine, "begin", _sqlite_begin)
    elif url.startswith("postgresql"):
        engine = create_engine(
            url,
            pool_pre_ping=True,
            hide_parameters=True,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout_seconds,
            connect_args={"options": postgresql_timeouts(settings)},
        )
        event.listen(engine, "connect", _postgresql_utc)
    else:
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    event.listen(engine, "before_cursor_execute", _refuse_on_event_loop)
    return engine


@contextmanager
def best_effort_write(session: Session) -> Iterator[None]:
    """Bookkeeping written during a reading request (a service token's last use): on SQLite a read
    transaction cannot wait for the write lock (an import may hold it for minutes), so the body's
    writes go in a savepoint that is dropped, not waited for, when the lock is taken. Elsewhere, and
    in writing requests, they are ordinary writes."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or request_context.current().writes:
        yield
        return
    connection.exec_driver_sql("PRAGMA busy_timeout = 0")
    try:
        with session.begin_nested():
            yield
    except OperationalError as exc:
        if "locked" not in str(exc.orig):
            raise
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(get_settings().sqlite_busy_timeout_ms)}")


# How long ANALYZE waits for its lock (another ANALYZE, a VACUUM) before it gives up, not the import.
ANALYZE_LOCK_TIMEOUT = "2s"


def refresh_statistics(session: Session, tables: Sequence[str]) -> bool:
    """ANALYZE `tables` inside the session's transaction (PostgreSQL), after a bulk write: the planner
    otherwise keeps the estimates of the empty tables. Statistics are a help, not the work: when the
    lock does not come within `ANALYZE_LOCK_TIMEOUT` (a manual VACUUM holds it), the savepoint is
    dropped and the caller's writes go on; autovacuum will analyze later. True when it ran."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    # SET LOCAL in a savepoint lasts until the savepoint is rolled back, or (released) to the end of
    # the transaction: so the request's own lock_timeout is put back by hand after a success.
    previous = session.execute(text("SELECT current_setting('lock_timeout')")).scalar_one()
    try:
        with session.begin_nested():
            session.execute(text(f"SET LOCAL lock_timeout = '{ANALYZE_LOCK_TIMEOUT}'"))
            session.execute(text(f"ANALYZE {', '.join(tables)}"))
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
            raise
        log.warning("ANALYZE %s skipped: its lock did not come within %s", ", ".join(tables), ANALYZE_LOCK_TIMEOUT)
        return False
    session.execute(text("SELECT set_config('lock_timeout', :value, true)"), {"value": previous})
    return True


async def get_engine(settings: Annotated[Settings, Depends(get_settings)]) -> Engine:
    """Async: `engine_for` is cached and creating an engine opens no connection, so this needs no trip
    through the threadpool (each costs ~0.1 ms of every request)."""
    return engine_for(settings.database_url)


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """One transaction per request: commit when the endpoint returns, roll back when it raises.

    Declared with scope="function" (see SessionDep) so the commit happens before the response
    is sent: a failed commit becomes an error response, never a 2xx that lied.
    """
    slot = (
        _writer_slots(str(engine.url)) if engine.dialect.name == "sqlite" and request_context.current().writes else None
    )
    if slot is not None and not slot.acquire(blocking=False):
        raise DatabaseBusy(
            "Too many changes are already waiting for the database; nothing was changed. "
            "Retry after the Retry-After delay.",
            headers={"Retry-After": "2"},
        )
    try:
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
    finally:
        if slot is not None:
            slot.release()


@lru_cache
def _writer_slots(url: str) -> threading.BoundedSemaphore:
    """SQLite has one writer: requests that write queue for it, each holding one of the threadpool's
    threads meanwhile (an import holds the lock for its whole file). Beyond this many, a writer is told
    to come back at once, so reads and /healthz always find a thread."""
    return threading.BoundedSemaphore(get_settings().sqlite_max_waiting_writers)


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
