"""Every item of a paged list (hand-written, not generated: `clients/extras/` in the UPR Tracker
repository).

    for recommendation in iterate(recommendations_list.sync, client=client, state_under_review=["SVN"]):
        ...

`iterate` calls a list operation's `sync` with your arguments, then again with `cursor=` each page's
`next_cursor` until it is null, yielding the items; `aiterate` does the same with `asyncio`. The item
type is the page's (mypy infers it), and the arguments are checked against the operation's. A
problem raises its `ProblemError` (`upr_tracker_client.problems`), whether or not the client raises.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import ParamSpec, Protocol, TypeVar, cast

from .models import ProblemDetail
from .problems import unwrap
from .types import Unset

__all__ = ["Page", "aiterate", "iterate"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
P = ParamSpec("P")


class Page(Protocol[T_co]):
    """What every list answers: `items`, and `next_cursor` (null on the last page)."""

    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def next_cursor(self) -> str | None | Unset: ...


def _next(page: Page[object]) -> str | None:
    cursor = page.next_cursor
    return cursor if isinstance(cursor, str) and cursor else None


def iterate(
    operation: Callable[P, Page[T] | ProblemDetail | None], /, *args: P.args, **kwargs: P.kwargs
) -> Iterator[T]:
    """Each item of each page of `operation(*args, **kwargs)` (a list operation's `sync`), in order;
    pages are fetched as you iterate. A `cursor=` you pass is where it starts."""
    call = cast(Callable[..., Page[T] | ProblemDetail | None], operation)
    arguments = dict(kwargs)
    while True:
        page = unwrap(call(*args, **arguments))
        yield from page.items
        cursor = _next(page)
        if cursor is None:
            return
        arguments["cursor"] = cursor


async def aiterate(
    operation: Callable[P, Awaitable[Page[T] | ProblemDetail | None]], /, *args: P.args, **kwargs: P.kwargs
) -> AsyncIterator[T]:
    """`iterate` for a list operation's `asyncio`: `async for item in aiterate(op.asyncio, client=...)`."""
    call = cast(Callable[..., Awaitable[Page[T] | ProblemDetail | None]], operation)
    arguments = dict(kwargs)
    while True:
        page = unwrap(await call(*args, **arguments))
        for item in page.items:
            yield item
        cursor = _next(page)
        if cursor is None:
            return
        arguments["cursor"] = cursor
