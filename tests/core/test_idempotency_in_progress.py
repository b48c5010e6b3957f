"""A retry that arrives while the first request with its key is still running neither waits on the
key nor creates again (issue 10: a retry storm froze every worker).

PostgreSQL: the first request holds an advisory lock on the key; the retry answers 409
`idempotency-in-progress` with Retry-After at once. SQLite: a writing request begins IMMEDIATE, so
the second writer waits its turn (then replays). The storm itself runs against the real server in
tests/live/test_resilience.py.
"""

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import func, select

from api.idempotency.deps import _advisory_key
from api.request_context import writing
from api.tracking.models import ProgressUpdate
from tests.factories import OWN_STATE
from tests.helpers import assert_problem


def _body(w):
    return {
        "recommendation_id": w.cycle.recommendations[OWN_STATE].id,
        "text": "Retried while running.",
        "reported_on": "2021-05-01",
        "visibility": "public",
    }


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(ProgressUpdate))


async def test_a_retry_during_the_first_request_is_told_to_come_back(
    client, tracking_world, settings, session, engine: Engine, tmp_path
):
    if engine.dialect.name == "sqlite":
        _sqlite_writers_queue_at_begin(tmp_path)
        return
    w = tracking_world
    headers = {**w.headers("cso", settings), "Idempotency-Key": "storm-1"}
    before = _count(session)
    organisation_id = w.org("cso").id
    with engine.connect() as other:  # the first request, still running, holds the key
        other.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _advisory_key(organisation_id, "storm-1")})
        try:
            busy = await client.post("/tracking/progress-updates", json=_body(w), headers=headers)
        finally:
            other.execute(text("SELECT pg_advisory_unlock_all()"))
    body = assert_problem(busy, 409, "idempotency-in-progress", "still being processed")
    assert body["field"] == "Idempotency-Key" and busy.headers["retry-after"] == "1"
    assert _count(session) == before
    done = await client.post("/tracking/progress-updates", json=_body(w), headers=headers)
    assert done.status_code == 201, done.text
    replay = await client.post("/tracking/progress-updates", json=_body(w), headers=headers)
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == done.json() and _count(session) == before + 1


def _sqlite_writers_queue_at_begin(tmp_path) -> None:
    """A writing transaction holds SQLite's write lock from BEGIN (so a second writer waits on
    busy_timeout instead of failing later); a reading one does not."""
    from api.db import engine_for

    url = f"sqlite:///{tmp_path / 'writers.db'}"
    engine = engine_for(url)
    try:
        with engine.connect() as reader:
            reader.execute(text("CREATE TABLE t (x INTEGER)"))
            reader.commit()
            reader.execute(text("SELECT count(*) FROM t"))  # a deferred BEGIN: no lock yet
            other = sqlite3.connect(tmp_path / "writers.db", timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            reader.rollback()
            with writing():
                reader.execute(text("SELECT count(*) FROM t"))  # BEGIN IMMEDIATE: the write lock is ours
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            reader.rollback()
            other.execute("BEGIN IMMEDIATE")  # free again
            other.execute("ROLLBACK")
            other.close()
    finally:
        engine.dispose()
