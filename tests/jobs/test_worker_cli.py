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


def _defer_import(session: Session, path: Path, fmt: str) -> int:
    """An import job deferred the way `POST /imports` does (committed by the caller)."""
    job = ImportJob(filename=path.name, format=fmt, content=path.read_bytes(), options={})
    session.add(job)
    session.flush()
    assert job.id is not None
    job.task_id = defer(session, RUN_IMPORT, lock=IMPORT_LOCK, queueing_lock=f"import-{job.id}", import_id=job.id)
    return job.id


def _worker_once(url: str, tmp_path: Path) -> None:
    """`upr worker --once` as a real process against `url`; it must exit 0."""
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


def test_worker_once_runs_a_deferred_import_and_exits(database_url: str, tmp_path: Path):
    with scratch_database(database_url, tmp_path, "worker_once") as url:
        migrate(url)
        with Session(engine_for(url)) as session:
            job_id = _defer_import(session, EXCERPT, "upr-info")
            session.commit()
        _worker_once(url, tmp_path)
        with Session(engine_for(url)) as session:
            finished = session.get(ImportJob, job_id)
            assert finished.status == JobStatus.succeeded, finished.error
            assert finished.attempts == 1 and finished.finished_at is not None and finished.content is None
            rows = len(EXCERPT.read_text(encoding="utf-8-sig").splitlines()) - 1  # the excerpt's header line
            assert finished.rows_read == finished.report["rows"] == rows  # every row was read by the worker


def test_worker_once_tags_what_an_import_brought_with_the_stored_model(database_url: str, tmp_path: Path):
    """The import's follow-up (`classify:tag_import`, deferred in its transaction) runs in the same
    `--once` pass: the DIHR records, which carry no OHCHR theme, get inferred ones from the stored model."""
    from sqlalchemy import text
    from sqlmodel import col, func, select

    from api.classify.examples import load_examples
    from api.classify.model import Params, train
    from api.classify.store import save_model
    from api.classify.tasks import TAG_IMPORT
    from api.recommendations.models import RecommendationTheme, TagOrigin

    fixture = Path(__file__).parents[1] / "classify/fixtures/data"
    dihr = sorted((fixture / "dihr_sdg_explorer").glob("*.csv"))[0]
    small = Params(min_positives=10, min_true_positives=3, validation_share=0.3, wilson_z=0.0)
    model = train(load_examples(fixture), seed=0, params=small)
    with scratch_database(database_url, tmp_path, "worker_tags") as url:
        migrate(url)
        with Session(engine_for(url)) as session:
            from api.seed import seed_states
            from api.taxonomy.service import seed_sdg_targets

            seed_states(session)
            seed_sdg_targets(session)
            save_model(session, model)
            _defer_import(session, dihr, "dihr")
            session.commit()
        _worker_once(url, tmp_path)
        with Session(engine_for(url)) as session:
            statuses = session.execute(text("SELECT task_name, status FROM procrastinate_jobs ORDER BY id")).all()
            assert [tuple(row) for row in statuses if not row[0].startswith("jobs:")][:2] == [
                (RUN_IMPORT, "succeeded"),
                (TAG_IMPORT, "succeeded"),
            ], statuses
            inferred = session.exec(
                select(RecommendationTheme.model_version).where(col(RecommendationTheme.origin) == TagOrigin.inferred)
            ).all()
            assert inferred and set(inferred) == {model.version}
            assert session.exec(select(func.count()).select_from(RecommendationTheme)).one() >= len(inferred)
