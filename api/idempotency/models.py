"""Idempotency keys: the first result of a create, kept so a retried request gets it again."""

from datetime import datetime

from sqlalchemy import JSON, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime, utcnow


class IdempotencyKey(SQLModel, table=True):
    """One key per organisation (a script's tokens and users share its keys). Written in the same
    transaction as the create it answers, so either both exist or neither does."""

    __tablename__ = "idempotency_key"
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)
    __audited__ = False  # the create it records is audited itself

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    key: str = Field(max_length=255)
    method: str = Field(max_length=8)
    path: str = Field(max_length=500)
    request_hash: str = Field(max_length=64)
    status_code: int
    response_body: str = Field(sa_type=Text)
    response_headers: dict[str, str] = Field(
        default_factory=dict, sa_type=JSON, description="Location and ETag of the first answer."
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
