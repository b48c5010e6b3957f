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


def test_0009_turns_the_importers_placeholder_dates_into_unknown_ones(scratch_url: str) -> None:
    """Only the importer's 1-January fallbacks (explanation "Imported from …", no recorder) become null,
    with the current position computed again (an undated record is the oldest); an imported review
    date is `derived`, every other date `source`; the downgrade gives the placeholder back."""
    config = _config(scratch_url)
    command.upgrade(config, "0008")
    now = "2026-01-02 10:00:00"
    imported = "'Imported from upr-info (Noted)'"
    engine = create_engine(scratch_url)
    try:
        with engine.begin() as conn:
            for statement in (
                "INSERT INTO state (code, name, un_status) VALUES ('KOR', 'Republic of Korea', 'member')",
                "INSERT INTO cycle (number, start_year) VALUES (1, 2008)",
                "INSERT INTO upr_session (number, cycle_number, year) VALUES (2, 1, 2008)",
                "INSERT INTO review (id, state_code, session_number, adoption_date, created_at) "
                f"VALUES (1, 'KOR', 2, '2008-06-09', '{now}')",
                "INSERT INTO organisation (id, kind, state_code, name, is_active, created_at) "
                f"VALUES (1, 'government', 'KOR', 'Government', true, '{now}')",
                'INSERT INTO "user" (id, email, full_name, password_hash, organisation_id, is_admin, is_active, '
                f"created_at) VALUES (1, 'gov@kor.example.org', 'Gov', 'x', 1, false, true, '{now}')",
            ):
                conn.exec_driver_sql(statement)
            for rec_id in (1, 2, 3):
                conn.exec_driver_sql(
                    "INSERT INTO recommendation (id, review_id, text, external_key, current_position, created_at, "
                    f"updated_at) VALUES ({rec_id}, 1, 'Text {rec_id}', 'k{rec_id}', 'noted', '{now}', '{now}')"
                )
            positions = (
                # id, recommendation, position, date, explanation, recorder
                (1, 1, "supported", "2008-06-09", imported, "NULL"),  # the review's adoption date: derived
                (2, 2, "supported", "2008-06-01", "'Supported at the dialogue.'", "1"),  # the government's
                (3, 2, "noted", "2010-01-01", imported, "NULL"),  # the placeholder: current only by it
                (4, 3, "noted", "2012-01-01", "'Noted on 1 January, says the state'", "1"),  # a real 1 January
            )
            for pid, rec_id, kind, day, explanation, recorder in positions:
                conn.exec_driver_sql(
                    'INSERT INTO "position" (id, recommendation_id, position, date, explanation, recorded_by_user_id, '
                    f"recorded_at) VALUES ({pid}, {rec_id}, '{kind}', '{day}', {explanation}, {recorder}, '{now}')"
                )

        command.upgrade(config, "0009")
        with engine.connect() as conn:
            dated = conn.exec_driver_sql('SELECT id, date, date_origin FROM "position" ORDER BY id').all()
            current = conn.exec_driver_sql("SELECT id, current_position FROM recommendation ORDER BY id").all()
        assert [(pid, str(day) if day else None, origin) for pid, day, origin in dated] == [
            (1, "2008-06-09", "derived"),
            (2, "2008-06-01", "source"),
            (3, None, None),
            (4, "2012-01-01", "source"),
        ]
        # Recommendation 2: the government's dated record is now later than the undated import.
        assert current == [(1, "noted"), (2, "supported"), (3, "noted")]

        command.downgrade(config, "0008")
        with engine.connect() as conn:
            assert str(conn.exec_driver_sql('SELECT date FROM "position" WHERE id = 3').scalar_one()) == "2008-01-01"
    finally:
        engine.dispose()


def test_0010_merges_todays_duplicates_into_the_vocabulary_without_losing_a_link(scratch_url: str) -> None:
    """Themes and groups the crosswalk maps are merged into their canonical entry (links re-pointed, a pair
    held twice kept once, old names kept as synonyms); what it does not know stays; every distinct
    (recommendation, canonical entry) pair is still there. The downgrade drops the new tables and columns."""
    config = _config(scratch_url)
    command.upgrade(config, "0009")
    now = "2026-01-02 10:00:00"
    themes = (  # id, name, code: the old duplicates as the importer and the demo seed made them
        (1, "Participation of women in political and public life", "'F14'"),
        (2, "Participation of women in political & public life", "NULL"),
        (3, "NHRI", "NULL"),
        (4, "National Human Rights Institution (NHRI)", "NULL"),
        (5, "Other", "NULL"),
        (6, "Death penalty", "NULL"),
        (7, "An admin's theme", "NULL"),
    )
    theme_links = {1: (1, 2, 3), 2: (2, 4, 5, 7), 3: (6, 4)}
    groups = ((1, "Women"), (2, "girls"), (3, "Women and girls"), (4, "Sex workers"))
    group_links = {1: (1, 3), 2: (2, 3, 4), 3: (3,)}
    canonical = {1: "F14", 2: "F14", 3: "A45", 4: "A45", 5: "Other", 6: "D23", 7: "An admin's theme"}
    canonical_group = {1: "women", 2: "girls", 3: "women", 4: "Sex workers"}
    engine = create_engine(scratch_url)
    try:
        with engine.begin() as conn:
            for statement in (
                "INSERT INTO state (code, name, un_status) VALUES ('USA', 'United States of America', 'member')",
                "INSERT INTO cycle (number, start_year) VALUES (1, 2008)",
                "INSERT INTO upr_session (number, cycle_number, year) VALUES (9, 1, 2010)",
                f"INSERT INTO review (id, state_code, session_number, created_at) VALUES (1, 'USA', 9, '{now}')",
                "INSERT INTO submission (id, review_id, title, cited_in_summary, created_at) "
                f"VALUES (1, 1, 'A joint submission', false, '{now}')",
            ):
                conn.exec_driver_sql(statement)
            for theme_id, name, code in themes:
                quoted = name.replace("'", "''")
                conn.exec_driver_sql(f"INSERT INTO theme (id, name, code) VALUES ({theme_id}, '{quoted}', {code})")
            for group_id, name in groups:
                conn.exec_driver_sql(f"INSERT INTO affected_person (id, name) VALUES ({group_id}, '{name}')")
            conn.exec_driver_sql("INSERT INTO submission_theme (submission_id, theme_id) VALUES (1, 2), (1, 4)")
            if conn.dialect.name == "postgresql":  # rows given their ids: the sequences move past them
                for table in ("theme", "affected_person"):
                    conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)")
            for rec_id in theme_links:
                conn.exec_driver_sql(
                    "INSERT INTO recommendation (id, review_id, text, external_key, created_at, updated_at) "
                    f"VALUES ({rec_id}, 1, 'Text {rec_id}', 'k{rec_id}', '{now}', '{now}')"
                )
                for theme_id in theme_links[rec_id]:
                    conn.exec_driver_sql(
                        f"INSERT INTO recommendation_theme (recommendation_id, theme_id) VALUES ({rec_id}, {theme_id})"
                    )
                for group_id in group_links[rec_id]:
                    conn.exec_driver_sql(
                        "INSERT INTO recommendation_affected_person (recommendation_id, affected_person_id) "
                        f"VALUES ({rec_id}, {group_id})"
                    )
        before = {(r, canonical[t]) for r, ts in theme_links.items() for t in ts}
        before_groups = {(r, canonical_group[g]) for r, gs in group_links.items() for g in gs}

        command.upgrade(config, "0010")
        with engine.connect() as conn:
            key = "COALESCE(t.code, t.name)"
            after = set(
                conn.exec_driver_sql(
                    f"SELECT l.recommendation_id, {key} FROM recommendation_theme l JOIN theme t ON t.id = l.theme_id"
                ).all()
            )
            after_groups = set(
                conn.exec_driver_sql(
                    f"SELECT l.recommendation_id, {key} FROM recommendation_affected_person l "
                    "JOIN affected_person t ON t.id = l.affected_person_id"
                ).all()
            )
            links = conn.exec_driver_sql("SELECT count(*) FROM recommendation_theme").scalar_one()
            submission = set(
                conn.exec_driver_sql(
                    "SELECT t.code FROM submission_theme s JOIN theme t ON t.id = s.theme_id WHERE s.submission_id = 1"
                ).scalars()
            )
            names: dict[str, str | None] = dict(
                conn.exec_driver_sql("SELECT name, code FROM theme WHERE id IN (1, 5, 6, 7)").all()
            )
            synonyms = set(conn.exec_driver_sql("SELECT source, label FROM theme_synonym").all())
            group_synonyms = set(conn.exec_driver_sql("SELECT source, label FROM affected_person_synonym").all())
            girls_parent = conn.exec_driver_sql(
                "SELECT p.code FROM affected_person g JOIN affected_person p ON p.id = g.parent_id "
                "WHERE g.code = 'girls'"
            ).scalar_one()
            themes_left = conn.exec_driver_sql("SELECT count(*) FROM theme").scalar_one()
        assert after == before and links == len(before) == 8  # rec 1's two F14 rows are one link now
        assert after_groups == before_groups
        assert submission == {"F14", "A45"}
        # Row 1 held F14 and stays (renamed to the canonical name); Other and an admin's theme stay as they were.
        assert names == {
            "Participation of women in political and public life": "F14",
            "Other": None,
            "An admin's theme": None,
            "Death penalty": "D23",
        }
        assert {("ohchr-matrix", "Participation of women in political & public life"), ("upr-info", "NHRI")} <= synonyms
        assert ("dihr", "Women and girls") in group_synonyms and girls_parent == "women"
        assert themes_left == 144 + 2  # the canonical themes, Other and the admin's

        command.downgrade(config, "0009")
        assert "theme_synonym" not in _table_names(scratch_url)
        with engine.connect() as conn:  # the merge stays: the canonical rows remain, without group codes
            assert conn.exec_driver_sql("SELECT count(*) FROM theme").scalar_one() == themes_left
            assert "code" not in {c["name"] for c in inspect(conn).get_columns("affected_person")}
    finally:
        engine.dispose()
