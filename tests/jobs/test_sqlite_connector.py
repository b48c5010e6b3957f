"""The SQLite connector under a real procrastinate App: workers, retries, locks, periodic tasks,
stalled workers, aborts, and several worker processes sharing one file.

Every test owns a fresh SQLite file whose schema is made the way the migration makes it (each
statement of SQLITE_SCHEMA through SQLAlchemy). Workers run with wait=False (process what is due,
return) or are stopped once a condition holds, never longer than a timeout.
"""

import asyncio
import datetime as dt
import json
import logging
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from procrastinate import App, RetryStrategy, exceptions, sql, utils
from procrastinate.jobs import Job, Status
from sqlalchemy.orm import Session

from api.db import engine_for
from api.jobs.sqlite_connector import SQLITE_SCHEMA, SQLITE_SCHEMA_DROP, SQLiteConnector, defer_job_sql

REPO_ROOT = Path(__file__).resolve().parents[2]
FAST = {"install_signal_handlers": False, "fetch_job_polling_interval": 0.05}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "jobs.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for statement in SQLITE_SCHEMA:
            conn.execute(sqlalchemy.text(statement))
    engine.dispose()
    return path


@pytest.fixture
def app(db_path: Path) -> Iterator[App]:
    app = App(connector=SQLiteConnector(db_path, notify_interval=0.05))
    yield app
    app.connector.close()


def query(path: Path, statement: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def statuses(path: Path) -> dict[int, str]:
    return {row["id"]: row["status"] for row in query(path, "SELECT id, status FROM procrastinate_jobs")}


async def run_workers_until(
    app: App, done: Callable[[], bool], *, workers: int = 2, timeout: float = 10, **options: Any
) -> None:
    """Run `workers` workers on `app` until `done()`; fail after `timeout` seconds."""
    tasks = [
        asyncio.create_task(app.run_worker_async(name=f"worker-{i}", **{**FAST, **options})) for i in range(workers)
    ]
    try:
        deadline = time.monotonic() + timeout
        while not done():
            assert time.monotonic() < deadline, "the workers did not finish in time"
            for task in tasks:
                if task.done():
                    task.result()  # a worker that died raises here
            await asyncio.sleep(0.02)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


# --- the connector covers procrastinate ---------------------------------------------------------


def test_every_query_of_procrastinate_has_an_equivalent() -> None:
    missing = [name for name in sql.queries if not hasattr(SQLiteConnector, f"_q_{name}")]
    assert missing == []


def test_apply_schema_and_check_connection(tmp_path: Path) -> None:
    app = App(connector=SQLiteConnector(f"sqlite:///{tmp_path / 'fresh.db'}"))
    with app.open():
        assert app.check_connection() is False
        app.schema_manager.apply_schema()  # what `procrastinate schema --apply` runs
        assert app.check_connection() is True
        conn = sqlite3.connect(tmp_path / "fresh.db")
        for statement in SQLITE_SCHEMA_DROP:
            conn.execute(statement)
        conn.close()
        assert app.check_connection() is False


def test_an_in_memory_database_is_refused() -> None:
    with pytest.raises(ValueError, match="database file"):
        SQLiteConnector("sqlite:///:memory:")


# --- defer and run ------------------------------------------------------------------------------


def test_sync_defer_without_any_event_loop(app: App, db_path: Path) -> None:
    """A script or a plain thread: no loop anywhere."""
    task = app.task(name="noop")(lambda: None)
    ids: list[int] = []
    with app.open():
        ids.append(task.defer())
        thread = threading.Thread(target=lambda: ids.append(task.defer()))
        thread.start()
        thread.join(10)
        assert [app.job_manager.get_job_status(job_id) for job_id in ids] == [Status.TODO, Status.TODO]
    assert sorted(ids) == [1, 2]


async def test_defer_sync_and_async_then_run(app: App, db_path: Path) -> None:
    ran: list[int] = []

    @app.task(name="record")
    def record(n: int) -> None:
        ran.append(n)

    async with app.open_async():
        record.defer(n=1)  # sync, on the loop's own thread (a blocking call, but it works)
        await asyncio.to_thread(record.defer, n=2)  # sync from a threadpool while the loop runs
        await record.defer_async(n=3)
        await record.batch_defer_async({"n": 4}, {"n": 5})
        record.configure(schedule_at=utils.utcnow() + dt.timedelta(hours=1)).defer(n=6)
        await app.run_worker_async(wait=False, **FAST)
        assert sorted(ran) == [1, 2, 3, 4, 5]
        assert statuses(db_path) == {
            1: "succeeded",
            2: "succeeded",
            3: "succeeded",
            4: "succeeded",
            5: "succeeded",
            6: "todo",
        }
        assert await app.job_manager.get_job_status_async(6) == Status.TODO
        job = (await app.job_manager.list_jobs_async(id=6))[0]
        assert job.task_kwargs == {"n": 6} and job.scheduled_at > utils.utcnow()
    events = [row["type"] for row in query(db_path, "SELECT type FROM procrastinate_events WHERE job_id = 1")]
    assert events == ["deferred", "started", "succeeded"]


async def test_an_idle_worker_is_woken_by_the_notify_emulation(app: App, db_path: Path) -> None:
    """The worker polls every 30 s; the emulated LISTEN/NOTIFY wakes it within notify_interval."""
    ran = asyncio.Event()
    app.task(name="wake")(lambda: ran.set())
    async with app.open_async():
        worker = asyncio.create_task(app.run_worker_async(install_signal_handlers=False, fetch_job_polling_interval=30))
        try:
            await asyncio.sleep(0.3)  # the worker found nothing and waits
            started = time.monotonic()
            await app.configure_task("wake").defer_async()
            await asyncio.wait_for(ran.wait(), timeout=3)
            assert time.monotonic() - started < 1
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)


# --- retries ------------------------------------------------------------------------------------


async def test_retry_with_exponential_wait(app: App, db_path: Path) -> None:
    """Fails twice, then succeeds. exponential_wait=2 waits 2 s, then 4 s: the job is not fetched
    before its scheduled_at (the first wait really elapses, the second is fast-forwarded)."""
    calls: list[float] = []

    @app.task(name="flaky", retry=RetryStrategy(max_attempts=5, exponential_wait=2))
    def flaky() -> None:
        calls.append(time.monotonic())
        if len(calls) <= 2:
            raise RuntimeError("not yet")

    def job() -> sqlite3.Row:
        return query(db_path, "SELECT status, attempts, scheduled_at FROM procrastinate_jobs")[0]

    def wait_of(row: sqlite3.Row) -> float:
        scheduled = dt.datetime.fromisoformat(row["scheduled_at"]).replace(tzinfo=dt.UTC)
        return (scheduled - utils.utcnow()).total_seconds()

    async with app.open_async():
        await flaky.defer_async()
        await app.run_worker_async(wait=False, **FAST)
        assert (job()["status"], job()["attempts"]) == ("todo", 1)
        assert 1.5 < wait_of(job()) <= 2

        await app.run_worker_async(wait=False, **FAST)  # not due yet: not fetched
        assert (len(calls), job()["attempts"]) == (1, 1)

        await asyncio.sleep(wait_of(job()) + 0.05)
        await app.run_worker_async(wait=False, **FAST)
        assert (len(calls), job()["status"], job()["attempts"]) == (2, "todo", 2)
        assert 3.5 < wait_of(job()) <= 4
        assert calls[1] - calls[0] >= 2

        await app.run_worker_async(wait=False, **FAST)
        assert len(calls) == 2
        query(
            db_path,
            "UPDATE procrastinate_jobs SET scheduled_at = ?",
            (str(dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=1)),),
        )
        await app.run_worker_async(wait=False, **FAST)
    assert len(calls) == 3
    assert (job()["status"], job()["attempts"]) == ("succeeded", 3)
    events = [row["type"] for row in query(db_path, "SELECT type FROM procrastinate_events ORDER BY id")]
    assert events.count("deferred_for_retry") == 2 and events[-1] == "succeeded"


# --- queueing locks -----------------------------------------------------------------------------


async def test_queueing_lock_allows_one_waiting_job(app: App, db_path: Path) -> None:
    app.task(name="refresh")(lambda: None)
    refresh = app.configure_task("refresh", queueing_lock="state:FR")
    async with app.open_async():
        first = refresh.defer()
        with pytest.raises(exceptions.AlreadyEnqueued, match="state:FR"):
            refresh.defer()
        with pytest.raises(exceptions.AlreadyEnqueued):
            await refresh.defer_async()
        with pytest.raises(exceptions.AlreadyEnqueued, match="state:DE"):  # a batch is all or nothing
            app.configure_task("refresh", queueing_lock="state:DE").batch_defer({}, {})
        assert list(statuses(db_path)) == [first]

        await app.run_worker_async(wait=False, **FAST)
        second = refresh.defer()  # the lock only holds 'todo' jobs
        assert statuses(db_path) == {first: "succeeded", second: "todo"}


async def test_defer_job_sql_rides_the_callers_transaction(app: App, db_path: Path) -> None:
    engine = engine_for(f"sqlite:///{db_path}")  # configured as the web app's (explicit BEGIN)
    try:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text("CREATE TABLE import_job (id INTEGER PRIMARY KEY)"))

        with engine.connect() as conn, conn.begin() as transaction:
            conn.execute(sqlalchemy.text("INSERT INTO import_job (id) VALUES (1)"))
            defer_job_sql(conn, task_name="run_import", args={"import_id": 1})
            transaction.rollback()
        assert query(db_path, "SELECT * FROM import_job") == [] and statuses(db_path) == {}

        with Session(engine) as session:
            session.execute(sqlalchemy.text("INSERT INTO import_job (id) VALUES (2)"))
            job_id = defer_job_sql(
                session, task_name="run_import", args={"import_id": 2}, queue="imports", queueing_lock="import:2"
            )
            with pytest.raises(exceptions.AlreadyEnqueued, match="import:2"):
                defer_job_sql(session, task_name="run_import", queueing_lock="import:2")
            # The conflict left the transaction usable; procrastinate's own API works on it too.
            other = app.configure_task("run_import", connection=session.connection()).defer(import_id=3)
            assert app.job_manager.get_job_status(other, connection=session.connection()) == Status.TODO
            assert await app.job_manager.get_job_status_async(other, connection=session) == Status.TODO
            session.commit()
        job = (await app.job_manager.list_jobs_async(id=job_id))[0]
        assert (job.queue, job.task_kwargs, job.queueing_lock) == ("imports", {"import_id": 2}, "import:2")
        assert sorted(statuses(db_path)) == [job_id, other]
    finally:
        engine.dispose()  # (left in engine_for's cache: clearing it would hand other tests new engines)


def test_a_callers_sqlite3_connection_and_refused_transitions(app: App, db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    job_id = app.configure_task("report", connection=conn).defer(year=2024)
    assert app.job_manager.get_job_status(job_id, connection=conn) == Status.TODO
    conn.execute("ROLLBACK")  # the job was the caller's to keep or drop
    conn.close()
    assert statuses(db_path) == {}

    with app.open():
        job_id = app.configure_task("report").defer(year=2024)
        with pytest.raises(exceptions.ConnectorException, match="invalid status to retry"):
            app.job_manager.retry_job_by_id(job_id, retry_at=utils.utcnow())  # 'todo' is not retried
        app.connector.execute_query(
            sql.queries["finish_job"], job_id=job_id, status="succeeded", delete_job=False
        )  # a 'todo' job may be finished (not counted)
        with pytest.raises(exceptions.ConnectorException, match="not found or not in"):
            app.connector.execute_query(sql.queries["finish_job"], job_id=job_id, status="failed", delete_job=False)
        assert query(db_path, "SELECT status, attempts FROM procrastinate_jobs")[0][:] == ("succeeded", 0)
        events = [row["type"] for row in query(db_path, "SELECT type FROM procrastinate_events")]
        assert events == ["deferred", "cancelled"]  # todo -> succeeded is recorded as a cancel, as on PostgreSQL


# --- locks --------------------------------------------------------------------------------------


async def test_fetch_follows_postgresqls_lock_rule(app: App, db_path: Path) -> None:
    """A job waits while its lock is 'doing', or held by an earlier (or higher-priority) 'todo' job,
    even one not yet due; otherwise the highest priority, then the oldest, goes first."""
    app.task(name="step")(lambda: None)
    step = app.configure_task
    manager = app.job_manager
    async with app.open_async():
        worker_id = await manager.register_worker()
        later = await step("step", lock="A", schedule_in={"hours": 1}).defer_async()
        blocked = await step("step", lock="A").defer_async()
        low = await step("step", lock="B", priority=0).defer_async()
        high = await step("step", lock="B", priority=5).defer_async()

        assert (await manager.fetch_job(queues=None, worker_id=worker_id)).id == high
        assert await manager.fetch_job(queues=None, worker_id=worker_id) is None
        await manager.finish_job_by_id_async(high, status=Status.SUCCEEDED, delete_job=False)
        assert (await manager.fetch_job(queues=None, worker_id=worker_id)).id == low
        assert await manager.cancel_job_by_id_async(later)
        assert (await manager.fetch_job(queues=["other"], worker_id=worker_id)) is None
        assert (await manager.fetch_job(queues=["default"], worker_id=worker_id)).id == blocked


async def test_jobs_sharing_a_lock_never_overlap_across_two_workers(app: App, db_path: Path) -> None:
    running: dict[str | None, int] = {}
    overlap: dict[str | None, int] = {}
    order: list[int] = []

    @app.task(name="slow", pass_context=True)
    async def slow(context, key: str | None) -> None:
        running[key] = running.get(key, 0) + 1
        overlap[key] = max(overlap.get(key, 0), running[key])
        if key is not None:
            order.append(context.job.id)
        await asyncio.sleep(0.03)
        running[key] -= 1

    async with app.open_async():
        locked = [await slow.configure(lock="import:7").defer_async(key="import:7") for _ in range(6)]
        for _ in range(6):
            await slow.defer_async(key=None)
        await run_workers_until(app, lambda: set(statuses(db_path).values()) == {"succeeded"}, concurrency=4)
    assert overlap["import:7"] == 1 and order == locked
    assert overlap[None] > 1  # unlocked jobs did run side by side: the workers were concurrent


# --- periodic tasks -----------------------------------------------------------------------------


async def test_a_periodic_task_is_deferred_once_per_tick_by_two_workers(
    app: App, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="procrastinate.periodic")

    @app.periodic(cron="* * * * * *")  # every second
    @app.task(name="tick")
    def tick(timestamp: int) -> None:
        pass

    def ticks() -> list[int]:
        return [json.loads(row["args"])["timestamp"] for row in query(db_path, "SELECT args FROM procrastinate_jobs")]

    def lost() -> list[logging.LogRecord]:  # a deferrer that found its tick already deferred
        return [r for r in caplog.records if getattr(r, "action", None) == "periodic_task_already_deferred"]

    async with app.open_async():
        old_tick = Job(queue="default", lock=None, queueing_lock=None, task_name="tick", task_kwargs={"timestamp": 1})
        assert await app.job_manager.defer_periodic_job(old_tick, periodic_id="", defer_timestamp=1)
        assert await app.job_manager.defer_periodic_job(old_tick, periodic_id="", defer_timestamp=1) is None

        await run_workers_until(app, lambda: len(set(ticks())) >= 3 and bool(lost()), timeout=8)
        # One snapshot: a deferrer cancelled mid-write may still commit one more tick.
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("BEGIN")
        deferred = [json.loads(args)["timestamp"] for (args,) in conn.execute("SELECT args FROM procrastinate_jobs")]
        defers = [ts for (ts,) in conn.execute("SELECT defer_timestamp FROM procrastinate_periodic_defers")]
        conn.close()
        assert len(deferred) == len(set(deferred))  # both workers tried each tick; one job a tick
        assert defers == [max(deferred)]  # the older ticks' rows are pruned


# --- stalled workers, cancel, abort, clean-up ---------------------------------------------------


async def test_stalled_worker_recovery(app: App, db_path: Path) -> None:
    ran: list[int] = []
    app.task(name="resumable")(lambda n: ran.append(n))
    manager = app.job_manager
    async with app.open_async():
        worker_id = await manager.register_worker()
        job_id = await app.configure_task("resumable").defer_async(n=1)
        assert (await manager.fetch_job(queues=None, worker_id=worker_id)).id == job_id
        assert list(await manager.get_stalled_jobs()) == []  # its worker is alive

        query(db_path, "UPDATE procrastinate_workers SET last_heartbeat = '2000-01-01 00:00:00.000000'")
        (stalled,) = await manager.get_stalled_jobs()
        assert (stalled.id, stalled.worker_id, stalled.status) == (job_id, worker_id, "doing")
        assert await manager.prune_stalled_workers(seconds_since_heartbeat=30) == [worker_id]
        (stalled,) = await manager.get_stalled_jobs()  # worker gone: worker_id set NULL, still stalled
        assert stalled.worker_id is None

        await manager.retry_job(stalled)
        assert await manager.get_job_status_async(job_id) == Status.TODO
        await app.run_worker_async(wait=False, **FAST)
    assert ran == [1] and statuses(db_path) == {job_id: "succeeded"}


async def test_stalled_by_start_time_and_heartbeats(app: App, db_path: Path) -> None:
    manager = app.job_manager
    async with app.open_async():
        worker_id = await manager.register_worker()
        await app.configure_task("long").defer_async()
        await manager.fetch_job(queues=None, worker_id=worker_id)
        with pytest.warns(DeprecationWarning):
            assert list(await manager.get_stalled_jobs(nb_seconds=60)) == []
        query(db_path, "UPDATE procrastinate_events SET at = '2000-01-01 00:00:00.000' WHERE type = 'started'")
        with pytest.warns(DeprecationWarning):
            (stalled,) = await manager.get_stalled_jobs(nb_seconds=60)
        assert stalled.task_name == "long"

        before = query(db_path, "SELECT last_heartbeat FROM procrastinate_workers")[0][0]
        await asyncio.sleep(0.01)
        await manager.update_heartbeat(worker_id)
        assert query(db_path, "SELECT last_heartbeat FROM procrastinate_workers")[0][0] > before
        await manager.unregister_worker(worker_id)
        assert query(db_path, "SELECT worker_id FROM procrastinate_jobs")[0][0] is None


async def test_cancel_delete_and_abort(app: App, db_path: Path) -> None:
    started = asyncio.Event()

    @app.task(name="endless")
    async def endless() -> None:
        started.set()
        await asyncio.sleep(30)

    manager = app.job_manager
    async with app.open_async():
        cancelled = await endless.defer_async()
        deleted = await endless.defer_async()
        assert manager.cancel_job_by_id(cancelled)
        assert await manager.cancel_job_by_id_async(deleted, delete_job=True)
        assert not manager.cancel_job_by_id(cancelled)  # nothing left to cancel
        assert statuses(db_path) == {cancelled: "cancelled"}
        with pytest.raises(exceptions.NoResult):
            manager.get_job_status(deleted)

        running = await endless.defer_async()
        # Abort polling every 30 s: only the notify emulation can deliver the request in time.
        worker = asyncio.create_task(app.run_worker_async(abort_job_polling_interval=30, **FAST))
        try:
            await asyncio.wait_for(started.wait(), timeout=5)
            assert not manager.cancel_job_by_id(running)  # a running job is only aborted
            assert await asyncio.to_thread(manager.cancel_job_by_id, running, abort=True)
            deadline = time.monotonic() + 3
            while statuses(db_path)[running] != "aborted":
                assert time.monotonic() < deadline, "the abort request never reached the worker"
                await asyncio.sleep(0.02)
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
    events = [
        row["type"] for row in query(db_path, "SELECT type FROM procrastinate_events WHERE job_id = ?", (running,))
    ]
    assert events == ["deferred", "started", "abort_requested", "aborted"]


async def test_delete_old_jobs_and_admin_listings(app: App, db_path: Path) -> None:
    app.task(name="chore")(lambda: None)
    manager = app.job_manager
    async with app.open_async():
        old, recent = [await app.configure_task("chore", lock="L").defer_async() for _ in range(2)]
        failed = await app.configure_task("chore", queue="other").defer_async()
        worker_id = await manager.register_worker()
        for job_id, status in ((old, "succeeded"), (recent, "succeeded"), (failed, "failed")):
            await manager.fetch_job(queues=None, worker_id=worker_id)
            await manager.finish_job_by_id_async(job_id, status=Status(status), delete_job=False)
        query(
            db_path,
            "UPDATE procrastinate_events SET at = '2000-01-01 00:00:00.000' WHERE job_id IN (?, ?)",
            (old, failed),
        )

        assert [job.id for job in await manager.list_jobs_async(status="succeeded")] == [old, recent]
        assert await manager.list_queues_async() == [
            {
                "name": "default",
                "jobs_count": 2,
                "todo": 0,
                "doing": 0,
                "succeeded": 2,
                "failed": 0,
                "cancelled": 0,
                "aborted": 0,
            },
            {
                "name": "other",
                "jobs_count": 1,
                "todo": 0,
                "doing": 0,
                "succeeded": 0,
                "failed": 1,
                "cancelled": 0,
                "aborted": 0,
            },
        ]
        assert [(t["name"], t["jobs_count"]) for t in await manager.list_tasks_async()] == [("chore", 3)]
        assert [(lock["name"], lock["succeeded"]) for lock in await manager.list_locks_async()] == [("L", 2)]
        counts = app.connector.execute_query_all(sql.queries["count_jobs_status"])
        assert sorted((row["status"], row["count"]) for row in counts) == [("failed", 1), ("succeeded", 2)]

        await manager.delete_old_jobs(nb_hours=1)
        assert statuses(db_path) == {recent: "succeeded", failed: "failed"}
        await manager.delete_old_jobs(nb_hours=1, include_failed=True)
        assert statuses(db_path) == {recent: "succeeded"}
    assert query(db_path, "SELECT DISTINCT job_id FROM procrastinate_events")[0][0] == recent  # cascaded


# --- several worker processes on one file -------------------------------------------------------

WORKER_SCRIPT = """
import asyncio, os, sqlite3, sys, time
from procrastinate import App
from api.jobs.sqlite_connector import SQLiteConnector

database, ready_dir, processes = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = App(connector=SQLiteConnector(database, notify_interval=0.1))

@app.task(name="record")
def record(n):
    conn = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        conn.execute("INSERT INTO ran (n, pid) VALUES (?, ?)", (n, os.getpid()))
    finally:
        conn.close()
    time.sleep(0.02)

open(os.path.join(ready_dir, str(os.getpid())), "w").close()
deadline = time.monotonic() + 20
while len(os.listdir(ready_dir)) < processes and time.monotonic() < deadline:
    time.sleep(0.01)

async def main():
    async with app.open_async():
        await app.run_worker_async(concurrency=2, fetch_job_polling_interval=0.2)

asyncio.run(main())
"""


def test_three_worker_processes_run_every_job_exactly_once(app: App, db_path: Path, tmp_path: Path) -> None:
    query(db_path, "CREATE TABLE ran (n INTEGER NOT NULL, pid INTEGER NOT NULL)")
    ready = tmp_path / "ready"
    ready.mkdir()
    record = app.configure_task("record")
    processes: list[subprocess.Popen] = []
    logs: list[Any] = []
    with app.open():
        for n in range(30):
            record.defer(n=n)
        try:
            for i in range(3):
                logs.append(log := open(tmp_path / f"worker-{i}.log", "w"))  # noqa: SIM115
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-c", WORKER_SCRIPT, str(db_path), str(ready), "3"],
                        cwd=REPO_ROOT,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
            # Web processes defer while the workers fetch: three threads, ten jobs each.
            threads = [
                threading.Thread(target=lambda k=k: [record.defer(n=30 + k * 10 + j) for j in range(10)])
                for k in range(3)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(20)

            deadline = time.monotonic() + 25
            while (
                query(db_path, "SELECT COUNT(*) FROM procrastinate_jobs WHERE status IN ('succeeded', 'failed')")[0][0]
                < 60
            ):
                assert time.monotonic() < deadline, "the worker processes did not finish in time"
                assert all(p.poll() is None for p in processes), "a worker process died"
                time.sleep(0.05)
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)  # procrastinate stops gracefully
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
            for log in logs:
                log.close()

    output = "\n".join((tmp_path / f"worker-{i}.log").read_text() for i in range(3))
    assert [p.returncode for p in processes] == [0, 0, 0], output
    assert "database is locked" not in output
    ran = query(db_path, "SELECT n, pid FROM ran")
    assert sorted(row["n"] for row in ran) == list(range(60))  # every job once, none twice
    assert len({row["pid"] for row in ran}) >= 2  # the processes shared the work
    jobs = query(db_path, "SELECT status, attempts FROM procrastinate_jobs")
    assert {(row["status"], row["attempts"]) for row in jobs} == {("succeeded", 1)}
    assert query(db_path, "SELECT COUNT(*) FROM procrastinate_workers")[0][0] == 0  # all unregistered
