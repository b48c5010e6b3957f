"""The real server for the client tests: its own database, migrated and seeded with the `upr`
command, served by uvicorn on a free 127.0.0.1 port — as a partner's script would meet it.

With `TEST_DATABASE_URL` on PostgreSQL the server gets a database of its own (`<name>_live`,
dropped and created here), so the other tests' database is never touched; otherwise a SQLite file.
"""

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api.contracts import ROOT

STARTUP_SECONDS = 30
# A row of the seed's table of demo accounts: "│ nhri@demo.upr-tracker.org │ nhri │ <password> │".
DEMO_ACCOUNT = re.compile(r"(\S+@demo\.upr-tracker\.org)\s*\W\s*(\w+)\s*\W\s*(\S+)\s*\W")


@dataclass(frozen=True)
class LiveServer:
    url: str  # the cycle API; the tracking API is at f"{url}/tracking"
    passwords: dict[str, str]  # demo account email -> password, as `upr seed` printed them
    env: dict[str, str]  # what the server runs with (for `upr` commands against the same database)

    @property
    def tracking_url(self) -> str:
        return f"{self.url}/tracking"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_statements(url: str, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


@contextmanager
def live_database(tmp: Path, suffix: str = "live") -> Iterator[str]:
    """`suffix` names the database (`<name>_<suffix>`, or `<suffix>.db`): servers alive at the same time
    in one run (this module's is session-wide) each need their own."""
    test_url = os.environ.get("TEST_DATABASE_URL", "")
    if not test_url or make_url(test_url).get_backend_name() != "postgresql":
        yield f"sqlite:///{tmp / f'{suffix}.db'}"
        return
    base = make_url(test_url)
    name = f"{base.database}_{suffix}"
    # Issued from the tests' own database (it exists; `postgres` may not be reachable).
    _admin_statements(test_url, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        _admin_statements(test_url, f'DROP DATABASE IF EXISTS "{name}"')


def _upr(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"upr {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"uvicorn did not answer /healthz in {STARTUP_SECONDS} s:\n{log.read_text()}")


@contextmanager
def live_server(tmp: Path) -> Iterator[LiveServer]:
    with live_database(tmp) as database_url:
        env = {
            **os.environ,
            "ENV": "development",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "live-test-secret-" + "k3y" * 12,
            "EVIDENCE_DIR": str(tmp / "evidence"),
            "UPLOAD_DIR": str(tmp / "uploads"),
            "SECRET_KEY_FILE": str(tmp / "secret-key"),
            "COLUMNS": "200",
        }  # rich draws the seed's table of passwords on one line per account
        _upr(env, "migrate")
        passwords = {email: password for email, _, password in DEMO_ACCOUNT.findall(_upr(env, "seed"))}
        assert "nhri@demo.upr-tracker.org" in passwords, "`upr seed` printed no demo passwords"
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = tmp / "uvicorn.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "api.main:app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_healthy(url, process, log)
            yield LiveServer(url=url, passwords=passwords, env=env)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
