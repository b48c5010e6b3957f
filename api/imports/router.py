from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Response, UploadFile, status

from api.auth.deps import CanRunImports
from api.core.pagination import Page
from api.core.types import StateCode, also_checked
from api.db import SessionDep
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.imports import jobs, progress
from api.imports.models import ImportJob, ImportJobRead
from api.imports.records import ImportFormat
from api.imports.tasks import IMPORT_LOCK, RUN_IMPORT
from api.jobs.engine import defer

router = APIRouter(prefix="/imports", tags=["imports"])
routers = [router]


Scheduler = Callable[[ImportJob], None]


def get_import_scheduler(session: SessionDep) -> Scheduler:
    """Hands a job to the task engine in the request's own transaction: the job row and its engine job
    commit together (tests substitute a scheduler that runs the job in their transaction)."""

    def schedule(job: ImportJob) -> None:
        job.task_id = defer(session, RUN_IMPORT, lock=IMPORT_LOCK, queueing_lock=f"import-{job.id}", import_id=job.id)
        session.add(job)
        session.flush()

    return schedule


@router.post(
    "",
    response_model=ImportJobRead,
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="imports.create",
    responses=error_responses(401, 403, 413, 422),
)
def create_import(
    session: SessionDep,
    principal: CanRunImports,
    response: Response,
    schedule: Annotated[Scheduler, Depends(get_import_scheduler)],
    idem: IdempotencyDep,
    file: Annotated[
        UploadFile,
        File(
            description=".csv, .csv.gz, .xlsx or .docx",
            json_schema_extra=also_checked("must be named .csv, .csv.gz, .xlsx or .docx, and read as that type"),
        ),
    ],
    format: Annotated[
        ImportFormat | None, Form(description="Detected from the header when omitted.", examples=["ohchr-matrix"])
    ] = None,
    state: Annotated[
        StateCode | None,
        Form(
            description="State under review, if the file does not say; governments must give their own.",
            examples=["SVN"],
        ),
    ] = None,
    upr_session: Annotated[int | None, Form(alias="session", ge=1, le=999, examples=[34])] = None,
    strict: Annotated[bool, Form(description="Stop at the first unreadable row.", examples=[False])] = False,
    dry_run: Annotated[bool, Form(description="Check everything, write nothing.", examples=[True])] = False,
) -> ImportJobRead:
    """Admins, and governments for their own state. Runs in the background on a job worker: poll
    `GET /imports/{id}` for its progress and report. The whole file imports in one transaction, or
    nothing does; imports run one at a time, and an attempt that failed because the database was busy
    or unreachable is retried (the job says so in `error` meanwhile)."""
    job = jobs.create_job(
        session,
        principal,
        file.filename or "upload.csv",
        file.file.read(),
        fmt=format,
        state=state,
        upr_session=upr_session,
        strict=strict,
        dry_run=dry_run,
    )
    schedule(job)
    response.headers["Location"] = f"/imports/{job.id}"
    return idem.saved(_read(job), response)


@router.get(
    "", response_model=Page[ImportJobRead], operation_id="imports.list", responses=error_responses(401, 403, 422)
)
def list_imports(session: SessionDep, principal: CanRunImports, page: PageDep) -> Page[ImportJobRead]:
    """Your organisation's imports (everyone's for admins), newest first."""
    return jobs.list_jobs(session, principal, page).map(_read)


@router.get(
    "/{import_id}",
    response_model=ImportJobRead,
    operation_id="imports.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_import(import_id: IdPath, session: SessionDep, principal: CanRunImports) -> ImportJobRead:
    """One import job and its progress: admins, and government users for their own state's imports."""
    return _read(jobs.get_job(session, principal, import_id))


def _read(job: ImportJob) -> ImportJobRead:
    return ImportJobRead.model_validate(job).model_copy(update={"rows_read": progress.rows_read(job)})
