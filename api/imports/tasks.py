"""The import job on the task engine: one file, one transaction, retried when the database was the
problem (locked, busy, unreachable, a record written at the same moment)."""

from collections.abc import Iterator
from contextlib import contextmanager

import procrastinate
from sqlmodel import Session

from api.db import engine_for
from api.imports import jobs, progress
from api.jobs.engine import defer
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


# Tasks (by engine name) that work on what an import brought, each deferred with `import_id` in the
# import's own transaction. Registered by the domains above imports (`api.classify.tasks`), which the
# engine loads with every task module: imports never import them.
_follow_ups: list[str] = []


def register_follow_up(task_name: str) -> None:
    if task_name not in _follow_ups:
        _follow_ups.append(task_name)


def defer_follow_ups(session: Session, import_id: int) -> None:
    for name in _follow_ups:
        defer(session, name, lock=IMPORT_LOCK, queueing_lock=f"{name}-{import_id}", import_id=import_id)


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
            after_import=defer_follow_ups,
        )
    finally:
        progress.clear(import_id)
