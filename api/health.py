from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from api.auth.deps import Public
from api.db import get_engine
from api.http.problems import error_responses, problem_response

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="health.check", responses=error_responses(503))
def healthz(request: Request, engine: Annotated[Engine, Depends(get_engine)], _: Public) -> JSONResponse:
    """200 when the database answers, 503 (problem+json) when it does not."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return problem_response(request, 503, slug="database-unavailable", detail="The database is unreachable.")
    return JSONResponse({"status": "ok", "database": "ok"})
