"""The probes: `/livez` (the process answers), `/readyz` (the database answers and its schema is the code's),
and `/healthz` (the database answers; kept for the image's HEALTHCHECK and existing monitors).

Both apps include this router. The probes are public and never read the caller's credentials (`NoCredentials`):
a load balancer sends none, and a stray token must not make `/livez` look the database up.
"""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from api.auth.deps import NoCredentials
from api.db import get_engine
from api.http.problems import error_responses, problem_response

router = APIRouter(tags=["health"])
ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


class Liveness(BaseModel):
    status: str = "ok"


class Readiness(BaseModel):
    status: str = "ok"
    database: str = "ok"


@lru_cache
def _script() -> tuple[frozenset[str], frozenset[str]]:
    """The migrations' head revisions and every revision this code knows, read once per process."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(Config(str(ALEMBIC_INI)))
    return frozenset(script.get_heads()), frozenset(r.revision for r in script.walk_revisions())


def migration_heads() -> frozenset[str]:
    return _script()[0]


def schema_is_usable(current: set[str]) -> bool:
    """At the code's heads; or ahead of them: every revision unknown to this code, which is what an older
    release sees while a newer one rolls out (it migrated first; a migration must leave the previous
    release working, as a rolling deploy needs anyway). Behind, on another branch or without a schema: not
    usable."""
    heads, known = _script()
    return current == heads or (bool(current) and not current & known)


RETRY_AFTER = {"Retry-After": "5"}  # as every route's answer while the database is unreachable


def _unreachable(request: Request) -> JSONResponse:
    return problem_response(
        request, 503, slug="database-unavailable", detail="The database is unreachable.", headers=RETRY_AFTER
    )


@router.get("/livez", operation_id="health.live", response_model=Liveness)
def livez(_: NoCredentials) -> Liveness:
    """200 while the process serves requests; touches no database (restart the process when it fails)."""
    return Liveness()


@router.get("/readyz", operation_id="health.ready", response_model=Readiness, responses=error_responses(503))
def readyz(request: Request, engine: Annotated[Engine, Depends(get_engine)], _: NoCredentials) -> Response:
    """200 when the database answers and its schema is at the migrations' head (or ahead of it, while a newer
    release rolls out); 503 (problem+json) saying which is not the case otherwise (send no traffic until it
    is: `upr migrate`)."""
    try:
        with engine.connect() as conn:
            has_table = inspect(conn).has_table("alembic_version")
            current = (
                {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
                if has_table
                else set()
            )
    except SQLAlchemyError:
        return _unreachable(request)
    if not schema_is_usable(current):
        # Which revisions, not said: an anonymous caller need not learn which release runs here.
        return problem_response(
            request,
            503,
            slug="migrations-pending",
            detail="The database's schema is not the one this code needs: run `upr migrate`.",
            headers=RETRY_AFTER,
        )
    return JSONResponse(Readiness().model_dump())


@router.get("/healthz", operation_id="health.check", responses=error_responses(503))
def healthz(request: Request, engine: Annotated[Engine, Depends(get_engine)], _: NoCredentials) -> JSONResponse:
    """200 when the database answers, 503 (problem+json) when it does not (`/readyz` also checks the schema)."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return _unreachable(request)
    return JSONResponse({"status": "ok", "database": "ok"})
