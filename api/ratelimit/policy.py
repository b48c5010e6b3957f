"""What a fixed window is, and the problem a caller over the limit gets."""

import math
from datetime import UTC, datetime, timedelta

from api.core.errors import TooManyRequests

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class RateLimited(TooManyRequests):
    slug = "rate-limited"


def window_start(now: datetime, seconds: int) -> datetime:
    """The window `now` falls in: windows are aligned on the epoch, so every process agrees on them."""
    elapsed = (now - EPOCH).total_seconds()
    return EPOCH + timedelta(seconds=(elapsed // seconds) * seconds)


def seconds_left(now: datetime, seconds: int) -> int:
    """Until the next window opens (what `Retry-After` says), at least 1."""
    end = window_start(now, seconds) + timedelta(seconds=seconds)
    return max(1, math.ceil((end - now).total_seconds()))
