"""The DIHR reader on real excerpts (fixtures/dihr_*: the same rows of the published XLSX and of its CSV
flattening, rebuilt by dihr_make_fixtures.py) and, when ../shared/data is there (as in CI), on the whole
real files."""

import csv
import gzip
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from api.imports import dihr, upr_info
from api.imports.limits import UnreadableFile
from api.imports.normalise import RowError
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.models import PositionKind

FIXTURES = Path(__file__).parent / "fixtures"
CYCLE1 = FIXTURES / "dihr_cycle1_excerpt.csv"
CYCLE2 = FIXTURES / "dihr_cycle2_excerpt.csv"
REAL = Path(__file__).parents[3] / "shared/data"
HEADER = [
    "Goals",
    "Recommendation",
    "Tekst",
    "Targets",
    "Keywords",
    "Response",
    "Recommending state",
    "Mechanism",
    "Procedures",
    "Treaties",
    "Type",
    "field_year",
    "Document",
]


def read(path: Path, **options) -> tuple[list[ImportRecord], list[Reject]]:
    items = list(dihr.read(path, **options))
    return [i for i in items if isinstance(i, ImportRecord)], [i for i in items if isinstance(i, Reject)]


def at(path: Path, line: int) -> ImportRecord:
    return next(r for r in read(path)[0] if r.line == line)


def write_csv(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    path = tmp_path / "explorer.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def row(**cells: str) -> list[str]:
    values = {
        "Goals": "No SDG link identified",
        "Recommendation": "Chad",
        "Tekst": "Ratify the ICCPR",
        "Response": "Supported",
        "Recommending state": "France",
        "Mechanism": "(Universal Periodic Review)",
        "Type": "Recommendation",
        "field_year": "2009 Cycle 1",
        "Document": "Source:A/HRC/10/8|1.1|",
    } | cells
    return [values.get(column, "") for column in HEADER]


# ---- the excerpts -------------------------------------------------------------------------------------------


def test_every_row_of_the_excerpts_is_a_record():
    for path, rows in ((CYCLE1, 37), (CYCLE2, 22)):
        records, rejects = read(path)
        assert not rejects and len(records) == rows
        assert [r.line for r in records] == list(range(2, rows + 2))
        assert all(r.source is ImportFormat.dihr and r.position_source is None for r in records)


def test_first_row_fully_normalised():
    assert read(CYCLE1)[0][2] == ImportRecord(
        line=4,
        source=ImportFormat.dihr,
        state_under_review="AFG",
        text="Review all its national legislation to ensure its compliance with the Constitution and international "
        "obligations, including to protect the right to privacy and non-discrimination",
        recommending_states=["CZE"],
        key_parts=(
            "review all its national legislation to ensure its compliance with the constitution and "
            "international obligations including to protect the right to privacy and non discrimination",
        ),
        session=5,
        cycle=1,
        year=2009,
        paragraph="95.3",
        position=PositionKind.supported,
        position_label="Supported",
        themes=[ThemeLabel("16. Peace, justice and strong institutions", "S16")],
        sdg_targets=["16.10"],
        source_document="A/HRC/12/9",
    )


@pytest.mark.parametrize("cycle", [1, 2])
def test_the_published_xlsx_and_its_csv_give_the_same_records(cycle):
    assert read(FIXTURES / f"dihr_cycle{cycle}_excerpt.xlsx") == read(FIXTURES / f"dihr_cycle{cycle}_excerpt.csv")


def test_the_xlsx_fixture_stores_lone_targets_as_numbers():
    sheet = load_workbook(FIXTURES / "dihr_cycle1_excerpt.xlsx", read_only=True).worksheets[0]
    targets = [r[3] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert 16.1 in targets and "16.10, 16.3" in targets


def test_states_under_review_and_recommending_use_un_names():
    records = read(CYCLE1)[0] + read(CYCLE2)[0]
    pairs = {(r.state_under_review, s) for r in records for s in r.recommending_states}
    assert {
        ("AGO", "CIV"),
        ("AFG", "NLD"),
        ("AFG", "IRN"),
        ("TUR", "BRA"),
        ("AFG", "TUR"),
        ("BOL", "DEU"),
        ("HND", "VAT"),
    } <= pairs


def test_positions():
    records = read(CYCLE1)[0]
    assert Counter((r.position, r.position_label) for r in records) == {
        (PositionKind.supported, "Supported"): 32,
        (PositionKind.noted, "Noted"): 5,
    }


# ---- Targets ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "targets"),
    [
        (4, ["16.10"]),  # 16.100000000000001: a lone 16.1 is 16.10
        (5, ["5.1"]),  # 5.0999999999999996
        (11, ["8.7"]),  # 8.6999999999999993
        (16, ["10.2"]),  # 10.199999999999999
        (37, ["17.15"]),  # 17.149999999999999
        (35, ["8.1"]),  # a lone 8.1 stays 8.1
        (6, ["16.a"]),
        (12, ["16.10", "16.3"]),  # in a text list as written
        (15, ["16.1", "16.3"]),
        (2, []),
    ],
)
def test_cycle1_targets(line, targets):
    assert at(CYCLE1, line).sdg_targets == targets


@pytest.mark.parametrize(
    ("line", "targets"),
    [
        (5, ["16.10"]),  # a lone 16.1 stored as the number 16.1
        (7, ["16.1", "16.3"]),
        (16, ["16.1", "16.10"]),
        (21, ["11.4", "14.b", "2.3"]),  # `14.B`
    ],
)
def test_cycle2_targets(line, targets):
    assert at(CYCLE2, line).sdg_targets == targets


@pytest.mark.parametrize(
    ("value", "targets"),
    [
        (16.1, ["16.10"]),
        ("16.1", ["16.10"]),
        ("16.100000000000001", ["16.10"]),
        ("16.10", ["16.10"]),
        (8.1, ["8.1"]),
        (17.1, ["17.1"]),
        (5.1, ["5.1"]),
        ("5.0999999999999996", ["5.1"]),
        (17.15, ["17.15"]),
        ("16.1, 16.10", ["16.1", "16.10"]),
        ("1.A; 16.3,16.3", ["1.a", "16.3"]),
        ("", []),
        (None, []),
    ],
)
def test_parse_targets(value, targets):
    assert dihr.parse_targets(value) == targets


@pytest.mark.parametrize("value", [16.0, 5, "99.1", "16.1x", "16.20", True])
def test_what_is_not_a_target_is_refused(value):
    with pytest.raises(RowError):
        dihr.parse_targets(value)


# ---- Goals --------------------------------------------------------------------------------------------------


def test_goals_split_on_their_number_prefixes():
    assert dihr.split_goals("8. Decent work and economic growth ,16. Peace, justice and strong institutions") == [
        ThemeLabel("8. Decent work and economic growth", "S08"),
        ThemeLabel("16. Peace, justice and strong institutions", "S16"),
    ]
    assert [t.code for t in at(CYCLE1, 30).themes] == ["S01", "S08", "S16"]
    assert [t.code for t in at(CYCLE2, 4).themes] == ["S02", "S04", "S06", "S11"]
    assert dihr.split_goals("No SDG link identified") == dihr.split_goals("") == []


def test_a_goal_without_a_target_is_kept():
    record = at(CYCLE2, 23)
    assert [t.code for t in record.themes] == ["S04", "S14"] and record.sdg_targets == ["14.4"]


@pytest.mark.parametrize("cell", ["Peace, justice", "18. Extra goal", "Goals: 16. Peace"])
def test_unreadable_goals(cell):
    with pytest.raises(RowError):
        dihr.split_goals(cell)


# ---- Keywords -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        (5, ["Women and girls"]),
        (8, ["Women and girls", "Children"]),
        (28, ["Women and girls", "Refugees and asylum-seekers"]),
        (30, ["Youth", "Children", "Migrants"]),
        (36, ["LGBTI", "Youth"]),
        (2, []),
    ],
)
def test_glued_keywords_split_into_groups(line, groups):
    assert at(CYCLE1, line).affected_persons == groups


def test_keywords_of_cycle2():
    assert at(CYCLE2, 11).affected_persons == ["Older persons", "Migrants"]
    assert at(CYCLE2, 16).affected_persons == ["Internally displaced persons", "Human rights defenders"]


@pytest.mark.parametrize(
    ("cell", "groups"),
    [
        ("Persons living in povertyChildren", ["Persons living in poverty", "Children"]),
        ("ChildrenRural womenFarmers", ["Children", "Rural women", "Farmers"]),
        ("Women and girls, LGBTI", ["Women and girls", "LGBTI"]),
        ("children", ["Children"]),
        ("ChildrenChildren", ["Children"]),
    ],
)
def test_groups_not_in_the_list_are_kept(cell, groups):
    assert dihr.split_groups(cell) == groups


def test_the_shipped_group_list_is_the_twelve_of_the_exports():
    assert len(dihr.affected_groups()) == 12


# ---- Document, paragraph and session ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "line", "symbol", "paragraph"),
    [
        (CYCLE1, 2, "A/HRC/12/9", "95.1"),
        (CYCLE1, 23, "A/HRC/8/19", None),  # `Source:A/HRC/8/19`
        (CYCLE1, 26, "A/HRC/13/4", "46"),  # `|46|`
        (CYCLE2, 19, "A/HRC/33/17", "42"),  # `|42.|`
        (CYCLE2, 22, "A/HRC/25/3", "138.34"),  # `A/HRC/25/3OLD`
    ],
)
def test_document_gives_symbol_and_paragraph(path, line, symbol, paragraph):
    record = at(path, line)
    assert (record.source_document, record.paragraph) == (symbol, paragraph)


@pytest.mark.parametrize("cell", ["Source:|95.1|", "Source:A/HRC/12/9|95.x|", "see the report"])
def test_unreadable_documents(cell):
    with pytest.raises(RowError):
        dihr.parse_document(cell)


def test_joint_recommendation_rows_share_a_key_and_paragraph():
    joint = [r for r in read(CYCLE1)[0] if r.text.startswith("Extend a standing invitation")]
    assert [r.recommending_states[0] for r in joint] == ["BRA", "CHL", "LVA", "GBR"]
    assert {(r.key_parts, r.paragraph) for r in joint} == {(joint[0].key_parts, "83.14")}
    assert at(CYCLE1, 18).paragraph == "83.14" and at(CYCLE1, 18).key_parts != joint[0].key_parts


def test_the_same_text_under_two_paragraphs_shares_a_key():
    """Cycle 2 lists some texts under two paragraphs; by text they are one recommendation."""
    first, second = at(CYCLE2, 9), at(CYCLE2, 10)
    assert first.key_parts == second.key_parts and (first.paragraph, second.paragraph) == ("163.324", "122.106")


@pytest.mark.parametrize(
    ("path", "line", "session", "cycle", "year"),
    [
        (CYCLE1, 2, 5, 1, 2009),  # Afghanistan, from the table of sessions 1–20
        (CYCLE1, 29, 1, 1, 2008),  # Czechia: council 8 adopted sessions 1 and 2, the table tells
        (CYCLE2, 15, 17, 2, 2013),  # China 2013
        (CYCLE2, 13, 21, 2, 2015),  # Armenia: A/HRC/29 → session 21
        (CYCLE2, 17, 26, 2, 2016),  # Haiti: A/HRC/34 → session 26
        (CYCLE2, 18, 25, 2, 2016),  # Hungary: A/HRC/33 → session 25
    ],
)
def test_session_from_state_and_cycle_or_from_the_council_session(path, line, session, cycle, year):
    record = at(path, line)
    assert (record.session, record.cycle, record.year) == (session, cycle, year)


def test_session_for_checks_cycle_and_year():
    assert dihr.session_for("ARM", 2, "A/HRC/29/11", 2015) == 21
    assert dihr.session_for("ARM", 2, "A/HRC/29/11", 2017) is None  # session 21 was held in 2015
    assert dihr.session_for("ARM", 3, "A/HRC/29/11", None) is None  # session 21 is in cycle 2
    assert dihr.session_for("ARM", 1, "A/HRC/8/1", None) == 8  # the table of sessions 1–20 first
    assert dihr.session_for("ZZZ", 1, "A/HRC/8/1", None) is None  # council 8: sessions 1 or 2
    assert dihr.session_for("CHN", 3, "A/HRC/40/6", 2018) == 31


def test_the_session_argument_is_used_when_none_can_be_derived(tmp_path):
    path = write_csv(tmp_path, [row(field_year="2024 Cycle 4", Document="Source:A/HRC/58/3|12.1|")])
    (record,), _ = read(path, session=45)
    assert (record.session, record.cycle, record.year) == (45, 4, 2024)
    (record,), _ = read(path)
    assert record.session is None and record.cycle == 4


def test_lost_letters_are_kept_and_the_text_meets_its_upr_info_copy():
    hungary = at(CYCLE1, 32)
    assert "Szentgotth\ufffdrd" in hungary.text
    assert hungary.key_parts == (upr_info.text_key(hungary.text.replace("\ufffd", "á")),)
    upr = [
        r
        for r in upr_info.read(FIXTURES / "upr_info_recommendations_excerpt.csv")
        if isinstance(r, ImportRecord) and r.state_under_review in ("HUN", "ITA")
    ]
    mine = {(r.state_under_review, r.cycle, r.key_parts) for r in read(CYCLE1)[0]}
    assert upr and all((r.state_under_review, r.cycle, r.key_parts) in mine for r in upr)


# ---- files: encodings, line ends, gzip ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "mac_roman"])
@pytest.mark.parametrize("line_end", ["\n", "\r", "\r\n"])
def test_every_encoding_and_line_end_reads_the_same(tmp_path, encoding, line_end):
    """Without its rows holding U+FFFD (no single-byte encoding has it), the excerpt keeps ô, í, à and é."""
    lines = [line for line in CYCLE1.read_text(encoding="utf-8").split("\n") if "\ufffd" not in line]
    source = tmp_path / "utf8.csv"
    source.write_text("\n".join(lines), encoding="utf-8", newline="")
    path = tmp_path / "explorer.csv"
    path.write_bytes(line_end.join(lines).encode(encoding))
    records, rejects = read(path)
    assert not rejects and len(records) == 35
    assert (records, rejects) == read(source)


def test_gzipped_csv(tmp_path):
    path = tmp_path / "explorer.csv.gz"
    path.write_bytes(gzip.compress(CYCLE2.read_bytes()))
    assert read(path) == read(CYCLE2)


# ---- format detection and unreadable files ------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        HEADER,
        list(reversed(HEADER)),
        ["\ufeffgoals", "RECOMMENDATION ", "tekst", "Recommending State", "response", "Field Year", "document"],
        ["State under review", "Text", "Recommending state", "Position", "Year", "SDG targets"],
    ],
)
def test_matches_the_dihr_header_by_meaning(headers):
    assert dihr.matches(headers)


@pytest.mark.parametrize(
    "headers",
    [
        ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue", "Session"],
        ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"],
        ["Recommendation", "Tekst", "Response", "field_year"],
        [],
    ],
)
def test_does_not_match_other_headers(headers):
    assert not dihr.matches(headers)


def test_missing_columns_are_named(tmp_path):
    path = write_csv(tmp_path, [["Chad", "Ratify", "Supported"]], header=["Recommendation", "Tekst", "Response"])
    with pytest.raises(UnreadableFile, match="no column for from, year"):
        read(path)


def test_a_workbook_is_read_from_the_sheet_with_the_export(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Notes"])
    sheet = workbook.create_sheet("Explorer")
    sheet.append(HEADER)
    sheet.append([16.1 if c == "" and n == 3 else c for n, c in enumerate(row())])
    path = tmp_path / "explorer.xlsx"
    workbook.save(path)
    (record,), _ = read(path)
    assert record.sdg_targets == ["16.10"] and record.line == 2


@pytest.mark.parametrize(
    ("name", "content"), [("explorer.xlsx", b"not a zip"), ("explorer.docx", b"PK"), ("explorer.csv", b"\n\n")]
)
def test_files_that_cannot_be_read_at_all(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile):
        read(path)


# ---- rows that cannot be read -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column", "reason"),
    [
        ({"Recommendation": "Atlantis"}, "Recommendation", "Unknown state 'Atlantis'."),
        ({"Recommending state": "&#40;Unknown&#41;"}, "Recommending state", "Unknown state '(Unknown)'."),
        ({"Tekst": ""}, "Tekst", "The recommendation has no text."),
        ({"Response": "Perhaps"}, "Response", "Unknown position 'Perhaps'."),
        (
            {"Mechanism": "Committee against Torture"},
            "Mechanism",
            "Not a UPR recommendation (mechanism 'Committee against Torture').",
        ),
        ({"field_year": "unknown"}, "field_year", "'unknown' names neither a year nor a cycle (like `2011 Cycle 1`)."),
        ({"Targets": "16.1x"}, "Targets", "Not an SDG target: 16.1x."),
        ({"Goals": "Peace"}, "Goals", "'Peace' is not a list of goals like `16. Peace, justice …`."),
        (
            {"Document": "Source:A/HRC/12/9|95.1a|"},
            "Document",
            "'95.1a' in 'Source:A/HRC/12/9|95.1a|' is not a paragraph number like 95.1.",
        ),
    ],
)
def test_a_bad_row_is_a_reject_and_the_rest_reads(tmp_path, cells, column, reason):
    path = write_csv(tmp_path, [row(), row(**cells), row(Tekst="Ratify CAT")])
    records, rejects = read(path)
    assert rejects == [Reject(3, column, reason)]
    assert [r.line for r in records] == [2, 4]


def test_state_argument_fills_an_empty_state_cell(tmp_path):
    (record,), _ = read(write_csv(tmp_path, [row(Recommendation="")]), state="TCD")
    assert record.state_under_review == "TCD"


# ---- the whole real files, when ../shared/data is there -----------------------------------------------------

EXPECTED = {  # data README, section 2
    1: dict(
        rows=20_678,
        supported=15_322,
        noted=5_356,
        years=range(2008, 2012),
        recommending=156,
        several_goals=2_269,
        no_paragraph=995,
        sessions=range(1, 13),
        lone_16_10=1_066,
    ),
    2: dict(
        rows=35_996,
        supported=26_515,
        noted=9_481,
        years=range(2012, 2017),
        recommending=171,
        several_goals=4_301,
        no_paragraph=1_959,
        sessions=range(13, 27),
        lone_16_10=1_733,
    ),
}


def check_whole_file(records: list[ImportRecord], rejects: list[Reject], cycle: int) -> None:
    expected = EXPECTED[cycle]
    assert not rejects and len(records) == expected["rows"]
    assert Counter(r.position for r in records) == {
        PositionKind.supported: expected["supported"],
        PositionKind.noted: expected["noted"],
    }
    assert {r.year for r in records} == set(expected["years"]) and {r.cycle for r in records} == {cycle}
    assert {r.session for r in records} == set(expected["sessions"])  # every row has its session
    assert len({r.state_under_review for r in records}) == 193
    assert len({s for r in records for s in r.recommending_states}) == expected["recommending"]
    assert sum(len(r.themes) > 1 for r in records) == expected["several_goals"]
    assert sum(r.paragraph is None for r in records) == expected["no_paragraph"]
    assert sum(r.sdg_targets == ["16.10"] for r in records) == expected["lone_16_10"]
    assert {g for r in records for g in r.affected_persons} == set(dihr.affected_groups())


if (REAL / "dihr_sdg_explorer").is_dir():

    @pytest.mark.parametrize("cycle", [1, 2])
    def test_whole_csv(cycle):
        check_whole_file(*read(REAL / f"dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle{cycle}.csv.gz"), cycle)

    def test_whole_xlsx_cycle1_equals_its_csv():
        records, rejects = read(REAL / "dihr_sdg_explorer/raw/dihr_sdg_explorer_upr_cycle1.xlsx")
        assert (records, rejects) == read(REAL / "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle1.csv.gz")

    def test_whole_xlsx_cycle2():
        check_whole_file(*read(REAL / "dihr_sdg_explorer/raw/dihr_sdg_explorer_upr_cycle2.xlsx"), 2)


if (REAL / "dihr_sdg_explorer").is_dir() and (REAL / "upr_info").is_dir():

    def test_every_dihr_cycle1_text_meets_its_upr_info_copy():
        ours = {
            (r.state_under_review, r.key_parts)
            for r in read(REAL / "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle1.csv.gz")[0]
        }
        theirs = {
            (r.state_under_review, r.key_parts)
            for r in upr_info.read(REAL / "upr_info/upr_info_recommendations_sessions01-20.csv.gz")
            if isinstance(r, ImportRecord) and r.cycle == 1
        }
        assert len(ours) == 20_031 and ours <= theirs
