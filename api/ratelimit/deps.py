"""The FastAPI side of rate limits: a route takes `Depends(rate_limit("scope", setting))`.

The client is `api.http.client.client_of` (the address uvicorn gives, shared with login throttling;
behind a proxy, see there).

The count is committed at once, before the route runs: it must outlive an error the route answers (a
422 still counts), and on SQLite the write lock is not held while the route works.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request

from api.core.types import utcnow
from api.db import SessionDep
from api.http.client import client_of
from api.http.deps import SettingsDep
from api.ratelimit import service
from api.ratelimit.policy import RateLimited
from api.settings import Settings


def current_time() -> datetime:
    """The clock the windows are read on (tests override this dependency to move it)."""
    return utcnow()


def rate_limit(scope: str, limit_of: Callable[[Settings], int], window_seconds: int = 60) -> Any:
    """A dependency counting each request of a client to `scope`; over `limit_of(settings)` requests
    in a window, a 429 `rate-limited` problem with `Retry-After`."""

    def counted(
        request: Request,
        session: SessionDep,
        settings: SettingsDep,
        now: Annotated[datetime, Depends(current_time)],
    ) -> service.Usage:
        try:
            usage = service.count_request(
                session, scope, client_of(request), now, limit=limit_of(settings), window_seconds=window_seconds
            )
        except RateLimited:
            session.commit()  # the refused request counts too
            raise
        session.commit()  # the count outlives whatever the route raises
        return usage

    return Depends(counted)
