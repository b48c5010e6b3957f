"""The importer writes set-based (api/imports/stored.py): a statement per table and chunk, never one per row,
no ORM object per row, and a stored recommendation's UPDATE names only the columns a source changed."""

import math
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from api.audit.models import AuditEntry
from api.imports.pipeline import CHUNK, Pipeline
from api.imports.records import ImportFormat, ImportRecord, ImportReport, ThemeLabel
from api.recommendations.models import (
    Position,
    PositionKind,
    Recommendation,
    RecommendationSource,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
    VoluntaryPledge,
)
from tests.cycle_factories import create_sdg_target
from tests.factories import create_state

STATES = ("KOR", "FRA", "DEU", "MEX")


@pytest.fixture
def states(session: Session) -> None:
    for code in STATES:
        create_state(session, code)
    create_sdg_target(session, "16.10")


def record(line: int, text: str, by: str = "FRA", fmt: ImportFormat = ImportFormat.upr_info, **kw: Any) -> ImportRecord:
    values: dict[str, Any] = {
        "line": line,
        "source": fmt,
        "state_under_review": "KOR",
        "text": text,
        "recommending_states": [by],
        "key_parts": (text,),
        "session": 14,
        "position": PositionKind.noted,
        "position_label": "Noted",
        "themes": [ThemeLabel("Disabilities")],
    }
    return ImportRecord(**(values | kw))


def run(session: Session, items: list[ImportRecord], fmt: ImportFormat = ImportFormat.upr_info) -> ImportReport:
    return Pipeline(session, fmt, source_name=f"{fmt.value}.csv").run(items)


class Statements:
    """The SQL the session's connection sends, as (statement, executemany) pairs."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, many: bool) -> None:
        self.seen.append((" ".join(statement.split()), many))

    def into(self, table: str) -> int:
        return sum(1 for sql, _ in self.seen if sql.startswith(f"INSERT INTO {table} "))

    def updating(self, table: str) -> list[str]:
        return [sql for sql, _ in self.seen if sql.startswith(f"UPDATE {table} ")]


def set_clause(update: str) -> list[str]:
    """The columns an UPDATE assigns."""
    assigned = update.split(" SET ")[1].split(" WHERE ")[0]
    return sorted(part.split("=")[0].strip() for part in assigned.split(","))


@pytest.fixture
def statements(session: Session) -> Iterator[Statements]:
    connection = session.connection()
    assert isinstance(connection, Connection)
    seen = Statements()
    event.listen(connection, "before_cursor_execute", seen)
    yield seen
    event.remove(connection, "before_cursor_execute", seen)


def test_a_file_of_several_chunks_costs_statements_per_chunk_not_per_row(
    session: Session, states: None, statements: Statements
) -> None:
    # Joint rows (two states each), a theme and a position: every table the writer fills, in 3 chunks.
    rows = [record(2 + i, f"Adopt measure number {i // 2} on disability", by=STATES[1 + i % 2]) for i in range(1_100)]
    report = run(session, rows)
    chunks = math.ceil(len(rows) / CHUNK)
    assert (report.inserted, report.rows) == (550, 1_100)
    assert statements.into("recommendation") == chunks  # one multi-row INSERT … RETURNING per chunk
    for table in ("recommending_state", "recommendation_theme", "position", "recommendation_source"):
        assert 1 <= statements.into(table) <= 2 * chunks, table  # one per chunk (a driver may page one in two)
    # The whole file, reads included (the vocabulary an empty database gets once aside): nothing per row.
    assert len([sql for sql, _ in statements.seen if "recommendation" in sql or "position" in sql]) < 10 * chunks
    assert not statements.updating("recommendation")  # new records go in with their final values
    stored = session.exec(select(Recommendation).where(col(Recommendation.text).startswith("Adopt measure"))).all()
    assert len(stored) == 550 and all(r.current_position is PositionKind.noted for r in stored)
    assert len(session.exec(select(RecommendingState)).all()) == 1_100
    assert len(session.exec(select(Position)).all()) == 550


def test_the_writer_builds_no_model_object_per_row(session: Session, states: None) -> None:
    built: Counter[str] = Counter()

    def count(target: Any, _args: Any, _kwargs: Any) -> None:
        built[type(target).__name__] += 1

    models = (Recommendation, Position, RecommendingState, RecommendationSource, VoluntaryPledge)
    for model in models:
        event.listen(model, "init", count)
    try:
        pledge = record(99, "We pledge to report on time", is_pledge=True)
        run(session, [*(record(2 + i, f"Protect the rights of group {i}") for i in range(40)), pledge])
    finally:
        for model in models:
            event.remove(model, "init", count)
    assert not built, built
    assert len(session.exec(select(Recommendation.id)).all()) == 40  # …and yet the rows are there


def test_an_import_leaves_one_audit_entry_and_none_per_row(session: Session, states: None) -> None:
    before = session.exec(select(AuditEntry.id)).all()
    run(session, [record(2 + i, f"Ensure access to justice {i}") for i in range(30)])
    new = session.exec(select(AuditEntry).where(col(AuditEntry.id).not_in(before))).all()
    assert [(e.entity, e.entity_id) for e in new] == [("import", "upr-info.csv")]
    assert new[0].changes == {"format": "upr-info", **run_counts(inserted=30, rows=30)}


def run_counts(**counts: int) -> dict[str, int]:
    return {"rows": 0, "inserted": 0, "updated": 0, "merged": 0, "unchanged": 0, "pledges": 0, "rejected": 0} | counts


def test_a_merge_updates_only_the_columns_the_second_source_changed(
    session: Session, states: None, statements: Statements
) -> None:
    text = "Guarantee the independence of the judiciary"
    run(session, [record(2, text)])
    rec = session.exec(select(Recommendation).where(Recommendation.text == text)).one()
    rec.action_category, rec.action_category_origin = 2, TagOrigin.inferred  # a classifier's guess
    rec.action_category_confidence, rec.action_category_model_version = 0.7, "m1"
    rec.updated_at = datetime(2020, 1, 1, tzinfo=UTC)
    session.add(rec)
    session.flush()
    session.expunge(rec)
    statements.seen.clear()

    dihr = record(
        5,
        text,
        fmt=ImportFormat.dihr,
        paragraph="121.4",
        source_document="A/HRC/40/13",
        action_category=4,
        sdg_targets=["16.10"],
    )
    report = run(session, [dihr], ImportFormat.dihr)

    assert report.merged == 1
    (update,) = statements.updating("recommendation")
    assert set_clause(update) == sorted(
        [
            "action_category",
            "action_category_confidence",
            "action_category_model_version",
            "action_category_origin",
            "paragraph",
            "source_document",
            "sources",
            "updated_at",
        ]
    )
    merged = session.exec(select(Recommendation).where(Recommendation.text == text)).one()
    assert (merged.paragraph, merged.source_document, merged.action_category) == ("121.4", "A/HRC/40/13", 4)
    assert merged.action_category_origin is TagOrigin.source and merged.action_category_confidence is None
    assert merged.action_category_model_version is None and merged.sources == ["upr-info", "dihr"]
    assert merged.updated_at > datetime(2020, 1, 1, tzinfo=UTC)
    assert merged.current_position is PositionKind.noted  # the same position: not recorded twice
    publishers = session.exec(
        select(RecommendationSource.publisher).where(RecommendationSource.recommendation_id == merged.id)
    ).all()
    assert sorted(publishers) == [ImportFormat.dihr, ImportFormat.upr_info]


def test_a_reimport_sends_no_update_and_no_insert_but_the_sources_refresh(
    session: Session, states: None, statements: Statements
) -> None:
    rows = [record(2 + i, f"Combat trafficking in persons {i}") for i in range(10)]
    run(session, rows)
    statements.seen.clear()
    report = run(session, rows)
    assert (report.unchanged, report.inserted, report.updated) == (10, 0, 0)
    assert not statements.updating("recommendation")
    assert [statements.into(t) for t in ("recommendation", "recommending_state", "position")] == [0, 0, 0]
    assert statements.into("recommendation_source") == 1  # the upsert that refreshes the file's rows


def test_a_later_chunk_moves_the_position_of_a_record_an_earlier_chunk_inserted(
    session: Session, states: None, statements: Statements
) -> None:
    """A record inserted in one chunk and given a new position in the next: one UPDATE of that column."""
    text = "Abolish the death penalty"
    filler = [record(3 + i, f"Filler recommendation {i}") for i in range(CHUNK - 1)]
    later = record(
        9_999, text, by="DEU", position=PositionKind.supported, position_label="Accepted", position_date=None
    )
    run(session, [record(2, text), *filler, later])
    (update,) = statements.updating("recommendation")
    assert set_clause(update) == ["current_position"]
    rec = session.exec(select(Recommendation).where(Recommendation.text == text)).one()
    assert rec.current_position is PositionKind.supported
    history = session.exec(select(Position.position).where(Position.recommendation_id == rec.id)).all()
    assert sorted(history) == [PositionKind.noted, PositionKind.supported]
    by = session.exec(select(RecommendingState.state_code).where(RecommendingState.recommendation_id == rec.id))
    assert set(by) == {"FRA", "DEU"}
    themes = session.exec(select(RecommendationTheme).where(RecommendationTheme.recommendation_id == rec.id)).all()
    assert [t.origin for t in themes] == [TagOrigin.source]


def test_pledges_are_found_by_one_query_and_a_repeated_one_is_unchanged(session: Session, states: None) -> None:
    pledge = record(2, "We pledge to ratify the CRPD", is_pledge=True)
    report = run(session, [pledge, record(3, "We pledge to ratify the CRPD", is_pledge=True)])
    assert (report.pledges, report.unchanged) == (2, 1)
    again = run(session, [pledge])
    assert (again.pledges, again.unchanged) == (1, 1)
    (stored,) = session.exec(select(VoluntaryPledge)).all()
    assert stored.themes == ["Disabilities"] and stored.external_key.startswith("pledge:KOR:c2:")
