"""The list query parameters every list takes: `limit` (clamped), `offset` or `cursor`; and the
RFC 8288 `Link` header of every page.

`page_params` notes the request's URL and paging in the request's state; `PageLinkMiddleware` then
reads `next_cursor` from the end of the page it answers (the envelope's last key, so nothing else of
the body is parsed) and links `rel="next"` (the same URL with `cursor`, without `offset`) and, on an
offset page past the first, `rel="prev"`. Only JSON pages sent in one piece: an export answered
instead of a page (CSV, XLSX) streams and gets no Link.
"""

import json
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from starlette.datastructures import URL
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.errors import InvalidInput
from api.core.pagination import MAX_LIMIT, MAX_OFFSET, PageParams
from api.core.types import also_checked

CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"  # what `paginate` issues: unpadded URL-safe base64


async def page_params(  # async: pure, so no trip through the threadpool (each costs ~0.1 ms)
    request: Request,
    limit: Annotated[int, Query(ge=1, description=f"Page size; values above {MAX_LIMIT} are clamped.")] = 50,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip; use `cursor` instead for deep paging.")
    ] = 0,
    cursor: Annotated[
        str | None,
        Query(
            min_length=1,
            pattern=CURSOR_PATTERN,
            description="Opaque `next_cursor` from the previous page of the same list (any other value is a 422); "
            "not together with a non-zero `offset`.",
            json_schema_extra=also_checked("must be a `next_cursor` issued for this list, with no `offset`"),
        ),
    ] = None,
) -> PageParams:
    if cursor is not None and offset:
        raise InvalidInput("Give either `offset` or `cursor`, not both.", field="cursor")
    params = PageParams(limit=min(limit, MAX_LIMIT), offset=offset, cursor=cursor)
    # A path-absolute reference, as `Location`: never a host or scheme taken from the request's headers.
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    request.state.page = Paging(target, params)
    return params


PageDep = Annotated[PageParams, Depends(page_params)]


@dataclass(frozen=True)
class Paging:
    url: str
    params: PageParams


_NEXT_CURSOR = re.compile(rb'"next_cursor"\s*:\s*')


def next_cursor_of(body: bytes) -> str | None:
    """The envelope's `next_cursor`: its last key, so read from the end; the whole body is parsed only
    if the end does not look like that (a page whose envelope orders its keys otherwise)."""
    last = None
    for last in _NEXT_CURSOR.finditer(body, max(0, len(body) - 1024)):  # noqa: B007 (the last one)
        pass
    if last is not None:
        try:
            tail = body[last.end() :].decode()
            value, end = json.JSONDecoder().raw_decode(tail)
            if tail[end:].strip() == "}" and (value is None or isinstance(value, str)):
                return value
        except ValueError:  # UnicodeDecodeError is one
            pass
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    cursor = parsed.get("next_cursor") if isinstance(parsed, dict) else None
    return cursor if isinstance(cursor, str) else None


def link_header(paging: Paging, next_cursor: str | None) -> str | None:
    url = URL(paging.url)
    links = []
    if next_cursor:
        links.append(f'<{url.remove_query_params("offset").include_query_params(cursor=next_cursor)}>; rel="next"')
    if paging.params.offset > 0:
        previous = max(0, paging.params.offset - paging.params.limit)
        url = url.remove_query_params(["offset", "cursor"])
        links.append(f'<{url.include_query_params(offset=previous) if previous else url}>; rel="prev"')
    return ", ".join(links) or None


class PageLinkMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        held: Message | None = None

        async def send_with_link(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                paging = scope.get("state", {}).get("page")
                json_body = dict(message.get("headers", [])).get(b"content-type", b"").startswith(b"application/json")
                if message["status"] == 200 and isinstance(paging, Paging) and json_body:
                    held = message  # until the body shows `next_cursor`
                    return
            elif held is not None:
                start, held = held, None
                paging = scope["state"]["page"]
                if not message.get("more_body", False):
                    link = link_header(paging, next_cursor_of(message.get("body", b"")))
                    if link:
                        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"link"]
                        start = {**start, "headers": [*headers, (b"link", link.encode())]}
                await send(start)
            await send(message)

        await self.app(scope, receive, send_with_link)
