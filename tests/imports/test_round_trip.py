"""Import → export → the same rows; re-import changes nothing; a failure midway leaves nothing."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from api.audit.models import AuditEntry
from api.cli import app as cli
from api.imports import ohchr
from api.imports.pipeline import run_import
from api.imports.records import ImportRecord
from api.recommendations.export import write_csv
from api.recommendations.models import Recommendation
from api.recommendations.service import RecommendationFilter
from api.seed import seed_states
from api.settings import get_settings
from api.taxonomy.service import seed_sdg_targets
from tests.helpers import migrate

FIXTURES = Path(__file__).parent / "fixtures"
SLOVENIA = FIXTURES / "ohchr_slovenia_upr34_2019_thematic_list_excerpt.csv"


@pytest.fixture
def reference(session: Session) -> None:
    seed_states(session)
    seed_sdg_targets(session)


def count(session: Session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_import_then_export_gives_back_the_same_recommendations(session, reference):
    records = [r for r in ohchr.read(SLOVENIA, state="SVN", session=34) if isinstance(r, ImportRecord)]
    report = run_import(session, SLOVENIA, state="SVN", upr_session=34)
    assert report.inserted == len(records) and not report.rejected
    out = io.BytesIO()
    write_csv(session, RecommendationFilter(state_under_review=["SVN"]), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    assert [(r["paragraph"], r["text"], r["recommending_states"], r["current_position"]) for r in rows] == [
        (rec.paragraph, rec.text, "; ".join(sorted(rec.recommending_states)), rec.position.value) for rec in records
    ]
    assert all(row["session"] == "34" and row["cycle"] == "3" for row in rows)


def test_reimport_changes_nothing(session, reference):
    first = run_import(session, SLOVENIA, state="SVN", upr_session=34)
    audited = count(session, AuditEntry)
    again = run_import(session, SLOVENIA, state="SVN", upr_session=34)
    assert (again.inserted, again.updated, again.merged) == (0, 0, 0)
    assert again.unchanged == first.inserted
    assert count(session, AuditEntry) == audited + 1  # the import's own entry, and no other write


def test_the_docx_and_its_csv_land_on_the_same_records(session, reference):
    docx = FIXTURES / "ohchr_china_upr17_2013_matrix_excerpt.docx"
    csv_twin = FIXTURES / "ohchr_china_upr17_2013_matrix_excerpt.csv"
    first = run_import(session, docx, state="CHN", upr_session=17)
    second = run_import(session, csv_twin, state="CHN", upr_session=17)
    assert first.inserted > 0 and second.inserted == 0 and second.unchanged == first.inserted


def test_a_failure_midway_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    """Through the CLI, as a user runs it: a byte that is not UTF-8 past the part used to detect the
    encoding stops the import after many rows were already written, and all of them are undone."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        migrate(url)
        from api.db import engine_for

        with Session(engine_for(url)) as session:
            seed_states(session)
            seed_sdg_targets(session)
            session.commit()
        rows = SLOVENIA.read_text(encoding="utf-8").split("\n", 1)
        body = rows[1]
        big = tmp_path / "slovenia_upr34_big.csv"
        with big.open("w", encoding="utf-8") as handle:  # > 1 MiB of good rows (distinct paragraphs)
            handle.write(rows[0] + "\n")
            copies = 0
            while handle.tell() < (1 << 20) + 10_000:
                handle.write(body.replace("121.", f"{200 + copies}.").replace("122.", f"{600 + copies}."))
                copies += 1
        with big.open("ab") as handle:
            handle.write(b'99,Theme: X,"999.1 Caf\xe9 (France)",Supported,-\n')
        result = CliRunner().invoke(cli, ["import", str(big), "--state", "SVN", "--session", "34"])
        assert result.exit_code == 1, result.output
        assert "Nothing was imported" in result.output
        with Session(engine_for(url)) as session:
            assert count(session, Recommendation) == 0
        ok = tmp_path / "slovenia_upr34.csv"
        shutil.copy(SLOVENIA, ok)
        assert CliRunner().invoke(cli, ["import", str(ok), "--state", "SVN", "--session", "34"]).exit_code == 0
        with Session(engine_for(url)) as session:
            assert count(session, Recommendation) > 0
        engine_for(url).dispose()
    finally:
        get_settings.cache_clear()


def test_upr_info_and_dihr_merge_into_one_record_each_adding_what_it_knows(session, reference):
    from api.recommendations.models import RecommendationSdgTarget, RecommendingState

    upr = run_import(session, FIXTURES / "upr_info_recommendations_excerpt.csv")
    dihr = run_import(session, FIXTURES / "dihr_cycle1_excerpt.csv")
    assert upr.inserted > 0 and dihr.merged > 0
    merged = session.exec(select(Recommendation).where(Recommendation.sources.is_not(None))).all()
    both = [r for r in merged if r.sources == ["upr-info", "dihr"]]
    assert len(both) == dihr.merged
    for rec in both:  # UPR Info has neither paragraph nor report symbol: DIHR filled them in
        assert rec.paragraph and rec.source_document.startswith("A/HRC/")
        assert session.exec(select(RecommendingState).where(RecommendingState.recommendation_id == rec.id)).first()
    with_targets = [
        r
        for r in both
        if session.exec(
            select(RecommendationSdgTarget).where(RecommendationSdgTarget.recommendation_id == r.id)
        ).first()
    ]
    assert with_targets, "DIHR's SDG targets were not added to any merged recommendation"
    again = run_import(session, FIXTURES / "dihr_cycle1_excerpt.csv")
    assert (again.inserted, again.merged, again.updated) == (0, 0, 0)
