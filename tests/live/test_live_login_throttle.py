"""Login throttling on a real deployment (`upr serve --workers 2`, tests/live/harness.py): one count for
every worker process (it lives in the database), per account and client address — so a guesser's
lockout never reaches the owner coming from elsewhere.

The guesser's address is sent as `X-Forwarded-For`, which uvicorn takes from a trusted proxy (its
default trusts 127.0.0.1, where this test connects from). Which process served each guess is read from
the operating system, as in test_live_analyse.py.
"""

import socket
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.contracts.live_server import live_database
from tests.live.harness import ADMIN, STARTUP_SECONDS, Deployment, deployment
from tests.live.test_live_analyse import _holder, _server_inode, serving_processes

MAX_FAILURES = 3
MAX_GUESSES = 200
GUESSER, OWNER = "198.51.100.7", "203.0.113.9"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("login")
    with (
        live_database(tmp, suffix="login") as url,
        deployment(tmp, url, LOGIN_MAX_FAILURES=str(MAX_FAILURES)) as running,
    ):
        yield running


def login_once(live: Deployment, workers: list[int], password: str, address: str) -> tuple[int, int | None]:
    """One login on a connection of its own: its status and the worker process that served it."""
    host, port = "127.0.0.1", int(live.url.rsplit(":", 1)[1])
    body = urlencode({"username": ADMIN, "password": password, "grant_type": "password"}).encode()
    with socket.create_connection((host, port), timeout=30) as conn:
        conn.sendall(
            b"POST /auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + f"X-Forwarded-For: {address}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = conn.recv(65536)
            assert chunk, f"the server closed the connection: {received!r}\n{live.logs()}"
            received += chunk
        status = int(received.split(b"\r\n", 1)[0].split()[1])
        inode = _server_inode(port, conn.getsockname()[1])
        return status, _holder(workers, inode) if inode else None


def test_a_guessers_lockout_is_shared_by_every_process_and_spares_the_owner(live: Deployment):
    workers = live.wait_for(lambda: serving_processes(live), "both uvicorn workers to start", timeout=STARTUP_SECONDS)
    answers: list[tuple[int, int | None]] = []
    while len(answers) < MAX_GUESSES:
        answers.append(login_once(live, workers, "not the password at all", GUESSER))
        served = {pid for _, pid in answers if pid is not None}
        if len(answers) > MAX_FAILURES + 2 and served == set(workers):
            break
    assert served == set(workers), f"one process took every connection: {answers}"
    statuses = [status for status, _ in answers]
    # Per-process counters would let up to MAX_FAILURES wrong guesses through on each process.
    assert statuses == [400] * MAX_FAILURES + [429] * (len(answers) - MAX_FAILURES), answers
    # The right password from the guesser's address is locked out too; from the owner's, it logs in.
    assert login_once(live, workers, live.passwords[ADMIN], GUESSER)[0] == 429
    assert login_once(live, workers, live.passwords[ADMIN], OWNER)[0] == 200
