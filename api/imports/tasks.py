"""The import job on the task engine: one file, one transaction, retried when the database was the
problem (locked, busy, unreachable, a record written at the same moment)."""

from collections.abc import Iterator
from contextlib import contextmanager

import procrastinate
from sqlmodel import Session

from api.db import engine_for
from api.imports import jobs, progress
from api.settings import get_settings

blueprint = procrastinate.Blueprint()
RUN_IMPORT = "imports:run"
IMPORT_LOCK = "imports"  # one import at a time: overlapping files never race for the same rows
MAX_ATTEMPTS = 4
RETRY = procrastinate.RetryStrategy(
    max_attempts=MAX_ATTEMPTS,
    exponential_wait=2,  # 2, 4, 8 s
    retry_exceptions={jobs.RetryLater},
)


@contextmanager
def _sessions() -> Iterator[Session]:
    with Session(engine_for(get_settings().database_url), expire_on_commit=False) as session:
        yield session


@blueprint.task(name="run", pass_context=True, retry=RETRY)
def run(context: procrastinate.JobContext, import_id: int) -> None:
    job = context.job
    try:
        jobs.run_job(
            import_id,
            _sessions,
            task_id=job.id,
            final_attempt=job.attempts + 1 >= MAX_ATTEMPTS,
            progress=progress.reporter(import_id),
        )
    finally:
        progress.clear(import_id)
