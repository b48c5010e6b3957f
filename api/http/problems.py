"""RFC 9457 problem+json on the wire: the handlers both apps install (a mounted app does not inherit
its parent's), and the OpenAPI set-up that documents every error body."""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.core.errors import Problem, problem_class_for

log = logging.getLogger("api.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:upr-tracker:problem:"


class FieldError(BaseModel):
    field: str = Field(description="Dotted path of the failing field, e.g. `email` or `items.0.date`.")
    location: str = Field(description="`body`, `query`, `path`, `header`, `cookie` or `form`.")
    message: str


class ProblemDetail(BaseModel):
    """The error body every endpoint returns (RFC 9457)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    field: str | None = Field(default=None, description="The (first) field the error is about.")
    errors: list[FieldError] | None = None
    request_id: str | None = None


def _slug_for(status: int) -> str:
    if known := problem_class_for(status):
        return known.slug
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "-").replace("'", "")
    except ValueError:
        return "error"


def problem_response(
    request: Request,
    status: int,
    *,
    slug: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    field: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body = ProblemDetail(
        type=TYPE_PREFIX + (slug or _slug_for(status)),
        title=title or (known.title if (known := problem_class_for(status)) else phrase),
        status=status,
        detail=detail or phrase,
        instance=request.url.path,
        field=field,
        errors=errors,
        request_id=request.scope.get("state", {}).get("request_id"),
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        headers=headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def _field_path(loc: tuple[Any, ...]) -> tuple[str, str]:
    location = str(loc[0]) if loc else "body"
    rest = [str(p) for p in loc[1:]] or [location]
    return ".".join(rest), location


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)  # Starlette types every handler as taking an Exception
    return problem_response(
        request, exc.status, slug=exc.slug, title=exc.title, detail=exc.detail, field=exc.field, headers=exc.headers
    )


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)  # Starlette types every handler as taking an Exception
    raw = exc.errors()
    # An optional field whose null is refused (`X | SkipJsonSchema[None]`, api/core/types.Omittable) is a
    # union to pydantic, which reports each member under a tag (`status.str-enum[MilestoneStatus]` and
    # `status.none`): where a `none` member failed, drop it and the tag of its sibling.
    optional = {tuple(err.get("loc", ()))[:-1] for err in raw if err.get("type") == "none_required"}
    errors: list[FieldError] = []
    for err in raw:
        loc = tuple(err.get("loc", ()))
        if err.get("type") == "json_invalid":
            loc = loc[:1]  # the rest is a character offset, not a field
        if loc[:-1] in optional:
            if err.get("type") == "none_required":
                continue
            loc = loc[:-1]
        elif loc[:-2] in optional:  # a member's own part (`status.function-after[...].x`): keep the field's path
            loc = loc[:-2] + loc[-1:]
        field, location = _field_path(loc)
        errors.append(FieldError(field=field, location=location, message=err.get("msg", "invalid")))
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors) or "The request is not valid."
    return problem_response(
        request,
        422,
        slug="validation-error",
        title="Invalid input",
        detail=detail,
        field=errors[0].field if errors else None,
        errors=errors,
    )


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)  # Starlette types every handler as taking an Exception
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 400:
        # Only the framework raises 400: a body it cannot read (JSON that is not UTF-8, broken
        # multipart). Invalid JSON is already a 422, and so is every other unusable input.
        message = detail or "The request body could not be read."
        return problem_response(
            request,
            422,
            slug="validation-error",
            title="Invalid input",
            detail=f"body: {message}",
            field="body",
            errors=[FieldError(field="body", location="body", message=message)],
        )
    if exc.status_code == 404 and detail in (None, "Not Found"):
        detail = f"No route matches {request.method} {request.url.path}."
    return problem_response(request, exc.status_code, detail=detail, headers=getattr(exc, "headers", None))


async def _on_integrity(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, IntegrityError)  # Starlette types every handler as taking an Exception
    log.warning("integrity error not mapped by a service: %s", exc.orig)
    return problem_response(
        request,
        409,
        slug="conflict",
        title="Conflict",
        detail="The change conflicts with existing data (a duplicate or a missing reference).",
    )


BUSY_MARKERS = (
    "lock timeout",
    "lock_timeout",
    "canceling statement due to",
    "database is locked",
    "deadlock detected",
    "database table is locked",
    "idle-in-transaction timeout",
)


async def _on_database_down(request: Request, exc: Exception) -> JSONResponse:
    """The database did not answer in time (a lock or statement timeout, SQLite's busy timeout, no free
    pooled connection) or not at all: the request changed nothing, and the same request may succeed
    shortly — a 503 with Retry-After, never a hang or a 500."""
    message = str(getattr(exc, "orig", exc)).lower()
    busy = isinstance(exc, PoolTimeout) or any(marker in message for marker in BUSY_MARKERS)
    log.error("database %s: %s", "busy" if busy else "unavailable", getattr(exc, "orig", exc))
    detail = (
        "The database is busy (a wait for a lock or a connection timed out); nothing was changed. "
        "Retry after the Retry-After delay."
        if busy
        else "The database is unreachable; nothing was changed. Retry after the Retry-After delay."
    )
    return problem_response(
        request,
        503,
        slug="database-busy" if busy else "database-unavailable",
        detail=detail,
        headers={"Retry-After": "2" if busy else "5"},
    )


async def _on_bad_value(request: Request, exc: Exception) -> JSONResponse:
    """A value the database cannot store (too long, out of range, a NUL character) that no field
    validation caught: still the caller's input, so a 422 rather than a 500."""
    log.warning("value refused by the database: %s", getattr(exc, "orig", exc))
    return problem_response(
        request,
        422,
        slug="validation-error",
        title="Invalid input",
        detail="A value in the request is out of range, too long or contains a NUL character.",
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(IntegrityError, _on_integrity)
    app.add_exception_handler(OperationalError, _on_database_down)
    app.add_exception_handler(InterfaceError, _on_database_down)
    app.add_exception_handler(PoolTimeout, _on_database_down)
    app.add_exception_handler(DataError, _on_bad_value)
    app.add_exception_handler(OverflowError, _on_bad_value)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the problem statuses a route can return (bodies filled in by
    `install_problem_openapi`)."""
    return {status: {"description": HTTPStatus(status).phrase} for status in statuses}


def install_problem_openapi(app: FastAPI) -> None:
    """Document every 4xx/5xx body as `application/problem+json` with the ProblemDetail schema,
    replacing FastAPI's default 422 `HTTPValidationError`, which this API never sends."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            _document_problems(generate())
        assert app.openapi_schema is not None  # FastAPI's generator caches what it returned
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document_problems(schema: dict[str, Any]) -> None:
    problem = ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(problem.pop("$defs", {}))
    components["ProblemDetail"] = problem
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    body = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            missing = {str(status) for status in _implied_statuses(operation)} - set(responses)
            if missing:
                responses.update({status: {"description": HTTPStatus(int(status)).phrase} for status in missing})
                operation["responses"] = responses = dict(sorted(responses.items()))
            for status, response in responses.items():
                if status[0] in "45" and not _own_error_body(response):
                    response["content"] = body


def _own_error_body(response: dict[str, Any]) -> bool:
    """A route that declares another error body (`model=`: the token endpoint's RFC 6749 errors) keeps it;
    FastAPI's default 422 body is not one the API sends."""
    refs = [media.get("schema", {}).get("$ref", "") for media in response.get("content", {}).values()]
    return any(refs) and not any(ref.endswith("/HTTPValidationError") for ref in refs)


def _implied_statuses(operation: dict[str, Any]) -> set[int]:
    """Statuses that come from the app's plumbing rather than the route, so no route lists them."""
    statuses = set()
    # FastAPI's own `security` here: the route reads the token, and a bad or expired one is refused even
    # where none is needed (api/auth/openapi.py then drops it where the document says send none).
    if operation.get("security"):
        statuses.add(401)
    if "requestBody" in operation:
        statuses.add(413)  # api.http.body_limit.BodySizeLimitMiddleware
        statuses.add(415)  # a Content-Type the operation does not take
    if any(p.get("in") == "header" and p.get("name") == "Idempotency-Key" for p in operation.get("parameters", ())):
        statuses.add(409)  # the key reused with a different request, or still in progress (api/idempotency)
    if any(
        p.get("in") == "header" and p.get("name") == "If-Match" and p.get("required")
        for p in operation.get("parameters", ())
    ):
        statuses.add(428)  # api.http.etags.RequiredIfMatch: the PATCH came without If-Match
    statuses.add(422)  # an unknown query parameter, on every operation (api/http/query_params.py)
    statuses.add(503)  # the database busy (a lock or pool wait timed out) or unreachable, with Retry-After
    return statuses
