"""How much one import may read, and how breaking a limit is said.

A small upload can expand a thousandfold (a .csv.gz of millions of rows, a sheet's XML), so the
readers check these limits while reading, never after loading a file: `files` for CSV and .gz,
`archives` for the ZIPs of XLSX and DOCX, `RowBudget` for the rows a reader iterates. Breaking one
raises `LimitExceeded`, whose message names the limit and its setting, and the import fails having
written nothing.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from api.settings import Settings

ROW_CELLS = 10  # a row (a CSV record, a sheet row's XML) may hold ten cells' worth of IMPORT_MAX_CELL_CHARS
MAX_COLUMNS = 1_000  # the real exports have 6 to 13; openpyxl pads a row to its last cell (up to 16,384)
MAX_ZIP_PARTS = 1_000  # the real XLSX and DOCX files have 7 to 26


class UnreadableFile(ValueError):
    """The file's encoding or format cannot be read safely; the message says what to do."""


class LimitExceeded(UnreadableFile):
    """The file breaks an import limit; the message names the limit and its setting."""


@dataclass(frozen=True)
class ImportLimits:
    """How much one import may read; `from_settings()` gives the configured ones (the default)."""

    max_uncompressed_bytes: int
    max_rows: int
    max_cell_chars: int
    max_docx_bytes: int
    max_xlsx_loaded_bytes: int
    max_columns: int = MAX_COLUMNS
    max_zip_parts: int = MAX_ZIP_PARTS

    @property
    def max_row_chars(self) -> int:
        return ROW_CELLS * self.max_cell_chars

    @classmethod
    def from_settings(cls, settings: "Settings | None" = None) -> "ImportLimits":
        from api.settings import get_settings

        s = settings or get_settings()
        return cls(
            max_uncompressed_bytes=s.import_max_uncompressed_bytes,
            max_rows=s.import_max_rows,
            max_cell_chars=s.import_max_cell_chars,
            max_docx_bytes=s.import_max_docx_bytes,
            max_xlsx_loaded_bytes=s.import_max_xlsx_loaded_bytes,
        )


def resolve_limits(limits: ImportLimits | None) -> ImportLimits:
    return limits if limits is not None else ImportLimits.from_settings()


# ---- what each limit says when it is broken ------------------------------------------------------


def size_text(n: int) -> str:
    return f"{n / 1e6:,.{0 if n % 1_000_000 == 0 else 1}f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def too_large(name: str, limits: ImportLimits) -> LimitExceeded:
    return LimitExceeded(
        f"{name}: the file is larger than {size_text(limits.max_uncompressed_bytes)} (IMPORT_MAX_UNCOMPRESSED_BYTES)."
    )


def expands_too_far(name: str, limits: ImportLimits, declared: int | None = None) -> LimitExceeded:
    """A .gz or a ZIP inflating beyond the limit (`declared`: the size it says it has, when it says)."""
    says = f"; it declares {size_text(declared)}" if declared is not None else ""
    return LimitExceeded(
        f"{name}: the file expands beyond {size_text(limits.max_uncompressed_bytes)} "
        f"uncompressed (IMPORT_MAX_UNCOMPRESSED_BYTES){says}."
    )


def document_too_large(name: str, limits: ImportLimits, declared: int) -> LimitExceeded:
    return LimitExceeded(
        f"{name}: the document expands beyond {size_text(limits.max_docx_bytes)} uncompressed "
        f"(IMPORT_MAX_DOCX_BYTES); it declares {size_text(declared)}."
    )


def workbook_too_large(name: str, limits: ImportLimits, declared: int) -> LimitExceeded:
    return LimitExceeded(
        f"{name}: the workbook's parts other than its sheets (shared strings, styles …) expand "
        f"beyond {size_text(limits.max_xlsx_loaded_bytes)} (IMPORT_MAX_XLSX_LOADED_BYTES); they "
        f"declare {size_text(declared)}."
    )


def too_many_rows(name: str, limits: ImportLimits) -> LimitExceeded:
    return LimitExceeded(f"{name}: the file has more than {limits.max_rows:,} rows (IMPORT_MAX_ROWS).")


def too_long_row(where: str, limits: ImportLimits, unit: str) -> LimitExceeded:
    return LimitExceeded(
        f"{where}: a row longer than {limits.max_row_chars:,} {unit} ({ROW_CELLS} × IMPORT_MAX_CELL_CHARS)."
    )


def too_long_shared_string(name: str, limits: ImportLimits) -> LimitExceeded:
    return LimitExceeded(
        f"{name}: a shared string longer than {limits.max_row_chars:,} bytes of XML "
        f"({ROW_CELLS} × IMPORT_MAX_CELL_CHARS)."
    )


def too_long_cell(where: str, limits: ImportLimits) -> LimitExceeded:
    return LimitExceeded(f"{where}: a cell longer than {limits.max_cell_chars:,} characters (IMPORT_MAX_CELL_CHARS).")


class RowBudget:
    """The rows of one file counted as they are read, and each row's width and cells measured."""

    def __init__(self, name: str, limits: ImportLimits):
        self.name, self.limits, self.rows = name, limits, 0

    def count(self, rows: int = 1) -> None:
        self.rows += rows
        if self.rows > self.limits.max_rows:
            raise too_many_rows(self.name, self.limits)

    def cells(self, line: int, cells: Sequence[object]) -> None:
        if len(cells) > self.limits.max_columns:
            raise LimitExceeded(
                f"{self.name}, line {line}: a row of {len(cells):,} cells; at most "
                f"{self.limits.max_columns:,} are read."
            )
        longest = self.limits.max_cell_chars
        for value in cells:
            if isinstance(value, str) and len(value) > longest:
                raise too_long_cell(f"{self.name}, line {line}", self.limits)

    def row(self, line: int, cells: Sequence[object]) -> None:
        self.count()
        self.cells(line, cells)
