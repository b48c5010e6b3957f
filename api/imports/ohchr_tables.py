"""The table of an OHCHR matrix: which column means what, and its rows from the .docx or a .csv.

The document is one Word table (or several: a table split at page breaks continues without its
header) under a header row whose wording varies between matrices — `Recommendation` or
`Recommendation and recommending State`, `Position` or `Position of the State under review`,
`Full list of themes`, `Relevant SDGs`, a separate `Recommending state/s` column — so columns are
found by meaning. Full-width rows (`Theme: …`) are headings; a CSV flattening carries them in a
`theme_heading` column.

Line numbers: a CSV row's first physical line; a DOCX row's 1-based place in its table (tables after
the first continue the count), i.e. the CSV flattening's `table_row` + 1.

python-docx parses the whole document, so `archives.check_zip` bounds it first (IMPORT_MAX_DOCX_BYTES;
the real matrices are 1–2 MB of XML).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from api.imports.archives import check_zip
from api.imports.files import csv_rows
from api.imports.limits import ImportLimits, RowBudget, UnreadableFile
from api.imports.normalise import header_key
from api.imports.ohchr_cells import clean


class Column(StrEnum):
    recommendation = "recommendation"
    position = "position"
    themes = "themes"
    sdgs = "sdgs"
    affected = "affected persons"
    states = "recommending states"
    paragraph = "paragraph"
    source = "source of position"
    heading = "theme heading"
    table_row = "table row"


REQUIRED = (Column.recommendation, Column.position)
_PARAGRAPH_HEADER = re.compile(r"(?:rec(?:ommendation)?s? )?(?:no|nr|number|num|n|para|paragraph|paras|ref)")
_OTHER_FORMATS = {"tekst", "field year", "to", "from"}  # DIHR's and UPR Info's own columns


def column_of(header: str) -> Column | None:
    """What a header cell means, whatever its wording."""
    h = header_key(header)
    if not h:
        return None
    if h == "table row":
        return Column.table_row
    if "heading" in h:
        return Column.heading
    if "assessment" in h or "comment" in h:
        return None
    if _PARAGRAPH_HEADER.fullmatch(h):
        return Column.paragraph
    if h.startswith("source"):
        return Column.source
    if ("recommending" in h and "recommendation" not in h) or "recommended by" in h:
        return Column.states
    if "recommendation" in h:
        return Column.recommendation
    if "position" in h or h in {"response", "responses", "state response", "response of the state"}:
        return Column.position
    if "sdg" in h or "sustainable development" in h:
        return Column.sdgs
    if "affected" in h or "groups of persons" in h:
        return Column.affected
    if "theme" in h or "thematic" in h or "issue" in h or ("right" in h and "area" in h):
        return Column.themes
    return None


def columns(headers: list[str]) -> dict[Column, int]:
    found: dict[Column, int] = {}
    for i, header in enumerate(headers):
        column = column_of(header or "")
        if column is not None:
            found.setdefault(column, i)
    return found


def matches(headers: list[str]) -> bool:
    if any(header_key(h) in _OTHER_FORMATS for h in headers):
        return False
    return all(c in columns(headers) for c in REQUIRED)


def missing_columns(headers: list[str]) -> str:
    found = columns(headers)
    names = [c.value for c in REQUIRED if c not in found]
    return (
        f"missing the {' and '.join(repr(n) for n in names)} column(s) of an OHCHR matrix "
        f"(header found: {[clean(h) for h in headers if clean(h)]})"
    )


@dataclass
class Row:
    line: int
    cells: list[str]
    heading: str | None = None  # a full-width heading row, with its text
    is_header: bool = False


def table_rows(path: Path, kind: str, limits: ImportLimits) -> Iterator[Row]:
    """The rows of a matrix's .docx (`kind` "docx") or of a .csv of its table."""
    return _docx_rows(path, limits) if kind == "docx" else _csv_rows(path, limits)


def _docx_rows(path: Path, limits: ImportLimits) -> Iterator[Row]:
    """The rows of every table that has a matrix header in its first rows, or that continues the
    previous matrix table (same number of columns, no header of its own)."""
    import docx  # python-docx; imported here so that the CSV readers do not load lxml

    check_zip(path, "docx", limits)
    budget = RowBudget(path.name, limits)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise UnreadableFile(f"{path.name}: not a readable Word (.docx) document ({exc}).") from None
    width: int | None = None
    first_header: list[str] | None = None
    line = 0
    for table in document.tables:
        rows = list(table.rows)
        budget.count(len(rows))
        texts = [[c.text for c in row.cells] for row in rows[:5]]
        start = next((i for i, cells in enumerate(texts) if matches(cells)), None)
        if start is not None:
            width = len(texts[start])
            budget.cells(line + start + 1, texts[start])
            yield Row(line + start + 1, texts[start], is_header=True)
            start += 1
        elif width is None or not texts or len(texts[0]) != width:
            first_header = first_header or (texts[0] if texts else None)
            line += len(rows)
            continue
        for i in range(start or 0, len(rows)):
            cells = rows[i].cells
            heading = cells[0].text if len(cells) > 1 and len({id(c._tc) for c in cells}) == 1 else None
            values = [c.text for c in cells]
            budget.cells(line + i + 1, values)
            yield Row(line + i + 1, values, heading)
        line += len(rows)
    if width is None:
        raise UnreadableFile(
            f"{path.name}: no table in the document has the header of an OHCHR matrix; "
            + missing_columns(first_header or [])
        )


def _csv_rows(path: Path, limits: ImportLimits) -> Iterator[Row]:
    header = True
    for line, cells in csv_rows(path, limits):
        if any(c.strip() for c in cells):
            yield Row(line, cells, is_header=header)
            header = False
