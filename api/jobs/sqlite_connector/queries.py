"""The SQLite equivalent of each query of procrastinate's `sql/queries.sql`, one method a query named
`_q_<query name>`, with the same rules as the PL/pgSQL functions they stand for. The fetch rule: a
job waits while a job with its lock is 'doing', or is an earlier or higher-priority 'todo' one, due
or not; an idle fetch looks without the write lock, so polling never blocks writers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from procrastinate import exceptions, types

from api.jobs.sqlite_connector.connections import EMPTY_JOB, JOB_COLUMNS, Db, ago, job_row, now, to_db_time
from api.jobs.sqlite_connector.defer import insert_jobs
from api.jobs.sqlite_connector.schema import SQLITE_SCHEMA

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


class JobQueries:
    """Mixed into `SQLiteConnector`, which finds a query's method by the query's name."""

    _dumps: Callable[[Any], str]
    _loads: Callable[[str], Any]

    def _q_defer_jobs(self, db: Db, jobs: list[types.JobToDefer]) -> list[dict[str, Any]]:
        with db.write():
            return [{"id": job_id} for job_id in insert_jobs(db, jobs, self._dumps)]

    def _q_defer_periodic_job(
        self,
        db: Db,
        queue: str,
        lock: str | None,
        queueing_lock: str | None,
        task_name: str,
        priority: int,
        periodic_id: str,
        defer_timestamp: int,
        args: types.JSONDict,
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
            job = types.JobToDefer(
                queue_name=queue,
                task_name=task_name,
                priority=priority,
                lock=lock,
                queueing_lock=queueing_lock,
                args=args,
                scheduled_at=None,
            )
            (job_id,) = insert_jobs(db, [job], self._dumps)
            db.all(
                "UPDATE procrastinate_periodic_defers SET job_id = :job_id WHERE id = :id",
                {"job_id": job_id, "id": inserted[0]["id"]},
            )
            db.all(
                "DELETE FROM procrastinate_periodic_defers WHERE task_name = :task_name "
                "AND periodic_id = :periodic_id AND defer_timestamp < :defer_timestamp",
                keys,
            )
        return [{"id": job_id}]

    def _q_fetch_job(self, db: Db, queues: Iterable[str] | None, worker_id: int) -> list[dict[str, Any]]:
        params = {"queues": None if queues is None else json.dumps(list(queues)), "now": now()}
        if not db.all(_FETCH_CANDIDATE, params):  # idle: no write lock taken
            return [dict(EMPTY_JOB)]
        with db.write():  # look again under the lock: another worker may have taken it
            candidate = db.all(_FETCH_CANDIDATE, params)
            if not candidate:
                return [dict(EMPTY_JOB)]
            (row,) = db.all(
                f"UPDATE procrastinate_jobs SET status = 'doing', worker_id = :worker_id "
                f"WHERE id = :id RETURNING {JOB_COLUMNS}",
                {"worker_id": worker_id, "id": candidate[0]["id"]},
            )
        return [job_row(row, self._loads)]

    def _q_finish_job(self, db: Db, job_id: int, status: str, delete_job: bool) -> list[dict[str, Any]]:
        if status not in ("succeeded", "failed", "aborted"):
            raise exceptions.ConnectorException(
                f'End status should be either "succeeded", "failed" or "aborted" (job id: {job_id})'
            )
        with db.write():
            if delete_job:
                done = db.all(
                    "DELETE FROM procrastinate_jobs WHERE id = :job_id AND status IN ('todo', 'doing') RETURNING id",
                    {"job_id": job_id},
                )
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

    def _q_cancel_job(self, db: Db, job_id: int, abort: bool, delete_job: bool) -> list[dict[str, Any]]:
        params = {"job_id": job_id}
        with db.write():
            done = []
            if delete_job:
                done = db.all(
                    "DELETE FROM procrastinate_jobs WHERE id = :job_id AND status = 'todo' RETURNING id", params
                )
            if not done and abort:
                done = db.all(
                    "UPDATE procrastinate_jobs SET abort_requested = 1, "
                    "status = CASE status WHEN 'todo' THEN 'cancelled' ELSE status END "
                    "WHERE id = :job_id AND status IN ('todo', 'doing') RETURNING id",
                    params,
                )
            elif not done:
                done = db.all(
                    "UPDATE procrastinate_jobs SET status = 'cancelled' "
                    "WHERE id = :job_id AND status = 'todo' RETURNING id",
                    params,
                )
        return [{"id": done[0]["id"] if done else None}]

    def _q_get_job_status(self, db: Db, job_id: int) -> list[dict[str, Any]]:
        return db.all("SELECT status FROM procrastinate_jobs WHERE id = :job_id", {"job_id": job_id})

    def _q_retry_job(
        self,
        db: Db,
        job_id: int,
        retry_at: dt.datetime | None,
        new_priority: int | None = None,
        new_queue_name: str | None = None,
        new_lock: str | None = None,
    ) -> list[dict[str, Any]]:
        with db.write():
            current = db.all(
                "SELECT status, abort_requested FROM procrastinate_jobs "
                "WHERE id = :job_id AND status IN ('doing', 'failed')",
                {"job_id": job_id},
            )
            if current and current[0]["status"] == "doing" and current[0]["abort_requested"]:
                done = db.all(
                    "UPDATE procrastinate_jobs SET status = 'failed' "
                    "WHERE id = :job_id AND status = 'doing' RETURNING id",
                    {"job_id": job_id},
                )
            else:
                done = db.all(
                    "UPDATE procrastinate_jobs SET status = 'todo', attempts = attempts + 1, "
                    "scheduled_at = :retry_at, priority = COALESCE(:priority, priority), "
                    "queue_name = COALESCE(:queue_name, queue_name), lock = COALESCE(:lock, lock) "
                    "WHERE id = :job_id AND status IN ('doing', 'failed') RETURNING id",
                    {
                        "job_id": job_id,
                        "retry_at": to_db_time(retry_at),
                        "priority": new_priority,
                        "queue_name": new_queue_name,
                        "lock": new_lock,
                    },
                )
            if not done:
                raise exceptions.ConnectorException(
                    f"Job was not found or has an invalid status to retry (job id: {job_id})"
                )
        return []

    def _q_select_stalled_jobs_by_started(
        self, db: Db, nb_seconds: float, queue: str | None, task_name: str | None
    ) -> list[dict[str, Any]]:
        rows = db.all(
            f"""SELECT {", ".join(f"job.{column}" for column in JOB_COLUMNS.split(", "))},
                       MAX(event.at) AS started_at
                FROM procrastinate_jobs AS job JOIN procrastinate_events AS event ON event.job_id = job.id
                WHERE event.type = 'started' AND job.status = 'doing'
                  AND (:queue IS NULL OR job.queue_name = :queue)
                  AND (:task_name IS NULL OR job.task_name = :task_name)
                GROUP BY job.id HAVING MAX(event.at) < :cutoff""",
            {"queue": queue, "task_name": task_name, "cutoff": ago(nb_seconds)},
        )
        return [job_row(row, self._loads) for row in rows]

    def _q_select_stalled_jobs_by_heartbeat(
        self, db: Db, queue: str | None, task_name: str | None, seconds_since_heartbeat: float
    ) -> list[dict[str, Any]]:
        rows = db.all(
            f"""WITH stalled_workers AS (
                    SELECT id FROM procrastinate_workers WHERE last_heartbeat < :cutoff)
                SELECT {", ".join(f"job.{column}" for column in JOB_COLUMNS.split(", "))}
                FROM procrastinate_jobs AS job LEFT JOIN stalled_workers AS sw ON sw.id = job.worker_id
                WHERE job.status = 'doing'
                  AND (:queue IS NULL OR job.queue_name = :queue)
                  AND (:task_name IS NULL OR job.task_name = :task_name)
                  AND (job.worker_id IS NULL OR sw.id IS NOT NULL)""",
            {"queue": queue, "task_name": task_name, "cutoff": ago(seconds_since_heartbeat)},
        )
        return [job_row(row, self._loads) for row in rows]

    def _q_delete_old_jobs(
        self, db: Db, nb_hours: float, queue: str | None, statuses: Iterable[str]
    ) -> list[dict[str, Any]]:
        with db.write():
            db.all(
                """DELETE FROM procrastinate_jobs WHERE id IN (
                       SELECT job.id FROM procrastinate_jobs AS job
                       JOIN procrastinate_events AS event ON event.job_id = job.id
                       WHERE job.status IN (SELECT value FROM json_each(:statuses))
                         AND (:queue IS NULL OR job.queue_name = :queue)
                       GROUP BY job.id HAVING MAX(event.at) < :cutoff)""",
                {"statuses": json.dumps(list(statuses)), "queue": queue, "cutoff": ago(float(nb_hours) * 3600)},
            )
        return []

    def _q_listen_queue(self, db: Db, **_identifiers: Any) -> list[dict[str, Any]]:
        return []  # LISTEN has no SQLite equivalent: see listen_notify

    def _q_check_connection(self, db: Db) -> list[dict[str, Any]]:
        return db.all(
            "SELECT (SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'procrastinate_jobs') AS \"check\""
        )

    def _q_count_jobs_status(self, db: Db) -> list[dict[str, Any]]:
        return db.all("SELECT COUNT(*) AS count, status FROM procrastinate_jobs GROUP BY status")

    def _q_list_jobs(
        self,
        db: Db,
        id: int | None = None,
        queue_name: str | None = None,
        task_name: str | None = None,
        status: str | None = None,
        lock: str | None = None,
        queueing_lock: str | None = None,
        worker_id: int | None = None,
    ) -> list[dict[str, Any]]:
        rows = db.all(
            f"""SELECT {JOB_COLUMNS}, abort_requested FROM procrastinate_jobs
                WHERE (:id IS NULL OR id = :id) AND {_FILTERS}
                  AND (:queueing_lock IS NULL OR queueing_lock = :queueing_lock)
                  AND (:worker_id IS NULL OR worker_id = :worker_id)
                ORDER BY id""",
            {
                "id": id,
                "queue_name": queue_name,
                "task_name": task_name,
                "status": status,
                "lock": lock,
                "queueing_lock": queueing_lock,
                "worker_id": worker_id,
            },
        )
        return [job_row(row, self._loads) for row in rows]

    def _stats(self, db: Db, query: str, **filters: Any) -> list[dict[str, Any]]:
        return [{**row, "stats": json.loads(row["stats"])} for row in db.all(query, filters)]

    def _q_list_queues(self, db: Db, **filters: Any) -> list[dict[str, Any]]:
        return self._stats(db, _stats_query("queue_name"), **filters)

    def _q_list_tasks(self, db: Db, **filters: Any) -> list[dict[str, Any]]:
        return self._stats(db, _stats_query("task_name"), **filters)

    def _q_list_locks(self, db: Db, **filters: Any) -> list[dict[str, Any]]:
        return self._stats(db, _stats_query("lock", " AND lock IS NOT NULL"), **filters)

    def _q_list_jobs_to_abort(self, db: Db, queue_name: str | None) -> list[dict[str, Any]]:
        return db.all(
            "SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND abort_requested = 1 "
            "AND (:queue_name IS NULL OR queue_name = :queue_name)",
            {"queue_name": queue_name},
        )

    def _q_register_worker(self, db: Db) -> list[dict[str, Any]]:
        with db.write():
            return db.all(
                "INSERT INTO procrastinate_workers (last_heartbeat) VALUES (:now) RETURNING id AS worker_id",
                {"now": now()},
            )

    def _q_unregister_worker(self, db: Db, worker_id: int) -> list[dict[str, Any]]:
        with db.write():
            db.all("DELETE FROM procrastinate_workers WHERE id = :worker_id", {"worker_id": worker_id})
        return []

    def _q_update_heartbeat(self, db: Db, worker_id: int) -> list[dict[str, Any]]:
        with db.write():
            db.all(
                "UPDATE procrastinate_workers SET last_heartbeat = :now WHERE id = :worker_id",
                {"now": now(), "worker_id": worker_id},
            )
        return []

    def _q_prune_stalled_workers(self, db: Db, seconds_since_heartbeat: float) -> list[dict[str, Any]]:
        with db.write():
            return db.all(
                "DELETE FROM procrastinate_workers WHERE last_heartbeat < :cutoff RETURNING id AS worker_id",
                {"cutoff": ago(seconds_since_heartbeat)},
            )

    def _q_apply_schema(self, db: Db) -> list[dict[str, Any]]:
        """procrastinate's `SchemaManager.apply_schema` (the CLI's `schema --apply`) runs this."""
        with db.write():
            for statement in SQLITE_SCHEMA:
                db.all(statement)
        return []
