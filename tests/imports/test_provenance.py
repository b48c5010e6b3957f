"""Honest provenance on real excerpts: a position's date is the source's, the review's adoption date
marked `derived`, or unknown (never 1 January of the year); each recommendation lists the files that
brought it, in the API and the export."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, col, func, select

from api.cycle.models import Review
from api.imports import ohchr
from api.imports.models import ImportJob
from api.imports.pipeline import run_import
from api.imports.records import ImportFormat, ImportRecord
from api.recommendations.export import CSV_TYPE
from api.recommendations.models import (
    Position,
    PositionDateOrigin,
    PositionKind,
    Recommendation,
    RecommendationSource,
)
from api.seed import seed_states
from api.taxonomy.service import seed_sdg_targets
from tests.cycle_factories import create_upr_session

FIXTURES = Path(__file__).parent / "fixtures"
UPR_INFO = FIXTURES / "upr_info_recommendations_excerpt.csv"
DIHR = FIXTURES / "dihr_cycle1_excerpt.csv"
SLOVENIA = FIXTURES / "ohchr_slovenia_upr34_2019_thematic_list_excerpt.csv"


@pytest.fixture
def reference(session: Session) -> None:
    seed_states(session)
    seed_sdg_targets(session)


def _sources(session: Session, rec_id: int) -> list[RecommendationSource]:
    stmt = select(RecommendationSource).where(RecommendationSource.recommendation_id == rec_id)
    return list(session.exec(stmt.order_by(col(RecommendationSource.id))))


def test_upr_info_gives_no_date_so_its_positions_are_undated(session, reference):
    """UPR Info has a session and a year, no date: the positions stay undated, not `2010-01-01`."""
    report = run_import(session, UPR_INFO)
    assert report.inserted > 0
    dates = set(session.exec(select(col(Position.date), col(Position.date_origin))))
    assert dates == {(None, None)}
    # The current position still follows the history: the only record is the current one.
    rec = session.exec(select(Recommendation).order_by(col(Recommendation.id))).first()
    assert rec is not None and rec.current_position is PositionKind.supported  # "Accepted" in the file


def test_the_reviews_adoption_date_is_used_and_marked_derived(session, reference):
    """Afghanistan's first review (session 5) known with its dates: its positions take the adoption's
    (where the state takes its positions), marked derived; the other reviews' stay unknown."""
    create_upr_session(session, 5, cycle_number=1, year=2009)
    review = Review(state_code="AFG", session_number=5, dialogue_date=date(2009, 5, 6), adoption_date=date(2009, 6, 11))
    session.add(review)
    session.flush()
    run_import(session, UPR_INFO)
    dated = select(col(Position.date), col(Position.date_origin)).join(Recommendation)
    afghan = set(session.exec(dated.where(Recommendation.review_id == review.id)))
    assert afghan == {(date(2009, 6, 11), PositionDateOrigin.derived)}
    assert set(session.exec(dated.where(Recommendation.review_id != review.id))) == {(None, None)}


def test_an_ohchr_matrix_lists_its_file_row_and_paragraph_and_reimport_adds_no_duplicate(session, reference):
    records = [r for r in ohchr.read(SLOVENIA, state="SVN", session=34) if isinstance(r, ImportRecord)]
    run_import(session, SLOVENIA, state="SVN", upr_session=34)
    lines: dict[str | None, set[int]] = {}
    for r in records:
        lines.setdefault(r.paragraph, set()).add(r.line)
    recommendations = session.exec(select(Recommendation)).all()
    for rec in recommendations:
        (source,) = _sources(session, rec.id)
        assert (source.publisher, source.file_name, source.paragraph, source.import_job_id) == (
            ImportFormat.ohchr_matrix,
            SLOVENIA.name,
            rec.paragraph,
            None,  # a command-line import has no job
        )
        assert source.line in lines[rec.paragraph]  # the matrix's table row
    stamped = session.exec(select(func.max(RecommendationSource.imported_at))).one()
    sources = session.exec(select(func.count()).select_from(RecommendationSource)).one()

    run_import(session, SLOVENIA, state="SVN", upr_session=34)

    assert session.exec(select(func.count()).select_from(RecommendationSource)).one() == sources == len(recommendations)
    assert session.exec(select(func.min(RecommendationSource.imported_at))).one() > stamped  # refreshed


def test_an_uploaded_file_names_its_job_and_a_second_publisher_adds_its_own_source(session, reference):
    run_import(session, UPR_INFO)
    job = ImportJob(filename="dihr cycle 1.csv")
    session.add(job)
    session.flush()
    report = run_import(session, DIHR, import_job_id=job.id, file_name=job.filename)
    assert report.merged > 0
    merged = [r for r in session.exec(select(Recommendation)) if r.sources == ["upr-info", "dihr"]]
    assert len(merged) == report.merged
    for rec in merged:
        upr, dihr = _sources(session, rec.id)
        assert (upr.publisher, upr.file_name, upr.import_job_id) == (ImportFormat.upr_info, UPR_INFO.name, None)
        assert (dihr.publisher, dihr.file_name, dihr.import_job_id) == (ImportFormat.dihr, "dihr cycle 1.csv", job.id)
        assert dihr.paragraph == rec.paragraph and dihr.line is not None and upr.paragraph is None


async def test_sources_show_in_the_read_and_the_export(client, session, reference):
    run_import(session, SLOVENIA, state="SVN", upr_session=34)
    rec = session.exec(select(Recommendation).where(Recommendation.paragraph == "121.1")).one()
    (source,) = _sources(session, rec.id)

    read = (await client.get(f"/recommendations/{rec.id}")).json()
    assert read["sources"] == [
        {
            "publisher": "ohchr-matrix",
            "file_name": SLOVENIA.name,
            "line": source.line,
            "paragraph": "121.1",
            "import_job_id": None,
            "imported_at": read["sources"][0]["imported_at"],
            "text": None,  # the record's own text is this file's
            "note": None,
        }
    ]
    listed = (await client.get("/recommendations", params={"state_under_review": "SVN", "limit": 500})).json()
    assert all(len(item["sources"]) == 1 for item in listed["items"])

    exported = await client.get("/recommendations", params={"state_under_review": "SVN"}, headers={"Accept": CSV_TYPE})
    rows = {r["paragraph"]: r for r in csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")))}
    day = source.imported_at.date().isoformat()
    assert rows["121.1"]["sources"] == f"ohchr-matrix {SLOVENIA.name} row {source.line} ¶121.1 {day}"


async def test_positions_read_says_a_date_is_unknown(client, session, reference):
    run_import(session, SLOVENIA, state="SVN", upr_session=34)
    rec = session.exec(select(Recommendation).where(Recommendation.paragraph == "121.1")).one()
    history = (await client.get(f"/recommendations/{rec.id}/positions")).json()["items"]
    assert [(p["position"], p["date"], p["date_origin"]) for p in history] == [("supported", None, None)]
