"""Domain errors: services raise `Problem` subclasses, each with a stable `slug` and its HTTP status,
and stay free of FastAPI. `api.http.problems` turns them into RFC 9457 problem+json on both apps.

A subclass per reason (`AlreadyExists`, or a domain's own in its `policy.py`) lets a client tell
reasons apart by `type`; the generic classes below are for reasons no one needs to tell apart.
"""

from typing import Any


class Problem(Exception):
    """A domain error with a stable `slug`; the HTTP status lives here so services stay HTTP-free."""

    status = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, *, field: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.field = field
        self.headers = headers or {}


class Unauthorized(Problem):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str = "Missing or invalid credentials.", **kw: Any):
        super().__init__(detail, **kw)
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class Forbidden(Problem):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(Problem):
    status, slug, title = 404, "not-found", "Not found"

    @classmethod
    def entity(cls, entity: str, key: object) -> "NotFound":
        return cls(f"{entity} {key!s} does not exist or is not visible to you.")


class Conflict(Problem):
    status, slug, title = 409, "conflict", "Conflict"


class PreconditionFailed(Problem):
    status, slug, title = 412, "precondition-failed", "Precondition failed"


class PreconditionRequired(Problem):
    status, slug, title = 428, "precondition-required", "Precondition required"


class PayloadTooLarge(Problem):
    status, slug, title = 413, "payload-too-large", "Payload too large"


class UnsupportedMediaType(Problem):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class DatabaseBusy(Problem):
    status, slug, title = 503, "database-busy", "Service Unavailable"


class AlreadyExists(Conflict):
    """A unique name, code, number or key is taken; `field` names it."""

    slug, title = "already-exists", "Already exists"


class InvalidInput(Problem):
    status, slug, title = 422, "validation-error", "Invalid input"


class TooManyRequests(Problem):
    status, slug, title = 429, "too-many-requests", "Too many requests"

    def __init__(self, detail: str, *, retry_after: int, **kw: Any):
        super().__init__(detail, **kw)
        self.headers["Retry-After"] = str(max(1, retry_after))


def problem_class_for(status: int) -> type[Problem] | None:
    """The generic class for a status (never a specific reason), so framework errors get the same slug
    and title as ours."""
    return next((cls for cls in Problem.__subclasses__() if cls.status == status), None)
