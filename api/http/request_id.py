"""ASGI middleware: request ids, and the last line of defence against a bare 500."""

import logging
import re
import uuid

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import problem_response

log = logging.getLogger("api")
_VALID_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


class RequestIdMiddleware:
    """Echo a sane `X-Request-ID` or mint one; answer unhandled errors with problem+json.

    Sitting inside Starlette's ServerErrorMiddleware, it sees the exception first, so even a
    500 carries the request id and a problem body instead of a plain-text page.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        request_id = state.get("request_id")  # set already when this app is mounted in another
        if request_id is None:
            sent = None
            for name, value in scope.get("headers", []):
                if name == b"x-request-id":
                    sent = value.decode("latin-1")
            request_id = sent if sent and _VALID_ID.match(sent) else uuid.uuid4().hex
            state["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error in request %s", request_id)
            if started:
                raise
            response = problem_response(
                Request(scope),
                500,
                slug="internal-error",
                title="Internal server error",
                detail=f"An unexpected error occurred; quote request id {request_id} when reporting it.",
            )
            await response(scope, receive, send_with_id)
