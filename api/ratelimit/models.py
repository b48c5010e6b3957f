"""Requests counted per client and window (api/ratelimit/service.py)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from api.core.types import UTCDateTime

MAX_KEY_LENGTH = 200


class RateLimitWindow(SQLModel, table=True):
    """How many requests one key (a route's scope and a client) made in one fixed window.

    Bookkeeping, not a change anyone made: not audited."""

    __tablename__ = "rate_limit_window"
    __audited__ = False

    key: str = Field(primary_key=True, max_length=MAX_KEY_LENGTH)
    window_start: datetime = Field(primary_key=True, sa_type=UTCDateTime, index=True)
    count: int = 0
