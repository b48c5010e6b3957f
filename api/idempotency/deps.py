"""`Idempotency-Key` on creates: the same key and request get the first result again (and nothing
is created twice); the same key with a different request is a 409.

Stateless like the rest of the app: keys live in the database, in the create's own transaction, so
either both commit or neither does. A retry that arrives while the first request is still running
must neither wait on the key's unique index (a storm of retries would hold every connection and
thread) nor create again: on PostgreSQL the first request holds a transaction-scoped advisory lock
on the key, and a concurrent one that cannot take it at once answers 409 `idempotency-in-progress`
with `Retry-After` (as the IETF Idempotency-Key draft describes); once the first has committed, a
retry replays its answer. On SQLite writers are serialised by `BEGIN IMMEDIATE` (api/db.py), so a
retry waits its turn and replays. Keys are kept for `KEY_LIFETIME`.

The request body is read in an `async` dependency (no database there); everything that touches the
database runs in a plain `def`, on FastAPI's threadpool, never on the event loop.

Routers use it in two lines: take `idem: IdempotencyDep` and `return idem.saved(result)`.
"""

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.routing import APIRoute
from pydantic import TypeAdapter
from sqlalchemy import delete, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select
from starlette.datastructures import UploadFile

from api.auth.deps import get_principal
from api.auth.principal import Principal
from api.core.errors import Conflict
from api.core.types import utcnow
from api.db import SessionDep
from api.http.problems import problem_response
from api.idempotency.models import IdempotencyKey

KEY_LIFETIME = timedelta(hours=24)
MAX_KEY_LENGTH = 255
# Printable ASCII without spaces at either end (HTTP strips those, so a key never has them).
KEY_PATTERN = r"^[!-~](?:[ -~]*[!-~])?$"
REPLAYED_HEADER = "Idempotent-Replayed"
REPLAYED_HEADERS = ("location", "etag")
IN_PROGRESS_RETRY_AFTER = 1  # seconds: creates take milliseconds


class Replay(Exception):
    """Raised to answer with the stored first result (see `install_replay_handler`). Carries the
    values, not the row: the request's session rolls back and closes before the handler runs, and a
    closed session cannot reload an expired row (a 500 under a real server)."""

    def __init__(self, record: IdempotencyKey):
        self.status_code = record.status_code
        self.response_body = record.response_body
        self.response_headers = dict(record.response_headers or {})


async def request_fingerprint(request: Request) -> str:
    """What makes two requests "the same": method, path, query and the body's content — parsed, so
    that key order in JSON or a multipart boundary (random per request) does not count."""
    digest = hashlib.sha256(f"{request.method} {request.url.path}?{request.url.query}\n".encode())
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form()
        for name, value in sorted(form.multi_items(), key=lambda item: item[0]):
            digest.update(name.encode() + b"\0")
            if isinstance(value, UploadFile):
                await value.seek(0)
                digest.update((value.filename or "").encode() + b"\0" + await value.read() + b"\0")
                await value.seek(0)
            else:
                digest.update(str(value).encode() + b"\0")
        return digest.hexdigest()
    body = await request.body()
    with contextlib.suppress(ValueError):  # not JSON: the bytes as sent
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    digest.update(body)
    return digest.hexdigest()


class Idempotency:
    """The key of this request (or none); `saved()` records the result with the create."""

    def __init__(self, session: Session, route: APIRoute | None, record: IdempotencyKey | None):
        self.session = session
        self.route = route
        self.record = record

    def saved(self, result: Any, response: Response | None = None) -> Any:
        """Record `result` (and `response`'s Location and ETag) as this key's answer; returns it."""
        if self.record is None:
            return result
        model = self.route.response_model if self.route else None
        if model is not None:
            adapter = TypeAdapter(model)
            body = adapter.dump_json(adapter.validate_python(result, from_attributes=True)).decode()
        else:
            body = json.dumps(result, default=str)
        self.record.status_code = (self.route.status_code if self.route else None) or 200
        self.record.response_body = body
        if response is not None:
            self.record.response_headers = {
                name: response.headers[name] for name in REPLAYED_HEADERS if name in response.headers
            }
        self.session.add(self.record)
        self.session.flush()
        return result


def _existing(session: Session, organisation_id: int, key: str) -> IdempotencyKey | None:
    return session.exec(
        select(IdempotencyKey).where(IdempotencyKey.organisation_id == organisation_id, IdempotencyKey.key == key)
    ).first()


def _check(record: IdempotencyKey, fingerprint: str) -> None:
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used for a different request; use a new key for a new request.",
            field="Idempotency-Key",
        )
    raise Replay(record)


class IdempotencyKeyReused(Conflict):
    slug, title = "idempotency-key-reused", "Idempotency-Key reused"


class IdempotencyUnfinished(Conflict):
    """The first request with the key ended without a recorded answer (it failed), so there is
    nothing to replay."""

    slug, title = "idempotency-unfinished", "Request not completed"


class IdempotencyInProgress(Conflict):
    slug, title = "idempotency-in-progress", "Request in progress"

    def __init__(self) -> None:
        super().__init__(
            "A request with this Idempotency-Key is still being processed; retry after the "
            "Retry-After delay to get its answer.",
            field="Idempotency-Key",
            headers={"Retry-After": str(IN_PROGRESS_RETRY_AFTER)},
        )


@dataclass(frozen=True)
class KeyedRequest:
    key: str | None
    fingerprint: str | None


async def keyed_request(
    request: Request,
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=MAX_KEY_LENGTH,
            pattern=KEY_PATTERN,
            description=(
                f"A unique value per intended create (e.g. a UUID): 1–{MAX_KEY_LENGTH} printable ASCII characters. "
                "Retrying with the same key and request returns "
                "the first result (with `Idempotent-Replayed: true`) instead of creating again; the same key with "
                "a different request is a 409; while the first request is still running, a 409 "
                "`idempotency-in-progress` with `Retry-After`. Kept for 24 hours, per organisation."
            ),
        ),
    ] = None,
) -> KeyedRequest:
    """The key and what the request says (reading the body is the only async part)."""
    if key is None:
        return KeyedRequest(None, None)
    return KeyedRequest(key, await request_fingerprint(request))


def _advisory_key(organisation_id: int, key: str) -> int:
    digest = hashlib.sha256(f"idempotency:{organisation_id}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _hold_key(session: Session, organisation_id: int, key: str) -> None:
    """PostgreSQL: take the key for this transaction, or answer in-progress at once (never wait)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    held = session.execute(
        text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": _advisory_key(organisation_id, key)}
    ).scalar_one()
    if not held:
        raise IdempotencyInProgress()


def idempotency(
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, Depends(get_principal)],
    keyed: Annotated[KeyedRequest, Depends(keyed_request)],
) -> Idempotency:
    route = request.scope.get("route")
    if keyed.key is None or keyed.fingerprint is None or principal.organisation_id is None:
        return Idempotency(session, route, None)
    key, fingerprint = keyed.key, keyed.fingerprint
    _hold_key(session, principal.organisation_id, key)
    session.exec(
        delete(IdempotencyKey).where(  # expired keys of this organisation
            col(IdempotencyKey.organisation_id) == principal.organisation_id,
            col(IdempotencyKey.created_at) < utcnow() - KEY_LIFETIME,
        )
    )
    if (found := _existing(session, principal.organisation_id, key)) is not None:
        _check(found, fingerprint)
    record = IdempotencyKey(
        organisation_id=principal.organisation_id,
        key=key,
        method=request.method,
        path=request.url.path[:500],
        request_hash=fingerprint,
        status_code=0,
        response_body="",
        response_headers={},
    )
    try:
        with session.begin_nested():
            session.add(record)
            session.flush()
    except IntegrityError:  # a concurrent request with this key committed first: answer as it did
        found = _existing(session, principal.organisation_id, key)
        if found is None:
            raise
        _check(found, fingerprint)
    return Idempotency(session, route, record)


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]


async def _on_replay(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Replay)  # Starlette types every handler as taking an Exception
    if not exc.status_code:  # the first request did not record its result: nothing to replay
        return problem_response(
            request,
            409,
            slug=IdempotencyUnfinished.slug,
            title=IdempotencyUnfinished.title,
            field="Idempotency-Key",
            detail="A request with this Idempotency-Key has not completed; retry with a new key.",
        )
    return Response(
        exc.response_body,
        status_code=exc.status_code,
        media_type="application/json",
        headers={**exc.response_headers, REPLAYED_HEADER: "true"},
    )


def install_replay_handler(app: FastAPI) -> None:
    app.add_exception_handler(Replay, _on_replay)
