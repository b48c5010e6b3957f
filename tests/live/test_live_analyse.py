"""The analysis's rate limit on a real deployment (`upr serve --workers 2`, tests/live/harness.py): one
count for every worker process, because it lives in the database.

Which process answered is read from the operating system: the server-side socket of each connection
(/proc/net/tcp) and the uvicorn worker holding it (/proc/<pid>/fd). With requests spread over both
processes, per-process counters would let more than the limit through; a shared one lets exactly the limit.
"""

import json
import os
import re
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.contracts.live_server import live_database
from tests.live.harness import STARTUP_SECONDS, Deployment, child_pids, deployment

LIMIT = 5
MAX_REQUESTS = 300
BODY = json.dumps({"text": "Ratify the Optional Protocol to the Convention against Torture by 2027."}).encode()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("analyse")
    with (
        live_database(tmp, suffix="analyse") as url,
        deployment(tmp, url, ANALYSE_RATE_LIMIT_PER_MINUTE=str(LIMIT)) as running,
    ):
        yield running


def serving_processes(live: Deployment) -> list[int] | None:
    """The two uvicorn worker processes, once both have started (the server's other children are
    multiprocessing's helpers)."""
    log = (live.tmp / "server.log").read_text(errors="replace")
    started = [int(pid) for pid in re.findall(r"Started server process \[(\d+)\]", log)]
    alive = set(child_pids(live.server.pid))
    return sorted(started) if len(started) == 2 and set(started) <= alive else None


def _server_inode(server_port: int, client_port: int) -> str | None:
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote = fields[1], fields[2]
            if int(local.rsplit(":", 1)[1], 16) == server_port and int(remote.rsplit(":", 1)[1], 16) == client_port:
                return fields[9]
    return None


def _holder(pids: list[int], inode: str) -> int | None:
    wanted = f"socket:[{inode}]"
    for pid in pids:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                try:
                    if os.readlink(fd) == wanted:
                        return pid
                except OSError:
                    continue
        except OSError:
            continue
    return None


def analyse_once(live: Deployment, workers: list[int]) -> tuple[int, int | None, str | None]:
    """One request on a connection of its own: its status, the worker process that served it, Retry-After."""
    host, port = "127.0.0.1", int(live.url.rsplit(":", 1)[1])
    with socket.create_connection((host, port), timeout=30) as conn:
        conn.sendall(
            b"POST /recommendations/analyse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(BODY)}\r\n\r\n".encode()
            + BODY
        )
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = conn.recv(65536)
            assert chunk, f"the server closed the connection: {received!r}\n{live.logs()}"
            received += chunk
        head = received.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
        retry_after = {k.lower(): v for k, v in headers.items()}.get("retry-after")
        # The connection is kept alive: the worker still holds its socket.
        inode = _server_inode(port, conn.getsockname()[1])
        return status, _holder(workers, inode) if inode else None, retry_after


def test_the_analysis_limit_is_one_count_for_every_worker_process(live: Deployment):
    workers = live.wait_for(lambda: serving_processes(live), "both uvicorn workers to start", timeout=STARTUP_SECONDS)
    now = datetime.now(UTC)
    if now.second > 30:  # run inside one window: start at the next minute
        time.sleep(60 - now.second - now.microsecond / 1e6 + 0.5)
    answers: list[tuple[int, int | None, str | None]] = []
    while len(answers) < MAX_REQUESTS:
        answers.append(analyse_once(live, workers))
        served = {pid for _, pid, _ in answers if pid is not None}
        if len(answers) > LIMIT + 2 and served == set(workers):
            break
    assert served == set(workers), f"one process took every connection: {answers}"
    statuses = [status for status, _, _ in answers]
    # Per-process counters would let up to LIMIT through on each process that served a request.
    assert statuses == [200] * LIMIT + [429] * (len(answers) - LIMIT), answers
    refused = [(pid, retry) for status, pid, retry in answers if status == 429]
    assert {pid for pid, _ in refused} <= set(workers)
    assert all(retry is not None and 1 <= int(retry) <= 60 for _, retry in refused)
    per_process = {pid: [s for s, p, _ in answers if p == pid] for pid in workers}
    print(f"\nanswers per worker process: {per_process}")
    rows = live.scalar("SELECT SUM(count) FROM rate_limit_window WHERE key LIKE 'analyse:%'")
    assert rows == len(answers)  # every request counted once, in one row per window and client
