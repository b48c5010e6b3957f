"""The connector procrastinate calls: connections per thread and process, queries dispatched by their
text to `queries.JobQueries`, and LISTEN/NOTIFY emulated by polling."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from typing import Any

from procrastinate import connector, exceptions, schema, sql

from api.jobs.sqlite_connector.connections import (
    DEFAULT_BUSY_TIMEOUT,
    OwnConnection,
    caller_db,
    connect,
    connector_errors,
    database_path,
    write_lock_for,
)
from api.jobs.sqlite_connector.queries import JobQueries

logger = logging.getLogger("api.jobs.sqlite_connector")

DEFAULT_NOTIFY_INTERVAL = 0.5
_QUERY_NAMES: dict[str, str] = {text: name for name, text in sql.queries.items()}
_SCHEMA_TEXT = schema.SchemaManager.get_schema()
_QUERY_NAMES[_SCHEMA_TEXT] = _QUERY_NAMES[_SCHEMA_TEXT.replace("%", "%%")] = "apply_schema"


class SQLiteConnector(JobQueries, connector.BaseAsyncConnector):
    """procrastinate's connector for a SQLite file shared by several processes (see the package)."""

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
        self.path = database_path(database)
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
            conn = connect(self.path, self.busy_timeout)
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

    def _own(self) -> OwnConnection:
        return OwnConnection(self._connection(), write_lock_for(self.path))

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
        with connector_errors():
            db = self._own() if connection is None else caller_db(connection)
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

    def execute_query_all_with_connection(self, connection: Any, query: str, **arguments: Any) -> list[dict[str, Any]]:
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
        with connector_errors():
            (row,) = db.all("SELECT COALESCE(MAX(id), 0) AS last_id FROM procrastinate_jobs")
            aborts = db.all("SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND abort_requested = 1")
        return {"last_id": row["last_id"], "aborts": {r["id"] for r in aborts}}

    def _notify_poll(self, state: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        db = self._own()
        with connector_errors():
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
        notifications += [
            (r["queue_name"], {"type": "abort_job_requested", "job_id": r["id"]})
            for r in aborts
            if r["id"] not in state["aborts"]
        ]
        state["last_id"] = max(state["last_id"], row["last_id"])
        state["aborts"] = {r["id"] for r in aborts}
        return notifications
