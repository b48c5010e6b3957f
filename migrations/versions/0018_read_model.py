"""The recommendations' read model, the data version and the rows it must refresh (issue 15).

`derived_dirty` is filled by triggers on every table whose rows a recommendation's public JSON shows
(statement-level with transition tables on PostgreSQL, so a bulk insert costs one statement, not one per
row; row-level on SQLite, which has no other kind). The read model starts empty: reads build a missing
row on the fly, and `upr migrate` refreshes what is dirty after upgrading (every recommendation here).

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 08:00:00.000000
"""

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


@dataclass(frozen=True)
class Watch:
    """A table whose writes dirty derived rows: each mark is (kind, key, code), SQL expressions over one
    written row (`{r}` its prefix); an UPDATE counts only when one of `changed` differs (any column when
    empty). Marks name what changed, not the recommendations it shows in: the commit-time refresh expands
    them under its lock (`api/recommendations/derived.py`), so a recommendation linked concurrently by
    another transaction is not missed."""

    table: str
    key: str
    marks: tuple[tuple[str, str, str], ...]
    changed: tuple[str, ...] = ()
    on_insert_delete: bool = True


def _rec(column: str) -> tuple[str, str, str]:
    return ("recommendation", "{r}" + column, "NULL")


WATCHED = (
    Watch("recommendation", "id", (_rec("id"), ("review", "{r}review_id", "NULL"))),
    *(
        Watch(t, "recommendation_id", (_rec("recommendation_id"),))
        for t in (
            "recommending_state",
            "recommendation_theme",
            "recommendation_affected_person",
            "recommendation_sdg_target",
            "recommendation_source",
            "position",
        )
    ),
    Watch(
        "review",
        "id",
        (("review_recs", "{r}id", "NULL"),),
        changed=("state_code", "session_number"),
        on_insert_delete=False,
    ),
    Watch(
        "upr_session",
        "number",
        (("session", "{r}number", "NULL"),),
        changed=("cycle_number",),
        on_insert_delete=False,
    ),
    Watch("state", "code", (("state", "0", "{r}code"),), changed=("name", "regional_group"), on_insert_delete=False),
    Watch("theme", "id", (("theme", "{r}id", "NULL"),), changed=("name", "code", "parent_id"), on_insert_delete=False),
    Watch("affected_person", "id", (("group", "{r}id", "NULL"),), changed=("name",), on_insert_delete=False),
)
# Rows a filter names (`theme=…`, `state_under_review=…`) without any recommendation showing them: any
# write bumps the data version (kind `version`), so a cached page never outlives what its filters resolved to.
VERSIONED = (
    "state",
    "cycle",
    "upr_session",
    "review",
    "theme",
    "theme_synonym",
    "affected_person",
    "affected_person_synonym",
    "sdg_target",
)
# A theme moved in the hierarchy changes the tallies of every theme above it: everything is refreshed.
SQLITE_THEME_MOVED = (
    "INSERT INTO derived_dirty (kind, key) SELECT 'all', 0 WHERE OLD.parent_id IS NOT NEW.parent_id "
    "AND NOT EXISTS (SELECT 1 FROM derived_dirty WHERE kind = 'all');"
)
PG_THEME_MOVED = (
    "INSERT INTO derived_dirty (kind, key) SELECT DISTINCT 'all', 0 FROM new_rows n JOIN old_rows o "
    "ON o.id = n.id WHERE o.parent_id IS DISTINCT FROM n.parent_id;"
)


# No unique key, no conflict clause: a mark this transaction (or a committed one) already made is skipped by
# NOT EXISTS, which takes no lock. A unique key would make two transactions marking the same row wait for
# each other (and deadlock when they mark two in opposite orders), and inside a SQLite trigger the outer
# statement's conflict clause wins over the trigger's own (an importer's upsert made a duplicate an error).
def _sqlite_mark(kind: str, key: str, code: str, src: str) -> str:
    key, code = key.format(r=f"{src}."), code.format(r=f"{src}.")
    return (
        f"INSERT INTO derived_dirty (kind, key, code) SELECT '{kind}', {key}, {code} WHERE NOT EXISTS "
        f"(SELECT 1 FROM derived_dirty d WHERE d.kind = '{kind}' AND d.key = {key} AND d.code IS {code});"
    )


def _sqlite_ddl() -> list[str]:
    ddl = [
        f'CREATE TRIGGER derived_version_{table}_{event.lower()} AFTER {event} ON "{table}" '
        f"BEGIN {_sqlite_mark('version', '0', 'NULL', 'NEW')} END"
        for table in VERSIONED
        for event in ("INSERT", "UPDATE", "DELETE")
    ]
    for w in WATCHED:
        for event in ["INSERT", "DELETE", "UPDATE"] if w.on_insert_delete else ["UPDATE"]:
            sources = {"INSERT": ["NEW"], "DELETE": ["OLD"], "UPDATE": ["OLD", "NEW"]}[event]
            when = ""
            if event == "UPDATE" and w.changed:
                when = " WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in w.changed)
            statements = [_sqlite_mark(*mark, src) for src in sources for mark in w.marks]
            if w.table == "theme" and event == "UPDATE":
                statements.append(SQLITE_THEME_MOVED)
            ddl.append(
                f'CREATE TRIGGER derived_dirty_{w.table}_{event.lower()} AFTER {event} ON "{w.table}"{when} '
                f"BEGIN {' '.join(statements)} END"
            )
    return ddl


def _pg_insert(w: Watch, rows: str) -> str:
    marks = " UNION ".join(
        f"SELECT '{kind}'::text AS kind, {key.format(r='r.')}::bigint AS key, {code.format(r='r.')}::text AS code "
        f"FROM {rows} r"
        for kind, key, code in w.marks
    )
    # One statement's marks, distinct; repeats across statements are left for the refresh to read distinct:
    # a NOT EXISTS over a table growing inside one import's transaction (no statistics) plans as a scan per
    # row, quadratic over a whole file.
    return f"INSERT INTO derived_dirty (kind, key, code) SELECT DISTINCT s.kind, s.key, s.code FROM ({marks}) s;"


def _pg_ddl() -> list[str]:
    ddl = [
        "CREATE FUNCTION derived_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "INSERT INTO derived_dirty (kind, key) VALUES ('version', 0); RETURN NULL; END $$",
        *(
            f'CREATE TRIGGER derived_version_{table} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION derived_version()"
            for table in VERSIONED
        ),
    ]
    for w in WATCHED:
        if w.changed:
            differs = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in w.changed)
            changed_new = f"(SELECT n.* FROM new_rows n JOIN old_rows o ON o.{w.key} = n.{w.key} WHERE {differs})"
            changed_old = f"(SELECT o.* FROM new_rows n JOIN old_rows o ON o.{w.key} = n.{w.key} WHERE {differs})"
        else:
            changed_new, changed_old = "new_rows", "old_rows"
        on_update = _pg_insert(w, changed_new) + " " + _pg_insert(w, changed_old)
        if w.table == "theme":
            on_update += " " + PG_THEME_MOVED
        body = f"IF TG_OP = 'UPDATE' THEN {on_update}"
        if w.on_insert_delete:
            body += f" ELSIF TG_OP = 'INSERT' THEN {_pg_insert(w, 'new_rows')} ELSE {_pg_insert(w, 'old_rows')}"
        body += " END IF; RETURN NULL;"
        ddl.append(
            f"CREATE FUNCTION derived_dirty_{w.table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} END $$"
        )
        events = {"update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"}
        if w.on_insert_delete:
            events |= {"insert": "REFERENCING NEW TABLE AS new_rows", "delete": "REFERENCING OLD TABLE AS old_rows"}
        for event, referencing in events.items():
            ddl.append(
                f'CREATE TRIGGER derived_dirty_{w.table}_{event} AFTER {event.upper()} ON "{w.table}" {referencing} '
                f"FOR EACH STATEMENT EXECUTE FUNCTION derived_dirty_{w.table}()"
            )
    return ddl


def upgrade() -> None:
    op.create_table(
        "recommendation_read",
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("recommendation_id"),
    )
    op.create_table(
        "derived_dirty",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_derived_dirty_kind_key", "derived_dirty", ["kind", "key"])
    op.create_table(
        "data_version",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope"),
    )
    op.execute("INSERT INTO data_version (scope, version) VALUES ('recommendations', 1)")
    for statement in _pg_ddl() if op.get_bind().dialect.name == "postgresql" else _sqlite_ddl():
        op.execute(statement)
    # Everything is to be built: reads build missing rows meanwhile, `upr migrate` refreshes after upgrading.
    op.execute("INSERT INTO derived_dirty (kind, key) VALUES ('all', 0)")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in VERSIONED:
        if postgresql:
            op.execute(f'DROP TRIGGER IF EXISTS derived_version_{table} ON "{table}"')
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS derived_version_{table}_{event}")
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS derived_version()")
    for w in WATCHED:
        events = ["insert", "delete", "update"] if w.on_insert_delete else ["update"]
        for event in events:
            name = f"derived_dirty_{w.table}_{event}"
            op.execute(
                f'DROP TRIGGER IF EXISTS {name} ON "{w.table}"' if postgresql else f"DROP TRIGGER IF EXISTS {name}"
            )
        if postgresql:
            op.execute(f"DROP FUNCTION IF EXISTS derived_dirty_{w.table}()")
    op.drop_table("data_version")
    op.drop_table("derived_dirty")
    op.drop_table("recommendation_read")
