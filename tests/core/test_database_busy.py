"""A request that waits too long on the database is a 503 problem with Retry-After — never a hang,
never a 500 (issue 10): a lock held by another session ends the wait at `lock_timeout`."""

import sqlite3

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from api.errors import PROBLEM_MEDIA_TYPE, TYPE_PREFIX


def _assert_busy(response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body["type"] == TYPE_PREFIX + "database-busy"
    assert "busy" in body["detail"] and "nothing was changed" in body["detail"]
    assert response.headers["retry-after"] == "2"


async def test_a_lock_held_elsewhere_ends_in_a_503_not_a_hang(client, world, settings, session, engine: Engine):
    admin = world.headers("admin", settings)
    if engine.dialect.name == "postgresql":
        session.execute(text("SET LOCAL lock_timeout = '300ms'"))  # the tests' shared request session
        body = {"code": "ZZB", "name": "Busyland", "regional_group": "EEG"}
        with engine.connect() as other:  # another session is creating the same state and has not committed
            other.execute(text("INSERT INTO state (code, name, regional_group, un_status) "
                               "VALUES ('ZZB', 'Elsewhere', 'EEG', 'member')"))
            try:
                response = await client.post("/states", headers=admin, json=body)
            finally:
                other.rollback()
        _assert_busy(response)
        assert (await client.get("/states/ZZB")).status_code == 404  # nothing was changed
        assert (await client.post("/states", headers=admin, json=body)).status_code == 201  # and now it works
        return
    # SQLite: the busy timeout's error, as the driver raises it, through the app's handlers.
    from fastapi import FastAPI

    from api.errors import install_error_handlers

    probe = FastAPI()
    install_error_handlers(probe)

    @probe.post("/write")
    def write():
        raise OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))

    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=probe), base_url="http://probe") as probe_client:
        _assert_busy(await probe_client.post("/write"))
