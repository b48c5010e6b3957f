"""Crash recovery on the real engine and a migrated database of the suite's kind: a job whose worker
fell silent is retried, or failed once its attempts are used — and then its import says so."""

import asyncio
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from api.db import engine_for
from api.imports.models import ImportJob, JobStatus
from api.imports.tasks import IMPORT_LOCK, MAX_ATTEMPTS, RUN_IMPORT
from api.jobs.engine import build_app, defer
from api.jobs.recovery import recover
from tests.helpers import migrate, scratch_database


def _import_with_engine_job(url: str, attempts: int) -> tuple[int, int]:
    with Session(engine_for(url)) as session:
        job = ImportJob(filename="recs.csv", format="upr-info", content=b"x", options={})
        session.add(job)
        session.flush()
        job.task_id = defer(
            session, RUN_IMPORT, lock=f"{IMPORT_LOCK}-{job.id}", queueing_lock=f"import-{job.id}", import_id=job.id
        )
        job.status = JobStatus.running
        session.add(job)
        session.execute(
            text("UPDATE procrastinate_jobs SET attempts = :a WHERE id = :id"), {"a": attempts, "id": job.task_id}
        )
        session.commit()
        return job.id, job.task_id


async def _scenario(url: str) -> None:
    fresh_import, fresh_task = _import_with_engine_job(url, attempts=0)
    spent_import, spent_task = _import_with_engine_job(url, attempts=MAX_ATTEMPTS - 1)
    app = build_app(url)
    async with app.open_async():
        worker_id = await app.job_manager.register_worker()
        for task_id in (fresh_task, spent_task):  # both were being run by that worker...
            await asyncio.to_thread(_set_doing, url, task_id, worker_id)
        assert await recover(app, database_url=url, stalled_after=60) == {
            "retried": [],
            "failed": [],
            "imports_failed": [],
        }  # ...which is alive: nothing to do
        await asyncio.sleep(1.2)  # ...then fell silent
        outcome = await recover(app, database_url=url, stalled_after=1)
    assert outcome == {"retried": [fresh_task], "failed": [spent_task], "imports_failed": [spent_import]}
    with Session(engine_for(url)) as session:
        statuses = dict(
            session.execute(
                text("SELECT id, status FROM procrastinate_jobs WHERE id IN (:a, :b)"),
                {"a": fresh_task, "b": spent_task},
            ).all()
        )
        assert statuses == {fresh_task: "todo", spent_task: "failed"}
        assert session.get(ImportJob, fresh_import).status == JobStatus.running  # its retry will re-claim it
        spent = session.get(ImportJob, spent_import)
        assert spent.status == JobStatus.failed and "stopped before it finished" in spent.error


def _set_doing(url: str, task_id: int, worker_id: int) -> None:
    with engine_for(url).begin() as conn:
        conn.execute(
            text("UPDATE procrastinate_jobs SET status = 'doing', worker_id = :w WHERE id = :id"),
            {"w": worker_id, "id": task_id},
        )


def test_stalled_jobs_are_retried_or_failed_and_their_imports_told(database_url: str, tmp_path: Path):
    with scratch_database(database_url, tmp_path, "recovery") as url:
        migrate(url)
        asyncio.run(_scenario(url))
