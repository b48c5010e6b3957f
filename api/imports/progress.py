"""Rows read by a running import, visible to every process while the import's one transaction is
still open.

PostgreSQL: the job row's `rows_read`, updated on a connection of its own. SQLite has one writer,
and the import is it until it commits, so the count goes to a small file per job under
`UPLOAD_DIR/progress` instead (an SQLite database means one machine, so every process sees it).
Written at most once a second.
"""

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import update
from sqlmodel import col

from api.db import engine_for
from api.imports.models import ImportJob, JobStatus
from api.settings import get_settings

EVERY_SECONDS = 1.0


def _file(job_id: int) -> Path:
    return get_settings().upload_dir / "progress" / str(job_id)


def _uses_file() -> bool:
    return engine_for(get_settings().database_url).dialect.name == "sqlite"


def reporter(job_id: int) -> Callable[[int], None]:
    engine = engine_for(get_settings().database_url)
    last = 0.0

    def write(rows: int) -> None:
        nonlocal last
        if time.monotonic() - last < EVERY_SECONDS:
            return
        last = time.monotonic()
        if _uses_file():
            path = _file(job_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".partial")
            partial.write_text(str(rows))
            os.replace(partial, path)
            return
        with engine.connect() as conn:
            conn.execute(update(ImportJob).where(col(ImportJob.id) == job_id).values(rows_read=rows))
            conn.commit()

    return write


def clear(job_id: int) -> None:
    with contextlib.suppress(FileNotFoundError):
        _file(job_id).unlink()


def rows_read(job: ImportJob) -> int:
    """The job's count, or for a running job on SQLite the latest one its worker wrote."""
    if job.status != JobStatus.running or not _uses_file() or job.id is None:
        return job.rows_read
    try:
        return max(job.rows_read, int(_file(job.id).read_text() or 0))
    except (FileNotFoundError, ValueError):
        return job.rows_read
