"""Never hang, never strand: the real server (`upr serve --workers 2`) and real worker processes, with
concurrent clients, killed workers, a database that goes away or is locked, and decompression bombs.

One deployment serves the module (tests/live/harness.py); each test starts the workers it needs. The
database starts migrated and seeded only, and the tests run in file order: the kill -9 test imports
UPR Info's sessions 1–20 into a database that holds none of them, before anything else imports there.
The test of a database that goes away has a deployment of its own: on PostgreSQL a cluster it stops,
on SQLite a file it locks.
"""

import gzip
import os
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.contracts.live_server import live_database
from tests.live.harness import (
    ADMIN,
    CSO,
    NHRI,
    Deployment,
    child_pids,
    database_kind,
    deployment,
    rss_bytes,
    throwaway_postgres,
)

DATA = Path(__file__).parents[3] / "shared/data"
UPR_INFO = DATA / "upr_info/upr_info_recommendations_sessions01-20.csv.gz"
UPR_INFO_ROWS = 41_066  # data/README.md
DIHR_CYCLE_1 = DATA / "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle1.csv.gz"
SLOVENIA_2014 = DATA / "ohchr_matrices/slovenia_upr20_2014_thematic_list.csv"
SLOVENIA_2019 = DATA / "ohchr_matrices/slovenia_upr34_2019_thematic_list.csv"
PROBLEM = "application/problem+json"
ENDED = ("succeeded", "failed")
MB = 1024 * 1024


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("resilience")
    with live_database(tmp, suffix="resilience") as url, deployment(tmp, url) as running:
        yield running


def is_problem(response: httpx.Response, status: int, slug: str) -> bool:
    return (
        response.status_code == status
        and response.headers.get("content-type", "").startswith(PROBLEM)
        and response.json().get("type", "").endswith(slug)
    )


def progress_update(live: Deployment, text: str) -> dict[str, Any]:
    return {
        "recommendation_id": live.recommendation_id(),
        "text": text,
        "reported_on": "2024-10-01",
        "visibility": "public",
    }


def count_updates(live: Deployment, marker: str) -> int:
    with live.client() as client:
        response = client.get("/tracking/progress-updates", params={"q": marker, "limit": 1}, headers=live.auth(NHRI))
    assert response.status_code == 200, response.text
    return response.json()["total"]


def recommendations(live: Deployment) -> int:
    return live.scalar("SELECT count(*) FROM recommendation")


def parse_time(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


class HealthProbe:
    """GET /healthz every `interval` s on a thread of its own, each answer timed."""

    def __init__(self, live: Deployment, interval: float = 0.1, timeout: float = 2):
        self.live, self.interval, self.timeout = live, interval, timeout
        self.answers: list[tuple[float, int | str]] = []  # (seconds, status or the transport error)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(base_url=self.live.url, timeout=self.timeout) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                try:
                    status: int | str = client.get("/healthz").status_code
                except httpx.TransportError as exc:
                    status = repr(exc)
                self.answers.append((time.monotonic() - started, status))
                self._stop.wait(max(0.0, self.interval - (time.monotonic() - started)))

    def __enter__(self) -> "HealthProbe":
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def slow_or_failed(self, limit: float) -> list[tuple[float, int | str]]:
        return [a for a in self.answers if a[1] != 200 or a[0] >= limit]


# ---- 1. many retries of one create at the same moment --------------------------------------------

STORM_CLIENTS = 20


def test_a_storm_of_one_idempotency_key_creates_once_while_health_answers(live: Deployment):
    """20 clients send the same create with one Idempotency-Key at the same instant and retry their
    in-progress answers after Retry-After: one progress update exists, every client gets its body."""
    marker = uuid.uuid4().hex
    body = progress_update(live, f"Storm of retries {marker}: one visit to two Roma settlements.")
    headers = {**live.auth(NHRI), "Idempotency-Key": f"storm-{marker}"}
    start = threading.Barrier(STORM_CLIENTS, timeout=30)

    def one_client(_: int) -> list[httpx.Response]:
        answers = []
        with live.client(timeout=30) as client:
            start.wait()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                response = client.post("/tracking/progress-updates", json=body, headers=headers)
                answers.append(response)
                if not is_problem(response, 409, "idempotency-in-progress"):
                    break
                time.sleep(float(response.headers.get("Retry-After", "1")))
        return answers

    with HealthProbe(live) as health, ThreadPoolExecutor(STORM_CLIENTS) as pool:
        runs = list(pool.map(one_client, range(STORM_CLIENTS), timeout=120))
        time.sleep(0.5)  # health keeps being probed a little after the storm

    every = [r for run in runs for r in run]
    odd = [
        (r.status_code, r.headers.get("Retry-After"), r.text[:300])
        for r in every
        if r.status_code != 201
        and not (is_problem(r, 409, "idempotency-in-progress") and r.headers.get("Retry-After", "").isdigit())
    ]
    assert not odd, f"answers other than 201 or 409 in-progress with Retry-After: {odd}\n{live.logs()}"
    assert all(run and run[-1].status_code == 201 for run in runs), "a client never got its 201 within 60 s"
    created = [run[-1] for run in runs]
    assert len({r.json()["id"] for r in created}) == 1 and all(r.json() == created[0].json() for r in created), {
        r.json()["id"] for r in created
    }
    firsts = [r for r in created if r.headers.get("Idempotent-Replayed") != "true"]
    assert len(firsts) == 1, f"{len(firsts)} answers claim to be the first, not a replay"
    if live.dialect == "sqlite":  # writers queue on BEGIN IMMEDIATE, then replay: nobody is told to retry
        assert len(every) == STORM_CLIENTS, [r.status_code for r in every]
    assert count_updates(live, marker) == 1
    assert len(health.answers) >= 5, health.answers
    assert not health.slow_or_failed(2.0), (
        f"/healthz slow or failing during the storm: {health.slow_or_failed(2.0)}\n{live.logs()}"
    )


# ---- 2. the worker running an import is killed ------------------------------------------------------


def test_an_import_whose_worker_is_killed_is_finished_by_another_exactly_once(live: Deployment):
    """kill -9 of the only worker while it imports UPR Info; a new worker finds the job stalled, runs it
    again, and the database ends with what one clean import gives (no half, no double)."""
    assert live.scalar("SELECT count(*) FROM import_job") == 0, "this test needs a database no import has touched"
    [worker] = live.use_workers(1)
    before = recommendations(live)
    response = live.post_import(UPR_INFO)
    assert response.status_code == 202, response.text
    import_id = response.json()["id"]

    def reading() -> dict[str, Any] | None:
        job = live.get_import(import_id)
        assert job["status"] in ("queued", "running"), job
        return job if job["status"] == "running" and job["rows_read"] > 0 else None

    running = live.wait_for(reading, "the import to read rows", timeout=90, interval=0.2)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    killed_at = time.monotonic()
    assert running["attempts"] == 1 and running["rows_read"] < UPR_INFO_ROWS, running
    assert recommendations(live) == before, "a running import's rows are visible before it commits"

    live.start_worker()
    job = live.wait_for_import(import_id, timeout=120)
    recovered_in = time.monotonic() - killed_at
    assert job["status"] == "succeeded", f"{job}\n{live.logs()}"
    assert job["attempts"] == 2, job
    report = job["report"]
    assert report["rows"] == job["rows_read"] == UPR_INFO_ROWS, report
    # Nothing of UPR Info's sessions was there: a clean import inserts what it keeps and finds nothing to
    # update, merge or leave unchanged. A half-committed first attempt would show up as unchanged or
    # merged rows, a double import as twice the rows.
    assert (report["updated"], report["merged"], report["unchanged"]) == (0, 0, 0), report
    assert report["inserted"] > 0.9 * UPR_INFO_ROWS, report
    assert recommendations(live) - before == report["inserted"]
    task_id = live.scalar("SELECT task_id FROM import_job WHERE id = :id", id=import_id)
    # The import's outcome commits with its rows; the engine records the job's end a moment later.
    live.wait_for(
        lambda: live.scalar("SELECT status FROM procrastinate_jobs WHERE id = :id", id=task_id) == "succeeded",
        "the engine to record the job's success",
        timeout=15,
    )
    assert recovered_in < 120


# ---- 3. the database goes away (PostgreSQL) or is locked by someone else (SQLite) -------------------


def test_an_import_survives_the_database_going_away(tmp_path: Path):
    if database_kind() == "postgresql":
        _postgresql_restarted_during_an_import(tmp_path)
    else:
        _sqlite_locked_by_someone_else(tmp_path)


def _answer_within(live: Deployment, method: str, path: str, limit: float, **kwargs: Any) -> httpx.Response:
    started = time.monotonic()
    with live.client(timeout=limit + 5) as client:
        response = client.request(method, path, **kwargs)
    took = time.monotonic() - started
    assert took < limit, f"{method} {path} took {took:.1f} s (limit {limit} s)\n{live.logs()}"
    return response


def _postgresql_restarted_during_an_import(tmp_path: Path) -> None:
    """A cluster of the test's own, stopped (`pg_ctl stop -m fast`) while UPR Info imports, down for 8 s,
    started again: /healthz says 503 at once while it is down, the import ends and says how."""
    with throwaway_postgres() as cluster, deployment(tmp_path / "deployment", cluster.url) as live:
        live.watch_log(cluster.log)
        live.use_workers(1)
        nhri = live.auth(NHRI)
        before = recommendations(live)
        response = live.post_import(UPR_INFO)
        assert response.status_code == 202, response.text
        import_id = response.json()["id"]
        live.wait_for(
            lambda: (job := live.get_import(import_id))["status"] == "running" and job["rows_read"] > 0,
            "the import to read rows",
            timeout=90,
            interval=0.2,
        )

        cluster.stop("fast")
        down_since = time.monotonic()
        health, reads = [], []
        while time.monotonic() - down_since < 8:
            health.append(_answer_within(live, "GET", "/healthz", 5))
            reads.append(_answer_within(live, "GET", f"/imports/{import_id}", 10, headers=live.auth(ADMIN)))
            time.sleep(0.5)
        cluster.start()
        restarted = time.monotonic()

        assert health and all(is_problem(r, 503, "database-unavailable") for r in health), [
            (r.status_code, r.text[:200]) for r in health
        ]
        assert all(is_problem(r, 503, "database-unavailable") and r.headers.get("Retry-After") for r in reads), [
            (r.status_code, r.headers.get("Retry-After"), r.text[:200]) for r in reads
        ]
        live.wait_for(
            lambda: httpx.get(f"{live.url}/healthz", timeout=5).status_code == 200,
            "/healthz to answer 200 after the restart",
            timeout=30,
            interval=0.5,
        )

        def ended() -> dict[str, Any] | None:
            with live.client(timeout=10) as client:
                answer = client.get(f"/imports/{import_id}", headers=live.auth(ADMIN))
            return answer.json() if answer.status_code == 200 and answer.json()["status"] in ENDED else None

        job = live.wait_for(ended, "the import to end after the restart", timeout=120, interval=1)
        assert time.monotonic() - restarted < 120
        assert all(w.poll() is None for w in live.workers), f"the worker did not outlive its database\n{live.logs()}"
        if job["status"] == "succeeded":
            assert job["attempts"] >= 2, job
            assert job["report"]["rows"] == UPR_INFO_ROWS, job["report"]
            assert job["report"]["unchanged"] == job["report"]["merged"] == 0, job["report"]
            assert recommendations(live) - before == job["report"]["inserted"]
        else:
            assert job["error"] and "database" in job["error"], f"{job}\n{live.logs()}"
            assert recommendations(live) == before
        with live.client() as client:  # the server works again, writes included
            created = client.post(
                "/tracking/progress-updates", headers=nhri, json=progress_update(live, "After the database came back.")
            )
        assert created.status_code == 201, created.text


def _pause_outside_a_write(worker: subprocess.Popen, path: Path) -> None:
    """SIGSTOP the worker at a moment it holds no write lock (a heartbeat takes it for a millisecond)."""
    for _ in range(50):
        os.kill(worker.pid, signal.SIGSTOP)
        probe = sqlite3.connect(path, timeout=0.2, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
            return
        except sqlite3.OperationalError:
            os.kill(worker.pid, signal.SIGCONT)
            time.sleep(0.05)
        finally:
            probe.close()
    raise AssertionError("the worker never let go of the write lock")


def _sqlite_locked_by_someone_else(tmp_path: Path) -> None:
    """Someone else holds SQLite's write lock for 5 s just as an import is due (busy timeout 1.5 s): a
    write request gets a quick 503 with Retry-After, reads go on, the job waits and then ends.

    The lock is taken while the only worker is stopped (SIGSTOP), so it certainly comes first. On SQLite
    the worker fetches a job under the same write lock (the engine's connector waits up to 30 s), so the
    job waits queued rather than failing; an import can never meet the lock half-way, as it holds the
    lock itself from its first write to its commit.
    """
    path = tmp_path / "deployment" / "locked.db"
    with deployment(tmp_path / "deployment", f"sqlite:///{path}", SQLITE_BUSY_TIMEOUT_MS="1500") as live:
        [worker] = live.use_workers(1)
        nhri = live.auth(NHRI)
        body = progress_update(live, "Written while the database was locked.")
        before = recommendations(live)
        holder = sqlite3.connect(path, timeout=30, isolation_level=None)
        try:
            _pause_outside_a_write(worker, path)
            try:
                response = live.post_import(DIHR_CYCLE_1)
                holder.execute("BEGIN EXCLUSIVE")
                locked_at = time.monotonic()
            finally:
                os.kill(worker.pid, signal.SIGCONT)
            assert response.status_code == 202, response.text
            import_id = response.json()["id"]
            write = _answer_within(live, "POST", "/tracking/progress-updates", 5, json=body, headers=nhri)
            health = _answer_within(live, "GET", "/healthz", 2)
            job_during = live.get_import(import_id)
            time.sleep(max(0.0, 5 - (time.monotonic() - locked_at)))
            task_during = holder.execute(
                "SELECT status FROM procrastinate_jobs WHERE id = (SELECT task_id FROM import_job WHERE id = ?)",
                (import_id,),
            ).fetchone()
        finally:
            if holder.in_transaction:
                holder.rollback()
            holder.close()
        assert is_problem(write, 503, "database-busy") and write.headers.get("Retry-After", "").isdigit(), (
            write.status_code,
            write.headers,
            write.text,
        )
        assert health.status_code == 200, health.text
        assert job_during["status"] == "queued" and task_during == ("todo",), (job_during, task_during)

        job = live.wait_for_import(import_id, timeout=90)
        if job["status"] == "succeeded":
            assert job["attempts"] >= 1 and job["report"]["rows"] > 0, job
            assert recommendations(live) - before == job["report"]["inserted"] > 0, job["report"]
        else:
            assert job["error"] and "lock" in job["error"], f"{job}\n{live.logs()}"
        assert worker.poll() is None, f"the worker died\n{live.logs()}"
        with live.client() as client:
            retried = client.post("/tracking/progress-updates", json=body, headers=nhri)
        assert retried.status_code == 201, retried.text


# ---- 4. writes while an import runs --------------------------------------------------------------


def test_writes_and_reads_go_on_while_an_import_runs(live: Deployment):
    """10 progress updates and 10 reads from other clients while DIHR's cycle 1 imports: every write is
    created (on SQLite after waiting for the import's write lock), every read answers at once."""
    live.use_workers(1)
    marker = uuid.uuid4().hex
    nhri, cso = live.auth(NHRI), live.auth(CSO)
    bodies = [progress_update(live, f"Concurrent write {i} {marker}.") for i in range(10)]
    response = live.post_import(DIHR_CYCLE_1)
    assert response.status_code == 202, response.text
    import_id = response.json()["id"]
    live.wait_for(
        lambda: live.get_import(import_id)["status"] == "running", "the import to start", timeout=60, interval=0.05
    )
    sent_at = time.time()

    def write(body: dict[str, Any]) -> tuple[float, httpx.Response]:
        started = time.monotonic()
        with live.client(timeout=90) as client:
            response = client.post("/tracking/progress-updates", json=body, headers=nhri)
        return time.monotonic() - started, response

    def read(i: int) -> tuple[float, httpx.Response]:
        started = time.monotonic()
        with live.client(timeout=10) as client:
            response = client.get(
                "/tracking/progress-updates", params={"limit": 20, "offset": i}, headers=cso if i % 2 else {}
            )
        return time.monotonic() - started, response

    with ThreadPoolExecutor(20) as pool:
        writes = [pool.submit(write, body) for body in bodies]
        reads = [pool.submit(read, i) for i in range(10)]
        writes, reads = [f.result(timeout=120) for f in writes], [f.result(timeout=120) for f in reads]
    job = live.wait_for_import(import_id, timeout=120)

    assert job["status"] == "succeeded", f"{job}\n{live.logs()}"
    assert sent_at < parse_time(job["finished_at"]), "the writes were sent after the import ended"
    assert [r.status_code for _, r in writes] == [201] * 10, (
        f"{[(r.status_code, r.text[:200]) for _, r in writes]}\n{live.logs()}"
    )
    assert [r.status_code for _, r in reads] == [200] * 10, [(r.status_code, r.text[:200]) for _, r in reads]
    assert max(t for t, _ in reads) < 5, [round(t, 2) for t, _ in reads]
    assert count_updates(live, marker) == 10


# ---- 5. the same files imported twice, at the same time -----------------------------------------------


def test_overlapping_imports_of_the_same_files_run_one_at_a_time(live: Deployment):
    """Both Slovenian matrices posted twice at the same instant, two workers: every import succeeds,
    they never overlap, and the second of each file finds everything already there."""
    live.use_workers(2)
    before = recommendations(live)
    files = [SLOVENIA_2014, SLOVENIA_2019, SLOVENIA_2014, SLOVENIA_2019]
    start = threading.Barrier(len(files), timeout=30)

    def post(path: Path) -> httpx.Response:
        start.wait()
        return live.post_import(path)

    with ThreadPoolExecutor(len(files)) as pool:
        responses = list(pool.map(post, files, timeout=120))
    assert [r.status_code for r in responses] == [202] * 4, [r.text for r in responses]
    jobs = [live.wait_for_import(r.json()["id"], timeout=120) for r in responses]

    assert all(j["status"] == "succeeded" for j in jobs), f"{jobs}\n{live.logs()}"
    spans = sorted((parse_time(j["started_at"]), parse_time(j["finished_at"])) for j in jobs)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False)), (
        f"imports ran at the same time: {spans}"
    )
    inserted = 0
    for path in (SLOVENIA_2014, SLOVENIA_2019):
        first, second = sorted((j for j in jobs if j["filename"] == path.name), key=lambda j: j["started_at"])
        assert first["report"]["rows"] == second["report"]["rows"] > 0, (first, second)
        assert second["report"]["inserted"] == 0, second["report"]
        inserted += first["report"]["inserted"]
    assert recommendations(live) - before == inserted


# ---- 6. a password change ends the old tokens --------------------------------------------------------


def test_a_password_change_ends_every_old_token_on_every_server_process(live: Deployment):
    old_password = live.passwords[CSO]
    tokens = [live.login(CSO, old_password).json()["access_token"] for _ in range(2)]

    def me(token: str) -> int:
        with live.client() as client:
            return client.get("/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code

    assert [me(t) for t in tokens] == [200, 200]
    new_password = f"after-the-storm-{uuid.uuid4().hex[:8]}"
    with live.client() as client:
        changed = client.post(
            "/auth/me/password",
            headers={"Authorization": f"Bearer {tokens[0]}"},
            json={"current_password": old_password, "new_password": new_password},
        )
    assert changed.status_code == 204, changed.text
    live.set_password(CSO, new_password)
    assert [me(t) for t in tokens for _ in range(4)] == [401] * 8  # both uvicorn processes, both tokens
    assert live.login(CSO, old_password).status_code == 400  # RFC 6749 invalid_grant
    fresh = live.login(CSO, new_password)
    assert fresh.status_code == 200, fresh.text
    assert me(fresh.json()["access_token"]) == 200


# ---- 7. decompression bombs ----------------------------------------------------------------------------

RSS_LIMIT = 300 * MB
UPR_HEADER = b"To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session,source_file\n"


def _gzip_member(head: bytes, block: bytes, copies: int) -> bytes:
    """One gzip member of head + block × copies, streamed through zlib (after a full flush every copy of
    the block compresses to the same bytes, so the ~1 GB is deflated once per block, not once per copy)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc, size = zlib.crc32(head), len(head)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    size += len(block) * copies
    end = compressor.flush()
    return (
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
        + start
        + body * copies
        + end
        + crc.to_bytes(4, "little")
        + (size % 2**32).to_bytes(4, "little")
    )


def _bombs(folder: Path) -> list[Path]:
    """Two .csv.gz under 2 MB that inflate to ~1 GB: short UPR Info rows (the trailer tells the size),
    and one endless line behind a tiny last member (the trailer says 14 bytes)."""
    rows = folder / "rows_bomb.csv.gz"
    rows.write_bytes(_gzip_member(UPR_HEADER, b"Iran,,x\n" * (MB // 8), 1000))
    line = folder / "line_bomb.csv.gz"
    line.write_bytes(_gzip_member(UPR_HEADER + b'Iran,Asia,,"', b"A" * MB, 1000) + gzip.compress(b'",France\n'))
    for bomb in (rows, line):
        assert bomb.stat().st_size < 2 * MB
        with gzip.open(bomb) as handle:  # a real .gz whose first megabytes are what they claim
            assert handle.read(len(UPR_HEADER)) == UPR_HEADER
    return [rows, line]


def test_decompression_bombs_are_refused_and_memory_stays_flat(live: Deployment, tmp_path: Path):
    [worker] = live.use_workers(1)
    processes = {
        "worker": worker.pid,
        **{f"server {pid}": pid for pid in [live.server.pid, *child_pids(live.server.pid)]},
    }
    peaks = dict.fromkeys(processes, 0)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for name, pid in processes.items():
                peaks[name] = max(peaks[name], rss_bytes(pid))
            stop.wait(0.05)

    outcomes = []
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        for bomb in _bombs(tmp_path):
            response = live.post_import(bomb)
            if response.status_code == 413:
                assert is_problem(response, 413, "payload-too-large"), response.text
                outcomes.append((bomb.name, 413, response.json()["detail"]))
                continue
            assert response.status_code == 202, response.text
            job = live.wait_for_import(response.json()["id"], timeout=120)
            outcomes.append((bomb.name, job["status"], job["error"]))
    finally:
        stop.set()
        sampler.join(timeout=10)

    for _name, outcome, reason in outcomes:
        assert outcome in (413, "failed"), outcomes
        assert reason and "IMPORT_MAX_" in reason, outcomes
    assert live.scalar("SELECT count(*) FROM recommendation WHERE text LIKE 'x%' OR text LIKE 'AAAA%'") == 0
    assert worker.poll() is None, f"the worker died\n{live.logs()}"
    assert all(peak < RSS_LIMIT for peak in peaks.values()), {k: f"{v / MB:.0f} MB" for k, v in peaks.items()}
    assert all(peak > 0 for peak in peaks.values()), peaks  # the samples were taken
