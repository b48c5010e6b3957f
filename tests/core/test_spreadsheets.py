"""The formula guard of api/core/spreadsheets.py, cell by cell (the exports through a real spreadsheet
engine: tests/security/test_spreadsheet_formulas.py)."""

import csv
import io
from datetime import date
from decimal import Decimal
from enum import StrEnum

import pytest
from openpyxl import Workbook, load_workbook

from api.core.spreadsheets import csv_cell, csv_text, csv_writer, xlsx_row
from api.imports.records import ImportReport, Reject
from api.imports.report import write_rejects


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t'=1"),
        ("\r=1", "'\r'=1"),
        # every segment a `,`, `;`, tab or line break could start, in any locale
        ("Budget;=2+3;@SUM(9)", "Budget;'=2+3;'@SUM(9)"),
        ("a,+1", "a,'+1"),
        ("a\t-1", "a\t'-1"),
        ("a\n=1", "a\n'=1"),
        ("a\r\n@x", "a\r\n'@x"),
        # after spaces or quotes (LibreOffice's "trim spaces" and its quote handling)
        ("a; =1", "a;' =1"),
        ('a;"=1"', 'a;\'"=1"'),
        (' "=1', "' \"=1"),
        # a separator that itself starts a formula segment: both guarded
        ("a;\t=1", "a;'\t'=1"),
    ],
)
def test_every_segment_that_could_become_a_formula_cell_is_guarded(text, guarded):
    assert csv_text(text) == guarded


@pytest.mark.parametrize(
    "text",
    ["", "Budget 2024", "a=b", "a - b", "x+y", "e-mail@example.org", "'=already text", "a;b, c\td", "1; 2"],
)
def test_ordinary_text_is_left_alone(text):
    assert csv_text(text) == text


def test_numbers_stay_numbers_and_everything_else_is_text():
    class Colour(StrEnum):
        red = "=red"

    assert [csv_cell(v) for v in (7, -2.5, Decimal("1.5"))] == [7, -2.5, Decimal("1.5")]
    assert [csv_cell(v) for v in (None, True, date(2025, 3, 31))] == ["", "True", "2025-03-31"]
    assert csv_cell(Colour.red) == "'=red"  # a str subclass: its value, guarded
    assert csv_cell("-5") == "'-5"  # a number already formatted is text: guarded, like any text


def test_csv_quotes_every_text_cell_and_no_number():
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([12, -3.5, "147.68", "Budget;=2+3", None, "plain"])
    writer.writerows([["x"]])
    assert out.getvalue() == '12,-3.5,"147.68","Budget;\'=2+3","","plain"\r\n"x"\r\n'
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][3] == "Budget;'=2+3"


@pytest.mark.parametrize("write_only", [True, False])
def test_xlsx_cells_hold_every_text_as_a_string_exactly(write_only):
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("S") if write_only else workbook.active
    texts = ["=1+2", "+1", "@SUM(1)", "Budget;=2+3", "#N/A"]  # openpyxl: a formula, an error
    sheet.append(xlsx_row(sheet, [*texts, 7, None, "bell\x07 and \x0b"]))
    out = io.BytesIO()
    workbook.save(out)
    cells = list(load_workbook(io.BytesIO(out.getvalue())).worksheets[-1].iter_rows())[0]
    assert [c.value for c in cells[:5]] == texts
    assert all(c.data_type == "s" for c in cells[:5])
    assert (cells[5].value, cells[5].data_type) == (7, "n")
    assert cells[6].value is None
    assert cells[7].value == "bell\ufffd and \ufffd"  # openpyxl refuses these characters: never a 500


def test_the_import_rejects_file_follows_the_same_rule(tmp_path):
    """A reason quotes what the uploaded file held (an unknown state's name): guarded like an export."""
    report = ImportReport(rejected=[Reject(12, "recommending state", "Unknown state(s): Utopia;=1+2.")])
    write_rejects(report, tmp_path / "rejects.csv")
    assert (tmp_path / "rejects.csv").read_bytes().decode() == (
        '"line","column","reason"\r\n12,"recommending state","Unknown state(s): Utopia;\'=1+2."\r\n'
    )
