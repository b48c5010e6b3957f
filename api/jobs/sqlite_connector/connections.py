"""Where the connector's queries run: its own connection (one per thread, WAL, foreign keys on, busy
timeout; every write in `BEGIN IMMEDIATE`), or a caller's sqlite3 or SQLAlchemy connection, whose
transaction is the caller's. Also the time format of the tables, and database errors as
procrastinate's."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy
import sqlalchemy.exc
from procrastinate import exceptions, manager, utils
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

QUEUEING_LOCK_CONSTRAINT = manager.QUEUEING_LOCK_CONSTRAINT
LOCK_CONSTRAINT = "procrastinate_jobs_lock_idx_v1"
DEFAULT_BUSY_TIMEOUT = 30.0

# --- time and rows ----------------------------------------------------------------------------


def format_time(value: dt.datetime) -> str:
    if value.tzinfo is None:  # procrastinate's datetimes are aware; a naive one is taken as UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def to_db_time(value: dt.datetime | None) -> str | None:
    return None if value is None else format_time(value)


def from_db_time(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


def now() -> str:
    return format_time(utils.utcnow())


def ago(seconds: float) -> str:
    return format_time(utils.utcnow() - dt.timedelta(seconds=float(seconds)))


JOB_COLUMNS = (
    "id, status, task_name, priority, lock, queueing_lock, args, scheduled_at, queue_name, attempts, worker_id"
)
EMPTY_JOB: dict[str, Any] = dict.fromkeys(JOB_COLUMNS.split(", "))


def job_row(row: dict[str, Any], loads: Callable[[str], Any]) -> dict[str, Any]:
    row = dict(row)
    row["args"] = loads(row["args"])
    row["scheduled_at"] = from_db_time(row["scheduled_at"])
    if "abort_requested" in row:
        row["abort_requested"] = bool(row["abort_requested"])
    if "started_at" in row:
        row["started_at"] = from_db_time(row["started_at"])
    return row


# --- where queries run: the connector's own connection, or a caller's ---------------------------


class Db(Protocol):
    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...

    def write(self) -> contextlib.AbstractContextManager[None]: ...


class OwnConnection:
    """The connector's connection: it owns the transaction, one `BEGIN IMMEDIATE` per write."""

    def __init__(self, conn: sqlite3.Connection, write_lock: threading.RLock):
        self.conn = conn
        self.write_lock = write_lock

    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [dict(row) for row in self.conn.execute(query, params or {}).fetchall()]

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        # Threads of one process queue on a lock rather than in SQLite's busy handler, whose
        # sleeps (up to 100 ms) would add latency; other processes still queue in the busy handler.
        with self.write_lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise


class CallerSQLite:
    """A caller's sqlite3 connection: its transaction is the caller's."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.conn.execute(query, params or {})
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def write(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


class CallerSQLAlchemy:
    """A caller's SQLAlchemy connection (e.g. a request's session): its transaction is the caller's."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self.conn.execute(sqlalchemy.text(query), params or {})
        return [dict(row) for row in result.mappings().all()] if result.returns_rows else []

    def write(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


def sqlalchemy_connection(connection: Connection | Session) -> Connection:
    return connection.connection() if isinstance(connection, Session) else connection


def caller_db(connection: Any) -> Db:
    if isinstance(connection, sqlite3.Connection):
        return CallerSQLite(connection)
    if isinstance(connection, Connection | Session):
        conn = sqlalchemy_connection(connection)
        if conn.dialect.name != "sqlite":
            raise exceptions.ConnectorException(f"SQLiteConnector cannot run on a {conn.dialect.name} connection")
        return CallerSQLAlchemy(conn)
    raise exceptions.ConnectorException(
        f"SQLiteConnector takes a sqlite3 or SQLAlchemy connection, not {type(connection).__name__}"
    )


def connect(path: str, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")  # events cascade, worker_id is set NULL, as on PostgreSQL
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer
    return conn


def database_path(database: str | os.PathLike[str]) -> str:
    text = os.fspath(database)
    if text.startswith("sqlite:"):
        text = make_url(text).database or ""
    if not text or text == ":memory:" or text.startswith("file::memory:"):
        raise ValueError("SQLiteConnector needs a database file: an in-memory database is per connection")
    return str(Path(text).resolve())


_WRITE_LOCKS: dict[str, threading.RLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def write_lock_for(path: str) -> threading.RLock:
    """One a database file and process, whatever the number of connectors on it."""
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(path, threading.RLock())


def _forget_write_locks() -> None:
    """A forked child starts with fresh locks: another thread of the parent may have held one."""
    global _WRITE_LOCKS_GUARD
    _WRITE_LOCKS_GUARD = threading.Lock()
    _WRITE_LOCKS.clear()


os.register_at_fork(after_in_child=_forget_write_locks)


@contextlib.contextmanager
def connector_errors() -> Iterator[None]:
    """Database errors as procrastinate's, as its psycopg connector does."""
    try:
        yield
    except exceptions.ProcrastinateException:
        raise
    except (sqlite3.Error, sqlalchemy.exc.SQLAlchemyError) as exc:
        message = str(getattr(exc, "orig", None) or exc)
        if "UNIQUE constraint failed: procrastinate_jobs.queueing_lock" in message:
            raise exceptions.UniqueViolation(
                message, constraint_name=QUEUEING_LOCK_CONSTRAINT, queueing_lock=None
            ) from exc
        if "UNIQUE constraint failed: procrastinate_jobs.lock" in message:
            raise exceptions.UniqueViolation(message, constraint_name=LOCK_CONSTRAINT, queueing_lock=None) from exc
        raise exceptions.ConnectorException(message) from exc
