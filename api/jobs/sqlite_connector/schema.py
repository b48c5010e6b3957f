"""The SQLite connector's tables: procrastinate's, with the same columns, partial unique indexes (one
'todo' job per queueing lock, one 'doing' job per lock) and event rows written by triggers, as on
PostgreSQL. Timestamps are UTC text `YYYY-MM-DD HH:MM:SS.ffffff`, which sorts like time; job args
are JSON text."""

_STATUSES = "'todo', 'doing', 'succeeded', 'failed', 'cancelled', 'aborting', 'aborted'"
_EVENT_TYPES = (
    "'deferred', 'started', 'deferred_for_retry', 'failed', 'succeeded', 'cancelled', "
    "'abort_requested', 'aborted', 'scheduled', 'retried'"
)
_SQL_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now'))"

# Migration 0008 keeps a frozen copy: a change here comes with a migration of its own.
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
    "CREATE INDEX procrastinate_jobs_id_lock_idx_v1 ON procrastinate_jobs (id, lock) WHERE status IN ('todo', 'doing')",
    "CREATE INDEX procrastinate_jobs_priority_idx_v1 ON procrastinate_jobs (priority DESC, id ASC) "
    "WHERE status = 'todo'",
    # SQLite only: the fetch rule's look-up of a lock's other jobs, and the abort polls.
    "CREATE INDEX procrastinate_jobs_lock_status_idx_v1 ON procrastinate_jobs (lock, status) WHERE lock IS NOT NULL",
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
"""Dropping the tables drops their indexes and triggers."""
