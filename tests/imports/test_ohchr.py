"""The OHCHR matrix reader, against real excerpts (tests/imports/fixtures/ohchr_*, built by
ohchr_make_fixtures.py) and, when ../shared/data is present, the four whole real files.

Quirks that the real files do not hold although the data README lists them (`Para.3vv`, a row
with no source line, `(Chile); (Estonia);`, `Groups of Persons:`, other column names, positions
other than Supported/Noted) are made by editing a real row in the test."""

import csv
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from api.imports import ohchr, ohchr_review, ohchr_tables
from api.imports.limits import UnreadableFile
from api.imports.ohchr_cells import parse_position, parse_source, parse_tags, split_recommendations
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.models import PositionKind

FIXTURES = Path(__file__).parent / "fixtures"
CHINA13 = FIXTURES / "ohchr_china_upr17_2013_matrix_excerpt.csv"
CHINA13_DOCX = FIXTURES / "ohchr_china_upr17_2013_matrix_excerpt.docx"
CHINA18 = FIXTURES / "ohchr_china_upr31_2018_matrix_excerpt.csv"
SLOVENIA14 = FIXTURES / "ohchr_slovenia_upr20_2014_thematic_list_excerpt.csv"
SLOVENIA19 = FIXTURES / "ohchr_slovenia_upr34_2019_thematic_list_excerpt.csv"
HEADER = [
    "table_row",
    "theme_heading",
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
]
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ohchr_matrices"


def read(path: Path, **kwargs) -> tuple[list[ImportRecord], list[Reject]]:
    items = list(ohchr.read(path, **kwargs))
    return [i for i in items if isinstance(i, ImportRecord)], [i for i in items if isinstance(i, Reject)]


def records(path: Path, **kwargs) -> list[ImportRecord]:
    found, rejects = read(path, **kwargs)
    assert rejects == []
    return found


def by_text(recs: list[ImportRecord], start: str) -> ImportRecord:
    (found,) = [r for r in recs if r.text.startswith(start)]
    return found


def comparable(recs: list[ImportRecord]) -> list[dict]:
    return [{**vars(r), "line": None} for r in recs]


def fixture_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, header: list[str], rows: list[list[str]] | list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h, "") for h in header] if isinstance(row, dict) else row)
    return path


def edited(tmp_path: Path, source: Path, table_row: int, name: str | None = None, **cells: str) -> Path:
    """The excerpt with one row's cells replaced (named by their header, spaces as underscores)."""
    rows = fixture_rows(source)
    row = next(r for r in rows if r["table_row"] == str(table_row))
    for key, value in cells.items():
        row[key.replace("_", " ")] = value
    return write_csv(tmp_path / (name or source.name), list(rows[0]), rows)


def one_row(
    tmp_path: Path,
    recommendation: str,
    position: str = "Supported",
    themes: str = "",
    name: str = "slovenia_upr34_test.csv",
) -> tuple[list[ImportRecord], list[Reject]]:
    path = write_csv(tmp_path / name, HEADER, [["2", "", recommendation, position, themes, ""]])
    return read(path)


# ---- format detection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        HEADER,
        HEADER[2:],
        ["\ufeffRecommendation ", "POSITION", "full list of themes"],
        ["Full list of themes", "Position", "Recommendation"],
        ["Recommendation and recommending State", "Position of the State under review", "Relevant SDGs"],
        ["Recommendation", "Recommending state/s", "Position", "Assessment/comments on level of implementation"],
        ["Recommendations", "Position (Supported/Noted)", "Themes", "Affected persons"],
    ],
)
def test_matches_the_matrix_headers_by_meaning(headers):
    assert ohchr.matches(headers)


@pytest.mark.parametrize(
    "headers",
    [
        ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue", "Session"],
        [
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
        ],
        ["Recommendation", "Full list of themes"],
        ["Position", "Full list of themes"],
        [],
    ],
)
def test_does_not_match_other_formats_or_incomplete_headers(headers):
    assert not ohchr.matches(headers)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Recommendation", ohchr_tables.Column.recommendation),
        ("Recommendation and recommending State", ohchr_tables.Column.recommendation),
        ("Recommending state/s", ohchr_tables.Column.states),
        ("Recommending State(s)", ohchr_tables.Column.states),
        ("Position of the State under review", ohchr_tables.Column.position),
        ("Full list of themes", ohchr_tables.Column.themes),
        ("Right or area", ohchr_tables.Column.themes),
        ("Relevant SDGs", ohchr_tables.Column.sdgs),
        ("Affected persons", ohchr_tables.Column.affected),
        ("Groups of persons", ohchr_tables.Column.affected),
        ("Source of position", ohchr_tables.Column.source),
        ("Paragraph", ohchr_tables.Column.paragraph),
        ("Rec. No.", ohchr_tables.Column.paragraph),
        ("theme_heading", ohchr_tables.Column.heading),
        ("table_row", ohchr_tables.Column.table_row),
        ("Assessment/comments on level of implementation", None),
    ],
)
def test_columns_are_found_by_meaning(header, column):
    assert ohchr_tables.column_of(header) == column


def test_format_and_streaming():
    items = ohchr.read(SLOVENIA19)
    assert isinstance(items, Iterator)
    first = next(items)
    assert first.source == ImportFormat.ohchr_matrix == ohchr.FORMAT
    assert first.key_parts == (first.text,)


# ---- the real excerpts ---------------------------------------------------------------------------


def test_docx_and_its_csv_give_the_same_records():
    from_docx, from_csv = records(CHINA13_DOCX), records(CHINA13)
    assert len(from_docx) == 27
    assert comparable(from_docx) == comparable(from_csv)
    # DOCX lines are table rows counted from 1 (the header is row 1); CSV lines are physical lines.
    assert from_docx[0].line == 3 and from_csv[0].line == 2
    text = CHINA13.read_text(encoding="utf-8")
    assert by_text(from_csv, "Continue to maintain contact").line == text[: text.index("\n36,")].count("\n") + 2


def test_docx_excerpt_keeps_the_original_layout():
    table = docx.Document(str(CHINA13_DOCX)).tables[0]
    assert [c.text for c in table.rows[0].cells] == HEADER[2:]
    assert len(table.rows[1]._tr.tc_lst) == 1 and table.rows[1].cells[0].text.startswith("Theme: A12")


def test_review_from_the_file_name():
    rec = records(SLOVENIA19)[0]
    assert (rec.state_under_review, rec.session, rec.cycle, rec.year) == ("SVN", 34, 3, 2019)
    rec = records(CHINA13)[0]
    assert (rec.state_under_review, rec.session, rec.cycle, rec.year) == ("CHN", 17, 2, 2013)


def test_paragraph_with_or_without_trailing_dot():
    assert by_text(records(CHINA13), "Continue its efforts on the ratification").paragraph == "186.28"
    assert by_text(records(CHINA13), "Continue to maintain contact").paragraph == "186.65"
    assert records(SLOVENIA19)[0].paragraph == "121.1"


def test_stray_dots_between_paragraph_and_text():
    recs = records(CHINA13)
    assert by_text(recs, "Inform the suspects").paragraph == "186.132"
    assert by_text(recs, "Continue to carry out the system").paragraph == "186.228"


def test_joint_recommendation_written_as_separate_parentheses():
    rec = records(SLOVENIA19)[0]
    assert rec.text == (
        "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"
    )
    assert rec.recommending_states == ["FRA", "LTU"]
    eleven = by_text(records(CHINA18), "Ratify the International Covenant on Civil and Political Rights")
    assert eleven.recommending_states == ["CRI", "SLV", "ISL", "KEN", "LIE", "MEX", "MNE", "POL", "PRT", "UKR", "GBR"]


def test_joint_recommendation_written_in_one_parenthesis():
    recs = records(SLOVENIA14)
    assert by_text(recs, "Ratify the Optional Protocol to the Rights").recommending_states == ["PRT", "SVK"]
    assert by_text(recs, "Ratify the International Convention for the Protection").recommending_states == [
        "BEL",
        "FRA",
        "TUN",
        "SLE",
        "ARG",
    ]
    icrmw = [r for r in recs if r.text == "Ratify ICRMW"]
    assert [(r.paragraph, r.recommending_states) for r in icrmw] == [
        ("115.8", ["SEN", "SLE", "VEN", "PER", "URY"]),
        ("115.10", ["BIH"]),
    ]
    assert icrmw[0].key_parts == icrmw[1].key_parts  # the pipeline unions their states


def test_joint_recommendation_separated_by_semicolons(tmp_path):
    recs, _ = one_row(
        tmp_path,
        "121.9 Ratify the Convention (Chile); (Estonia); (Slovenia);\nSource of Position: A/HRC/43/15 - Para 121",
    )
    assert [(r.text, r.recommending_states) for r in recs] == [("Ratify the Convention", ["CHL", "EST", "SVN"])]


def test_several_recommendations_in_one_cell_each_with_its_states():
    recs = [r for r in records(SLOVENIA19) if r.paragraph == "121.2"]
    assert [(r.text[:40], r.recommending_states) for r in recs] == [
        ("Complete the process of ratification of ", ["UKR"]),
        ("Increase efforts towards ratification of", ["SVK"]),
    ]
    mixed = [r for r in records(CHINA18) if r.paragraph == "28.66"]
    assert [r.recommending_states for r in mixed] == [["LIE"], ["POL", "TGO", "URY"], ["SYC"], ["MLI"]]
    four = [r for r in records(CHINA13) if r.paragraph == "186.1"]
    assert [r.text for r in four][:2] == ["Ratify ICCPR", "Ratify ICCPR and CPED"]
    assert len(four) == 10 and four[-1].recommending_states == ["FRA"]  # `(France) ;`
    lowercase = [r for r in records(SLOVENIA14) if r.paragraph == "115.38"]
    assert [r.text.split()[0] for r in lowercase] == ["Ensure", "continue", "take"]


def test_parentheses_that_are_not_states_stay_in_the_text():
    recs = records(SLOVENIA19) + records(CHINA18)
    assert by_text(recs, "Ratify and implement the International Labour").text.endswith("1930 (No. 29)")
    assert by_text(recs, "Ratify and implement the International Labour").recommending_states == ["GBR"]
    assert by_text(recs, "Ratify the International Labour Organization (ILO)").text.endswith("its 20l4 Protocol")
    assert by_text(recs, "Consider ratifying the International Convention").text.endswith("(the Paris Principles)")
    assert by_text(recs, "Ensure the effective implementation of the third").text.endswith("Plan (2016–2020)")


def test_state_names_as_the_matrices_write_them():
    recs = records(CHINA13) + records(CHINA18) + records(SLOVENIA14) + records(SLOVENIA19)
    states = {s for r in recs for s in r.recommending_states}
    assert {"VEN", "IRN", "BOL", "CIV", "SLE", "TLS", "GBR", "USA"} <= states
    assert by_text(recs, "Undertake further efforts to promote the tasks").recommending_states == ["BOL"]  # S tate
    assert by_text(recs, "Ratify ICCPR and OP-CAT").recommending_states == ["SLE"]  # Sierra Le one


def test_unknown_state_is_rejected(tmp_path):
    for written, name in (("(Atlantis)", "Atlantis"), ("(Unknown)", "Unknown"), ("&#40;Unknown&#41;", "Unknown")):
        recs, rejects = one_row(tmp_path, f"121.9 Ratify the Convention (France); Do more {written};")
        assert recs == []
        assert rejects == [Reject(2, "Recommendation", f"unknown recommending state {name!r}")]


def test_text_without_state_or_state_without_text_is_rejected(tmp_path):
    _, rejects = one_row(tmp_path, "121.9 Ratify the Convention")
    assert "no recommending state" in rejects[0].reason
    _, rejects = one_row(tmp_path, "121.9 (France);")
    assert "without a recommendation text" in rejects[0].reason
    _, rejects = one_row(tmp_path, "   ", themes="- Women")
    assert rejects == [Reject(2, "Recommendation", "no recommendation text")]


def test_pdf_artifacts_and_typography_are_kept():
    recs = records(CHINA13)
    assert "to which the country i s not yet a party" in by_text(recs, "Continue efforts to ratify the OP-CAT").text
    assert "accessible to ur ban and rural" in by_text(recs, "Continue its efforts in implementing a social").text
    assert "“ reeducation through labour”" in by_text(recs, "Reform its administrative justice").text
    assert "toarticle8" in by_text(records(SLOVENIA14), "Expedite").text
    assert "Organization’s" in by_text(records(SLOVENIA19), "Ratify and implement").text


def test_nbsp_and_runs_of_spaces_collapse():
    f14 = by_text(records(CHINA13), "Make efforts to ensure the participation of women")
    assert f14.themes[0] == ThemeLabel("Participation of women in political and public life", "F14")
    s04 = [t for r in records(CHINA18) for t in r.themes if t.code == "S04"]
    assert {t.label for t in s04} == {"SDG 4 - education"}
    assert all("  " not in r.text and "\xa0" not in r.text for r in records(SLOVENIA19))


# ---- source of position ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "symbol", "paragraph"),
    [
        ("A/HRC/25/5/Add.1 - Para. 186.28.", "A/HRC/25/5/Add.1", "186.28"),
        ("A/HRC/43/15/Add.1 - Para.3", "A/HRC/43/15/Add.1", "3"),
        ("A/HRC/43/15/Add.1 - Para.3vv", "A/HRC/43/15/Add.1", "3"),
        ("A/HRC/43/15 - Para 121", "A/HRC/43/15", "121"),
        ("A/HRC/43/15/Add.1", "A/HRC/43/15/Add.1", None),
        ("A/HRC/28/15/Add.1, para. 3 - Para. 3", "A/HRC/28/15/Add.1", "3"),
        ("", None, None),
    ],
)
def test_source_of_position_spellings(line, symbol, paragraph):
    source = parse_source(line)
    assert (source.symbol, source.paragraph) == (symbol, paragraph)


def test_source_of_position_in_the_real_rows():
    recs = records(SLOVENIA19)
    assert (recs[0].position_source, recs[0].position_paragraph) == ("A/HRC/43/15", "121")
    add1 = by_text(recs, "Complete the process of ratification of the Optional Protocol")
    assert (add1.position_source, add1.position_paragraph) == ("A/HRC/43/15/Add.1", "3")
    no_para = by_text(recs, "Continue efforts for the integration of Roma")
    assert (no_para.position_source, no_para.position_paragraph) == ("A/HRC/43/15/Add.1", None)
    assert {r.source_document for r in recs} == {"A/HRC/43/15"}
    odd = by_text(records(SLOVENIA14), "Regularize the status of all erased persons")
    assert (odd.position_source, odd.position_paragraph) == ("A/HRC/28/15/Add.1", "3")
    assert records(CHINA13)[0].position_paragraph == "186.28"


def test_source_line_typo_or_missing(tmp_path):
    path = edited(
        tmp_path,
        SLOVENIA19,
        5,
        Recommendation=fixture_rows(SLOVENIA19)[3]["Recommendation"].replace("Para.3", "Para.3vv"),
    )
    assert by_text(records(path), "Complete the process of ratification of the Optional").position_paragraph == "3"
    text = "122.1 Complete the process of ratification of the Optional Protocol (Senegal);"
    path = edited(tmp_path, SLOVENIA19, 5, Recommendation=text)
    rec = by_text(records(path), "Complete the process of ratification of the Optional")
    assert (rec.text, rec.position_source, rec.position_paragraph) == (
        "Complete the process of ratification of the Optional Protocol",
        None,
        None,
    )
    assert rec.source_document == "A/HRC/43/15"  # the report seen on the rows above


# ---- positions --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Supported", PositionKind.supported),
        ("Accepted", PositionKind.supported),
        ("supported ", PositionKind.supported),
        ("Noted", PositionKind.noted),
        ("Rejected", PositionKind.noted),
        ("Not accepted", PositionKind.noted),
        ("Supported/Noted", PositionKind.supported_in_part),
        ("Supported in part", PositionKind.supported_in_part),
        ("Partially accepted", PositionKind.supported_in_part),
        ("Partially supported", PositionKind.supported_in_part),
        ("Pending", PositionKind.pending),
    ],
)
def test_positions(label, kind):
    assert parse_position(label) == (kind, label.strip())


def test_position_wording_is_kept_and_unknown_wording_rejected(tmp_path):
    recs, _ = one_row(tmp_path, "121.9 Ratify the Convention (France);", position="Supported/Noted")
    assert (recs[0].position, recs[0].position_label) == (PositionKind.supported_in_part, "Supported/Noted")
    recs, rejects = one_row(tmp_path, "121.9 Ratify the Convention (France);", position="Maybe")
    assert recs == [] and rejects == [Reject(2, "Position", "unknown position 'Maybe'")]
    recs, _ = one_row(tmp_path, "121.9 Ratify the Convention (France);", position="")
    assert (recs[0].position, recs[0].position_label) == (None, None)


def test_positions_of_the_excerpts():
    assert Counter(r.position for r in records(SLOVENIA19)) == {PositionKind.supported: 12, PositionKind.noted: 2}
    assert records(SLOVENIA19)[0].position_label == "Supported"


# ---- themes, SDGs, affected persons ----------------------------------------------------------------


def test_coded_themes():
    rec = records(CHINA13)[0]
    assert rec.themes == [
        ThemeLabel("Acceptance of international norms", "A12"),
        ThemeLabel("Right to an effective remedy", "B51"),
    ]
    assert rec.affected_persons == []  # `- general` is OHCHR's "no group in particular"
    codes = {t.code for r in records(CHINA18) for t in r.themes}
    assert {"S", "S16", "A12"} <= codes


def test_uncoded_themes_with_sdg_and_affected_persons_sublists():
    rec = records(SLOVENIA19)[0]
    assert rec.themes == [
        ThemeLabel("Acceptance of international norms"),
        ThemeLabel("Enforced disappearances"),
        ThemeLabel("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "S16"),
    ]
    assert rec.affected_persons == ["Disappeared persons"]
    assert rec.sdg_targets == []
    budget = by_text(records(SLOVENIA19), "Provide specific funding to the Commission")
    assert ThemeLabel("Budget &resources (for human rights implementation)") in budget.themes


def test_groups_of_persons_sublist_and_sdg_targets():
    tags = parse_tags("- Women\nGroups of Persons:\n- Girls\n- general\nSDGs:\n- 5 - GENDER EQUALITY\n- 16.10, 5.2")
    assert tags.themes == [ThemeLabel("Women"), ThemeLabel("5 - GENDER EQUALITY", "S05")]
    assert tags.affected_persons == ["Girls"]
    assert tags.sdg_targets == ["16.10", "5.2"]


def test_theme_headings_from_the_docx_or_the_csv_column(tmp_path):
    rows = fixture_rows(SLOVENIA19)
    rows[0]["Full list of themes"] = "- Enforced disappearances"
    path = write_csv(tmp_path / "slovenia_upr34.csv", list(rows[0]), rows)
    assert records(path)[0].themes[0] == ThemeLabel("Acceptance of international norms")
    # A flattening that keeps the heading rows as rows of their own, `Right or area:` style.
    rows = [
        ["Right or area: 2.1. Acceptance of international norms", "", ""],
        ["121.1 Ratify the Convention (France);", "Supported", "- Enforced disappearances"],
    ]
    path = write_csv(tmp_path / "slovenia_upr34_b.csv", ["Recommendation", "Position", "Themes"], rows)
    rec = records(path)[0]
    assert rec.themes == [ThemeLabel("Acceptance of international norms"), ThemeLabel("Enforced disappearances")]
    assert rec.line == 3


# ---- other matrix layouts ------------------------------------------------------------------------------


def test_layout_with_recommending_states_column_and_relevant_sdgs(tmp_path):
    header = [
        "Recommendation",
        "Recommending state/s",
        "Position of the State under review",
        "Relevant SDGs",
        "Affected persons",
        "Source of position",
        "Paragraph",
    ]
    rows = [
        [
            "Ratify the Convention",
            "Chile\nEstonia\nSlovenia",
            "Supported in part",
            "16.10, 5.2\n- 5 - GENDER",
            "- women",
            "A/HRC/43/15/Add.1 - Para.3",
            "121.9.",
        ],
        ["Ratify another", "Atlantis", "Noted", "", "", "", "121.10"],
        ["Ratify a third", "France", "Noted", "", "", "", "12x"],
    ]
    recs, rejects = read(write_csv(tmp_path / "matrix.csv", header, rows), state="Slovenia", session=34)
    (rec,) = recs
    assert (rec.text, rec.recommending_states, rec.paragraph) == (
        "Ratify the Convention",
        ["CHL", "EST", "SVN"],
        "121.9",
    )
    assert (rec.position, rec.position_label) == (PositionKind.supported_in_part, "Supported in part")
    assert (rec.sdg_targets, rec.themes) == (["16.10", "5.2"], [ThemeLabel("5 - GENDER", "S05")])
    assert (rec.affected_persons, rec.position_source, rec.position_paragraph) == (["women"], "A/HRC/43/15/Add.1", "3")
    assert rejects == [
        Reject(6, "Recommending state/s", "unknown recommending state 'Atlantis'"),
        Reject(7, "Paragraph", "paragraph '12x' is not like 147.68"),
    ]


def _docx(path: Path, tables: list[list[list[str]]], title: str | None = None) -> Path:
    """A Word document like OHCHR's: heading rows are one cell merged across the table."""
    document = docx.Document()
    for rows in tables:
        width = max(len(r) for r in rows)
        table = document.add_table(rows=0, cols=width)
        if title:
            cells = table.add_row().cells
            cells[0].merge(cells[-1]).text = title
            title = None
        for values in rows:
            cells = table.add_row().cells
            if len(values) == 1:
                cells[0].merge(cells[-1]).text = values[0]
            else:
                for cell, value in zip(cells, values, strict=True):
                    cell.text = value
        document.add_paragraph("")
    document.save(str(path))
    return path


def test_docx_with_other_column_names_title_row_split_tables_and_repeated_header(tmp_path):
    header = ["Recommendation and recommending State", "Position of the State under review", "Full list of themes"]
    first = [
        header,
        ["Right or area: Acceptance of international norms"],
        [
            "121.1 Ratify the Convention (France) (Lithuania);\nSource of Position: A/HRC/43/15 - Para 121",
            "Supported",
            "- Enforced disappearances",
        ],
    ]
    second = [
        header,
        ["Theme: Racial discrimination"],
        ["122.5 Combat hate speech (Iran (Islamic Republic of));", "Noted", ""],
        header,
        ["122.6 Combat racism (Atlantis);", "Noted", ""],
    ]
    continued = [["122.7 Combat racism (Chile);", "Noted", ""]]
    path = _docx(tmp_path / "UPR34_Slovenia_matrix.docx", [first, second, continued], title="Matrix of recommendations")
    recs, rejects = read(path)
    assert [(r.line, r.paragraph, r.recommending_states, r.themes[0].label) for r in recs] == [
        (4, "121.1", ["FRA", "LTU"], "Acceptance of international norms"),
        (7, "122.5", ["IRN"], "Racial discrimination"),
        (10, "122.7", ["CHL"], "Racial discrimination"),
    ]
    assert rejects == [Reject(9, "Recommendation and recommending State", "unknown recommending state 'Atlantis'")]


def test_docx_without_a_matrix_table(tmp_path):
    path = _docx(tmp_path / "UPR34_Slovenia.docx", [[["Recommendation", "Comments"], ["121.1 Do (France)", ""]]])
    with pytest.raises(UnreadableFile, match="'position'"):
        list(ohchr.read(path))
    fake = tmp_path / "UPR34_Slovenia.docx"
    fake.write_text("not a zip")
    with pytest.raises(UnreadableFile, match="not a readable Word"):
        list(ohchr.read(fake))


def test_csv_missing_a_required_column_names_it(tmp_path):
    path = write_csv(tmp_path / "UPR34_Slovenia.csv", ["Recommendation", "Full list of themes"], [["x", "y"]])
    with pytest.raises(UnreadableFile, match="missing the 'position' column"):
        list(ohchr.read(path))
    with pytest.raises(UnreadableFile, match="empty"):
        list(ohchr.read(write_csv(tmp_path / "UPR34_Slovenia_2.csv", [], [])))
    with pytest.raises(UnreadableFile, match=".docx or a .csv"):
        ohchr.read(tmp_path / "UPR34_Slovenia.xlsx")


# ---- the review: arguments or file name --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "state", "session"),
    [
        ("slovenia_upr34_2019_thematic_list.csv", "SVN", 34),
        ("UPR34_Slovenia_Thematic_list_of_Recommendations.docx", "SVN", 34),
        ("UPR20__Slovenia_ThematicListRecommendations_E.docx", "SVN", 20),
        ("china_upr17_2013_matrix.csv", "CHN", 17),
        ("Guinea-Bissau 36th session matrix.docx", "GNB", 36),
        ("matrix_South_Sudan_session_26.csv.gz", "SSD", 26),
        ("CHN_UPR31_matrix.docx", "CHN", 31),
        ("matrix_St._Lucia_UPR 24.csv", "LCA", 24),
        ("china_and_japan_upr17.csv", None, 17),
        ("Matrix_recommendations_2013.docx", None, None),
    ],
)
def test_state_and_session_from_the_file_name(name, state, session):
    assert (ohchr_review.state_from_name(name), ohchr_review.session_from_name(name)) == (state, session)


def test_arguments_override_and_complete_the_file_name(tmp_path):
    path = tmp_path / "Matrix_recommendations_2013.csv"
    path.write_bytes(CHINA13.read_bytes())
    with pytest.raises(UnreadableFile, match=r"give --state ISO3 and --session N"):
        ohchr.read(path)
    with pytest.raises(UnreadableFile, match=r"give --session N"):
        ohchr.read(path, state="CHN")
    rec = records(path, state="China", session=17)[0]
    assert (rec.state_under_review, rec.session, rec.cycle, rec.year) == ("CHN", 17, 2, 2013)
    rec = records(SLOVENIA19, state="SVN", session=47)[0]
    assert (rec.session, rec.cycle, rec.year) == (47, 4, 2024)
    with pytest.raises(UnreadableFile, match="not a known state"):
        ohchr.read(path, state="Atlantis", session=17)


# ---- encodings, line ends, gzip ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "mac_roman"])
def test_encodings(tmp_path, encoding):
    path = tmp_path / CHINA13.name
    path.write_bytes(CHINA13.read_text(encoding="utf-8").encode(encoding))
    assert comparable(records(path)) == comparable(records(CHINA13))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_and_gzip(tmp_path, newline):
    text = CHINA13.read_text(encoding="utf-8").replace("\n", newline)
    plain = tmp_path / CHINA13.name
    plain.write_bytes(text.encode())
    packed = tmp_path / (CHINA13.name + ".gz")
    packed.write_bytes(gzip.compress(text.encode()))
    expected = comparable(records(CHINA13))
    assert comparable(records(plain)) == expected
    assert comparable(records(packed)) == expected
    assert [r.line for r in records(plain)] == [r.line for r in records(CHINA13)]


# ---- cell parsing details -----------------------------------------------------------------------------


def test_split_keeps_a_state_named_inside_a_sentence():
    (rec,) = split_recommendations("1.2 Cooperate with (France) and others on it (Chile);")
    assert (rec.text, rec.recommending_states) == ("Cooperate with (France) and others on it", ["CHL"])
    (rec,) = split_recommendations("Achieve the (MDG) goals (Cuba)")
    assert (rec.paragraph, rec.text, rec.recommending_states) == (None, "Achieve the (MDG) goals", ["CUB"])


# ---- the whole real files (run whenever ../shared/data is present) -----------------------------------

REAL = {  # file: (table rows, recommendations, rows Supported / Noted as the README counts them)
    "china_upr17_2013_matrix": (252, 286, 204, 48),
    "china_upr31_2018_matrix": (346, 374, 284, 62),
    "slovenia_upr20_2014_thematic_list": (163, 169, 142, 21),
    "slovenia_upr34_2019_thematic_list": (215, 219, 182, 33),
}

if DATA.is_dir():

    @pytest.mark.parametrize("stem", sorted(REAL))
    def test_whole_real_file_csv_and_docx(stem):
        rows, count, supported, noted = REAL[stem]
        from_csv, from_docx = records(DATA / f"{stem}.csv"), records(DATA / "raw" / f"{stem}.docx")
        assert len(from_csv) == count
        assert comparable(from_csv) == comparable(from_docx)
        by_row = {r.line: r.position for r in from_docx}
        assert len(by_row) == rows
        assert Counter(by_row.values()) == {PositionKind.supported: supported, PositionKind.noted: noted}
        assert all(r.recommending_states and r.text and r.paragraph and r.themes for r in from_csv)

    def test_whole_slovenia_2019_matches_the_demo_fixture():
        demo = json.loads((Path(ohchr.__file__).parents[1] / "seed_data/slovenia_upr34_2019.json").read_text())
        recs = records(DATA / "slovenia_upr34_2019_thematic_list.csv")
        expected = [
            (
                " ".join(d["text"].split()),
                d["paragraph"],
                d["recommending_states"],
                d["position"],
                d["position_source"]["document"],
                d["position_source"]["paragraph"],
                d["affected_persons"],
            )
            for d in sorted(demo["recommendations"], key=lambda d: d["table_row"])
        ]
        assert [
            (
                r.text,
                r.paragraph,
                r.recommending_states,
                r.position.value,
                r.position_source,
                r.position_paragraph,
                r.affected_persons,
            )
            for r in recs
        ] == expected


# ---- notes and paragraphs (issue 12: exact identities) ---------------------------------------------


def test_a_comments_line_in_a_cell_is_the_records_note(tmp_path):
    """A real 2014 row with a `Comments:` line (in the form other matrices carry): one record, the
    note on it; before, the line was read as a second recommendation of the cell."""
    cell = (
        "115.8 Ratify ICRMW (Senegal, Sierra Leone, Venezuela (Bolivarian Republic of),Peru, Uruguay);\n"
        "Comments: Slovenia does not intend to ratify it (Slovenia).\n"
        "Source of position: A/HRC/28/15/Add.1 - Para. 5"
    )
    path = tmp_path / "slovenia_upr20_2014_thematic_list.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, ["177", "", cell, "Noted\nComments: see the addendum", "A12 x", ""]])
    [rec] = records(path)
    assert (rec.paragraph, rec.text, rec.position) == ("115.8", "Ratify ICRMW", PositionKind.noted)
    assert rec.recommending_states == ["SEN", "SLE", "VEN", "PER", "URY"]
    assert rec.note == "Comments: Slovenia does not intend to ratify it (Slovenia).\nComments: see the addendum"
    assert rec.position_source == "A/HRC/28/15/Add.1" and rec.position_paragraph == "5"


if DATA.is_dir():
    from sqlmodel import Session, col, select

    from api.cycle.models import Review
    from api.imports.pipeline import run_import
    from api.recommendations.models import Recommendation, RecommendationSource
    from api.seed import seed_states
    from api.taxonomy.service import seed_sdg_targets

    SHARED = DATA.parent
    REVIEWS = {  # file: (state, session, UPR Info's name, DIHR's year)
        "china_upr17_2013_matrix": ("CHN", 17, "China", "2013"),
        "china_upr31_2018_matrix": ("CHN", 31, "China", None),
        "slovenia_upr20_2014_thematic_list": ("SVN", 20, "Slovenia", "2014"),
        "slovenia_upr34_2019_thematic_list": ("SVN", 34, "Slovenia", None),
    }

    def _file_paragraphs(path: Path) -> set[str]:
        """The paragraph numbers opening the file's recommendation cells, read without the reader."""
        with path.open(encoding="utf-8", newline="") as f:
            cells = [row["Recommendation"] for row in csv.DictReader(f)]
        found = {m.group(1) for cell in cells if (m := re.match(r"\s*(\d{1,3}(?:\.\d{1,3})+)", cell))}
        assert len(found) == len(cells), "each row of these matrices holds one paragraph"
        return found

    def _subset(source: Path, target: Path, keep) -> Path:
        """The rows of a real export that concern one review, as a small CSV of the same format."""
        with gzip.open(source, "rt", encoding="utf-8", newline="") as f, target.open("w", encoding="utf-8") as out:
            reader, writer = csv.reader(f), csv.writer(out)
            writer.writerow(next(reader))
            writer.writerows(row for row in reader if keep(row))
        return target

    @pytest.mark.parametrize("stem", sorted(REVIEWS))
    def test_whole_real_file_loses_no_paragraph(stem, session: Session, tmp_path):
        """Every paragraph of the matrix is a record of its review, after the review's UPR Info and DIHR
        rows (where they cover it) were imported first; a second import changes nothing."""
        state, number, name, year = REVIEWS[stem]
        seed_states(session)
        seed_sdg_targets(session)
        if number <= 20:
            upr = SHARED / "upr_info" / "upr_info_recommendations_sessions01-20.csv.gz"
            run_import(session, _subset(upr, tmp_path / "upr.csv", lambda r: r[0] == name and r[10] == str(number)))
        if year:
            dihr = SHARED / "dihr_sdg_explorer" / "dihr_sdg_explorer_upr_cycle2.csv.gz"
            run_import(session, _subset(dihr, tmp_path / "dihr.csv", lambda r: r[1] == name and r[11][:4] == year))
        path = DATA / f"{stem}.csv"
        report = run_import(session, path)
        assert report.rejected_count == 0
        review = session.exec(
            select(Review).where(col(Review.state_code) == state, col(Review.session_number) == number)
        ).one()
        stored = select(Recommendation.paragraph).where(col(Recommendation.review_id) == review.id)
        assert _file_paragraphs(path) <= set(session.exec(stored))
        sourced = select(RecommendationSource.paragraph).where(col(RecommendationSource.file_name) == path.name)
        assert set(session.exec(sourced)) == _file_paragraphs(path)  # the file's own rows name them all
        again = run_import(session, path)
        assert (again.inserted, again.merged, again.updated) == (0, 0, 0)
