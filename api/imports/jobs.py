"""Import jobs over HTTP: the upload is stored with the job, and the pipeline runs after the response.

Everything about a job lives in its row (status, counts, report, the file itself until it has
run), so whichever worker is asked `GET /imports/{id}` can answer, and a job is claimed with a
conditional UPDATE so two workers never run it twice.
"""

import logging
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import Forbidden, InvalidInput, NotFound
from api.imports.files import UnreadableFile, file_kind
from api.imports.models import ImportJob, JobStatus
from api.imports.pipeline import StrictStop, run_import
from api.imports.records import ImportFormat, ImportReport
from api.pagination import Page, PageParams, Sort, paginate
from api.types import utcnow

log = logging.getLogger("api.imports")
MAX_REPORTED_REJECTS = 1000
SessionFactory = Callable[[], AbstractContextManager[Session]]


def create_job(session: Session, principal: Principal, filename: str, content: bytes, *,
               fmt: ImportFormat | None, state: str | None, upr_session: int | None, strict: bool,
               dry_run: bool) -> ImportJob:
    try:
        file_kind(Path(filename))
    except UnreadableFile as exc:
        raise InvalidInput(str(exc), field="file") from None
    if not principal.may(Permission.imports_run, state_code=state):
        if principal.may(Permission.imports_run, state_code=principal.state_code):
            raise Forbidden(f"You may import recommendations to {principal.state_code} only: "
                            f"give state={principal.state_code}.")
        raise Forbidden("Your role may not import recommendations.")
    job = ImportJob(filename=Path(filename).name[:255], format=fmt.value if fmt else None, content=content,
                    options={"state": state, "session": upr_session, "strict": strict, "dry_run": dry_run,
                             "only_state": None if principal.is_admin else principal.state_code},
                    created_by_user_id=principal.user_id, organisation_id=principal.organisation_id)
    session.add(job)
    session.flush()
    return job


def _visible(principal: Principal):
    stmt = select(ImportJob)
    return stmt if principal.is_admin else stmt.where(ImportJob.organisation_id == principal.organisation_id)


def get_job(session: Session, principal: Principal, job_id: int) -> ImportJob:
    job = session.exec(_visible(principal).where(ImportJob.id == job_id)).first()
    if job is None:
        raise NotFound.entity("Import", job_id)
    return job


def list_jobs(session: Session, principal: Principal, params: PageParams) -> Page[ImportJob]:
    return paginate(session, _visible(principal), params, [Sort(ImportJob.id, descending=True)])


def _report_dict(report: ImportReport) -> dict[str, Any]:
    return {"format": report.format.value if report.format else None, "rows": report.rows,
            "inserted": report.inserted, "updated": report.updated, "merged": report.merged,
            "unchanged": report.unchanged, "pledges": report.pledges, "rejected": report.rejected_count,
            "rejects": [{"line": r.line, "column": r.column, "reason": r.reason}
                        for r in report.rejected[:MAX_REPORTED_REJECTS]]}


def run_job(job_id: int, sessions: SessionFactory) -> None:
    """Claim the job, import its file in one transaction, record the outcome in another."""
    with sessions() as session:
        claimed = session.execute(update(ImportJob).where(ImportJob.id == job_id, ImportJob.status == JobStatus.queued)
                                  .values(status=JobStatus.running, started_at=utcnow())).rowcount
        session.commit()
        if not claimed:
            return
        job = session.get(ImportJob, job_id)
        # The import's audit entry names whoever uploaded it.
        session.info["principal"] = SimpleNamespace(user_id=job.created_by_user_id, service_token_id=None,
                                                    organisation_id=job.organisation_id)
        options = dict(job.options)
        outcome: dict[str, Any] = {}
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / job.filename
            path.write_bytes(job.content or b"")
            try:
                report = run_import(session, path, fmt=ImportFormat(job.format) if job.format else None,
                                    state=options.get("state"), upr_session=options.get("session"),
                                    strict=options.get("strict", False), only_state=options.get("only_state"))
                if options.get("dry_run"):
                    session.rollback()
                else:
                    session.commit()
                outcome = {"status": JobStatus.succeeded, "report": _report_dict(report), "error": None}
            except (UnreadableFile, StrictStop, UnicodeDecodeError, ValueError) as exc:
                session.rollback()
                outcome = {"status": JobStatus.failed, "report": None, "error": str(exc)[:2000]}
            except Exception:  # a job must end, whatever happened: never stuck in "running"
                log.exception("import job %s failed", job_id)
                session.rollback()
                outcome = {"status": JobStatus.failed, "report": None,
                           "error": "The import failed unexpectedly; nothing was imported."}
        job = session.get(ImportJob, job_id)
        job.status, job.report, job.error = outcome["status"], outcome["report"], outcome["error"]
        job.finished_at, job.content = utcnow(), None
        job.rows_read = (outcome["report"] or {}).get("rows", 0)
        session.add(job)
        session.commit()
