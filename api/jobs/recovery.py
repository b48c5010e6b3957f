"""Crash recovery, run by every worker as a periodic task (and once at the start of `upr worker`), and
the engine's housekeeping.

A job whose worker stopped sending heartbeats (killed, its machine lost, its database connection gone)
stays `doing` in the engine: it is retried, or failed once it has used its attempts. Then any import
whose engine job has ended while the row still says queued or running is marked failed with the reason.
"""

import asyncio
import logging

import procrastinate
from procrastinate.jobs import Status
from sqlmodel import Session

from api.db import engine_for
from api.imports import jobs as import_jobs
from api.request_context import writing
from api.settings import get_settings

log = logging.getLogger("api.jobs")
blueprint = procrastinate.Blueprint()
DEFAULT_MAX_ATTEMPTS = 4


def _max_attempts(app: procrastinate.App, task_name: str) -> int:
    task = app.tasks.get(task_name)
    strategy = getattr(task, "retry_strategy", None) if task else None
    return getattr(strategy, "max_attempts", None) or DEFAULT_MAX_ATTEMPTS


async def recover(
    app: procrastinate.App, *, database_url: str | None = None, stalled_after: float | None = None
) -> dict[str, list[int]]:
    settings = get_settings()
    retried: list[int] = []
    failed: list[int] = []
    stalled_after = settings.job_stalled_seconds if stalled_after is None else stalled_after
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
        assert job.id is not None, "a stored job has an id"
        if job.attempts + 1 >= _max_attempts(app, job.task_name):
            await app.job_manager.finish_job(job, status=Status.FAILED, delete_job=False)
            failed.append(job.id)
        else:
            await app.job_manager.retry_job(job)
            retried.append(job.id)
    orphans = await asyncio.to_thread(_fail_orphaned_imports, database_url or settings.database_url)
    if retried or failed or orphans:
        log.warning("recovery: retried %s, failed %s stalled jobs; imports failed: %s", retried, failed, orphans)
    return {"retried": retried, "failed": failed, "imports_failed": orphans}


def _fail_orphaned_imports(database_url: str) -> list[int]:
    with writing(), Session(engine_for(database_url)) as session:
        orphans = import_jobs.fail_orphans(session)
        session.commit()
    return orphans


@blueprint.periodic(cron="* * * * * */10", periodic_id="recover")  # every 10 s (croniter: seconds last)
@blueprint.task(name="recover", pass_context=True, queueing_lock="recover")
async def recover_task(context: procrastinate.JobContext, timestamp: int) -> None:
    await recover(context.app)


FINISHED_JOBS_KEPT_HOURS = 7 * 24  # the engine's own rows; what users need stays in import_job


@blueprint.periodic(cron="17 * * * *", periodic_id="prune")  # hourly
@blueprint.task(name="prune", pass_context=True, queueing_lock="prune")
async def prune_task(context: procrastinate.JobContext, timestamp: int) -> None:
    """The engine keeps a row (and events) per job, and recovery alone adds one every 10 s."""
    await context.app.job_manager.delete_old_jobs(
        nb_hours=FINISHED_JOBS_KEPT_HOURS, include_failed=True, include_cancelled=True, include_aborted=True
    )
