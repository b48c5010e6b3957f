"""A request that waits too long on the database is a 503 problem with Retry-After — never a hang,
never a 500 (issue 10): a lock held by another session ends the wait at `lock_timeout`."""

import sqlite3

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from api.http.problems import PROBLEM_MEDIA_TYPE, TYPE_PREFIX


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
            other.execute(
                text(
                    "INSERT INTO state (code, name, regional_group, un_status) "
                    "VALUES ('ZZB', 'Elsewhere', 'EEG', 'member')"
                )
            )
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

    from api.http.problems import install_error_handlers

    probe = FastAPI()
    install_error_handlers(probe)

    @probe.post("/write")
    def write():
        raise OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))

    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=probe), base_url="http://probe") as probe_client:
        _assert_busy(await probe_client.post("/write"))


def test_a_read_with_a_service_token_does_not_wait_for_the_write_lock(tmp_path):
    """SQLite: a service token's last-use bookkeeping in a GET is dropped, not waited for, while another
    writer (an import) holds the lock; when the lock is free it is written."""
    from sqlmodel import Session

    from api.db import best_effort_write, engine_for
    from api.request_context import current

    url = f"sqlite:///{tmp_path / 'bookkeeping.db'}"
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE token (id INTEGER PRIMARY KEY, used INTEGER)"))
            conn.execute(text("INSERT INTO token VALUES (1, 0)"))
        assert not current().writes  # as in a GET (RequestContextMiddleware sets it per method)
        importer = sqlite3.connect(tmp_path / "bookkeeping.db", isolation_level=None)
        with Session(engine) as session:
            session.execute(text("SELECT used FROM token"))  # the request has read: its snapshot is set
            importer.execute("BEGIN IMMEDIATE")  # an import takes the write lock
            with best_effort_write(session):
                session.execute(text("UPDATE token SET used = 1"))  # refused at once, dropped
            assert session.execute(text("SELECT used FROM token")).scalar_one() == 0
            session.commit()
        importer.execute("ROLLBACK")
        with Session(engine) as session:
            session.execute(text("SELECT used FROM token"))
            with best_effort_write(session):
                session.execute(text("UPDATE token SET used = 2"))
            session.commit()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT used FROM token")).scalar_one() == 2
        importer.close()
    finally:
        engine.dispose()


def test_writers_beyond_the_waiting_limit_are_told_to_come_back(tmp_path):
    """SQLite: each writing request waiting for the write lock holds a threadpool thread; past the limit
    a writer gets a 503 at once, so reads and /healthz still find threads while an import runs."""
    import pytest

    from api.core.errors import DatabaseBusy
    from api.db import _writer_slots, engine_for, get_session
    from api.request_context import writing
    from api.settings import get_settings

    engine = engine_for(f"sqlite:///{tmp_path / 'writers.db'}")
    slots = _writer_slots(str(engine.url))
    limit = get_settings().sqlite_max_waiting_writers
    try:
        with writing():
            for _ in range(limit):
                assert slots.acquire(blocking=False)  # `limit` writers already waiting
            with pytest.raises(DatabaseBusy, match="waiting for the database"):
                next(get_session(engine))
            slots.release()  # one finished
            sessions = get_session(engine)
            assert next(sessions) is not None
            sessions.close()
            for _ in range(limit - 1):
                slots.release()
        reading = get_session(engine)  # reads never take a slot
        next(reading)
        reading.close()
        assert slots.acquire(blocking=False)  # all slots free again
        slots.release()
    finally:
        engine.dispose()
