"""The bench's throw-away PostgreSQL cluster: the command lines it runs (as .ci/run does: trust auth on
127.0.0.1 only, a socket in the data directory, as `postgres` when run by root)."""

from pathlib import Path

import pytest

from bench import postgres


def test_initdb_and_start_listen_on_localhost_only_with_room_for_four_workers(tmp_path: Path) -> None:
    pg_bin, data = Path("/usr/lib/postgresql/15/bin"), tmp_path / "pg"
    assert postgres.initdb_command(pg_bin, data) == [
        f"{pg_bin}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"
    ]  # fmt: skip
    start = postgres.start_command(pg_bin, data, 55999)
    assert start[:3] == [f"{pg_bin}/pg_ctl", "-D", str(data)]
    assert start[-1] == "start" and "-w" in start
    options = start[start.index("-o") + 1]
    assert f"-h 127.0.0.1 -p 55999 -k {data}" in options
    assert f"max_connections={postgres.MAX_CONNECTIONS}" in options
    assert postgres.MAX_CONNECTIONS >= 4 * (10 + 10) + 20  # four workers' pools and the bench's own
    assert postgres.stop_command(pg_bin, data, mode="immediate") == [
        f"{pg_bin}/pg_ctl", "-D", str(data), "-m", "immediate", "-t", "30", "stop"
    ]  # fmt: skip


def test_as_root_the_server_runs_as_postgres(tmp_path: Path) -> None:
    command = postgres.initdb_command(Path("/pg/bin"), tmp_path, run_as="postgres")
    assert command[:4] == ["runuser", "-u", "postgres", "--"]
    assert command[4] == "/pg/bin/initdb"


def test_the_newest_installed_version_or_pg_bin(tmp_path: Path) -> None:
    for version in ("9.6", "13", "15"):
        (tmp_path / version / "bin").mkdir(parents=True)
        (tmp_path / version / "bin" / "initdb").touch()
    (tmp_path / "16" / "bin").mkdir(parents=True)  # no initdb: not a server install
    assert postgres.find_bin({}, tmp_path) == tmp_path / "15" / "bin"
    assert postgres.find_bin({"PG_BIN": "/opt/pg/bin"}, tmp_path) == Path("/opt/pg/bin")
    assert postgres.find_bin({}, tmp_path / "none") is None


def test_the_url_names_the_bench_database_over_tcp() -> None:
    assert postgres.url(55999) == "postgresql+psycopg://postgres@127.0.0.1:55999/upr_bench"


def test_a_setting_for_the_bench_process_only_is_not_passed_to_servers(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import servers

    monkeypatch.setattr(servers, "PROCESS_ONLY", {})
    monkeypatch.setenv("BENCH_TEST_UNSET", "")
    monkeypatch.delenv("BENCH_TEST_UNSET")  # recorded: restored (removed) after the test
    monkeypatch.setenv("BENCH_TEST_SET", "before")
    servers.process_only("BENCH_TEST_UNSET", "1")
    servers.process_only("BENCH_TEST_SET", "2")
    assert servers.server_environment({})["BENCH_TEST_SET"] == "before"
    assert "BENCH_TEST_UNSET" not in servers.server_environment({})
    assert servers.server_environment({"BENCH_TEST_UNSET": "3"})["BENCH_TEST_UNSET"] == "3"
