"""Uvicorn in a subprocess: one worker on 127.0.0.1, log level warning, the same way for the app and
for the baselines, so their figures differ only by what the endpoint does.

With one worker and no reload uvicorn serves in the process it starts in, so the child's pid is the
server's: its /proc status gives the peak RSS the export figure needs. With several workers
(`workers=4`) uvicorn's supervisor forks them; every one of them is in the child's process group
(its own session), so "the server is idle" sums the CPU of the whole group.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Settings the bench's own process changes for its work (training, building data) that the servers it
# starts must not inherit: they run with the environment the bench was started with.
PROCESS_ONLY: dict[str, str | None] = {}  # name: its value before the bench changed it (None: unset)


def process_only(name: str, value: str) -> None:
    """Set `name` for this process (and its in-process work) but not for the servers."""
    PROCESS_ONLY.setdefault(name, os.environ.get(name))
    os.environ[name] = value


def server_environment(extra: dict[str, str]) -> dict[str, str]:
    environment = {**os.environ, **extra}
    for name, before in PROCESS_ONLY.items():
        if name in extra:
            continue
        if before is None:
            environment.pop(name, None)
        else:
            environment[name] = before
    return environment


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


class Server:
    """`with Server(...) as server:` starts it, waits until `ready_path` answers 200, and always stops it."""

    def __init__(
        self, name: str, app: str, env: dict[str, str], log_dir: Path, ready_path: str = "/", workers: int = 1
    ):
        self.name = name
        self.workers = workers
        self.app = app
        self.env = env
        self.log_path = log_dir / f"{name}.log"
        self.ready_path = ready_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> "Server":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, timeout: float = 60) -> None:
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            self.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
        ]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=server_environment(self.env),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                status, _ = get(self.url + self.ready_path, timeout=2)
                if status == 200:
                    if self.workers > 1:  # one answered; the others may still be importing the app
                        self.wait_idle(quiet=1.0)
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer {self.ready_path} within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def wait_idle(self, quiet: float = 0.3, most: float = 60) -> float:
        """Wait until the server uses no CPU for `quiet` seconds: requests a load generator gave up on
        (a slow endpoint at the end of a run) must not run into the next figure. Returns the wait."""
        tick = os.sysconf("SC_CLK_TCK")
        started = time.monotonic()
        last = self._cpu_ticks()
        while time.monotonic() - started < most:
            time.sleep(quiet)
            now = self._cpu_ticks()
            if (now - last) / tick < quiet * 0.1:
                break
            last = now
        return time.monotonic() - started

    def _cpu_ticks(self) -> int:
        """utime + stime (fields 14 and 15 of stat) of every process in the server's process group."""
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[2]) == self.pid:  # pgrp: the child leads its own session and group
                total += int(fields[11]) + int(fields[12])
        return total

    # -- memory ----------------------------------------------------------------------------------
    def memory_kb(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak since start or since `reset_peak`), in kB."""
        out = {}
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0])
        return out

    def reset_peak(self) -> bool:
        """Linux resets VmHWM to the current RSS on `5` into clear_refs: the next peak is the export's alone."""
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w") as refs:
                refs.write("5")
            return True
        except OSError:
            return False
