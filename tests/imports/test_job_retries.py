"""How an import job ends when the database, not the file, was the problem (issue 10): retried with
the reason shown meanwhile, failed with an actionable reason after the last attempt, re-claimed by
the same engine job after its worker died, and failed when its engine job ended without it.

The runs happen in the test's transaction (the session factory yields the test session); the real
engine and real worker processes are exercised in tests/live/test_resilience.py.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session

from api.imports import jobs
from api.imports.models import ImportJob, JobStatus
from api.imports.records import ImportReport
from api.imports.tasks import IMPORT_LOCK, RUN_IMPORT
from api.jobs.engine import defer


@pytest.fixture
def sessions(session: Session):
    @contextmanager
    def factory() -> Iterator[Session]:
        yield session

    return factory


@pytest.fixture
def job(session: Session, cycle_world) -> ImportJob:
    row = ImportJob(filename="recs.csv", format="upr-info", content=b"state,text\n", options={})
    session.add(row)
    session.commit()
    return row


def _fail_with(monkeypatch, exc: Exception) -> None:
    def broken(*_args, **_kwargs):
        raise exc

    monkeypatch.setattr(jobs, "run_import", broken)


def _locked() -> OperationalError:
    return OperationalError("INSERT INTO recommendation ...", {}, Exception("database is locked"))


def test_a_locked_database_is_retried_with_the_reason_shown(session, sessions, job, monkeypatch):
    _fail_with(monkeypatch, _locked())
    with pytest.raises(jobs.RetryLater, match="locked or unavailable"):
        jobs.run_job(job.id, sessions, task_id=41, final_attempt=False)
    session.refresh(job)
    assert job.status == JobStatus.queued and job.attempts == 1
    assert job.error.startswith("Retrying: The database was locked or unavailable")
    assert job.content is not None  # kept for the next attempt


def test_the_last_attempt_fails_with_a_reason_a_user_can_act_on(session, sessions, job, monkeypatch):
    _fail_with(monkeypatch, _locked())
    jobs.run_job(job.id, sessions, task_id=41, final_attempt=True)
    session.refresh(job)
    assert job.status == JobStatus.failed and job.finished_at is not None and job.content is None
    assert "locked or unavailable" in job.error and "upload the file again" in job.error


def test_a_unique_violation_names_the_conflicting_record(session, sessions, job, monkeypatch):
    orig = Exception(
        'duplicate key value violates unique constraint "uq_review_state_code"\n'
        "DETAIL:  Key (state_code, session_id)=(SVN, 34) already exists."
    )
    _fail_with(monkeypatch, IntegrityError("INSERT INTO review ...", {}, orig))
    jobs.run_job(job.id, sessions, task_id=41, final_attempt=True)
    session.refresh(job)
    assert job.status == JobStatus.failed
    assert "uq_review_state_code" in job.error and "(SVN, 34)" in job.error


def test_a_running_job_is_reclaimed_only_by_its_own_engine_job(session, sessions, job, monkeypatch):
    calls = []
    monkeypatch.setattr(jobs, "run_import", lambda *a, **k: calls.append(1) or ImportReport())
    session.execute(
        text("UPDATE import_job SET status = 'running', task_id = 7, attempts = 1 WHERE id = :id"), {"id": job.id}
    )
    jobs.run_job(job.id, sessions, task_id=8)  # another engine job: not its to run
    assert calls == []
    jobs.run_job(job.id, sessions, task_id=7)  # the same engine job, retried after its worker died
    session.refresh(job)
    assert calls == [1] and job.status == JobStatus.succeeded and job.attempts == 2


def test_an_import_whose_engine_job_ended_is_failed_not_left_running(session, job):
    job.task_id = defer(session, RUN_IMPORT, lock=IMPORT_LOCK, queueing_lock=f"import-{job.id}", import_id=job.id)
    job.status = JobStatus.running
    session.add(job)
    session.flush()
    assert jobs.fail_orphans(session) == []  # its engine job is still to do
    session.execute(text("UPDATE procrastinate_jobs SET status = 'failed' WHERE id = :id"), {"id": job.task_id})
    assert jobs.fail_orphans(session) == [job.id]
    session.refresh(job)
    assert job.status == JobStatus.failed and "stopped before it finished" in job.error


def test_the_engine_job_is_deferred_in_the_callers_transaction(session, job):
    task_id = defer(session, RUN_IMPORT, lock=IMPORT_LOCK, queueing_lock=f"import-{job.id}", import_id=job.id)
    row = session.execute(
        text("SELECT task_name, lock, queueing_lock, status FROM procrastinate_jobs WHERE id = :id"), {"id": task_id}
    ).one()
    assert tuple(row) == (RUN_IMPORT, IMPORT_LOCK, f"import-{job.id}", "todo")
    session.rollback()  # the caller's transaction rolls back: the engine job goes with it
    assert (
        session.execute(text("SELECT count(*) FROM procrastinate_jobs WHERE id = :id"), {"id": task_id}).scalar_one()
        == 0
    )


def test_a_lock_at_the_claim_is_retried_then_reported(session, sessions, job, monkeypatch):
    def locked_claim(*_args):
        raise _locked()

    monkeypatch.setattr(jobs, "_claim", locked_claim)
    with pytest.raises(jobs.RetryLater, match="when the import was to start"):
        jobs.run_job(job.id, sessions, task_id=41, final_attempt=False)
    session.refresh(job)
    assert job.status == JobStatus.queued  # untouched: the engine runs it again
    jobs.run_job(job.id, sessions, task_id=41, final_attempt=True)
    session.refresh(job)
    assert job.status == JobStatus.failed and "when the import was to start" in job.error


def test_a_retry_never_imports_beside_a_run_still_in_progress(session, sessions, job, monkeypatch, engine):
    """A worker stopping gracefully stops its heartbeats before its import ends; recovery then retries the
    job. On PostgreSQL the retry finds the first run's fence and comes back later; on SQLite the first
    run's write lock keeps the retry from even claiming the job, so there is no fence to take."""
    calls = []
    monkeypatch.setattr(jobs, "run_import", lambda *a, **k: calls.append(1) or ImportReport())
    if engine.dialect.name == "postgresql":
        with engine.connect() as first_run:
            first_run.execute(text("SELECT pg_advisory_lock(:ns, :id)"), {"ns": jobs.IMPORT_FENCE, "id": job.id})
            with pytest.raises(jobs.RetryLater, match="has not finished"):
                jobs.run_job(job.id, sessions, task_id=41, final_attempt=False)
            first_run.execute(text("SELECT pg_advisory_unlock_all()"))
        session.refresh(job)
        assert calls == [] and job.status == JobStatus.queued and job.attempts == 0
    with jobs._fence(session, job.id) as alone:
        assert alone
    jobs.run_job(job.id, sessions, task_id=41)
    session.refresh(job)
    assert calls == [1] and job.status == JobStatus.succeeded


def test_a_file_name_too_long_for_a_file_system_still_imports(session, sessions, job, monkeypatch):
    seen = []
    monkeypatch.setattr(jobs, "run_import", lambda _s, path, **k: seen.append(path.name) or ImportReport())
    job.filename = "č" * 240 + ".csv.gz"  # 247 characters (the column fits 255), 487 bytes in UTF-8
    session.add(job)
    session.commit()
    jobs.run_job(job.id, sessions, task_id=41)
    session.refresh(job)
    assert job.status == JobStatus.succeeded and seen == ["upload.csv.gz"]
    job.filename, job.status = "slovenia_upr34_2019_thematic_list.csv", JobStatus.queued  # readers use names
    session.add(job)
    session.commit()
    jobs.run_job(job.id, sessions, task_id=41)
    assert seen == ["upload.csv.gz", "slovenia_upr34_2019_thematic_list.csv"]
