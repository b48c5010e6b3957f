"""Import jobs over HTTP: the upload is stored with the job, and the pipeline runs after the response.

Everything about a job lives in its row (status, counts, report, the file itself until it has
run), so whichever worker is asked `GET /imports/{id}` can answer, and a job is claimed with a
conditional UPDATE so two workers never run it twice.
"""

import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, or_, text, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session, col

from api.auth.principal import Principal
from api.core.errors import InvalidInput, NotFound, PayloadTooLarge
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.imports.files import check_upload, file_kind
from api.imports.limits import LimitExceeded, UnreadableFile
from api.imports.models import ImportJob, JobStatus
from api.imports.pipeline import StrictStop, run_import
from api.imports.policy import import_scope, require_import, visible_jobs
from api.imports.records import ImportFormat, ImportReport
from api.request_context import writing

log = logging.getLogger("api.imports")
MAX_REPORTED_REJECTS = 1000
MAX_LOCAL_NAME_BYTES = 200
IMPORT_FENCE = 7_411_043  # pg advisory lock namespace (migrations use 7_411_042)
SessionFactory = Callable[[], AbstractContextManager[Session]]


def create_job(
    session: Session,
    principal: Principal,
    filename: str,
    content: bytes,
    *,
    fmt: ImportFormat | None,
    state: str | None,
    upr_session: int | None,
    strict: bool,
    dry_run: bool,
) -> ImportJob:
    try:
        file_kind(Path(filename))
        check_upload(filename, content)  # what is cheap to see now: a .gz trailer, a ZIP's list of parts
    except LimitExceeded as exc:
        raise PayloadTooLarge(str(exc), field="file") from None
    except UnreadableFile as exc:
        raise InvalidInput(str(exc), field="file") from None
    require_import(principal, state)
    job = ImportJob(
        filename=Path(filename).name[:255],
        format=fmt.value if fmt else None,
        content=content,
        options={
            "state": state,
            "session": upr_session,
            "strict": strict,
            "dry_run": dry_run,
            "only_state": import_scope(principal),
        },
        created_by_user_id=principal.user_id,
        organisation_id=principal.organisation_id,
    )
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, principal: Principal, job_id: int) -> ImportJob:
    job = session.exec(visible_jobs(principal).where(col(ImportJob.id) == job_id)).first()
    if job is None:
        raise NotFound.entity("Import", job_id)
    return job


def list_jobs(session: Session, principal: Principal, params: PageParams) -> Page[ImportJob]:
    return paginate(session, visible_jobs(principal), params, [Sort(ImportJob.id, descending=True)])


def _report_dict(report: ImportReport) -> dict[str, Any]:
    return {
        "format": report.format.value if report.format else None,
        **report.counts(),
        "rejects": [
            {"line": r.line, "column": r.column, "reason": r.reason} for r in report.rejected[:MAX_REPORTED_REJECTS]
        ],
    }


class RetryLater(Exception):
    """A transient failure (the database was locked, busy or unreachable): the engine runs the job again
    after a backoff; nothing of this attempt was kept."""


TRANSIENT = (OperationalError, InterfaceError, PoolTimeout)
_UNFINISHED = (JobStatus.queued, JobStatus.running)


def _conflict_reason(exc: IntegrityError) -> str:
    detail = str(getattr(exc, "orig", exc)).strip().replace("\n", " ")
    return f"A record conflicts with one written at the same time ({detail[:500]}); nothing was imported."


def run_job(
    job_id: int,
    sessions: SessionFactory,
    *,
    task_id: int | None = None,
    final_attempt: bool = True,
    progress: Callable[[int], None] | None = None,
    after_import: Callable[[Session, int], None] | None = None,
) -> None:
    """Claim the job, then import its file and record the outcome in one transaction.

    `after_import(session, job_id)` runs in that transaction after a real (not dry) import that
    succeeded: the engine task defers its follow-up jobs there, so they exist exactly when the rows do.

    Claimed by a conditional UPDATE: a queued job, or a running one whose engine job (`task_id`) is
    this one being retried after its worker died. A transient failure raises `RetryLater` (the job
    goes back to queued with the reason) unless this is the final attempt; every other ending leaves
    the job `succeeded` or `failed` with a reason the user can act on.
    """
    with writing(), sessions() as session, _fence(session, job_id) as alone:
        if not alone:  # a run whose worker was presumed dead is still in its transaction: wait for its end
            raise RetryLater("Another run of this import has not finished yet.")
        try:
            job = _claim(session, job_id, task_id)
        except TRANSIENT as exc:  # the database was locked or unreachable before anything started
            session.rollback()
            reason = "The database was locked or unavailable when the import was to start; nothing was imported."
            if not final_attempt:
                raise RetryLater(reason) from exc
            _give_up(session, job_id, f"{reason} Gave up after several attempts; upload the file again.")
            return
        if job is None:
            return
        # The import's audit entry names whoever uploaded it.
        session.info["principal"] = SimpleNamespace(
            user_id=job.created_by_user_id, service_token_id=None, organisation_id=job.organisation_id
        )
        options = dict(job.options)
        outcome: dict[str, Any] = {}
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / _local_name(job.filename)
            try:
                path.write_bytes(job.content or b"")
                report = run_import(
                    session,
                    path,
                    fmt=ImportFormat(job.format) if job.format else None,
                    state=options.get("state"),
                    upr_session=options.get("session"),
                    strict=options.get("strict", False),
                    only_state=options.get("only_state"),
                    progress=progress,
                    import_job_id=job_id,
                    file_name=job.filename,
                    dry_run=bool(options.get("dry_run")),
                )
                if options.get("dry_run"):
                    session.rollback()
                elif after_import is not None:
                    after_import(session, job_id)
                # The outcome commits with the imported rows: never a moment where they exist while the
                # job still says running (a retry after that moment would import the file again).
                _finish(session, job_id, {"status": JobStatus.succeeded, "report": _report_dict(report), "error": None})
                return
            except (UnreadableFile, StrictStop, UnicodeDecodeError, ValueError) as exc:
                session.rollback()
                outcome = {"status": JobStatus.failed, "report": None, "error": str(exc)[:2000]}
            except (*TRANSIENT, IntegrityError) as exc:
                session.rollback()
                log.warning("import job %s: attempt failed: %s", job_id, exc)
                reason = (
                    _conflict_reason(exc)
                    if isinstance(exc, IntegrityError)
                    else "The database was locked or unavailable; nothing was imported."
                )
                if not final_attempt:
                    _requeue(session, job_id, f"Retrying: {reason}")
                    raise RetryLater(reason) from exc
                outcome = {
                    "status": JobStatus.failed,
                    "report": None,
                    "error": f"{reason} Gave up after several attempts; upload the file again.",
                }
            except Exception:  # a job must end, whatever happened: never stuck in "running"
                log.exception("import job %s failed", job_id)
                session.rollback()
                outcome = {
                    "status": JobStatus.failed,
                    "report": None,
                    "error": "The import failed unexpectedly; nothing was imported.",
                }
        _finish(session, job_id, outcome)


@contextmanager
def _fence(session: Session, job_id: int) -> Iterator[bool]:
    """PostgreSQL: hold a session advisory lock on the job, on a connection of its own, for the whole run.
    A worker stopping gracefully stops its heartbeats before its sync job ends, so recovery may retry a
    job whose first run is still importing: the retry must not import alongside it. (SQLite needs no
    fence: a second run cannot start while the first holds the write lock.)"""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        yield True
        return
    try:
        fence = bind.engine.connect()
        held = fence.execute(
            text("SELECT pg_try_advisory_lock(:ns, :id)"), {"ns": IMPORT_FENCE, "id": job_id}
        ).scalar_one()
        fence.commit()  # the lock outlives the transaction; the connection must not idle inside one
    except TRANSIENT as exc:
        raise RetryLater("The database was unavailable when the import was to start.") from exc
    try:
        yield bool(held)
    finally:
        try:
            if held:
                fence.execute(text("SELECT pg_advisory_unlock(:ns, :id)"), {"ns": IMPORT_FENCE, "id": job_id})
                fence.commit()
        except TRANSIENT:
            pass  # a lost connection has released the lock anyway
        finally:
            fence.close()


def _local_name(filename: str) -> str:
    """The uploaded name (readers find the review in names such as OHCHR's), unless a file system would
    refuse it (over 255 bytes, a NUL): then a neutral name with its kind's suffix."""
    if filename and len(filename.encode()) <= MAX_LOCAL_NAME_BYTES and "\0" not in filename:
        return filename
    lowered = filename.lower()
    suffix = next((s for s in (".csv.gz", ".csv", ".txt", ".xlsx", ".docx") if lowered.endswith(s)), "")
    return "upload" + suffix


def _claim(session: Session, job_id: int, task_id: int | None) -> ImportJob | None:
    """A queued job, or a running one whose engine job (`task_id`) is this one retried after its worker
    died; None when another run has it or it has ended."""
    claimable = col(ImportJob.status) == JobStatus.queued
    if task_id is not None:
        claimable = or_(claimable, and_(col(ImportJob.status) == JobStatus.running, col(ImportJob.task_id) == task_id))
    claimed = session.exec(
        update(ImportJob)
        .where(col(ImportJob.id) == job_id, claimable)
        .values(status=JobStatus.running, started_at=utcnow(), attempts=ImportJob.attempts + 1, rows_read=0, error=None)
    ).rowcount
    session.commit()
    return session.get(ImportJob, job_id) if claimed else None


def _finish(session: Session, job_id: int, outcome: dict[str, Any]) -> None:
    job = session.get(ImportJob, job_id)
    assert job is not None, "a claimed job is never deleted"
    job.status, job.report, job.error = outcome["status"], outcome["report"], outcome["error"]
    job.finished_at, job.content = utcnow(), None
    job.rows_read = (outcome["report"] or {}).get("rows", job.rows_read)
    session.add(job)
    session.commit()


def _requeue(session: Session, job_id: int, reason: str) -> None:
    _mark(session, job_id, status=JobStatus.queued, error=reason[:2000])


def _give_up(session: Session, job_id: int, reason: str) -> None:
    _mark(session, job_id, status=JobStatus.failed, error=reason[:2000], finished_at=utcnow(), content=None)


def _mark(session: Session, job_id: int, **values: Any) -> None:
    """Best effort (the database may be why the run stopped): when even this fails, the engine's retry
    re-claims the job as `running` with the same task id, or recovery fails it once its engine job ends."""
    try:
        session.execute(
            update(ImportJob)
            .where(col(ImportJob.id) == job_id, col(ImportJob.status).in_(_UNFINISHED))
            .values(**values)
        )
        session.commit()
    except (*TRANSIENT, IntegrityError):
        session.rollback()


def fail_orphans(session: Session) -> list[int]:
    """Jobs whose engine job has ended (or vanished) while the row still says queued or running: their
    worker died more often than the engine retries, or the row was written by an older version."""
    rows = (
        session.execute(
            text(
                "SELECT ij.id FROM import_job ij LEFT JOIN procrastinate_jobs pj ON pj.id = ij.task_id "
                "WHERE ij.status IN ('queued', 'running') AND (ij.task_id IS NULL OR pj.id IS NULL "
                "OR pj.status NOT IN ('todo', 'doing'))"
            )
        )
        .scalars()
        .all()
    )
    for job_id in rows:
        session.execute(
            update(ImportJob)
            .where(col(ImportJob.id) == job_id, col(ImportJob.status).in_(_UNFINISHED))
            .values(
                status=JobStatus.failed,
                finished_at=utcnow(),
                content=None,
                error="The worker running this import stopped before it finished, more often than it is retried; "
                "nothing was imported. Upload the file again.",
            )
        )
    return list(rows)
