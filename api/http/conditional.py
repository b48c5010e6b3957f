"""ASGI middleware: a strong ETag on every read, and `If-None-Match` answered with a 304.

A `GET` (or `HEAD`, routed as one) answered 200 keeps the ETag its route set (`api/http/etags.py`:
a hash of the representation, the one `If-Match` is compared with); any other gets the hash of its
body. When `If-None-Match` lists that tag (weak comparison, RFC 9110 §13.1.2: `W/"x"` matches
`"x"`; `*` matches any), the answer is a 304 with the same headers (ETag, Cache-Control, Vary, Link,
…) but no body and none of the body's own (`Content-Type`, `Content-Length`).

Nothing is buffered beyond what the app already holds: a body sent in one piece (every JSON answer)
is hashed if at most `MAX_HASHED_BYTES`; a streamed one (CSV/XLSX exports, evidence downloads) gets
no ETag unless its route set one, and then a 304 is decided before the first byte. The tag costs a
hash of the body per read; a later issue can make it a data version instead.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.etags import list_tags, quoted_hash

MAX_HASHED_BYTES = 2 * 1024 * 1024
BODY_HEADERS = {b"content-type", b"content-length", b"content-encoding", b"content-disposition"}


def body_etag(body: bytes) -> bytes:
    return quoted_hash(body).encode()


def _opaque(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


def none_match(if_none_match: bytes, etag: bytes) -> bool:
    """True when `If-None-Match` lists `etag` (weak comparison) or is `*`."""
    tags = list_tags(if_none_match.decode("latin-1"))
    return "*" in tags or _opaque(etag.decode("latin-1")) in {_opaque(t) for t in tags}


def not_modified(start: Message) -> Message:
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in BODY_HEADERS]
    return {"type": "http.response.start", "status": 304, "headers": headers}


class ConditionalGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        if_none_match = next((v for k, v in scope.get("headers", []) if k == b"if-none-match"), None)
        held: Message | None = None
        dropping = False

        async def send_conditionally(message: Message) -> None:
            nonlocal held, dropping
            if dropping:  # the rest of a body a 304 replaced
                return
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    await send(message)
                    return
                etag = next((v for k, v in message.get("headers", []) if k.lower() == b"etag"), None)
                if etag is None:
                    held = message  # until the body is seen
                    return
                if if_none_match is not None and none_match(if_none_match, etag):
                    dropping = True
                    await send(not_modified(message))
                    await send({"type": "http.response.body", "body": b""})
                    return
                await send(message)
                return
            if held is not None and message["type"] == "http.response.body":
                start, held = held, None
                body = message.get("body", b"")
                if not message.get("more_body", False) and len(body) <= MAX_HASHED_BYTES:
                    etag = body_etag(body)
                    start = {**start, "headers": [*start.get("headers", []), (b"etag", etag)]}
                    if if_none_match is not None and none_match(if_none_match, etag):
                        await send(not_modified(start))
                        await send({"type": "http.response.body", "body": b""})
                        return
                await send(start)
            await send(message)

        await self.app(scope, receive, send_conditionally)
