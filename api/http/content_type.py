"""Media types, both ways: a request body of a type the operation does not take is a 415 (not a 422
about fields the server never read), and a response chosen by `Accept` says `Vary: Accept`.

What an operation takes is read from its route once (cached per route object): JSON for a JSON body
(and `application/*+json`, as FastAPI parses them); either form encoding for form fields and
uploads (FastAPI reads both, and a form without a file is sent urlencoded by most clients); plus
whatever its `openapi_extra` documents. A request without `Content-Type` and without a body passes (an optional body is
allowed to be absent; a required one is then a 422 naming it). The 415 names `Content-Type` and
lists the accepted types in `Accept-Post` / `Accept-Patch` (RFC 9110 §15.5.16, RFC 5789).

The check is an app-wide dependency, not middleware: it needs the matched route, and it must run
before FastAPI reports the fields of a body it could not read (a form parser given JSON reads nothing).
"""

from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Request
from fastapi.params import File, Form
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.errors import UnsupportedMediaType
from api.http.security_headers import with_vary

JSON = "application/json"
FORMS = {"application/x-www-form-urlencoded", "multipart/form-data"}  # FastAPI reads a form in either


@dataclass(frozen=True)
class MediaTypes:
    accepted: frozenset[str]  # empty: the route takes no body
    negotiates: bool  # the route reads `Accept` (answers CSV/XLSX instead of JSON)

    def accepts(self, media_type: str) -> bool:
        if media_type in self.accepted:
            return True
        main, _, sub = media_type.partition("/")
        return JSON in self.accepted and main == "application" and sub.endswith("+json")


_CACHE: dict[int, tuple[Any, MediaTypes]] = {}


def media_types_of(route: Any) -> MediaTypes:
    cached = _CACHE.get(id(route))
    if cached is not None and cached[0] is route:
        return cached[1]
    accepted: set[str] = set()
    negotiates = False
    if isinstance(route, APIRoute):
        if route.body_field is not None:
            info = route.body_field.field_info
            accepted.update(FORMS if isinstance(info, (Form, File)) else {JSON})
        documented = (route.openapi_extra or {}).get("requestBody", {}).get("content", {})
        accepted.update(media.lower() for media in documented)
        negotiates = any(field.alias.lower() == "accept" for field in route.dependant.header_params)
    found = MediaTypes(frozenset(accepted), negotiates)
    _CACHE[id(route)] = (route, found)  # the route is kept alive, so its id is never reused
    return found


def _has_body(request: Request) -> bool:
    length = request.headers.get("content-length")
    return "transfer-encoding" in request.headers or (length is not None and length.strip() not in ("", "0"))


async def check_content_type(request: Request) -> None:
    types = media_types_of(request.scope.get("route"))
    if not types.accepted:
        return
    sent = request.headers.get("content-type")
    media_type = sent.split(";")[0].strip().lower() if sent else None
    if media_type is None and not _has_body(request):
        return
    if media_type is not None and types.accepts(media_type):
        return
    listed = ", ".join(sorted(types.accepted))
    header = "Accept-Patch" if request.method == "PATCH" else "Accept-Post"
    raise UnsupportedMediaType(
        f"This operation takes a body of type {listed}, not {media_type or 'one without a Content-Type'}.",
        field="Content-Type",
        headers={header: listed},
    )


SupportedContentType = Depends(check_content_type)


class VaryAcceptMiddleware:
    """`Vary: Accept` on the answers of routes that negotiate, whichever type they chose (a cache must
    not hand a CSV export to a client that asked for JSON)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_vary(message: Message) -> None:
            if message["type"] == "http.response.start" and media_types_of(scope.get("route")).negotiates:
                headers = message.get("headers", [])
                vary = b", ".join(v for k, v in headers if k.lower() == b"vary") or None
                kept = [(k, v) for k, v in headers if k.lower() != b"vary"]
                message["headers"] = [*kept, (b"vary", with_vary(vary, b"Accept"))]
            await send(message)

        await self.app(scope, receive, send_with_vary)
