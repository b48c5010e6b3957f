"""Errors as exceptions (hand-written, not generated: `clients/extras/` in the UPR Tracker repository).

The generated operations return an error body as a value (`ProblemDetail`). Opt in to exceptions
with `raising(client)`, or with the response hook itself
(`Client(..., httpx_args={"event_hooks": {"response": [raise_problem]}})`): then every answer with
a status of 400 or more raises the `ProblemError` subclass of its status, carrying the RFC 9457
fields, before the operation returns; the token endpoint's RFC 6749 answer
(`{"error": "invalid_grant", ...}`) raises `OAuthError`. `unwrap(result)` turns a `sync`/`asyncio`
result into its success type, raising the same exceptions for a problem or an undocumented answer.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any, TypeVar

import httpx
from attrs import evolve

from .client import AuthenticatedClient, Client
from .models import FieldError, ProblemDetail
from .models import OAuthError as OAuthErrorBody
from .types import Unset

__all__ = [
    "ApiError",
    "BadRequest",
    "Conflict",
    "Forbidden",
    "NotFound",
    "OAuthError",
    "PayloadTooLarge",
    "PreconditionFailed",
    "PreconditionRequired",
    "ProblemError",
    "ServerError",
    "ServiceUnavailable",
    "TooManyRequests",
    "Unauthorized",
    "UnexpectedResponse",
    "UnsupportedMediaType",
    "ValidationFailed",
    "problem_error",
    "raise_problem",
    "raising",
    "unwrap",
]

T = TypeVar("T")
C = TypeVar("C", bound=Client | AuthenticatedClient)


class ApiError(Exception):
    """The API did not answer with success. `status` is the HTTP status (0 when unknown);
    `response` the answer, when the exception was raised from one."""

    status: int
    response: httpx.Response | None

    def __init__(self, message: str, status: int, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.response = response


class ProblemError(ApiError):
    """An RFC 9457 problem: `type` (a URN such as `urn:upr-tracker:problem:not-found`), `title`,
    `status`, `detail`, `instance`, `field` (the first field it is about), `errors` (one per
    failing field) and `request_id` (quote it when reporting). `retry_after` is the `Retry-After`
    header in seconds, when the server sent one (429, 503)."""

    problem: ProblemDetail
    type: str
    title: str
    detail: str
    instance: str | None
    field: str | None
    errors: list[FieldError]
    request_id: str | None
    retry_after: float | None

    def __init__(self, problem: ProblemDetail, response: httpx.Response | None = None) -> None:
        super().__init__(f"{problem.status} {problem.title}: {problem.detail}", problem.status, response)
        self.problem = problem
        self.type = problem.type_
        self.title = problem.title
        self.detail = problem.detail
        self.instance = _value(problem.instance)
        self.field = _value(problem.field)
        self.errors = list(_value(problem.errors) or [])
        self.request_id = _value(problem.request_id)
        self.retry_after = _retry_after(response.headers.get("Retry-After")) if response is not None else None


class BadRequest(ProblemError):
    """400."""


class Unauthorized(ProblemError):
    """401: no token, or one the server does not accept (expired, revoked)."""


class Forbidden(ProblemError):
    """403: the token's user or organisation may not do this."""


class NotFound(ProblemError):
    """404: absent, or not visible to you."""


class Conflict(ProblemError):
    """409: e.g. it already exists, or an `Idempotency-Key` reused with another body."""


class PreconditionFailed(ProblemError):
    """412: the `If-Match` ETag is stale: read again, then retry."""


class PayloadTooLarge(ProblemError):
    """413."""


class UnsupportedMediaType(ProblemError):
    """415."""


class ValidationFailed(ProblemError):
    """422: `errors` lists each failing field (`field`, `location`, `message`)."""


class PreconditionRequired(ProblemError):
    """428: this change needs an `If-Match` header."""


class TooManyRequests(ProblemError):
    """429: wait `retry_after` seconds."""


class ServerError(ProblemError):
    """5xx."""


class ServiceUnavailable(ServerError):
    """503: e.g. the database is busy; retry after `retry_after` seconds."""


_BY_STATUS: dict[int, type[ProblemError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
    422: ValidationFailed,
    428: PreconditionRequired,
    429: TooManyRequests,
    503: ServiceUnavailable,
}


class OAuthError(ApiError):
    """An RFC 6749 error from the token endpoint: `error` (e.g. `invalid_grant`), `error_description`."""

    error: str
    error_description: str | None
    error_uri: str | None

    def __init__(self, body: dict[str, Any], status: int, response: httpx.Response | None = None) -> None:
        self.error = str(body["error"])
        self.error_description = _text_or_none(body.get("error_description"))
        self.error_uri = _text_or_none(body.get("error_uri"))
        super().__init__(f"{status} {self.error}: {self.error_description or ''}".rstrip(": "), status, response)


class UnexpectedResponse(ApiError):
    """An answer the API document does not describe (the generated operation returned None)."""


def _value(value: T | Unset | None) -> T | None:
    return None if isinstance(value, Unset) else value


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _retry_after(header: str | None) -> float | None:
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(header).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def problem_error(problem: ProblemDetail, response: httpx.Response | None = None) -> ProblemError:
    """The exception of a problem's status: `NotFound` for 404, `ServerError` for an unlisted 5xx …"""
    cls = _BY_STATUS.get(problem.status) or (ServerError if problem.status >= 500 else ProblemError)
    return cls(problem, response)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_for(response: httpx.Response) -> ApiError:
    """The exception for an answer with an error status (its body read)."""
    status = response.status_code
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        body = None
    if isinstance(body, dict) and isinstance(body.get("error"), str) and "status" not in body:
        return OAuthError(body, status, response)
    fields: dict[str, Any] = body if isinstance(body, dict) else {}
    problem = ProblemDetail(
        type_=str(fields.get("type") or "about:blank"),
        title=str(fields.get("title") or _phrase(status)),
        status=status,
        detail=str(fields.get("detail") or (response.text[:500] if body is None else "") or _phrase(status)),
    )
    known = ProblemDetail.from_dict({**fields, **problem.to_dict()}) if fields else problem
    return problem_error(known, response)


class _RaiseProblem:
    """An httpx response hook for both `httpx.Client` and `httpx.AsyncClient` (it awaits the body
    when the answer streams asynchronously): raises `error_for(response)` on a status >= 400."""

    def __call__(self, response: httpx.Response) -> Awaitable[None] | None:
        if isinstance(response.stream, httpx.AsyncByteStream):
            return self._async(response)  # httpx.AsyncClient awaits every hook
        if response.status_code >= 400:
            response.read()
            raise error_for(response)
        return None

    async def _async(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            await response.aread()
            raise error_for(response)


raise_problem: Callable[[httpx.Response], Awaitable[None] | None] = _RaiseProblem()


def raising(client: C) -> C:
    """A copy of `client` whose every error answer raises (see the module's doc), sync and async."""
    args = dict(client._httpx_args)
    hooks = {key: list(value) for key, value in dict(args.get("event_hooks") or {}).items()}
    if raise_problem not in hooks.setdefault("response", []):
        hooks["response"].append(raise_problem)
    args["event_hooks"] = hooks
    return evolve(client, httpx_args=args)


def unwrap(result: T | ProblemDetail | OAuthErrorBody | None) -> T:
    """The success value of a `sync`/`asyncio` call of an operation that answers a body: a `ProblemDetail`
    raises its `ProblemError`, the token endpoint's RFC 6749 error body `OAuthError`, None
    `UnexpectedResponse`. Not for a delete (its 204 is None) nor a read sent with `If-None-Match` (its 304
    is None): call `sync_detailed` there and read `status_code`."""
    if result is None:
        raise UnexpectedResponse("the API answered no body (a 204 or 304, or one its document does not describe)", 0)
    if isinstance(result, ProblemDetail):
        raise problem_error(result)
    if isinstance(result, OAuthErrorBody):
        raise OAuthError(result.to_dict(), 400)
    return result
