"""Job engine: procrastinate's schema (PostgreSQL) or our SQLite connector's tables; import jobs
remember their engine job and count their attempts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 20:30:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROCRASTINATE_TABLES = ("procrastinate_events", "procrastinate_periodic_defers", "procrastinate_jobs",
                        "procrastinate_workers")


def _postgresql_schema() -> str:
    """procrastinate's own schema for the pinned version (pyproject: procrastinate 3.10.x); a later
    version's upgrade goes in its own migration with the SQL procrastinate ships for it."""
    from procrastinate.schema import SchemaManager

    return SchemaManager.get_schema()


def upgrade() -> None:
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempts', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('task_id', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_import_job_task_id'), ['task_id'], unique=False)
    # Jobs of the previous in-process runner have no engine job: nothing will ever run them.
    op.execute("UPDATE import_job SET status = 'failed', error = 'Interrupted by an upgrade; nothing was imported. "
               "Upload the file again.', content = NULL WHERE status IN ('queued', 'running')")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(_postgresql_schema().replace("%", "%%"))  # no parameters: % is literal
    else:
        for statement in SQLITE_SCHEMA:
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in PROCRASTINATE_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        op.execute("""
            DO $$ DECLARE f record; BEGIN
              FOR f IN SELECT oid::regprocedure AS sig FROM pg_proc WHERE proname LIKE 'procrastinate%'
                         AND pronamespace = current_schema()::regnamespace LOOP
                EXECUTE 'DROP FUNCTION IF EXISTS ' || f.sig || ' CASCADE';
              END LOOP;
              FOR f IN SELECT typname FROM pg_type WHERE typname LIKE 'procrastinate%' AND typtype IN ('e', 'c')
                         AND typnamespace = current_schema()::regnamespace LOOP
                EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(f.typname) || ' CASCADE';
              END LOOP;
            END $$""")
    else:
        for table in PROCRASTINATE_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table}")
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_job_task_id'))
        batch_op.drop_column('task_id')
        batch_op.drop_column('attempts')


# The SQLite connector's tables as of this revision (api/jobs/sqlite_connector/schema.py SQLITE_SCHEMA, frozen
# here: a later change there comes with a migration of its own).
SQLITE_SCHEMA: list[str] = [
    """CREATE TABLE procrastinate_workers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    last_heartbeat TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
)""",
    """CREATE TABLE procrastinate_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue_name VARCHAR(128) NOT NULL,
    task_name VARCHAR(128) NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    lock TEXT,
    queueing_lock TEXT,
    args TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(args)),
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'succeeded', 'failed', 'cancelled', 'aborting', 'aborted')),
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
    """CREATE TABLE procrastinate_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL REFERENCES procrastinate_jobs (id) ON DELETE CASCADE,
    type TEXT CHECK (type IN ('deferred', 'started', 'deferred_for_retry', 'failed', 'succeeded', 'cancelled', 'abort_requested', 'aborted', 'scheduled', 'retried')),
    at TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
)""",
    """CREATE UNIQUE INDEX procrastinate_jobs_queueing_lock_idx_v1 ON procrastinate_jobs (queueing_lock) WHERE status = 'todo'""",
    """CREATE UNIQUE INDEX procrastinate_jobs_lock_idx_v1 ON procrastinate_jobs (lock) WHERE status = 'doing'""",
    """CREATE INDEX idx_procrastinate_jobs_worker_not_null ON procrastinate_jobs (worker_id) WHERE worker_id IS NOT NULL AND status = 'doing'""",
    """CREATE INDEX procrastinate_jobs_queue_name_idx_v1 ON procrastinate_jobs (queue_name)""",
    """CREATE INDEX procrastinate_jobs_id_lock_idx_v1 ON procrastinate_jobs (id, lock) WHERE status IN ('todo', 'doing')""",
    """CREATE INDEX procrastinate_jobs_priority_idx_v1 ON procrastinate_jobs (priority DESC, id ASC) WHERE status = 'todo'""",
    """CREATE INDEX procrastinate_jobs_lock_status_idx_v1 ON procrastinate_jobs (lock, status) WHERE lock IS NOT NULL""",
    """CREATE INDEX procrastinate_jobs_abort_requested_idx_v1 ON procrastinate_jobs (id) WHERE status = 'doing' AND abort_requested = 1""",
    """CREATE INDEX procrastinate_events_job_id_fkey_v1 ON procrastinate_events (job_id)""",
    """CREATE INDEX procrastinate_periodic_defers_job_id_fkey_v1 ON procrastinate_periodic_defers (job_id)""",
    """CREATE INDEX idx_procrastinate_workers_last_heartbeat ON procrastinate_workers (last_heartbeat)""",
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
