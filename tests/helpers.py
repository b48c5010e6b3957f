"""Helpers shared by test modules (never import one test module from another)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url

from api.db import engine_for


def _drop_database(admin_url, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@contextmanager
def scratch_database(database_url: str, tmp_path: Path, suffix: str) -> Iterator[str]:
    """An empty database of the suite's kind, dropped afterwards: a SQLite file in `tmp_path`, or
    `<name>_<suffix>` on the suite's PostgreSQL server (the suite's own database is left alone)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        scratch = f"sqlite:///{tmp_path / f'{suffix}.db'}"
        try:
            yield scratch
        finally:
            engine_for(scratch).dispose()  # migrations/env.py connects through the cached engine
        return
    assert url.get_backend_name() == "postgresql", f"no scratch database recipe for {url.get_backend_name()}"
    name = f"{url.database}_{suffix}"
    _drop_database(url, name)  # left over by an interrupted run
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:  # any database on the server will do for CREATE DATABASE
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        admin.dispose()
    scratch = url.set(database=name).render_as_string(hide_password=False)
    try:
        yield scratch
    finally:
        engine_for(scratch).dispose()
        _drop_database(url, name)
