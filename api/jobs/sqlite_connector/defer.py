"""Inserting jobs, shared by the connector's `defer_jobs` and `defer_periodic_job` and by
`defer_job_sql`, which enqueues on a caller's connection inside its transaction."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy
import sqlalchemy.exc
from procrastinate import exceptions, types
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from api.jobs.sqlite_connector.connections import (
    QUEUEING_LOCK_CONSTRAINT,
    CallerSQLAlchemy,
    Db,
    connector_errors,
    sqlalchemy_connection,
    to_db_time,
)

_INSERT_CHUNK = 500  # 7 parameters a job, well under SQLite's 32766 variables a statement


def insert_jobs(db: Db, jobs: Sequence[types.JobToDefer], dumps: Callable[[Any], str]) -> list[int]:
    """Insert jobs as 'todo', in order, and return their ids.

    One multi-row INSERT a chunk, so a queueing-lock conflict inserts nothing even on a caller's
    connection, where there is no transaction of ours to roll back.
    """
    ids: list[int] = []
    for start in range(0, len(jobs), _INSERT_CHUNK):
        chunk = jobs[start : start + _INSERT_CHUNK]
        values: list[str] = []
        params: dict[str, Any] = {}
        for i, job in enumerate(chunk):
            values.append(f"(:q{i}, :t{i}, :p{i}, :l{i}, :ql{i}, :a{i}, :s{i})")
            params |= {
                f"q{i}": job.queue_name,
                f"t{i}": job.task_name,
                f"p{i}": job.priority,
                f"l{i}": job.lock,
                f"ql{i}": job.queueing_lock,
                f"a{i}": dumps(job.args),
                f"s{i}": to_db_time(job.scheduled_at),
            }
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
                str(exc),
                constraint_name=QUEUEING_LOCK_CONSTRAINT,
                queueing_lock=_conflicting_queueing_lock(db, chunk),
            ) from exc
        # RETURNING's order is unspecified; AUTOINCREMENT ids follow the VALUES order.
        ids.extend(sorted(row["id"] for row in rows))
    return ids


def _conflicting_queueing_lock(db: Db, jobs: Sequence[types.JobToDefer]) -> str | None:
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
    conn = sqlalchemy_connection(connection)
    job = types.JobToDefer(
        queue_name=queue,
        task_name=task_name,
        priority=priority,
        lock=lock,
        queueing_lock=queueing_lock,
        args=args or {},
        scheduled_at=scheduled_at,
    )
    try:
        with connector_errors():
            if conn.dialect.name == "sqlite":
                (job_id,) = insert_jobs(CallerSQLAlchemy(conn), [job], json.dumps)
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
            return conn.execute(
                sqlalchemy.text(_POSTGRESQL_DEFER), {**job._asdict(), "args": json.dumps(job.args)}
            ).scalar_one()
    except sqlalchemy.exc.IntegrityError as exc:
        constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
        if constraint is None:
            raise
        raise exceptions.UniqueViolation(
            str(exc.orig), constraint_name=constraint, queueing_lock=job.queueing_lock
        ) from exc
