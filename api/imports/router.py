from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, File, Form, Response, UploadFile, status
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.auth.deps import CanRunImports
from api.cycle.models import StateCode
from api.db import SessionDep, get_engine
from api.errors import error_responses
from api.idempotency.deps import IdempotencyDep
from api.imports import jobs
from api.imports.models import ImportJobRead
from api.imports.records import ImportFormat
from api.pagination import Page, PageDep
from api.types import IdPath

router = APIRouter(prefix="/imports", tags=["imports"])
routers = [router]


def get_job_sessions(engine: Annotated[Engine, Depends(get_engine)]) -> jobs.SessionFactory:
    """How a background job opens its sessions (tests substitute their own)."""

    @contextmanager
    def sessions() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session:
            yield session

    return sessions


@router.post("", response_model=ImportJobRead, status_code=status.HTTP_202_ACCEPTED, operation_id="imports.create",
             responses=error_responses(401, 403, 413, 422))
def create_import(
    session: SessionDep, principal: CanRunImports, response: Response, background: BackgroundTasks,
    sessions: Annotated[jobs.SessionFactory, Depends(get_job_sessions)], idem: IdempotencyDep,
    file: Annotated[UploadFile, File(description=".csv, .csv.gz, .xlsx or .docx")],
    format: Annotated[ImportFormat | None, Form(description="Detected from the header when omitted.",
                                                examples=["ohchr-matrix"])] = None,
    state: Annotated[StateCode | None, Form(description="State under review, if the file does not say; "
                                                         "governments must give their own.",
                                            examples=["SVN"])] = None,
    upr_session: Annotated[int | None, Form(alias="session", ge=1, le=999, examples=[34])] = None,
    strict: Annotated[bool, Form(description="Stop at the first unreadable row.", examples=[False])] = False,
    dry_run: Annotated[bool, Form(description="Check everything, write nothing.", examples=[True])] = False,
) -> ImportJobRead:
    """Admins, and governments for their own state. Runs in the background: poll `GET /imports/{id}`
    for its progress and report. The whole file imports in one transaction, or nothing does."""
    job = jobs.create_job(session, principal, file.filename or "upload.csv", file.file.read(), fmt=format,
                          state=state, upr_session=upr_session, strict=strict, dry_run=dry_run)
    background.add_task(jobs.run_job, job.id, sessions)
    response.headers["Location"] = f"/imports/{job.id}"
    return idem.saved(ImportJobRead.model_validate(job), response)


@router.get("", response_model=Page[ImportJobRead], operation_id="imports.list",
            responses=error_responses(401, 403, 422))
def list_imports(session: SessionDep, principal: CanRunImports, page: PageDep) -> Page[ImportJobRead]:
    """Your organisation's imports (everyone's for admins), newest first."""
    return jobs.list_jobs(session, principal, page).map(ImportJobRead.model_validate)


@router.get("/{import_id}", response_model=ImportJobRead, operation_id="imports.get",
            responses=error_responses(401, 403, 404, 422))
def get_import(import_id: IdPath, session: SessionDep, principal: CanRunImports) -> ImportJobRead:
    return ImportJobRead.model_validate(jobs.get_job(session, principal, import_id))
