"""The migrations are the schema: `alembic upgrade head` gives exactly the models' tables.

Runs on whatever database the suite runs on, but never on the shared test database: on SQLite
a fresh file, on PostgreSQL a scratch database `<name>_migrations` created (and dropped) on the
same server, so the session-wide migrated database the other tests use is left alone.
"""

import pprint
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from api.cli import alembic_config
from api.db import engine_for
from api.models import include_name, metadata
from tests.helpers import scratch_database

# The same comparison options as migrations/env.py, so a diff here is a diff `alembic revision
# --autogenerate` would write.
COMPARE_OPTS = {
    "compare_type": True,
    "compare_server_default": True,
    "render_as_batch": True,
    "include_name": include_name,
}


def _config(url: str):
    config = alembic_config(url)
    config.attributes["configure_logger"] = False
    return config


@pytest.fixture
def scratch_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the suite's kind, for migrations only."""
    with scratch_database(database_url, tmp_path, "migrations") as url:
        yield url


def _schema_diff(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn, opts=COMPARE_OPTS), metadata)
    finally:
        engine.dispose()


def _leftovers(url: str) -> dict[str, list[str]]:
    """Everything but alembic_version that a downgrade to base could have left behind."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            found = {
                "tables": [t for t in insp.get_table_names() if t != "alembic_version"],
                "views": list(insp.get_view_names()),
            }
            if conn.dialect.name == "postgresql":
                found["sequences"] = list(insp.get_sequence_names())
                found["enums"] = [e["name"] for e in insp.get_enums()]
            return {kind: names for kind, names in found.items() if names}
    finally:
        engine.dispose()


def _table_names(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return sorted(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def _current_revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def test_one_head() -> None:
    heads = ScriptDirectory.from_config(_config("sqlite://")).get_heads()
    assert len(heads) == 1, f"migrations have several heads {heads}: add a merge revision"


def test_upgrade_head_gives_exactly_the_models_schema(scratch_url: str) -> None:
    assert _schema_diff(scratch_url), "the comparison must see an empty database as different"

    command.upgrade(_config(scratch_url), "head")

    diff = _schema_diff(scratch_url)
    assert diff == [], (
        "the migrations do not give the models' schema; write a migration "
        "(`alembic revision --autogenerate`) for:\n" + pprint.pformat(diff)
    )
    command.check(_config(scratch_url))  # and `alembic check`, through migrations/env.py, agrees


def test_downgrade_base_leaves_nothing_and_upgrade_works_again(scratch_url: str) -> None:
    config = _config(scratch_url)
    head = ScriptDirectory.from_config(config).get_current_head()
    command.upgrade(config, "head")
    assert _current_revision(scratch_url) == head

    command.downgrade(config, "base")

    assert _leftovers(scratch_url) == {}
    assert _table_names(scratch_url) == ["alembic_version"]
    assert _current_revision(scratch_url) is None

    command.upgrade(config, "head")

    assert _current_revision(scratch_url) == head
    assert _schema_diff(scratch_url) == []


def test_the_sqlite_job_engine_schema_is_the_migrations(tmp_path: Path):
    """The SQLite connector's DDL and the tables migrations create agree: a change to the connector's
    schema needs a migration of its own."""
    import sqlite3

    from api.jobs.sqlite_connector import SQLITE_SCHEMA

    url = f"sqlite:///{tmp_path / 'migrated.db'}"
    command.upgrade(_config(url), "head")
    engine_for(url).dispose()
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    for statement in SQLITE_SCHEMA:
        fresh.execute(statement)

    def engine_objects(conn) -> set[tuple[str, str, str]]:
        return set(
            conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'procrastinate%' "
                "OR tbl_name LIKE 'procrastinate%'"
            ).fetchall()
        )

    migrated = sqlite3.connect(tmp_path / "migrated.db")
    assert engine_objects(migrated) == engine_objects(fresh) != set()
