"""The shared import pipeline, fed synthetic records (the readers have their own tests)."""

from datetime import date

import pytest
from sqlmodel import Session, col, func, select

from api.audit.models import AuditEntry
from api.imports.pipeline import Pipeline, StrictStop
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.models import (
    Position,
    PositionKind,
    Recommendation,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    VoluntaryPledge,
)
from tests.cycle_factories import create_sdg_target
from tests.factories import create_state

TEXT = "Ratify the Optional Protocol to the Convention on the Rights of Persons with Disabilities."


@pytest.fixture
def states(session: Session) -> None:
    for code in ("KOR", "FRA", "DEU", "MEX", "SVN"):
        create_state(session, code)
    create_sdg_target(session, "16.10")
    create_sdg_target(session, "10.2")


def record(line=2, fmt=ImportFormat.upr_info, text=TEXT, by=("FRA",), **kw) -> ImportRecord:
    base = dict(
        line=line,
        source=fmt,
        state_under_review="KOR",
        text=text,
        recommending_states=list(by),
        key_parts=(text,),
        session=14,
        position=PositionKind.noted,
        position_label="Noted",
    )
    return ImportRecord(**{**base, **kw})


def run(session, items, fmt=ImportFormat.upr_info, **kw):
    return Pipeline(session, fmt, **kw).run(items)


def count(session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def test_joint_rows_become_one_recommendation_with_all_its_states(session, states):
    report = run(session, [record(2, by=("FRA",)), record(3, by=("DEU",)), record(4, by=("MEX",))])
    assert (report.rows, report.inserted, report.updated, report.unchanged) == (3, 1, 0, 0)
    (rec,) = session.exec(select(Recommendation))
    assert set(session.exec(select(RecommendingState.state_code))) == {"FRA", "DEU", "MEX"}
    assert rec.sources == ["upr-info"] and rec.current_position is PositionKind.noted
    assert rec.external_key.startswith("KOR:c2:")  # session 14 is in cycle 2


def test_reimport_changes_nothing_and_writes_nothing(session, states):
    rows = [record(2, by=("FRA",), themes=[ThemeLabel("Disabilities")]), record(3, by=("DEU",))]
    run(session, rows)
    audited = count(session, AuditEntry)
    again = run(session, rows)
    assert (again.inserted, again.updated, again.unchanged, again.merged) == (0, 0, 1, 0)
    # Nothing written but the import's own audit entry, which records that nothing changed.
    assert count(session, AuditEntry) == audited + 1
    entry = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.entity, entry.changes["inserted"], entry.changes["unchanged"]) == ("import", 0, 1)
    assert count(session, Recommendation) == 1 and count(session, Position) == 1


def test_a_changed_position_appends_to_the_history_with_its_source(session, states):
    run(session, [record(position_source="A/HRC/22/12/Add.1")])
    later = record(position=PositionKind.supported, position_label="Supported", year=2022, position_source="A/HRC/50/1")
    report = run(session, [later], ImportFormat.upr_info)
    assert report.updated == 1
    history = session.exec(select(Position).order_by(Position.id)).all()
    assert [(p.position, p.source_document, p.date) for p in history] == [
        (PositionKind.noted, "A/HRC/22/12/Add.1", None),  # neither source dates it: unknown, not 1 January
        (PositionKind.supported, "A/HRC/50/1", None),
    ]
    assert session.exec(select(Recommendation)).one().current_position is PositionKind.supported


def test_a_second_source_merges_and_adds_what_it_knows(session, states):
    run(session, [record(by=("FRA",), text=TEXT)])
    dihr = record(
        fmt=ImportFormat.dihr,
        by=("FRA",),
        text="  ratify the optional protocol to the convention on the rights of persons with disabilities ",
        paragraph="147.68",
        source_document="A/HRC/22/12",
        sdg_targets=["10.2", "99.9"],
        position=PositionKind.noted,
    )
    report = run(session, [dihr], ImportFormat.dihr)
    assert (report.merged, report.inserted) == (1, 0)
    rec = session.exec(select(Recommendation)).one()
    assert rec.text == TEXT  # the first source's wording stays
    assert (rec.paragraph, rec.source_document) == ("147.68", "A/HRC/22/12")  # gaps filled
    assert rec.sources == ["upr-info", "dihr"]
    assert set(session.exec(select(RecommendationSdgTarget.sdg_target_code))) == {"10.2"}  # 99.9 is no target


def test_themes_map_onto_the_taxonomy_keeping_the_source_label(session, states):
    run(
        session,
        [
            record(themes=[ThemeLabel("A12 Acceptance of international norms", "A12")]),
            record(3, text="Another one", themes=[ThemeLabel("Acceptance of international norms", "a12")]),
        ],
    )
    assert count(session, RecommendationTheme) == 2
    labels = set(session.exec(select(RecommendationTheme.source_label)))
    assert labels == {"A12 Acceptance of international norms", "Acceptance of international norms"}
    assert len(set(session.exec(select(RecommendationTheme.theme_id)))) == 1


def test_rejects_are_reported_with_line_column_and_reason(session, states):
    report = run(
        session,
        [
            Reject(5, "From", "Unknown state '(Unknown)'."),
            record(6, by=("XXX",)),
            record(7, paragraph="147.x"),
            record(8, text="  "),
            record(9),
        ],
    )
    assert [(r.line, r.column) for r in report.rejected] == [
        (5, "From"),
        (6, "recommending state"),
        (7, "paragraph"),
        (8, "text"),
    ]
    assert report.inserted == 1


def test_strict_stops_at_the_first_reject(session, states):
    with pytest.raises(StrictStop, match="line 3"):
        run(session, [record(2), record(3, by=("XXX",)), record(4, text="never read")], strict=True)


def test_missing_state_or_session_comes_from_the_options(session, states):
    rows = [record(state_under_review="", session=None)]
    assert run(session, rows).rejected[0].column == "state under review"
    report = run(session, rows, default_state="SVN", default_session=34)
    assert report.inserted == 1
    assert session.exec(select(Recommendation)).one().external_key.startswith("SVN:c3:")


def test_voluntary_pledges_are_kept_apart(session, states):
    report = run(session, [record(is_pledge=True, by=("KOR",), text="Submit the mid-term report.")])
    assert report.pledges == 1 and count(session, Recommendation) == 0 and count(session, VoluntaryPledge) == 1


def test_an_import_is_audited_once_with_its_counts(session, states):
    before = count(session, AuditEntry)
    run(session, [record(2), record(3, text="Another recommendation")])
    assert count(session, AuditEntry) == before + 1  # not one per row, link and position
    entry = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry.changes["inserted"] == 2 and entry.changes["format"] == "upr-info"


def test_a_position_the_api_would_refuse_rejects_its_row(session, states):
    """The importer checks positions as `PositionCreate` does (the date, the source paragraph): a row
    that fails is a reject in the report, and nothing of it is written."""
    report = run(
        session,
        [
            record(2, year=2012),
            record(3, text="Dated in the future", position_date=date(2099, 3, 1)),
            record(4, text="Dated before the UPR", position_date=date(2006, 12, 31)),
            record(5, text="Odd paragraph", year=2012, position_paragraph="12x"),
            record(6, text="Long paragraph", year=2012, position_paragraph="1." * 20 + "1"),
            record(7, text="Long position source", year=2012, position_source="A/HRC/" + "9" * 70),
            record(8, text="Long report symbol", year=2012, source_document="A/HRC/" + "9" * 70),
        ],
    )
    assert [(r.line, r.column) for r in report.rejected] == [
        (3, "position date"),
        (4, "position date"),
        (5, "source of position"),
        (6, "source of position"),
        (7, "source of position"),
        (8, "source document"),
    ]
    assert "must be between 2007-01-01 and" in report.rejected[0].reason
    assert "longer than 32 characters" in report.rejected[3].reason
    assert "longer than 64 characters" in report.rejected[4].reason
    assert report.inserted == 1 and count(session, Recommendation) == 1 and count(session, Position) == 1


def test_an_earlier_position_joins_the_history_without_becoming_current(session, states):
    run(session, [record(position=PositionKind.supported, position_label="Supported", position_date=date(2012, 3, 1))])
    report = run(session, [record(position=PositionKind.noted, position_label="Noted", position_date=date(2010, 3, 1))])
    assert report.updated == 1 and count(session, Position) == 2
    assert session.exec(select(Recommendation)).one().current_position is PositionKind.supported


def test_an_undated_position_becomes_current_only_over_undated_ones(session, states):
    """No source date: the record is older than any dated one (but the latest among undated ones)."""
    run(session, [record(position=PositionKind.supported, position_label="Supported", position_date=date(2012, 3, 1))])
    report = run(session, [record(position=PositionKind.noted, position_label="Noted")])
    assert report.updated == 1 and count(session, Position) == 2
    rec = session.exec(select(Recommendation)).one()
    assert rec.current_position is PositionKind.supported
    undated = session.exec(select(Position).where(col(Position.date).is_(None))).one()
    assert (undated.position, undated.date_origin) == (PositionKind.noted, None)

    other = "Adopt a national action plan on business and human rights."
    run(session, [record(3, text=other, position=PositionKind.noted, position_label="Noted")])
    run(session, [record(3, text=other, position=PositionKind.pending, position_label="Pending")])
    current = select(Recommendation.current_position).where(Recommendation.text == other)
    assert session.exec(current).one() is PositionKind.pending  # the later of two undated records
    later = record(
        3, text=other, position=PositionKind.supported, position_label="Supported", position_date=date(2013, 1, 9)
    )
    run(session, [later])
    rows = session.exec(
        select(Position.position, Position.date_origin)
        .join(Recommendation)
        .where(Recommendation.text == other)
        .order_by(col(Position.id))
    ).all()
    assert rows == [(PositionKind.noted, None), (PositionKind.pending, None), (PositionKind.supported, "source")]
    assert session.exec(select(Recommendation).where(Recommendation.text == other)).one().current_position is (
        PositionKind.supported
    )


def test_a_large_import_refreshes_the_planners_statistics_on_postgresql(session, states):
    """Before autovacuum notices, a planner that believes the tables empty picks nested loops that
    take minutes; the import analyzes the tables it filled, inside its own transaction."""
    from sqlalchemy import text

    from api.imports.pipeline import ANALYZE_AFTER_ROWS

    report = run(session, [record(line, text=f"Recommendation number {line} on torture") for line in range(2, 1_100)])
    assert report.inserted >= ANALYZE_AFTER_ROWS
    if session.get_bind().dialect.name == "postgresql":
        estimated = session.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'recommendation'")).scalar()
        assert estimated >= ANALYZE_AFTER_ROWS  # analyzed: no longer the "never analyzed" -1 or 0
    else:  # SQLite's planner needs no statistics for these plans; nothing was run, nothing failed
        assert report.rejected_count == 0
