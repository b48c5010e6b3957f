"""A throw-away PostgreSQL cluster for `make bench DB=postgresql`, as `.ci/run` starts one: Debian's
binaries (the newest /usr/lib/postgresql/*/bin, or PG_BIN), `initdb` in a temporary directory, a free
port, listening on 127.0.0.1 only (and a socket in the data directory), always stopped and deleted in
`finally`. As root, the server runs as the `postgres` user (initdb refuses root).

Unlike the test cluster, durability stays as shipped (fsync on): the import figure includes its
commit. `max_connections` is raised so four workers' pools (10 + 10 overflow each) and the bench's
own connections fit.
"""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from bench.servers import free_port

DATABASE = "upr_bench"
MAX_CONNECTIONS = 200


def find_bin(env: Mapping[str, str] | None = None, root: Path = Path("/usr/lib/postgresql")) -> Path | None:
    """PG_BIN, else the newest installed major version's bin directory holding initdb."""
    given = (os.environ if env is None else env).get("PG_BIN")
    if given:
        return Path(given)
    found = [d / "bin" for d in root.glob("*") if (d / "bin" / "initdb").is_file()]

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in path.parent.name.split(".") if p.isdigit())

    return max(found, key=version) if found else None


def as_user(command: list[str], run_as: str | None) -> list[str]:
    return ["runuser", "-u", run_as, "--", *command] if run_as else command


def initdb_command(pg_bin: Path, data_dir: Path, run_as: str | None = None) -> list[str]:
    return as_user(
        [str(pg_bin / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"],
        run_as,
    )


def start_command(pg_bin: Path, data_dir: Path, port: int, run_as: str | None = None) -> list[str]:
    options = f"-h 127.0.0.1 -p {port} -k {data_dir} -c max_connections={MAX_CONNECTIONS} -c timezone=UTC"
    log = str(data_dir / "server.log")
    return as_user(
        [str(pg_bin / "pg_ctl"), "-D", str(data_dir), "-w", "-t", "60", "-l", log, "-o", options, "start"], run_as
    )


def stop_command(pg_bin: Path, data_dir: Path, run_as: str | None = None, mode: str = "fast") -> list[str]:
    return as_user([str(pg_bin / "pg_ctl"), "-D", str(data_dir), "-m", mode, "-t", "30", "stop"], run_as)


def url(port: int, database: str = DATABASE) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"


class Cluster:
    """`with Cluster(say) as cluster:` … `cluster.url`; stopped and its directory deleted on exit."""

    def __init__(self, say: Callable[[str], None] = print):
        self.say = say
        self.pg_bin = find_bin()
        self.run_as = "postgres" if os.geteuid() == 0 else None
        self.port = free_port()
        self.data_dir: Path | None = None
        self.started = False

    @property
    def url(self) -> str:
        return url(self.port)

    def version(self) -> str:
        assert self.pg_bin is not None
        return subprocess.run(
            [str(self.pg_bin / "postgres"), "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()

    def __enter__(self) -> "Cluster":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, command: list[str], what: str) -> None:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/", stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            log = ""
            if self.data_dir and (self.data_dir / "server.log").exists():
                log = (self.data_dir / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{what} failed ({done.returncode}): {done.stdout[-1000:]} {done.stderr[-1000:]} {log}")

    def start(self) -> None:
        if self.pg_bin is None:
            raise RuntimeError("no PostgreSQL binaries (apt-get install postgresql, or set PG_BIN)")
        self.data_dir = Path(tempfile.mkdtemp(prefix="upr-bench-pg-"))
        if self.run_as:
            shutil.chown(self.data_dir, user=self.run_as)
        self._run(initdb_command(self.pg_bin, self.data_dir, self.run_as), "initdb")
        self._run(start_command(self.pg_bin, self.data_dir, self.port, self.run_as), "pg_ctl start")
        self.started = True
        psql = [str(self.pg_bin / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port)]
        self._run([*psql, "-U", "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {DATABASE}"], "CREATE DATABASE")
        self.say(f"PostgreSQL cluster: {self.version()} on 127.0.0.1:{self.port}, data in {self.data_dir}")

    def stop(self) -> None:
        if self.data_dir is None:
            return
        if self.started and self.pg_bin is not None and (self.data_dir / "postmaster.pid").exists():
            for mode in ("fast", "immediate"):
                command = stop_command(self.pg_bin, self.data_dir, self.run_as, mode)
                done = subprocess.run(command, capture_output=True, cwd="/", check=False)
                if done.returncode == 0:
                    break
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_dir = None
        self.started = False
