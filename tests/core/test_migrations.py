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
from sqlalchemy import create_engine, inspect, make_url
from sqlalchemy.engine import URL

from api.cli import alembic_config
from api.db import engine_for
from api.models import include_name, metadata

# The same comparison options as migrations/env.py, so a diff here is a diff `alembic revision
# --autogenerate` would write.
COMPARE_OPTS = {"compare_type": True, "compare_server_default": True, "render_as_batch": True,
                "include_name": include_name}


def _config(url: str):
    config = alembic_config(url)
    config.attributes["configure_logger"] = False
    return config


def _url_string(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _drop_database(admin_url: URL, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture
def scratch_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the suite's kind, for migrations only."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        scratch = f"sqlite:///{tmp_path / 'migrations.db'}"
        try:
            yield scratch
        finally:
            engine_for(scratch).dispose()  # migrations/env.py connects through the cached engine
        return
    assert url.get_backend_name() == "postgresql", f"no scratch database recipe for {url.get_backend_name()}"
    name = f"{url.database}_migrations"
    # Any database on the server will do for CREATE/DROP DATABASE: use the suite's own one.
    _drop_database(url, name)  # left over by an interrupted run
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        admin.dispose()
    scratch = _url_string(url.set(database=name))
    try:
        yield scratch
    finally:
        engine_for(scratch).dispose()  # migrations/env.py connects through the cached engine
        _drop_database(url, name)


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
