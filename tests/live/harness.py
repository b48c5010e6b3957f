"""A real deployment for the resilience tests: `upr serve --workers 2` (uvicorn) and separate
`upr worker` processes on a database of their own, migrated and seeded with `upr`, on 127.0.0.1.

Workers are started by the tests, one process each, so a test knows which process runs a job and
can kill it. Every wait is bounded and ends with the tails of the processes' logs; every process
started here is stopped by the `deployment` context, whatever happens. `throwaway_postgres` is a
PostgreSQL cluster of a test's own, which it may stop and start again.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import create_engine, make_url, text

from api.contracts import ROOT
from tests.contracts.live_server import DEMO_ACCOUNT, _upr, free_port

ADMIN = "admin@demo.upr-tracker.org"
NHRI = "nhri@demo.upr-tracker.org"
CSO = "cso@demo.upr-tracker.org"
GOVERNMENT = "government@demo.upr-tracker.org"
# Crash recovery in seconds rather than the production default's half minute (api/jobs/recovery.py).
QUICK_RECOVERY = {"JOB_STALLED_SECONDS": "6", "JOB_HEARTBEAT_SECONDS": "1"}
STARTUP_SECONDS = 60  # two uvicorn processes importing the app on a busy 2-core machine
STOP_SECONDS = 15
LOG_TAIL_LINES = 40
T = TypeVar("T")


def database_kind() -> str:
    """What the suite runs on: "postgresql" when TEST_DATABASE_URL says so, else "sqlite"."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    return "postgresql" if url and make_url(url).get_backend_name() == "postgresql" else "sqlite"


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def stop_process(process: subprocess.Popen, *, timeout: float = STOP_SECONDS) -> None:
    """SIGTERM to the process and its session (uvicorn's children), SIGKILL after `timeout`."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
    with suppress(ProcessLookupError):  # the session's stragglers, whatever the leader did
        os.killpg(process.pid, signal.SIGKILL)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=timeout)


def child_pids(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc (uvicorn's worker processes)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            children.append(int(entry.name))
    return children


def rss_bytes(pid: int) -> int:
    """Resident memory of a live process (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Deployment:
    """A running server and the workers the tests start. `url` is the cycle API's root."""

    url: str
    database_url: str
    env: dict[str, str]
    tmp: Path
    passwords: dict[str, str]
    server: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)
    _logs: list[Path] = field(default_factory=list)  # the workers'
    _other_logs: list[Path] = field(default_factory=list)
    _tokens: dict[str, str] = field(default_factory=dict)

    @property
    def dialect(self) -> str:
        return make_url(self.database_url).get_backend_name()

    # -- processes

    def start_worker(self, *, concurrency: int = 1) -> subprocess.Popen:
        """One `upr worker` process, returned once it is fetching jobs."""
        log = self.tmp / f"worker-{len(self._logs)}.log"
        self._logs.append(log)
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "api.cli", "worker", "--concurrency", str(concurrency)],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.workers.append(process)
        self.wait_for(
            lambda: "Starting worker" in log.read_text(errors="replace") or None,
            f"worker {process.pid} to start",
            timeout=STARTUP_SECONDS,
            check=lambda: process.poll() is None or f"worker exited with {process.returncode}",
        )
        return process

    def use_workers(self, count: int, *, concurrency: int = 1) -> list[subprocess.Popen]:
        """Exactly `count` fresh worker processes (the others are stopped first)."""
        self.stop_workers()
        return [self.start_worker(concurrency=concurrency) for _ in range(count)]

    def stop_workers(self) -> None:
        for process in self.workers:
            stop_process(process)
        self.workers.clear()

    def logs(self) -> str:
        """The tails of the server's and every worker's log, for assertion messages."""
        parts = [f"--- server ({self.tmp / 'server.log'}):\n{_tail(self.tmp / 'server.log')}"]
        parts += [f"--- {log.name}:\n{_tail(log)}" for log in [*self._logs, *self._other_logs]]
        return "\n".join(parts)

    def watch_log(self, path: Path) -> None:
        """Show `path` (e.g. a database server's log) in `logs()` too."""
        self._other_logs.append(path)

    def wait_for(
        self,
        probe: Callable[[], T | None],
        what: str,
        *,
        timeout: float,
        interval: float = 0.1,
        check: Callable[[], bool | str] | None = None,
    ) -> T:
        """Poll `probe` until it returns something truthy; fail after `timeout` s with the logs.
        `check` (optional) fails at once when it returns a message instead of True."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while True:
            if check is not None and (verdict := check()) is not True:
                raise AssertionError(f"while waiting for {what}: {verdict}\n{self.logs()}")
            try:
                if result := probe():
                    return result
                last = result
            except httpx.TransportError as exc:  # not listening yet, or a connection dropped: try again
                last = exc
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what} (last: {last!r})\n{self.logs()}")
            time.sleep(interval)

    # -- HTTP

    def client(self, timeout: float = 30) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=timeout)

    def login(self, email: str, password: str | None = None) -> httpx.Response:
        with self.client() as client:
            return client.post(
                "/auth/token",
                data={"username": email, "password": password or self.passwords[email], "grant_type": "password"},
            )

    def token(self, email: str) -> str:
        if email not in self._tokens:
            response = self.login(email)
            assert response.status_code == 200, f"{email} cannot log in: {response.text}\n{self.logs()}"
            self._tokens[email] = response.json()["access_token"]
        return self._tokens[email]

    def set_password(self, email: str, password: str) -> None:
        """After a password change: later logins use `password` (the cached token has been revoked)."""
        self.passwords[email] = password
        self._tokens.pop(email, None)

    def auth(self, email: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(email)}"}

    def post_import(self, path: Path, *, data: dict[str, str] | None = None, name: str | None = None) -> httpx.Response:
        with self.client(timeout=60) as client, path.open("rb") as handle:
            return client.post(
                "/imports", headers=self.auth(ADMIN), files={"file": (name or path.name, handle)}, data=data or {}
            )

    def get_import(self, import_id: int) -> dict[str, Any]:
        with self.client(timeout=10) as client:
            response = client.get(f"/imports/{import_id}", headers=self.auth(ADMIN))
        assert response.status_code == 200, f"GET /imports/{import_id}: {response.status_code} {response.text}"
        return response.json()

    def wait_for_import(self, import_id: int, *, timeout: float) -> dict[str, Any]:
        """The import once it has ended (succeeded or failed)."""

        def ended() -> dict[str, Any] | None:
            job = self.get_import(import_id)
            return job if job["status"] in ("succeeded", "failed") else None

        return self.wait_for(ended, f"import {import_id} to end", timeout=timeout, interval=0.5)

    def recommendation_id(self) -> int:
        """A recommendation of the seeded Slovenian review (the demo NHRI's and CSO's state)."""
        with self.client() as client:
            response = client.get("/recommendations", params={"state_under_review": "SVN", "limit": 1})
        assert response.status_code == 200, response.text
        return response.json()["items"][0]["id"]

    # -- the database, read directly

    def scalar(self, statement: str, **params: Any) -> Any:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(statement), params).scalar_one()
        finally:
            engine.dispose()


def _wait_until_healthy(deployment: Deployment) -> None:
    def healthy() -> bool:
        with httpx.Client(timeout=2) as client:
            return client.get(f"{deployment.url}/healthz").status_code == 200

    deployment.wait_for(
        healthy,
        "the server's /healthz",
        timeout=STARTUP_SECONDS,
        interval=0.2,
        check=lambda: deployment.server.poll() is None or f"the server exited with {deployment.server.returncode}",
    )


@contextmanager
def deployment(tmp: Path, database_url: str, **env: str) -> Iterator[Deployment]:
    """Migrate and seed `database_url`, serve it with `upr serve --workers 2` on a free port; no worker
    runs until a test starts one. `env` adds settings (e.g. SQLITE_BUSY_TIMEOUT_MS)."""
    tmp.mkdir(parents=True, exist_ok=True)
    full_env = {
        **os.environ,
        "ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "live-test-secret-" + "r3s" * 12,
        "EVIDENCE_DIR": str(tmp / "evidence"),
        "UPLOAD_DIR": str(tmp / "uploads"),
        "SECRET_KEY_FILE": str(tmp / "secret-key"),
        "COLUMNS": "200",  # rich draws the seed's table of passwords on one line per account
        **QUICK_RECOVERY,
        **env,
    }
    _upr(full_env, "migrate")
    passwords = {email: password for email, _, password in DEMO_ACCOUNT.findall(_upr(full_env, "seed"))}
    assert {ADMIN, NHRI, CSO} <= set(passwords), "`upr seed` printed no demo passwords"
    port = free_port()
    with (tmp / "server.log").open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--workers", "2", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    live = Deployment(
        url=f"http://127.0.0.1:{port}",
        database_url=database_url,
        env=full_env,
        tmp=tmp,
        passwords=passwords,
        server=server,
    )
    try:
        _wait_until_healthy(live)
        yield live
    finally:
        live.stop_workers()
        stop_process(server)


# ---- a PostgreSQL server a test may stop -----------------------------------------------------------


def _postgres_bin() -> Path:
    """PG_BIN, or the newest installation's bin directory (as .ci/run finds it)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: [int(x) for x in p.parent.parent.name.split(".") if x.isdigit()],
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    assert initdb, "no PostgreSQL initdb found (install PostgreSQL or set PG_BIN)"
    return Path(initdb).parent


def _locale() -> str:
    """C.UTF-8 where the system has it (Unicode lower() and upper(), as in CI's cluster), else C."""
    try:
        available = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10).stdout.split()
    except OSError:
        return "C"
    return "C.UTF-8" if {"c.utf8", "c.utf-8"} & {name.lower() for name in available} else "C"


@dataclass
class PostgresCluster:
    url: str  # postgresql+psycopg://postgres@127.0.0.1:<port>/upr_live
    data: Path
    port: int
    bin: Path
    log: Path

    def _run(self, *args: str, timeout: float = 90) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:  # initdb and postgres refuse root: run them as postgres
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, cwd="/", capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}\n{_tail(self.log)}"

    def start(self) -> None:
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-w",
            "-t",
            "60",
            "-l",
            str(self.log),
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.data} -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", mode, "stop")


@contextmanager
def throwaway_postgres() -> Iterator[PostgresCluster]:
    """A PostgreSQL cluster of the test's own (initdb from the installed binaries, own port, fsync off)
    with an empty database `upr_live`; stopped and removed afterwards."""
    data = Path(tempfile.mkdtemp(prefix="upr-live-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    cluster = PostgresCluster(
        url="", data=data / "data", port=free_port(), bin=_postgres_bin(), log=data / "server.log"
    )
    if os.geteuid() == 0:
        cluster.log.touch()
        shutil.chown(cluster.log, "postgres", "postgres")
    try:
        cluster._run(
            "initdb", "-D", str(cluster.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", f"--locale={_locale()}"
        )
        cluster.start()
        admin = f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/postgres"
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text('CREATE DATABASE "upr_live"'))
        finally:
            engine.dispose()
        cluster.url = f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/upr_live"
        yield cluster
    finally:
        if (cluster.data / "postmaster.pid").exists():
            try:
                cluster.stop("fast")
            except (AssertionError, subprocess.TimeoutExpired):
                with suppress(AssertionError, subprocess.TimeoutExpired):
                    cluster.stop("immediate")
        shutil.rmtree(data, ignore_errors=True)
