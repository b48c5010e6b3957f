"""Exact identities on import, with real excerpts of Slovenia's 2014 review (session 20): a paragraph
number is identity; the same paragraph and recommending state from two publishers is one record even
when the words differ, each file's own words kept on its source row; a cell's note is metadata.

Fixtures under `fixtures/identity/`: the UPR Info and DIHR (cycle 2) rows of Slovenia's review that
are about the migrant workers' convention, verbatim; `ohchr_slovenia_upr20_2014_with_note.csv` is two
real rows of OHCHR's thematic list (115.6, 115.8) with a `Comments:` line added to the first, in the
form other matrices carry (the four real matrices here have none). The OHCHR rows 115.6, 115.8 and
115.10 come from `fixtures/ohchr_slovenia_upr20_2014_thematic_list_excerpt.csv`.
"""

from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from api.cycle.models import Review
from api.imports.identity import Identities, Known, paragraph_key, similar
from api.imports.ohchr_cells import split_note
from api.imports.pipeline import run_import
from api.recommendations.models import Recommendation, RecommendationSource, RecommendingState
from api.seed import seed_states
from api.taxonomy.service import seed_sdg_targets

FIXTURES = Path(__file__).parent / "fixtures"
UPR_INFO = FIXTURES / "identity" / "upr_info_slovenia_session20_icrmw.csv"
DIHR = FIXTURES / "identity" / "dihr_cycle2_slovenia_2014_icrmw.csv"
OHCHR = FIXTURES / "ohchr_slovenia_upr20_2014_thematic_list_excerpt.csv"
WITH_NOTE = FIXTURES / "identity" / "ohchr_slovenia_upr20_2014_with_note.csv"
LONG = "Ratify the International Convention on the Rights of All Migrant Workers and Members of Their Families"


@pytest.fixture
def reference(session: Session) -> None:
    seed_states(session)
    seed_sdg_targets(session)


def _by_paragraph(session: Session) -> dict[str | None, list[Recommendation]]:
    review = session.exec(select(Review).where(col(Review.state_code) == "SVN", col(Review.session_number) == 20)).one()
    found: dict[str | None, list[Recommendation]] = {}
    for rec in session.exec(select(Recommendation).where(col(Recommendation.review_id) == review.id)):
        found.setdefault(rec.paragraph, []).append(rec)
    return found


def _states(session: Session, rec: Recommendation) -> set[str]:
    return set(
        session.exec(select(RecommendingState.state_code).where(col(RecommendingState.recommendation_id) == rec.id))
    )


def _sources(session: Session, rec: Recommendation) -> dict[str, RecommendationSource]:
    rows = session.exec(select(RecommendationSource).where(col(RecommendationSource.recommendation_id) == rec.id))
    return {row.publisher.value: row for row in rows}


def test_the_icrmw_pair_is_one_record_with_each_publishers_words(session, reference):
    """UPR Info and DIHR write 115.6 (Iran) without `(ICRMW)`, OHCHR with it: same symbol, paragraph
    and state, so one record with three sources; the record keeps its first words, OHCHR's are on
    its source row (before: a second record)."""
    run_import(session, UPR_INFO)
    run_import(session, DIHR)
    report = run_import(session, OHCHR)
    assert report.rejected_count == 0
    [rec] = _by_paragraph(session)["115.6"]
    assert rec.text == LONG
    assert _states(session, rec) == {"IRN"}
    sources = _sources(session, rec)
    assert set(sources) == {"upr-info", "dihr", "ohchr-matrix"}
    assert sources["ohchr-matrix"].text == LONG + " (ICRMW)"
    assert sources["ohchr-matrix"].paragraph == "115.6"
    assert sources["upr-info"].text is None and sources["dihr"].text is None  # their words are the record's
    assert not [r for recs in _by_paragraph(session).values() for r in recs if "(ICRMW)" in r.text]


def test_identical_words_under_two_paragraphs_stay_two_records(session, reference):
    """`Ratify ICRMW` is 115.8 (Senegal, Sierra Leone, Venezuela, Peru, Uruguay) and 115.10 (Bosnia
    and Herzegovina): two paragraphs, two records (before: one, and 115.10 disappeared)."""
    report = run_import(session, OHCHR)
    paragraphs = _by_paragraph(session)
    [first], [second] = paragraphs["115.8"], paragraphs["115.10"]
    assert first.text == second.text == "Ratify ICRMW"
    assert _states(session, first) == {"SEN", "SLE", "VEN", "PER", "URY"}
    assert _states(session, second) == {"BIH"}
    assert first.external_key != second.external_key and second.external_key.endswith(":p115.10")
    assert report.inserted == report.rows - report.rejected_count  # each record of the file is its own


def test_a_source_without_paragraphs_meets_them_by_text(session, reference):
    """UPR Info has no paragraph: its `Ratify ICRMW` rows (six states) are one record until OHCHR
    numbers it; then 115.8 fills that record's paragraph and 115.10 is a record of its own. UPR Info
    cannot say which of its states recommended under which paragraph, so Bosnia and Herzegovina stays
    on the first too."""
    run_import(session, UPR_INFO)
    assert [r.paragraph for r in _by_paragraph(session)[None] if r.text == "Ratify ICRMW"] == [None]
    run_import(session, OHCHR)
    paragraphs = _by_paragraph(session)
    [first], [second] = paragraphs["115.8"], paragraphs["115.10"]
    assert set(_sources(session, first)) == {"upr-info", "ohchr-matrix"}
    assert set(_sources(session, second)) == {"ohchr-matrix"}
    assert _states(session, second) == {"BIH"}


def test_reimporting_every_file_is_a_no_op(session, reference):
    files = (UPR_INFO, DIHR, OHCHR)
    for path in files:
        run_import(session, path)
    count = len(list(session.exec(select(Recommendation.id))))
    sources = len(list(session.exec(select(RecommendationSource.id))))
    for path in files:
        report = run_import(session, path)
        assert report.inserted == report.merged == report.updated == 0, path.name
        assert report.unchanged > 0
    assert len(list(session.exec(select(Recommendation.id)))) == count
    assert len(list(session.exec(select(RecommendationSource.id)))) == sources


def test_a_comments_line_is_the_recommendations_note_not_a_recommendation(session, reference):
    report = run_import(session, WITH_NOTE)
    assert report.rejected_count == 0 and report.inserted == 2
    recs = [r for recs in _by_paragraph(session).values() for r in recs]
    assert sorted(r.paragraph or "" for r in recs) == ["115.6", "115.8"]
    assert not [r for r in recs if "Comments" in r.text or "foreseen" in r.text]
    [noted] = [r for r in recs if r.paragraph == "115.6"]
    assert noted.text == LONG + " (ICRMW)"
    assert _sources(session, noted)["ohchr-matrix"].note == (
        "Comments: Slovenia noted this recommendation; the ratification is not foreseen in the near future."
    )
    assert run_import(session, WITH_NOTE).unchanged == 2  # and it stays a note on a re-import


@pytest.mark.parametrize(
    ("cell", "body", "note"),
    [
        ("121.1 Ratify X (France);\nComments: under review", "121.1 Ratify X (France);\n", "Comments: under review"),
        ("121.1 Ratify X (France); Note: partly", "121.1 Ratify X (France); ", "Note: partly"),
        ("121.1 Ratify X (France);", "121.1 Ratify X (France);", None),
        # a word inside the text is no note: `general comment 22` (China 2018, 28.183)
        ("28.183 … in accordance with general comment 22 (New Zealand);", None, None),
    ],
)
def test_split_note(cell, body, note):
    assert split_note(cell) == (body if body is not None else cell, note)


def test_paragraph_key_and_similar_words():
    assert paragraph_key("186.28.") == paragraph_key("186.28") == "186.28"
    assert paragraph_key(None) is None and paragraph_key(" . ") is None
    assert similar(LONG, LONG + " (ICRMW)")
    assert similar("Consider ratifying ICRMW", "Consider to ratify the ICRMW")
    assert not similar(LONG, "Adopt a national action plan on Roma inclusion")


def test_within_one_file_a_second_text_for_the_same_paragraph_and_state_is_its_own_record():
    """One paragraph holding several recommendations of one state (`121.2 A (Ukraine); B (Ukraine)`)
    stays several records: a state match only joins another file's words."""
    index = Identities()
    first = Known(
        None,
        Recommendation(review_id=1, text="Adopt a law", external_key="k1"),
        1,
        "121.2",
        [],
        set(),
        set(),
        set(),
        set(),
        None,
        keys={"k1"},
    )
    index.add(first)
    index.claim(first, "k1", "121.2", ["UKR"])
    assert index.find(1, "k2", "121.2", ["UKR"], "Adopt a law on it") is None
    fresh = Known(
        None,
        Recommendation(review_id=1, text="Adopt a law", external_key="k1"),
        1,
        "121.2",
        [],
        set(),
        set(),
        set(),
        set(),
        None,
        keys={"k1"},
        named={"UKR"},
    )
    index = Identities()
    index.add(fresh)
    assert index.find(1, "k2", "121.2", ["UKR"], "Adopt a law on it") is fresh  # another file's words
    assert index.find(1, "k2", "121.3", ["UKR"], "Adopt a law on it") is None  # another paragraph


def test_a_rewording_joins_the_most_alike_record_of_its_paragraph_not_the_first():
    """DIHR cycle 2, Austria 141.13: one paragraph holds two of Pakistan's recommendations that differ
    by one treaty; another publisher's rewording of the second joins the second."""

    def known(key: str, text: str) -> Known:
        return Known(
            None,
            Recommendation(review_id=1, text=text, external_key=key),
            1,
            "141.13",
            [],
            set(),
            set(),
            set(),
            set(),
            None,
            keys={key},
            named={"PAK"},
        )

    iccpr = known("k1", "Withdraw reservations to the ICCPR")
    cerd = known("k2", "Withdraw reservations to CERD")
    index = Identities()
    index.add(iccpr)
    index.add(cerd)
    rewording = "Withdraw its reservations to the CERD"
    assert similar(rewording, iccpr.row.text)  # alike enough to have been taken before
    assert index.find(1, "k3", "141.13", ["PAK"], rewording) is cerd
