"""No blocking database call on the event loop (issue 10): an `async def` route or dependency that
touched the sync session froze every request of its worker.

Two guards: the route walk below (static: no async callable depends on the session), and the
engine's own check (api/db.py), which refuses a sync call made on the loop's thread in a request.
"""

import inspect

import httpx
import pytest
from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import text
from sqlalchemy.engine import Engine

from api.auth.deps import Requires, get_principal
from api.db import BlockingCallOnEventLoop, get_engine, get_session
from api.main import app as cycle_app
from api.request_context import RequestContextMiddleware
from api.tracking.app import app as tracking_app

DATABASE_DEPENDENCIES = {get_session, get_engine}
# Dependencies that use the session themselves (on the threadpool) but hand over a plain frozen value.
PLAIN_VALUE_DEPENDENCIES = {get_principal}


def _is_async(call) -> bool:
    method = type(call).__call__ if not inspect.isfunction(call) else None  # a class instance used as dependency
    return inspect.iscoroutinefunction(call) or (method is not None and inspect.iscoroutinefunction(method))


def _uses_database(dependant) -> bool:
    stack = [dependant]
    while stack:
        current = stack.pop()
        if current.call in DATABASE_DEPENDENCIES:
            return True
        if current.call in PLAIN_VALUE_DEPENDENCIES or isinstance(current.call, Requires):
            continue
        stack.extend(current.dependencies)
    return False


def _offenders(app: FastAPI) -> list[str]:
    found = []
    for route in app.routes:
        if not isinstance(route, APIRoute):
            continue
        stack = [route.dependant]
        while stack:
            dependant = stack.pop()
            stack.extend(dependant.dependencies)
            if _is_async(dependant.call) and any(_uses_database(d) for d in dependant.dependencies):
                name = getattr(dependant.call, "__name__", repr(dependant.call))
                found.append(f"{sorted(route.methods)} {route.path}: {name}")
    return found


def test_no_async_route_or_dependency_touches_the_session():
    offenders = _offenders(cycle_app) + _offenders(tracking_app)
    assert offenders == [], "async callables using the sync session:\n" + "\n".join(offenders)


def test_the_walk_finds_an_async_route_that_takes_the_session():
    probe = FastAPI()

    @probe.get("/bad")
    async def bad(session=Depends(get_session)):  # the mistake the walk exists to catch
        return {}

    async def dependency(engine: Engine = Depends(get_engine)):
        return engine

    @probe.get("/bad-dependency")
    def bad_dependency(engine=Depends(dependency)):
        return {}

    @probe.get("/fine")
    async def fine(principal=Depends(get_principal)):
        return {}

    assert sorted(_offenders(probe)) == ["['GET'] /bad-dependency: dependency", "['GET'] /bad: bad"]


@pytest.fixture
def probe_app(engine: Engine) -> FastAPI:
    probe = FastAPI()
    probe.add_middleware(RequestContextMiddleware)

    @probe.get("/on-the-loop")
    async def on_the_loop():
        with engine.connect() as conn:
            return {"one": conn.execute(text("SELECT 1")).scalar_one()}

    @probe.get("/on-the-threadpool")
    def on_the_threadpool():
        with engine.connect() as conn:
            return {"one": conn.execute(text("SELECT 1")).scalar_one()}

    return probe


async def test_the_engine_refuses_a_sync_call_on_the_loop_during_a_request(probe_app):
    transport = httpx.ASGITransport(app=probe_app, raise_app_exceptions=True)
    async with httpx.AsyncClient(transport=transport, base_url="http://probe") as client:
        assert (await client.get("/on-the-threadpool")).json() == {"one": 1}
        with pytest.raises(BlockingCallOnEventLoop):
            await client.get("/on-the-loop")


def test_outside_requests_sync_calls_are_free(engine: Engine):
    with engine.connect() as conn:  # the CLI, the worker and tests' own set-up
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
