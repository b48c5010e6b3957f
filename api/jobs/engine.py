"""The task engine: procrastinate, on the database the app already uses.

Why procrastinate: it runs on PostgreSQL alone (no broker to operate), fetches with
`FOR UPDATE SKIP LOCKED` so any number of workers on any number of machines share one queue,
and brings what jobs need — retries with exponential backoff, worker heartbeats and stalled-job
detection, periodic tasks, `lock` (jobs sharing one run one at a time) and `queueing_lock`.
The embedded SQLite default runs the same engine through our SQLite connector
(`api/jobs/sqlite_connector/`), on one machine.

Jobs are deferred *inside the transaction that creates what they work on* (`defer`), so a job
and its row commit together or not at all: web processes never open an engine connection.
`upr worker` runs them (`api/jobs/worker.py`).
"""

from datetime import datetime
from functools import lru_cache
from typing import Any

import procrastinate
from sqlalchemy import make_url
from sqlmodel import Session

from api.jobs import sqlite_connector
from api.settings import get_settings

DEFAULT_QUEUE = "default"
# namespace -> module with `blueprint` (loaded by name: the engine sits below the domains it runs)
TASK_MODULES = {"imports": "api.imports.tasks", "classify": "api.classify.tasks", "jobs": "api.jobs.recovery"}


def connector_for(url: str) -> procrastinate.BaseConnector:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite_connector.SQLiteConnector(
            parsed.database or "", busy_timeout=get_settings().job_sqlite_busy_timeout_seconds
        )
    if parsed.get_backend_name() == "postgresql":
        conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
        return procrastinate.PsycopgConnector(conninfo=conninfo)
    raise ValueError(f"No task-engine connector for {parsed.get_backend_name()} databases")


def build_app(url: str) -> procrastinate.App:
    """A procrastinate App with every task of the project registered."""
    import importlib

    app = procrastinate.App(connector=connector_for(url))
    for namespace, module in TASK_MODULES.items():
        app.add_tasks_from(importlib.import_module(module).blueprint, namespace=namespace)
    return app


@lru_cache
def job_app() -> procrastinate.App:
    return build_app(get_settings().database_url)


def defer(
    session: Session,
    task_name: str,
    *,
    lock: str | None = None,
    queueing_lock: str | None = None,
    scheduled_at: datetime | None = None,
    queue: str = DEFAULT_QUEUE,
    **task_kwargs: Any,
) -> int:
    """Enqueue `task_name` in the session's own transaction (it commits with the caller's rows);
    returns the engine's job id. One write path for both databases: on PostgreSQL procrastinate's own
    defer function, on SQLite our connector's insert (`sqlite_connector.defer_job_sql`)."""
    return sqlite_connector.defer_job_sql(
        session,
        queue=queue,
        task_name=task_name,
        lock=lock,
        queueing_lock=queueing_lock,
        args=task_kwargs,
        scheduled_at=scheduled_at,
    )
