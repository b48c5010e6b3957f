"""procrastinate on SQLite: a connector for the embedded database of `make run`.

procrastinate ships PostgreSQL connectors only: its schema is PL/pgSQL functions and triggers, and
each query of its `sql/queries.sql` calls one of them. This connector recognises every such query
by its text (as procrastinate's own InMemoryConnector does) and runs the SQLite equivalent of the
function it calls, with the same rules: the same tables and column names, the same partial unique
indexes (one 'todo' job per queueing lock, one 'doing' job per lock), the same event rows (written
by triggers, as on PostgreSQL), and the same fetch rule (a job waits while a job with its lock is
'doing', or is an earlier or higher-priority 'todo' one, due or not).

Several processes share the file (web processes that defer, one or more workers), so:
- every write runs in `BEGIN IMMEDIATE`: SQLite's single writer lock is taken before the first read,
  so two workers can never select the same job, and waiting for the lock goes through the busy
  timeout (30 s) instead of failing with "database is locked" as an upgraded read would;
- an idle fetch looks for a candidate without the write lock first, so polling never blocks writers;
- each thread has its own connection (WAL, foreign keys on, busy timeout); async calls run the
  same code in a thread (`asyncio.to_thread`), sync calls (`task.defer()` from a FastAPI threadpool
  or from a plain script) run it directly, with no event loop involved;
- timestamps are UTC text `YYYY-MM-DD HH:MM:SS.ffffff`, which sorts like time; job args are JSON text.

SQLite has no LISTEN/NOTIFY. `listen_notify` emulates the two notifications procrastinate sends
(`job_inserted`, `abort_job_requested`) by polling a cheap read every `notify_interval` seconds, so
a worker wakes within that interval rather than its `fetch_job_polling_interval`.

Within a web request that has already written through its SQLAlchemy session, defer through that
same connection (`defer_job_sql(session.connection(), ...)` or
`task.configure(connection=session.connection()).defer(...)`): the connector's own connection would
wait for the request's write lock, which is only released when the request commits (a 30 s wait,
then "database is locked").
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy
import sqlalchemy.exc
from procrastinate import connector, exceptions, manager, schema, sql, types, utils
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

TABLE_PREFIX = "procrastinate_"  # Alembic's autogenerate must leave these tables alone
QUEUEING_LOCK_CONSTRAINT = manager.QUEUEING_LOCK_CONSTRAINT
LOCK_CONSTRAINT = "procrastinate_jobs_lock_idx_v1"
DEFAULT_BUSY_TIMEOUT = 30.0
DEFAULT_NOTIFY_INTERVAL = 0.5
_INSERT_CHUNK = 500  # 7 parameters a job, well under SQLite's 32766 variables a statement

_STATUSES = "'todo', 'doing', 'succeeded', 'failed', 'cancelled', 'aborting', 'aborted'"
_EVENT_TYPES = (
    "'deferred', 'started', 'deferred_for_retry', 'failed', 'succeeded', 'cancelled', "
    "'abort_requested', 'aborted', 'scheduled', 'retried'"
)
_SQL_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now'))"

SQLITE_SCHEMA: list[str] = [
    f"""CREATE TABLE procrastinate_workers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    last_heartbeat TEXT NOT NULL DEFAULT {_SQL_NOW}
)""",
    f"""CREATE TABLE procrastinate_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue_name VARCHAR(128) NOT NULL,
    task_name VARCHAR(128) NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    lock TEXT,
    queueing_lock TEXT,
    args TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(args)),
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ({_STATUSES})),
    scheduled_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    abort_requested INTEGER NOT NULL DEFAULT 0 CHECK (abort_requested IN (0, 1)),
    worker_id INTEGER REFERENCES procrastinate_workers (id) ON DELETE SET NULL,
    CONSTRAINT check_not_todo_abort_requested CHECK (NOT (status = 'todo' AND abort_requested = 1))
)""",
    """CREATE TABLE procrastinate_periodic_defers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_name VARCHAR(128) NOT NULL,
    defer_timestamp BIGINT,
    job_id INTEGER REFERENCES procrastinate_jobs (id),
    periodic_id VARCHAR(128) NOT NULL DEFAULT '',
    CONSTRAINT procrastinate_periodic_defers_unique UNIQUE (task_name, periodic_id, defer_timestamp)
)""",
    f"""CREATE TABLE procrastinate_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL REFERENCES procrastinate_jobs (id) ON DELETE CASCADE,
    type TEXT CHECK (type IN ({_EVENT_TYPES})),
    at TEXT DEFAULT {_SQL_NOW}
)""",
    # One 'todo' job per queueing lock (AlreadyEnqueued), one 'doing' job per lock.
    "CREATE UNIQUE INDEX procrastinate_jobs_queueing_lock_idx_v1 ON procrastinate_jobs (queueing_lock) "
    "WHERE status = 'todo'",
    "CREATE UNIQUE INDEX procrastinate_jobs_lock_idx_v1 ON procrastinate_jobs (lock) WHERE status = 'doing'",
    "CREATE INDEX idx_procrastinate_jobs_worker_not_null ON procrastinate_jobs (worker_id) "
    "WHERE worker_id IS NOT NULL AND status = 'doing'",
    "CREATE INDEX procrastinate_jobs_queue_name_idx_v1 ON procrastinate_jobs (queue_name)",
    "CREATE INDEX procrastinate_jobs_id_lock_idx_v1 ON procrastinate_jobs (id, lock) "
    "WHERE status IN ('todo', 'doing')",
    "CREATE INDEX procrastinate_jobs_priority_idx_v1 ON procrastinate_jobs (priority DESC, id ASC) "
    "WHERE status = 'todo'",
    # SQLite only: the fetch rule's look-up of a lock's other jobs, and the abort polls.
    "CREATE INDEX procrastinate_jobs_lock_status_idx_v1 ON procrastinate_jobs (lock, status) "
    "WHERE lock IS NOT NULL",
    "CREATE INDEX procrastinate_jobs_abort_requested_idx_v1 ON procrastinate_jobs (id) "
    "WHERE status = 'doing' AND abort_requested = 1",
    "CREATE INDEX procrastinate_events_job_id_fkey_v1 ON procrastinate_events (job_id)",
    "CREATE INDEX procrastinate_periodic_defers_job_id_fkey_v1 ON procrastinate_periodic_defers (job_id)",
    "CREATE INDEX idx_procrastinate_workers_last_heartbeat ON procrastinate_workers (last_heartbeat)",
    # The event rows of PostgreSQL's triggers, written the same way.
    """CREATE TRIGGER procrastinate_trigger_status_events_insert_v1
AFTER INSERT ON procrastinate_jobs FOR EACH ROW WHEN NEW.status = 'todo'
BEGIN
    INSERT INTO procrastinate_events (job_id, type) VALUES (NEW.id, 'deferred');
END""",
    """CREATE TRIGGER procrastinate_trigger_status_events_update_v1
AFTER UPDATE OF status ON procrastinate_jobs FOR EACH ROW
BEGIN
    INSERT INTO procrastinate_events (job_id, type)
    SELECT NEW.id, event_type FROM (SELECT CASE
        WHEN OLD.status = 'todo' AND NEW.status = 'doing' THEN 'started'
        WHEN OLD.status = 'doing' AND NEW.status = 'todo' THEN 'deferred_for_retry'
        WHEN OLD.status = 'doing' AND NEW.status = 'failed' THEN 'failed'
        WHEN OLD.status = 'doing' AND NEW.status = 'succeeded' THEN 'succeeded'
        WHEN OLD.status = 'todo' AND NEW.status IN ('cancelled', 'failed', 'succeeded') THEN 'cancelled'
        WHEN OLD.status = 'doing' AND NEW.status = 'aborted' THEN 'aborted'
        WHEN OLD.status = 'failed' AND NEW.status = 'todo' THEN 'retried'
    END AS event_type)
    WHERE event_type IS NOT NULL;
END""",
    """CREATE TRIGGER procrastinate_trigger_scheduled_events_insert_v1
AFTER INSERT ON procrastinate_jobs FOR EACH ROW
WHEN NEW.scheduled_at IS NOT NULL AND NEW.status = 'todo'
BEGIN
    INSERT INTO procrastinate_events (job_id, type, at) VALUES (NEW.id, 'scheduled', NEW.scheduled_at);
END""",
    """CREATE TRIGGER procrastinate_trigger_scheduled_events_update_v1
AFTER UPDATE ON procrastinate_jobs FOR EACH ROW
WHEN NEW.scheduled_at IS NOT NULL AND NEW.status = 'todo'
BEGIN
    INSERT INTO procrastinate_events (job_id, type, at) VALUES (NEW.id, 'scheduled', NEW.scheduled_at);
END""",
    """CREATE TRIGGER procrastinate_trigger_abort_requested_events_v1
AFTER UPDATE OF abort_requested ON procrastinate_jobs FOR EACH ROW WHEN NEW.abort_requested = 1
BEGIN
    INSERT INTO procrastinate_events (job_id, type) VALUES (NEW.id, 'abort_requested');
END""",
    """CREATE TRIGGER procrastinate_trigger_delete_jobs_v1
BEFORE DELETE ON procrastinate_jobs FOR EACH ROW
BEGIN
    UPDATE procrastinate_periodic_defers SET job_id = NULL WHERE job_id = OLD.id;
END""",
]

SQLITE_SCHEMA_DROP: list[str] = [
    "DROP TABLE procrastinate_events",
    "DROP TABLE procrastinate_periodic_defers",
    "DROP TABLE procrastinate_jobs",
    "DROP TABLE procrastinate_workers",
]
"""For the migration's downgrade: dropping the tables drops their indexes and triggers."""


# --- time and rows ----------------------------------------------------------------------------

def _format_time(value: dt.datetime) -> str:
    if value.tzinfo is None:  # procrastinate's datetimes are aware; a naive one is taken as UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _to_db_time(value: dt.datetime | None) -> str | None:
    return None if value is None else _format_time(value)


def _from_db_time(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


def _now() -> str:
    return _format_time(utils.utcnow())


def _ago(seconds: float) -> str:
    return _format_time(utils.utcnow() - dt.timedelta(seconds=float(seconds)))


_JOB_COLUMNS = (
    "id, status, task_name, priority, lock, queueing_lock, args, scheduled_at, queue_name, attempts, worker_id"
)
_EMPTY_JOB: dict[str, Any] = dict.fromkeys(_JOB_COLUMNS.split(", "))


def _job_row(row: dict[str, Any], loads: Callable[[str], Any]) -> dict[str, Any]:
    row = dict(row)
    row["args"] = loads(row["args"])
    row["scheduled_at"] = _from_db_time(row["scheduled_at"])
    if "abort_requested" in row:
        row["abort_requested"] = bool(row["abort_requested"])
    if "started_at" in row:
        row["started_at"] = _from_db_time(row["started_at"])
    return row


# --- where queries run: the connector's own connection, or a caller's ---------------------------

class _Db(Protocol):
    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...

    def write(self) -> contextlib.AbstractContextManager[None]: ...


class _OwnConnection:
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


class _CallerSQLite:
    """A caller's sqlite3 connection: its transaction is the caller's."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.conn.execute(query, params or {})
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def write(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


class _CallerSQLAlchemy:
    """A caller's SQLAlchemy connection (e.g. a request's session): its transaction is the caller's."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def all(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self.conn.execute(sqlalchemy.text(query), params or {})
        return [dict(row) for row in result.mappings().all()] if result.returns_rows else []

    def write(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


def _sqlalchemy_connection(connection: Connection | Session) -> Connection:
    return connection.connection() if isinstance(connection, Session) else connection


def _caller_db(connection: Any) -> _Db:
    if isinstance(connection, sqlite3.Connection):
        return _CallerSQLite(connection)
    if isinstance(connection, Connection | Session):
        conn = _sqlalchemy_connection(connection)
        if conn.dialect.name != "sqlite":
            raise exceptions.ConnectorException(
                f"SQLiteConnector cannot run on a {conn.dialect.name} connection"
            )
        return _CallerSQLAlchemy(conn)
    raise exceptions.ConnectorException(
        f"SQLiteConnector takes a sqlite3 or SQLAlchemy connection, not {type(connection).__name__}"
    )


def _connect(path: str, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")  # events cascade, worker_id is set NULL, as on PostgreSQL
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer
    return conn


def _database_path(database: str | os.PathLike[str]) -> str:
    text = os.fspath(database)
    if text.startswith("sqlite:"):
        text = make_url(text).database or ""
    if not text or text == ":memory:" or text.startswith("file::memory:"):
        raise ValueError("SQLiteConnector needs a database file: an in-memory database is per connection")
    return str(Path(text).resolve())


_WRITE_LOCKS: dict[str, threading.RLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock_for(path: str) -> threading.RLock:
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
def _connector_errors() -> Iterator[None]:
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


# --- inserting jobs: shared by defer_jobs, defer_periodic_job and defer_job_sql ------------------

def _insert_jobs(db: _Db, jobs: Sequence[types.JobToDefer], dumps: Callable[[Any], str]) -> list[int]:
    """Insert jobs as 'todo', in order, and return their ids.

    One multi-row INSERT a chunk, so a queueing-lock conflict inserts nothing even on a caller's
    connection, where there is no transaction of ours to roll back.
    """
    ids: list[int] = []
    for start in range(0, len(jobs), _INSERT_CHUNK):
        chunk = jobs[start:start + _INSERT_CHUNK]
        values, params = [], {}
        for i, job in enumerate(chunk):
            values.append(f"(:q{i}, :t{i}, :p{i}, :l{i}, :ql{i}, :a{i}, :s{i})")
            params |= {f"q{i}": job.queue_name, f"t{i}": job.task_name, f"p{i}": job.priority,
                       f"l{i}": job.lock, f"ql{i}": job.queueing_lock, f"a{i}": dumps(job.args),
                       f"s{i}": _to_db_time(job.scheduled_at)}
        try:
            rows = db.all(
                "INSERT INTO procrastinate_jobs (queue_name, task_name, priority, lock, queueing_lock, args, "
                f"scheduled_at) VALUES {', '.join(values)} RETURNING id",
                params,
            )
        except (sqlite3.IntegrityError, sqlalchemy.exc.IntegrityError) as exc:
            if "procrastinate_jobs.queueing_lock" not in str(exc):
                raise
            raise exceptions.UniqueViolation(
                str(exc), constraint_name=QUEUEING_LOCK_CONSTRAINT,
                queueing_lock=_conflicting_queueing_lock(db, chunk),
            ) from exc
        # RETURNING's order is unspecified; AUTOINCREMENT ids follow the VALUES order.
        ids.extend(sorted(row["id"] for row in rows))
    return ids


def _conflicting_queueing_lock(db: _Db, jobs: Sequence[types.JobToDefer]) -> str | None:
    locks = [job.queueing_lock for job in jobs if job.queueing_lock is not None]
    seen: set[str] = set()
    for lock in locks:
        if lock in seen:
            return lock
        seen.add(lock)
    rows = db.all(
        "SELECT queueing_lock FROM procrastinate_jobs WHERE status = 'todo' "
        "AND queueing_lock IN (SELECT value FROM json_each(:locks)) LIMIT 1",
        {"locks": json.dumps(locks)},
    )
    return rows[0]["queueing_lock"] if rows else None


_POSTGRESQL_DEFER = (
    "SELECT unnest(procrastinate_defer_jobs_v1(ARRAY[ROW(CAST(:queue_name AS varchar), "
    "CAST(:task_name AS varchar), CAST(:priority AS integer), CAST(:lock AS text), CAST(:queueing_lock AS text), "
    "CAST(:args AS jsonb), CAST(:scheduled_at AS timestamptz))]::procrastinate_job_to_defer_v1[])) AS id"
)


def defer_job_sql(
    connection: Connection | Session,
    *,
    task_name: str,
    args: types.JSONDict | None = None,
    queue: str = "default",
    priority: int = 0,
    lock: str | None = None,
    queueing_lock: str | None = None,
    scheduled_at: dt.datetime | None = None,
) -> int:
    """Enqueue a job on the caller's SQLAlchemy connection, inside its transaction: the job and
    the rows it refers to commit (or roll back) together. Returns the job's id.

    `task_name` is the task's registered name (`task.name`). Raises AlreadyEnqueued when a 'todo'
    job holds `queueing_lock`, and the caller's transaction stays usable. On PostgreSQL it calls
    procrastinate's own function (in a savepoint), so the same call serves both databases.
    """
    conn = _sqlalchemy_connection(connection)
    job = types.JobToDefer(queue_name=queue, task_name=task_name, priority=priority, lock=lock,
                           queueing_lock=queueing_lock, args=args or {}, scheduled_at=scheduled_at)
    try:
        with _connector_errors():
            if conn.dialect.name == "sqlite":
                (job_id,) = _insert_jobs(_CallerSQLAlchemy(conn), [job], json.dumps)
            elif conn.dialect.name == "postgresql":
                job_id = _defer_on_postgresql(conn, job)
            else:
                raise exceptions.ConnectorException(f"defer_job_sql does not know {conn.dialect.name}")
    except exceptions.UniqueViolation as exc:
        if exc.constraint_name != QUEUEING_LOCK_CONSTRAINT:
            raise
        raise exceptions.AlreadyEnqueued(
            f"Job cannot be enqueued: there is already a job in the queue with the queueing lock {queueing_lock}"
        ) from exc
    return job_id


def _defer_on_postgresql(conn: Connection, job: types.JobToDefer) -> int:
    try:
        with conn.begin_nested():  # a failed statement would otherwise abort the caller's transaction
            return conn.execute(sqlalchemy.text(_POSTGRESQL_DEFER), {**job._asdict(), "args": json.dumps(job.args)}
                                ).scalar_one()
    except sqlalchemy.exc.IntegrityError as exc:
        constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
        if constraint is None:
            raise
        raise exceptions.UniqueViolation(str(exc.orig), constraint_name=constraint,
                                         queueing_lock=job.queueing_lock) from exc


# --- the connector ------------------------------------------------------------------------------

_QUERY_NAMES: dict[str, str] = {text: name for name, text in sql.queries.items()}
_SCHEMA_TEXT = schema.SchemaManager.get_schema()
_QUERY_NAMES[_SCHEMA_TEXT] = _QUERY_NAMES[_SCHEMA_TEXT.replace("%", "%%")] = "apply_schema"

_FETCH_CANDIDATE = """
SELECT jobs.id FROM procrastinate_jobs AS jobs
WHERE jobs.status = 'todo'
  AND (:queues IS NULL OR jobs.queue_name IN (SELECT value FROM json_each(:queues)))
  AND (jobs.scheduled_at IS NULL OR jobs.scheduled_at <= :now)
  AND NOT EXISTS (
      SELECT 1 FROM procrastinate_jobs AS other
      WHERE jobs.lock IS NOT NULL AND other.lock = jobs.lock
        AND (other.status = 'doing'
             OR (other.status = 'todo'
                 AND (other.priority > jobs.priority
                      OR (other.priority = jobs.priority AND other.id < jobs.id)))))
ORDER BY jobs.priority DESC, jobs.id ASC
LIMIT 1
"""

_FILTERS = """
    (:queue_name IS NULL OR queue_name = :queue_name)
    AND (:task_name IS NULL OR task_name = :task_name)
    AND (:status IS NULL OR status = :status)
    AND (:lock IS NULL OR lock = :lock)"""


def _stats_query(group: str, extra: str = "") -> str:
    return f"""
SELECT name, SUM(n) AS jobs_count, json_group_object(status, n) AS stats
FROM (SELECT {group} AS name, status, COUNT(*) AS n FROM procrastinate_jobs
      WHERE {_FILTERS}{extra} GROUP BY {group}, status)
GROUP BY name ORDER BY name"""


class SQLiteConnector(connector.BaseAsyncConnector):
    """procrastinate's connector for a SQLite file shared by several processes (see the module)."""

    def __init__(
        self,
        database: str | os.PathLike[str],
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        notify_interval: float | None = DEFAULT_NOTIFY_INTERVAL,
        json_dumps: Callable[[Any], str] | None = None,
        json_loads: Callable[[str], Any] | None = None,
    ):
        """`database`: a path or a `sqlite:///` URL. `notify_interval`: how often a listening
        worker looks for new jobs and abort requests (None: rely on the worker's polling)."""
        self.path = _database_path(database)
        self.busy_timeout = busy_timeout
        self.notify_interval = notify_interval
        self.json_dumps = json_dumps
        self.json_loads = json_loads
        self._dumps = json_dumps or json.dumps
        self._loads = json_loads or json.loads
        self._local = threading.local()
        self._generation = 0  # bumped by close(): threads then open new connections
        self._opened: list[tuple[int, threading.Thread, sqlite3.Connection]] = []
        self._opened_guard = threading.Lock()

    # -- connections

    def _connection(self) -> sqlite3.Connection:
        key = (os.getpid(), self._generation)
        if getattr(self._local, "key", None) != key:  # a new thread, process or generation
            conn = _connect(self.path, self.busy_timeout)
            with self._opened_guard:
                alive = []
                for pid, thread, other in self._opened:  # a finished thread's connection is closed
                    if pid == os.getpid() and not thread.is_alive():
                        other.close()
                    else:
                        alive.append((pid, thread, other))
                self._opened = [*alive, (os.getpid(), threading.current_thread(), conn)]
            self._local.key, self._local.conn = key, conn
        return self._local.conn

    def _own(self) -> _OwnConnection:
        return _OwnConnection(self._connection(), _write_lock_for(self.path))

    def get_sync_connector(self) -> connector.BaseConnector:
        return self

    def open(self, pool: connector.Pool | None = None) -> None:
        if pool is not None:
            raise exceptions.ConnectorException("SQLiteConnector opens its own connections; it takes no pool")
        self._connection()

    async def open_async(self, pool: connector.Pool | None = None) -> None:
        await asyncio.to_thread(self.open, pool)

    def close(self) -> None:
        """Close this process's connections; the connector may be used again afterwards."""
        with self._opened_guard:
            self._generation += 1
            mine = [conn for pid, _thread, conn in self._opened if pid == os.getpid()]
            self._opened = []
        for conn in mine:
            conn.close()

    async def close_async(self) -> None:
        self.close()

    # -- queries: sync ones run here, async ones in a thread

    def _run(self, query: str, arguments: dict[str, Any], connection: Any = None) -> list[dict[str, Any]]:
        name = _QUERY_NAMES.get(query)
        handler = getattr(self, f"_q_{name}", None) if name else None
        if handler is None:
            raise NotImplementedError(f"SQLiteConnector has no equivalent for the query {name or query[:60]!r}")
        with _connector_errors():
            db = self._own() if connection is None else _caller_db(connection)
            return handler(db, **arguments)

    @staticmethod
    def _first(rows: list[dict[str, Any]]) -> dict[str, Any]:
        if not rows:
            raise exceptions.NoResult
        return rows[0]

    def execute_query(self, query: str, **arguments: Any) -> None:
        self._run(query, arguments)

    def execute_query_one(self, query: str, **arguments: Any) -> dict[str, Any]:
        return self._first(self._run(query, arguments))

    def execute_query_all(self, query: str, **arguments: Any) -> list[dict[str, Any]]:
        return self._run(query, arguments)

    def execute_query_one_with_connection(self, connection: Any, query: str, **arguments: Any) -> dict[str, Any]:
        return self._first(self._run(query, arguments, connection))

    def execute_query_all_with_connection(
        self, connection: Any, query: str, **arguments: Any
    ) -> list[dict[str, Any]]:
        return self._run(query, arguments, connection)

    async def execute_query_async(self, query: str, **arguments: Any) -> None:
        await asyncio.to_thread(self._run, query, arguments)

    async def execute_query_one_async(self, query: str, **arguments: Any) -> dict[str, Any]:
        return self._first(await asyncio.to_thread(self._run, query, arguments))

    async def execute_query_all_async(self, query: str, **arguments: Any) -> list[dict[str, Any]]:
        return await asyncio.to_thread(self._run, query, arguments)

    # A caller's connection is synchronous and may be bound to its thread: it is used in place.
    async def execute_query_one_async_with_connection(
        self, connection: Any, query: str, **arguments: Any
    ) -> dict[str, Any]:
        return self._first(self._run(query, arguments, connection))

    async def execute_query_all_async_with_connection(
        self, connection: Any, query: str, **arguments: Any
    ) -> list[dict[str, Any]]:
        return self._run(query, arguments, connection)

    # -- LISTEN/NOTIFY, emulated by polling

    async def listen_notify(self, on_notification: connector.Notify, channels: Iterable[str]) -> None:
        """Send procrastinate's notifications for jobs inserted and aborts requested since the
        last look. Never returns (the worker cancels it), as PostgreSQL's listener."""
        interval = self.notify_interval
        if interval is None:
            await asyncio.Event().wait()
            return
        channels = set(channels)
        state: dict[str, Any] | None = None
        while True:
            try:
                if state is None:
                    state = await asyncio.to_thread(self._notify_start)
                    continue
                notifications = await asyncio.to_thread(self._notify_poll, state)
            except exceptions.ConnectorException as exc:  # the worker's own polling still runs
                logger.warning(f"SQLite notify emulation: {exc}", extra={"action": "sqlite_notify_error"})
                notifications = []
            for queue_name, payload in notifications:
                for channel in ("procrastinate_any_queue_v1", f"procrastinate_queue_v1#{queue_name}"):
                    if channel in channels:
                        await on_notification(channel=channel, payload=json.dumps(payload))
            await asyncio.sleep(interval)

    def _notify_start(self) -> dict[str, Any]:
        db = self._own()
        with _connector_errors():
            (row,) = db.all("SELECT COALESCE(MAX(id), 0) AS last_id FROM procrastinate_jobs")
            aborts = db.all("SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND abort_requested = 1")
        return {"last_id": row["last_id"], "aborts": {r["id"] for r in aborts}}

    def _notify_poll(self, state: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        db = self._own()
        with _connector_errors():
            (row,) = db.all("SELECT COALESCE(MAX(id), 0) AS last_id FROM procrastinate_jobs")
            new = db.all(  # up to last_id only: a job inserted meanwhile is for the next look
                "SELECT MAX(id) AS job_id, queue_name FROM procrastinate_jobs "
                "WHERE id > :seen AND id <= :last_id AND status = 'todo' GROUP BY queue_name",
                {"seen": state["last_id"], "last_id": row["last_id"]},
            )
            aborts = db.all(
                "SELECT id, queue_name FROM procrastinate_jobs WHERE status = 'doing' AND abort_requested = 1"
            )
        notifications = [(r["queue_name"], {"type": "job_inserted", "job_id": r["job_id"]}) for r in new]
        notifications += [(r["queue_name"], {"type": "abort_job_requested", "job_id": r["id"]})
                          for r in aborts if r["id"] not in state["aborts"]]
        state["last_id"] = max(state["last_id"], row["last_id"])
        state["aborts"] = {r["id"] for r in aborts}
        return notifications

    # -- one method a query of procrastinate's sql/queries.sql, named _q_<query name>

    def _q_defer_jobs(self, db: _Db, jobs: list[types.JobToDefer]) -> list[dict[str, Any]]:
        with db.write():
            return [{"id": job_id} for job_id in _insert_jobs(db, jobs, self._dumps)]

    def _q_defer_periodic_job(
        self, db: _Db, queue: str, lock: str | None, queueing_lock: str | None, task_name: str,
        priority: int, periodic_id: str, defer_timestamp: int, args: types.JSONDict,
    ) -> list[dict[str, Any]]:
        keys = {"task_name": task_name, "periodic_id": periodic_id, "defer_timestamp": defer_timestamp}
        with db.write():
            inserted = db.all(
                "INSERT INTO procrastinate_periodic_defers (task_name, periodic_id, defer_timestamp) "
                "VALUES (:task_name, :periodic_id, :defer_timestamp) ON CONFLICT DO NOTHING RETURNING id",
                keys,
            )
            if not inserted:  # another worker deferred this tick
                return [{"id": None}]
            job = types.JobToDefer(queue_name=queue, task_name=task_name, priority=priority, lock=lock,
                                   queueing_lock=queueing_lock, args=args, scheduled_at=None)
            (job_id,) = _insert_jobs(db, [job], self._dumps)
            db.all("UPDATE procrastinate_periodic_defers SET job_id = :job_id WHERE id = :id",
                   {"job_id": job_id, "id": inserted[0]["id"]})
            db.all(
                "DELETE FROM procrastinate_periodic_defers WHERE task_name = :task_name "
                "AND periodic_id = :periodic_id AND defer_timestamp < :defer_timestamp",
                keys,
            )
        return [{"id": job_id}]

    def _q_fetch_job(self, db: _Db, queues: Iterable[str] | None, worker_id: int) -> list[dict[str, Any]]:
        params = {"queues": None if queues is None else json.dumps(list(queues)), "now": _now()}
        if not db.all(_FETCH_CANDIDATE, params):  # idle: no write lock taken
            return [dict(_EMPTY_JOB)]
        with db.write():  # look again under the lock: another worker may have taken it
            candidate = db.all(_FETCH_CANDIDATE, params)
            if not candidate:
                return [dict(_EMPTY_JOB)]
            (row,) = db.all(
                f"UPDATE procrastinate_jobs SET status = 'doing', worker_id = :worker_id "
                f"WHERE id = :id RETURNING {_JOB_COLUMNS}",
                {"worker_id": worker_id, "id": candidate[0]["id"]},
            )
        return [_job_row(row, self._loads)]

    def _q_finish_job(self, db: _Db, job_id: int, status: str, delete_job: bool) -> list[dict[str, Any]]:
        if status not in ("succeeded", "failed", "aborted"):
            raise exceptions.ConnectorException(
                f'End status should be either "succeeded", "failed" or "aborted" (job id: {job_id})'
            )
        with db.write():
            if delete_job:
                done = db.all("DELETE FROM procrastinate_jobs WHERE id = :job_id AND status IN ('todo', 'doing') "
                              "RETURNING id", {"job_id": job_id})
            else:
                done = db.all(
                    "UPDATE procrastinate_jobs SET status = :status, abort_requested = 0, "
                    "attempts = CASE status WHEN 'doing' THEN attempts + 1 ELSE attempts END "
                    "WHERE id = :job_id AND status IN ('todo', 'doing') RETURNING id",
                    {"job_id": job_id, "status": status},
                )
            if not done:
                raise exceptions.ConnectorException(
                    f'Job was not found or not in "doing" or "todo" status (job id: {job_id})'
                )
        return []

    def _q_cancel_job(self, db: _Db, job_id: int, abort: bool, delete_job: bool) -> list[dict[str, Any]]:
        params = {"job_id": job_id}
        with db.write():
            done = []
            if delete_job:
                done = db.all("DELETE FROM procrastinate_jobs WHERE id = :job_id AND status = 'todo' RETURNING id",
                              params)
            if not done and abort:
                done = db.all(
                    "UPDATE procrastinate_jobs SET abort_requested = 1, "
                    "status = CASE status WHEN 'todo' THEN 'cancelled' ELSE status END "
                    "WHERE id = :job_id AND status IN ('todo', 'doing') RETURNING id",
                    params,
                )
            elif not done:
                done = db.all("UPDATE procrastinate_jobs SET status = 'cancelled' "
                              "WHERE id = :job_id AND status = 'todo' RETURNING id", params)
        return [{"id": done[0]["id"] if done else None}]

    def _q_get_job_status(self, db: _Db, job_id: int) -> list[dict[str, Any]]:
        return db.all("SELECT status FROM procrastinate_jobs WHERE id = :job_id", {"job_id": job_id})

    def _q_retry_job(
        self, db: _Db, job_id: int, retry_at: dt.datetime | None, new_priority: int | None = None,
        new_queue_name: str | None = None, new_lock: str | None = None,
    ) -> list[dict[str, Any]]:
        with db.write():
            current = db.all("SELECT status, abort_requested FROM procrastinate_jobs "
                             "WHERE id = :job_id AND status IN ('doing', 'failed')", {"job_id": job_id})
            if current and current[0]["status"] == "doing" and current[0]["abort_requested"]:
                done = db.all("UPDATE procrastinate_jobs SET status = 'failed' "
                              "WHERE id = :job_id AND status = 'doing' RETURNING id", {"job_id": job_id})
            else:
                done = db.all(
                    "UPDATE procrastinate_jobs SET status = 'todo', attempts = attempts + 1, "
                    "scheduled_at = :retry_at, priority = COALESCE(:priority, priority), "
                    "queue_name = COALESCE(:queue_name, queue_name), lock = COALESCE(:lock, lock) "
                    "WHERE id = :job_id AND status IN ('doing', 'failed') RETURNING id",
                    {"job_id": job_id, "retry_at": _to_db_time(retry_at), "priority": new_priority,
                     "queue_name": new_queue_name, "lock": new_lock},
                )
            if not done:
                raise exceptions.ConnectorException(
                    f"Job was not found or has an invalid status to retry (job id: {job_id})"
                )
        return []

    def _q_select_stalled_jobs_by_started(
        self, db: _Db, nb_seconds: float, queue: str | None, task_name: str | None
    ) -> list[dict[str, Any]]:
        rows = db.all(
            f"""SELECT {", ".join(f"job.{column}" for column in _JOB_COLUMNS.split(", "))},
                       MAX(event.at) AS started_at
                FROM procrastinate_jobs AS job JOIN procrastinate_events AS event ON event.job_id = job.id
                WHERE event.type = 'started' AND job.status = 'doing'
                  AND (:queue IS NULL OR job.queue_name = :queue)
                  AND (:task_name IS NULL OR job.task_name = :task_name)
                GROUP BY job.id HAVING MAX(event.at) < :cutoff""",
            {"queue": queue, "task_name": task_name, "cutoff": _ago(nb_seconds)},
        )
        return [_job_row(row, self._loads) for row in rows]

    def _q_select_stalled_jobs_by_heartbeat(
        self, db: _Db, queue: str | None, task_name: str | None, seconds_since_heartbeat: float
    ) -> list[dict[str, Any]]:
        rows = db.all(
            f"""WITH stalled_workers AS (
                    SELECT id FROM procrastinate_workers WHERE last_heartbeat < :cutoff)
                SELECT {", ".join(f"job.{column}" for column in _JOB_COLUMNS.split(", "))}
                FROM procrastinate_jobs AS job LEFT JOIN stalled_workers AS sw ON sw.id = job.worker_id
                WHERE job.status = 'doing'
                  AND (:queue IS NULL OR job.queue_name = :queue)
                  AND (:task_name IS NULL OR job.task_name = :task_name)
                  AND (job.worker_id IS NULL OR sw.id IS NOT NULL)""",
            {"queue": queue, "task_name": task_name, "cutoff": _ago(seconds_since_heartbeat)},
        )
        return [_job_row(row, self._loads) for row in rows]

    def _q_delete_old_jobs(
        self, db: _Db, nb_hours: float, queue: str | None, statuses: Iterable[str]
    ) -> list[dict[str, Any]]:
        with db.write():
            db.all(
                """DELETE FROM procrastinate_jobs WHERE id IN (
                       SELECT job.id FROM procrastinate_jobs AS job
                       JOIN procrastinate_events AS event ON event.job_id = job.id
                       WHERE job.status IN (SELECT value FROM json_each(:statuses))
                         AND (:queue IS NULL OR job.queue_name = :queue)
                       GROUP BY job.id HAVING MAX(event.at) < :cutoff)""",
                {"statuses": json.dumps(list(statuses)), "queue": queue, "cutoff": _ago(float(nb_hours) * 3600)},
            )
        return []

    def _q_listen_queue(self, db: _Db, **_identifiers: Any) -> list[dict[str, Any]]:
        return []  # LISTEN has no SQLite equivalent: see listen_notify

    def _q_check_connection(self, db: _Db) -> list[dict[str, Any]]:
        return db.all("SELECT (SELECT name FROM sqlite_master WHERE type = 'table' "
                      "AND name = 'procrastinate_jobs') AS \"check\"")

    def _q_count_jobs_status(self, db: _Db) -> list[dict[str, Any]]:
        return db.all("SELECT COUNT(*) AS count, status FROM procrastinate_jobs GROUP BY status")

    def _q_list_jobs(
        self, db: _Db, id: int | None = None, queue_name: str | None = None, task_name: str | None = None,
        status: str | None = None, lock: str | None = None, queueing_lock: str | None = None,
        worker_id: int | None = None,
    ) -> list[dict[str, Any]]:
        rows = db.all(
            f"""SELECT {_JOB_COLUMNS}, abort_requested FROM procrastinate_jobs
                WHERE (:id IS NULL OR id = :id) AND {_FILTERS}
                  AND (:queueing_lock IS NULL OR queueing_lock = :queueing_lock)
                  AND (:worker_id IS NULL OR worker_id = :worker_id)
                ORDER BY id""",
            {"id": id, "queue_name": queue_name, "task_name": task_name, "status": status, "lock": lock,
             "queueing_lock": queueing_lock, "worker_id": worker_id},
        )
        return [_job_row(row, self._loads) for row in rows]

    def _stats(self, db: _Db, query: str, **filters: Any) -> list[dict[str, Any]]:
        return [{**row, "stats": json.loads(row["stats"])} for row in db.all(query, filters)]

    def _q_list_queues(self, db: _Db, **filters: Any) -> list[dict[str, Any]]:
        return self._stats(db, _stats_query("queue_name"), **filters)

    def _q_list_tasks(self, db: _Db, **filters: Any) -> list[dict[str, Any]]:
        return self._stats(db, _stats_query("task_name"), **filters)

    def _q_list_locks(self, db: _Db, **filters: Any) -> list[dict[str, Any]]:
        return self._stats(db, _stats_query("lock", " AND lock IS NOT NULL"), **filters)

    def _q_list_jobs_to_abort(self, db: _Db, queue_name: str | None) -> list[dict[str, Any]]:
        return db.all("SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND abort_requested = 1 "
                      "AND (:queue_name IS NULL OR queue_name = :queue_name)", {"queue_name": queue_name})

    def _q_register_worker(self, db: _Db) -> list[dict[str, Any]]:
        with db.write():
            return db.all("INSERT INTO procrastinate_workers (last_heartbeat) VALUES (:now) "
                          "RETURNING id AS worker_id", {"now": _now()})

    def _q_unregister_worker(self, db: _Db, worker_id: int) -> list[dict[str, Any]]:
        with db.write():
            db.all("DELETE FROM procrastinate_workers WHERE id = :worker_id", {"worker_id": worker_id})
        return []

    def _q_update_heartbeat(self, db: _Db, worker_id: int) -> list[dict[str, Any]]:
        with db.write():
            db.all("UPDATE procrastinate_workers SET last_heartbeat = :now WHERE id = :worker_id",
                   {"now": _now(), "worker_id": worker_id})
        return []

    def _q_prune_stalled_workers(self, db: _Db, seconds_since_heartbeat: float) -> list[dict[str, Any]]:
        with db.write():
            return db.all("DELETE FROM procrastinate_workers WHERE last_heartbeat < :cutoff "
                          "RETURNING id AS worker_id", {"cutoff": _ago(seconds_since_heartbeat)})

    def _q_apply_schema(self, db: _Db) -> list[dict[str, Any]]:
        """procrastinate's `SchemaManager.apply_schema` (the CLI's `schema --apply`) runs this."""
        with db.write():
            for statement in SQLITE_SCHEMA:
                db.all(statement)
        return []
