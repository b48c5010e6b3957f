"""The importer's statements: Core, set-based, one per table and chunk, no ORM object per row.

The writer (`writer.RecordWriter`) decides what a chunk changes; this module reads what the database
holds (`load_recommendations`, `load_links`, `load_history`) and writes the chunk back: new
recommendations with one multi-row `INSERT … RETURNING id` (SQLAlchemy's "insertmanyvalues" batches
it on SQLite and PostgreSQL), changed ones with one executemany UPDATE per set of changed columns,
links and positions with one executemany INSERT per table, sources with one executemany upsert (the
driver's batch: measured faster, on both engines, than the multi-row VALUES a RETURNING would bring,
with the read model's triggers in place). None of these go
through the ORM unit of work, so the audit listener (`api.audit.listener`) sees none of them: an import
writes the one audit entry the pipeline adds, as it did when the ORM flushed these rows under
`audit_bulk`. Database triggers (the read model's `derived_dirty`) fire as for any other write.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Insert
from sqlmodel import Session, SQLModel

from api.recommendations.models import (
    Position,
    PositionKind,
    Recommendation,
    RecommendationSource,
    TagOrigin,
    VoluntaryPledge,
)
from api.recommendations.policy import history_order

IN_BATCH = 5_000  # ids per IN (...) list: well under every database's bound on parameters

# The columns an import may change on a stored recommendation (`Stored.change`), besides `updated_at`.
MUTABLE = (
    "paragraph",
    "action_category",
    "action_category_origin",
    "action_category_confidence",
    "action_category_model_version",
    "source_document",
    "current_position",
    "sources",
)


def table_of(model: type[SQLModel]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table), "a table model maps one table"
    return table


RECOMMENDATION = table_of(Recommendation)


def batches(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), IN_BATCH):
        yield values[i : i + IN_BATCH]


@dataclass(eq=False, slots=True)
class Stored:
    """A recommendation's columns as the run knows them: as stored, or as they will be inserted. What an
    import changes on a stored one is named in `changed`, for `update_changed`."""

    text: str
    external_key: str
    review_id: int
    paragraph: str | None = None
    action_category: int | None = None
    action_category_origin: TagOrigin | None = None
    action_category_confidence: float | None = None
    action_category_model_version: str | None = None
    source_document: str | None = None
    current_position: PositionKind | None = None
    sources: list[str] | None = None
    updated_at: datetime | None = None  # not read: set (and written) when a source changes a scalar
    changed: set[str] = field(default_factory=set)

    def change(self, column: str, value: Any) -> None:
        if getattr(self, column) != value:
            setattr(self, column, value)
            self.changed.add(column)


def load_recommendations(session: Session, where: Iterable[Any]) -> list[tuple[int, Stored]]:
    """The recommendations matching each clause in `where` (a row matched twice comes once), with the
    columns an import reads and may change."""
    t = RECOMMENDATION
    columns = [t.c.id, t.c.text, t.c.external_key, t.c.review_id, *(t.c[name] for name in MUTABLE)]
    found: dict[int, Stored] = {}
    for clause in where:
        for row in session.execute(select(*columns).where(clause)):
            values = row._mapping
            if values["id"] not in found:
                found[values["id"]] = Stored(**{k: v for k, v in values.items() if k != "id"})
    return list(found.items())


def load_links(session: Session, model: Any, column: Any, ids: Sequence[int]) -> dict[int, set[Any]]:
    """Each recommendation's source links of one kind (a classifier's guess is not one: `inferred`)."""
    out: dict[int, set[Any]] = {i: set() for i in ids}
    for batch in batches(ids):
        stmt = select(model.recommendation_id, column).where(model.recommendation_id.in_(batch))
        if hasattr(model, "origin"):
            stmt = stmt.where(model.origin == TagOrigin.source)
        for rec_id, value in session.execute(stmt):
            out[rec_id].add(value)
    return out


def load_source_texts(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """The texts other files gave each recommendation (its sources' text keys find it too)."""
    texts: dict[int, list[str]] = {i: [] for i in ids}
    source = table_of(RecommendationSource)
    for batch in batches(ids):
        stmt = select(source.c.recommendation_id, source.c.text).where(
            source.c.recommendation_id.in_(batch), source.c.text.is_not(None)
        )
        for rec_id, text in session.execute(stmt):
            texts[rec_id].append(text)
    return texts


def load_history(session: Session, ids: Sequence[int]) -> dict[int, list[tuple[str, date | None, str | None]]]:
    """Each recommendation's positions, oldest first (`history_order`): (position, date, source)."""
    history: dict[int, list[tuple[str, date | None, str | None]]] = {i: [] for i in ids}
    t = table_of(Position)
    for batch in batches(ids):
        stmt = (
            select(t.c.recommendation_id, t.c.position, t.c.date, t.c.source_document)
            .where(t.c.recommendation_id.in_(batch))
            .order_by(*history_order(t.c.date, t.c.id))
        )
        for rec_id, position, when, source in session.execute(stmt):
            history[rec_id].append((PositionKind(position).value, when, source))
    return history


def insert_recommendations(session: Session, rows: list[Stored], now: datetime) -> list[int]:
    """New recommendations, one multi-row INSERT … RETURNING; their ids in the order given (matched by
    external key, unique: no reliance on the order a database returns rows in)."""
    if not rows:
        return []
    t = RECOMMENDATION
    values = [
        {
            "review_id": s.review_id,
            "text": s.text,
            "external_key": s.external_key,
            **{name: getattr(s, name) for name in MUTABLE},
            "created_at": now,
            "updated_at": now,
        }
        for s in rows
    ]
    ids = {key: rec_id for rec_id, key in session.execute(t.insert().returning(t.c.id, t.c.external_key), values)}
    for s in rows:
        s.changed.clear()
    return [ids[s.external_key] for s in rows]


def update_changed(session: Session, rows: Iterable[tuple[int, Stored]]) -> None:
    """The changed columns of stored recommendations: one executemany UPDATE per set of columns (a
    chunk has a handful: a merge adds a source, a position moves, a gap is filled)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for rec_id, s in rows:
        if s.changed:
            columns = tuple(sorted(s.changed))
            groups.setdefault(columns, []).append({"b_id": rec_id, **{c: getattr(s, c) for c in columns}})
            s.changed.clear()
    t = RECOMMENDATION
    for columns, params in groups.items():
        stmt = update(t).where(t.c.id == bindparam("b_id")).values({c: bindparam(c) for c in columns})
        session.execute(stmt, params)


def source_upsert(session: Session) -> Insert:
    """INSERT of source rows that refreshes the row a previous import of the same file wrote."""
    dialect = session.get_bind().dialect.name
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table_of(RecommendationSource))
    refreshed = ("line", "paragraph", "import_job_id", "imported_at", "text", "note")
    return stmt.on_conflict_do_update(
        index_elements=["recommendation_id", "publisher", "file_name"],
        set_={name: stmt.excluded[name] for name in refreshed},
    )


def stored_pledge_keys(session: Session, keys: Sequence[str]) -> set[str]:
    t = table_of(VoluntaryPledge)
    found: set[str] = set()
    for batch in batches(keys):
        found.update(session.execute(select(t.c.external_key).where(t.c.external_key.in_(batch))).scalars())
    return found
