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
  timeout (30 s unless told otherwise; the engine gives JOB_SQLITE_BUSY_TIMEOUT_SECONDS) instead of
  failing with "database is locked" as an upgraded read would;
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

The connector lives in `connector`, its queries in `queries`, its tables in `schema`, where queries
run in `connections`, and inserting jobs (`defer_job_sql` among them) in `defer`.
"""

from api.jobs.sqlite_connector.connector import SQLiteConnector
from api.jobs.sqlite_connector.defer import defer_job_sql
from api.jobs.sqlite_connector.schema import SQLITE_SCHEMA, SQLITE_SCHEMA_DROP

__all__ = ["SQLITE_SCHEMA", "SQLITE_SCHEMA_DROP", "SQLiteConnector", "defer_job_sql"]
