"""Cached pages on a real deployment (`upr serve --workers 2`, tests/live/harness.py): each worker keeps
the pages it built for the data version it read, and the version lives in the database, so a change
written through one worker is what every worker answers next — no process serves its stale copy.

Every request opens a new connection, so requests spread over both worker processes (the kernel hands
each accept to either); 20 of them make "one worker never answered" vanishingly unlikely."""

import concurrent.futures
import threading
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select, text
from sqlmodel import Session, col

import api.models  # noqa: F401  (every table; the refreshers register with the packages)
from api.db import engine_for
from api.derived import refresh_now
from api.recommendations import read_model, tallies
from api.recommendations.models import Position, Recommendation
from tests.contracts.live_server import live_database
from tests.live.harness import ADMIN, Deployment, deployment

URL = "/recommendations"
PARAMS: dict[str, str | int] = {"state_under_review": "SVN", "limit": 5}
READS = 20


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("versioned")
    with live_database(tmp, suffix="versioned") as url, deployment(tmp, url) as running:
        yield running
        engine_for(url).dispose()  # the tests' own connections, closed before the database is dropped


def read_once(live: Deployment, headers: dict[str, str] | None = None) -> httpx.Response:
    with live.client(timeout=10) as client:  # a new connection each time
        return client.get(URL, params=PARAMS, headers=headers or {})


def read_many(live: Deployment, headers: dict[str, str] | None = None) -> list[httpx.Response]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda _: read_once(live, headers), range(READS)))


def test_a_change_through_one_worker_is_what_every_worker_answers_next(live: Deployment):
    warm = read_many(live)  # both workers build and keep the page
    assert {r.status_code for r in warm} == {200}
    tags = {r.headers["ETag"] for r in warm}
    assert len(tags) == 1, f"workers disagree on the version: {tags}"
    tag = tags.pop()
    assert {r.content for r in warm} == {warm[0].content}
    assert {r.status_code for r in read_many(live, {"If-None-Match": tag})} == {304}

    first = warm[0].json()["items"][0]
    with live.client() as client:
        current = client.get(f"/recommendations/{first['id']}")
        changed = client.patch(
            f"/recommendations/{first['id']}",
            headers={**live.auth(ADMIN), "If-Match": current.headers["ETag"]},
            json={"text": first["text"] + " (corrected)"},
        )
    assert changed.status_code == 200, changed.text

    after = read_many(live, {"If-None-Match": tag})
    assert {r.status_code for r in after} == {200}, "a worker answered 304 to the old version's tag"
    assert all(r.json()["items"][0]["text"].endswith(" (corrected)") for r in after)
    assert len({r.headers["ETag"] for r in after}) == 1 and after[0].headers["ETag"] != tag


def test_concurrent_writes_to_one_review_leave_its_derived_rows_exact(live: Deployment):
    """Eight PATCHes at once, on eight recommendations of one review, through both workers: each commit
    refreshes the review's champion tallies and the bodies it changed. Serialised on the version row,
    they must leave every tally row once and every body equal to the tables (two refreshes at once
    stored a review's tallies twice, or clashed on a body's primary key)."""
    with live.client() as client:
        items = client.get(URL, params={"state_under_review": "SVN", "limit": 8}).json()["items"]
        themes = client.get("/themes", params={"limit": 3}).json()["items"]
    assert len(items) == 8 and themes

    def patch(item: dict) -> int:
        with live.client() as client:
            current = client.get(f"/recommendations/{item['id']}")
            return client.patch(
                f"/recommendations/{item['id']}",
                headers={**live.auth(ADMIN), "If-Match": current.headers["ETag"]},
                json={"themes": [t["id"] for t in themes]},
            ).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(patch, items)) == [200] * 8

    with Session(engine_for(live.database_url)) as session:
        assert tallies.tally_differences(session) == []
        stored = dict(session.execute(text("SELECT recommendation_id, body FROM recommendation_read")).all())
        ids = [item["id"] for item in items]
        assert {i: stored[i] for i in ids} == read_model.build(session, ids)
        assert session.execute(text("SELECT count(*) FROM derived_dirty")).scalar_one() == 0


def repeated(rec: Recommendation) -> Position:
    """The recommendation's current position recorded again (undated): a write its review's tallies count."""
    assert rec.id is not None and rec.current_position is not None
    return Position(recommendation_id=rec.id, position=rec.current_position, date_origin=None)


def test_two_refreshes_of_one_review_at_once_are_serialised(live: Deployment):
    """Two transactions record a position on two recommendations of one review; the first has run its
    commit-time refresh (the review's tallies deleted and rebuilt, not committed) when the second commits.
    On PostgreSQL the second waits on the version row, then rebuilds from the first's committed rows: every
    tally row once. (Without the lock it deleted what it saw and inserted its own: every row twice.)
    SQLite has one writer: there the two run one after the other."""
    engine = engine_for(live.database_url)  # with the commit-time hook, as every entry point's
    with Session(engine) as session:
        recs = session.scalars(
            select(Recommendation).where(col(Recommendation.current_position).is_not(None)).limit(2)
        ).all()
    first, second = recs
    assert first.review_id == second.review_id
    one, two = Session(engine), Session(engine)
    try:
        one.add(repeated(first))
        one.flush()
        if engine.dialect.name == "postgresql":
            two.add(repeated(second))
            two.flush()
            refresh_now(one)  # the first's refresh, done but not committed
            waiting = threading.Thread(target=two.commit)
            waiting.start()
            waiting.join(timeout=1.0)
            assert waiting.is_alive(), "the second refresh did not wait for the first"
            one.commit()
            waiting.join(timeout=30)
            assert not waiting.is_alive()
        else:
            one.commit()
            two.add(repeated(second))
            two.commit()
    finally:
        one.close()
        two.close()
    with Session(engine) as session:
        assert tallies.tally_differences(session) == []
        assert read_model.nothing_dirty(session)
