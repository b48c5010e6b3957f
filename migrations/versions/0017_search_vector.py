"""Search on PostgreSQL: a stored tsvector of one shared tokenisation, with its GIN index (issue 15).

Until now PostgreSQL searched `to_tsvector('english', text)` through an expression index, and
ranking re-parsed every matching text. Now `recommendation.search_vector` holds the vector, kept by
a trigger (every writer, Core bulk inserts included, gets it without a Python step), under the GIN
index `ix_recommendation_text_search`; ranking reads the stored vector.

The tokenisation follows SQLite's FTS5 `porter unicode61 remove_diacritics 2` (migration 0002)
as closely as two engines allow:
- every run of characters that are neither letters nor digits is a separator, before PostgreSQL's
  parser sees the text, so `A/HRC/43/15` is a, hrc, 43, 15 and `16.10` is 16, 10 (the parser would
  otherwise keep a file path and a float whole); the character classes are ICU's when the server
  has ICU (it does on Debian), so the cut does not depend on the database's locale;
- accents are folded by the `unaccent` dictionary, then words are stemmed by Snowball's `porter`
  (the original Porter algorithm, FTS5's), not `english` (Porter2): `dying` is `dy` on both;
- English stop words are dropped (the query side drops the same list, api/recommendations/search.py).
The text search configuration is `upr_english`; the query side parses with it too.

SQLite keeps its FTS5 table, whose tokenizer already folds accents on both the text and the query.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 08:00:00.000000
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONFIG = "upr_english"
INDEX = "ix_recommendation_text_search"


def _collation() -> str:
    """ICU's root collation when the server has ICU: `[:alnum:]` then means Unicode letters and digits
    whatever the database's locale (a `C` database would otherwise count no accented letter)."""
    found = op.get_bind().execute(text("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'")).first()
    return '"und-x-icu"' if found else '"default"'


def _require_unaccent() -> None:
    """A clear stop, before anything changed, where `unaccent` (PostgreSQL's contrib, in Debian's postgresql
    package) is missing or this role may not create it: an administrator runs `CREATE EXTENSION unaccent`
    once, then the migration goes on."""
    bind = op.get_bind()
    if bind.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).first():
        return
    if not bind.execute(text("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")).first():
        raise RuntimeError(
            "Migration 0017 needs PostgreSQL's `unaccent` extension, which this server does not have: install "
            "PostgreSQL's contrib modules (Debian: part of postgresql-NN) and run the migration again."
        )
    if not bind.execute(text("SELECT has_database_privilege(current_database(), 'CREATE')")).scalar_one():
        raise RuntimeError(
            "Migration 0017 needs PostgreSQL's `unaccent` extension and this role may not create it: have an "
            "administrator run `CREATE EXTENSION unaccent;` in this database, then run the migration again."
        )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _require_unaccent()
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    # Its dictionary by its schema (regnamespace's text is quoted as needed), wherever it was installed.
    schema_of_unaccent = "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
    unaccent = op.get_bind().execute(text(schema_of_unaccent)).scalar_one()
    op.execute(
        f"CREATE TEXT SEARCH DICTIONARY {CONFIG}_porter (TEMPLATE = snowball, LANGUAGE = porter, STOPWORDS = english)"
    )
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)")
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
        f"ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH {CONFIG}_porter"
    )
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
        f"ALTER MAPPING FOR word, hword, hword_part WITH {unaccent}.unaccent, {CONFIG}_porter"
    )
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
        f"ALTER MAPPING FOR numword, numhword, hword_numpart WITH {unaccent}.unaccent, simple"
    )
    # One function for the trigger and the backfill: what a text is searched as.
    op.execute(
        "CREATE FUNCTION recommendation_search_vector(body text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsvector('{CONFIG}'::regconfig, "
        f"regexp_replace(body COLLATE {_collation()}, '[^[:alnum:]]+', ' ', 'g')) $$"
    )
    op.execute(
        "CREATE FUNCTION recommendation_search_vector_keep() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.search_vector := recommendation_search_vector(NEW.text); RETURN NEW; END $$"
    )
    op.execute("ALTER TABLE recommendation ADD COLUMN search_vector tsvector")
    op.execute("UPDATE recommendation SET search_vector = recommendation_search_vector(text)")
    op.execute("ALTER TABLE recommendation ALTER COLUMN search_vector SET NOT NULL")
    # A trigger, not a generated column: PostgreSQL 15 recomputes a stored generated column on every
    # UPDATE of the row (a position, a category), this only when the text changes.
    op.execute(
        "CREATE TRIGGER recommendation_search_vector_insert BEFORE INSERT ON recommendation "
        "FOR EACH ROW EXECUTE FUNCTION recommendation_search_vector_keep()"
    )
    op.execute(
        "CREATE TRIGGER recommendation_search_vector_update BEFORE UPDATE OF text, search_vector ON recommendation "
        "FOR EACH ROW EXECUTE FUNCTION recommendation_search_vector_keep()"
    )
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")  # 0002's expression index, replaced by the column's
    op.execute(f"CREATE INDEX {INDEX} ON recommendation USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
    for trigger in ("insert", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS recommendation_search_vector_{trigger} ON recommendation")
    op.execute("ALTER TABLE recommendation DROP COLUMN IF EXISTS search_vector")
    op.execute("DROP FUNCTION IF EXISTS recommendation_search_vector_keep()")
    op.execute("DROP FUNCTION IF EXISTS recommendation_search_vector(text)")
    op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    op.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {CONFIG}_porter")
    # The extension stays: it may have been there before 0017 (an administrator's), and it harms nothing.
    op.execute(f"CREATE INDEX {INDEX} ON recommendation USING gin (to_tsvector('english', text))")  # 0002's
