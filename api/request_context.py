"""What the database layer needs to know about the code that is running: inside an HTTP request or
not, and whether the transaction will write.

Kept in a context variable set by `RequestContextMiddleware`, so it follows the request into
FastAPI's threadpool (anyio copies the context) without any argument being threaded through.
Two uses (`api.db`):
- a sync database call made on the event loop's own thread *during a request* is refused: it would
  block every request of that worker (the freeze of issue 10);
- on SQLite, a request that may write starts its transaction with `BEGIN IMMEDIATE`, so writers
  queue on `busy_timeout` instead of failing with "database is locked" when a read snapshot
  cannot be upgraded.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class RunningContext:
    in_request: bool
    writes: bool


OUTSIDE = RunningContext(in_request=False, writes=False)
_current: ContextVar[RunningContext | None] = ContextVar("upr_running_context", default=None)


def current() -> RunningContext:
    return _current.get() or OUTSIDE


@contextmanager
def writing() -> Iterator[None]:
    """For work outside requests (jobs, CLI) whose transactions write: SQLite takes the write lock
    at BEGIN, so the transaction never fails half-way on a lock it could have waited for."""
    token = _current.set(RunningContext(in_request=current().in_request, writes=True))
    try:
        yield
    finally:
        _current.reset(token)


class RequestContextMiddleware:
    """Marks the running context as a request, writing unless the method is a read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _current.set(RunningContext(in_request=True, writes=scope.get("method", "GET") not in READ_METHODS))
        try:
            await self.app(scope, receive, send)
        finally:
            _current.reset(token)
