"""Import jobs run over HTTP: their state lives in the database, so any worker can report on them."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, LargeBinary
from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime, enum_type, utcnow


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"


class ImportJob(SQLModel, table=True):
    __tablename__ = "import_job"
    __audit_ignore__ = (
        "rows_read",
        "attempts",
        "task_id",
        "status",
        "started_at",
        "finished_at",
        "report",
        "error",
        "content",
    )
    __audit_redact__ = ("content",)

    id: int | None = Field(default=None, primary_key=True)
    status: JobStatus = Field(default=JobStatus.queued, sa_type=enum_type(JobStatus), index=True)
    filename: str = Field(max_length=255)
    format: str | None = Field(default=None, max_length=32)
    options: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    content: bytes | None = Field(
        default=None,
        sa_type=LargeBinary,
        description="The uploaded file, until the job has run (any worker may run it).",
    )
    created_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rows_read: int = 0
    attempts: int = Field(
        default=0,
        sa_column_kwargs={"server_default": "0"},
        description="Runs started (a run whose worker died is retried).",
    )
    task_id: int | None = Field(
        default=None, sa_type=BigInteger, index=True, description="The task engine's job (procrastinate_jobs.id)."
    )
    report: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    error: str | None = Field(default=None, max_length=2000)


class ImportJobRead(SQLModel):
    id: int
    status: JobStatus
    filename: str
    format: str | None
    options: dict[str, Any]
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    rows_read: int = Field(description="Rows read so far while running; all rows once finished.")
    attempts: int = Field(default=0, description="Runs started; a run whose worker stopped is retried.")
    report: dict[str, Any] | None = Field(
        description="Counts (inserted, updated, merged, unchanged, pledges, "
        "rejected) and the first 1,000 rejected rows."
    )
    error: str | None
