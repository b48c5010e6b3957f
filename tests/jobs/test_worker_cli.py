"""`upr worker --once`: runs what is due on the engine, then exits (cron, tests) — as a real process,
against a migrated database of the suite's kind, with a job deferred the way `POST /imports` does."""

import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session

from api.contracts import ROOT
from api.db import engine_for
from api.imports.models import ImportJob, JobStatus
from api.imports.tasks import IMPORT_LOCK, RUN_IMPORT
from api.jobs.engine import defer
from tests.helpers import migrate, scratch_database

EXCERPT = Path(__file__).parents[1] / "imports/fixtures/upr_info_recommendations_excerpt.csv"


def test_worker_once_runs_a_deferred_import_and_exits(database_url: str, tmp_path: Path):
    with scratch_database(database_url, tmp_path, "worker_once") as url:
        migrate(url)
        with Session(engine_for(url)) as session:
            job = ImportJob(filename=EXCERPT.name, format="upr-info", content=EXCERPT.read_bytes(), options={})
            session.add(job)
            session.flush()
            job.task_id = defer(
                session, RUN_IMPORT, lock=IMPORT_LOCK, queueing_lock=f"import-{job.id}", import_id=job.id
            )
            session.commit()
            job_id = job.id
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SECRET_KEY": "worker-once-" + "s3cr3t" * 8,
            "UPLOAD_DIR": str(tmp_path / "uploads"),
            "SECRET_KEY_FILE": str(tmp_path / "key"),
        }
        done = subprocess.run(
            [sys.executable, "-m", "api.cli", "worker", "--once"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        with Session(engine_for(url)) as session:
            finished = session.get(ImportJob, job_id)
            assert finished.status == JobStatus.succeeded, finished.error
            assert finished.attempts == 1 and finished.finished_at is not None and finished.content is None
            rows = len(EXCERPT.read_text(encoding="utf-8-sig").splitlines()) - 1  # the excerpt's header line
            assert finished.rows_read == finished.report["rows"] == rows  # every row was read by the worker
