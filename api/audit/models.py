"""Audit entries: one row per written entity, in the transaction that wrote it."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime, enum_type, utcnow


class AuditAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    __audited__ = False

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_user_id: int | None = Field(default=None, index=True, description="Null for system writes (CLI, seed).")
    actor_service_token_id: int | None = None
    organisation_id: int | None = Field(default=None, index=True)
    entity: str = Field(max_length=64, index=True, description="Table name, e.g. `user`.")
    entity_id: str = Field(max_length=128)
    action: AuditAction = Field(sa_type=enum_type(AuditAction))
    changes: dict[str, Any] = Field(
        default_factory=dict, sa_type=JSON, description="Created/deleted: the values; updated: `[old, new]` per field."
    )
    request_id: str | None = Field(default=None, max_length=128)


class AuditEntryRead(SQLModel):
    id: int
    at: datetime
    actor_user_id: int | None
    actor_service_token_id: int | None
    organisation_id: int | None
    entity: str
    entity_id: str
    action: AuditAction
    changes: dict[str, Any]
    request_id: str | None
