"""Reader for OHCHR's matrices / thematic lists of recommendations: the published .docx, or a CSV of it.

The table's columns and rows come from `ohchr_tables`, the review the file records from
`ohchr_review`, and the cells, which pack several fields into one string, are parsed in
`ohchr_cells`: a note in a cell (`Comments: …`) goes with the cell's recommendations as their
note, never a recommendation of its own. Full-width rows (`Theme: …`, `Right or area: …`) head the
rows below them. Apart from `line`, the DOCX and its CSV flattening give the same records.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from api.imports.files import file_kind
from api.imports.limits import ImportLimits, UnreadableFile, resolve_limits
from api.imports.normalise import header_key
from api.imports.ohchr_cells import (
    CellError,
    Tags,
    clean,
    parse_position,
    parse_source,
    parse_tags,
    resolve_states,
    split_note,
    split_recommendations,
    split_source,
    theme_label,
    unknown_state,
)
from api.imports.ohchr_review import Review, review_for
from api.imports.ohchr_tables import REQUIRED, Column, Row, columns, matches, missing_columns, table_rows
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.policy import PARAGRAPH_PATTERN

__all__ = ["FORMAT", "matches", "read"]  # a reader's interface (`detect`)

FORMAT = ImportFormat.ohchr_matrix
_HEADING = re.compile(r"^\s*(?:theme|right or area|thematic area|area|cluster)\s*:\s*", re.I)
_HEADING_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


class _Matrix:
    """The reading state of one file: its columns, the current theme heading, the report symbol seen."""

    def __init__(self, path: Path, header: list[str], review: Review):
        self.path, self.review = path, review
        self.heading: ThemeLabel | None = None
        self.report: str | None = None
        self.set_header(header)

    def set_header(self, header: list[str]) -> None:
        self.header, self.columns = header, columns(header)
        if any(c not in self.columns for c in REQUIRED):
            raise UnreadableFile(f"{self.path.name}: {missing_columns(header)}")
        self._header_norm = [header_key(h) for h in header]

    def name(self, column: Column) -> str:
        return clean(self.header[self.columns[column]])

    def cell(self, cells: list[str], column: Column) -> str:
        index = self.columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    def read(self, row: Row) -> Iterator[ImportRecord | Reject]:
        if row.heading is not None:
            self.heading = heading_theme(row.heading)
            return
        if [header_key(c) for c in row.cells] == self._header_norm:
            return  # the header repeated on a later page
        if Column.heading in self.columns:
            self.heading = heading_theme(self.cell(row.cells, Column.heading))
        row.cells = [c.replace("\r\n", "\n").replace("\r", "\n") for c in row.cells]
        text_cell = self.cell(row.cells, Column.recommendation)
        content = [
            clean(c)
            for i, c in enumerate(row.cells)
            if i not in (self.columns.get(Column.table_row), self.columns.get(Column.heading))
        ]
        if not any(content):
            return
        if _HEADING.match(text_cell) and not any(
            clean(self.cell(row.cells, c))
            for c in self.columns
            if c not in (Column.recommendation, Column.table_row, Column.heading)
        ):
            self.heading = heading_theme(text_cell)
            return
        try:
            yield from self._records(row)
        except _RowError as exc:
            yield Reject(row.line, self.name(exc.column) if exc.column in self.columns else None, exc.reason)

    def _records(self, row: Row) -> Iterator[ImportRecord]:
        cells, review = row.cells, self.review
        text_cell = self.cell(cells, Column.recommendation)
        if not clean(text_cell):
            raise _RowError(Column.recommendation, "no recommendation text")
        position_cell, position_note = split_note(self.cell(cells, Column.position))
        with _blame(Column.position):
            position = parse_position(position_cell)
        body, source = split_source(text_cell)
        body, note = split_note(body)
        note = "\n".join(n for n in (note, position_note) if n) or None
        if Column.source in self.columns and clean(self.cell(cells, Column.source)):
            source = parse_source(self.cell(cells, Column.source))
        if source and source.report:
            self.report = source.report
        column_paragraph = None
        if raw := clean(self.cell(cells, Column.paragraph)).rstrip("."):
            if not re.fullmatch(PARAGRAPH_PATTERN, raw):
                raise _RowError(Column.paragraph, f"paragraph {raw!r} is not like 147.68")
            column_paragraph = raw
        column_states = self._column_states(cells)
        recommendations = split_recommendations(body)
        for rec in recommendations:
            if not rec.text:
                raise _RowError(Column.recommendation, "recommending state(s) without a recommendation text")
            if not rec.recommending_states:
                if column_states:
                    rec.recommending_states = column_states
                    continue
                name = unknown_state(rec.text)
                reason = (
                    f"unknown recommending state {name!r}"
                    if name
                    else f"no recommending state in parentheses after {rec.text[-60:]!r}"
                )
                raise _RowError(Column.recommendation, reason)
        tags = Tags()
        with _blame(Column.themes):
            parse_tags(self.cell(cells, Column.themes), "themes", tags)
        with _blame(Column.sdgs):
            parse_tags(self.cell(cells, Column.sdgs), "sdgs", tags)
        with _blame(Column.affected):
            parse_tags(self.cell(cells, Column.affected), "affected", tags)
        if self.heading and all(t.label.casefold() != self.heading.label.casefold() for t in tags.themes):
            tags.themes.insert(0, self.heading)
        for rec in recommendations:
            yield ImportRecord(
                line=row.line,
                source=FORMAT,
                state_under_review=review.state,
                text=rec.text,
                recommending_states=rec.recommending_states,
                key_parts=(rec.text,),
                session=review.session,
                cycle=review.cycle,
                year=review.year,
                paragraph=rec.paragraph or column_paragraph,
                position=position[0] if position else None,
                position_label=position[1] if position else None,
                position_source=source.symbol if source else None,
                position_paragraph=source.paragraph if source else None,
                themes=list(tags.themes),
                affected_persons=list(tags.affected_persons),
                sdg_targets=list(tags.sdg_targets),
                source_document=self.report,
                note=note,
            )

    def _column_states(self, cells: list[str]) -> list[str]:
        """A `Recommending state/s` column: one state per line (or comma-separated)."""
        codes: list[str] = []
        for line in self.cell(cells, Column.states).splitlines():
            if not clean(line):
                continue
            found = resolve_states(clean(line).strip(" ;,."))
            if found is None:
                raise _RowError(Column.states, f"unknown recommending state {clean(line)!r}")
            codes.extend(c for c in found if c not in codes)
        return codes


class _RowError(Exception):
    def __init__(self, column: Column, reason: str):
        super().__init__(reason)
        self.column, self.reason = column, reason


@contextmanager
def _blame(column: Column) -> Iterator[None]:
    """A CellError inside the block rejects the row, naming this column."""
    try:
        yield
    except CellError as exc:
        raise _RowError(column, str(exc)) from None


def heading_theme(text: str) -> ThemeLabel | None:
    """`Theme: A12 Acceptance of international norms` or `Right or area: 2.1. Acceptance …`."""
    label = _HEADING_NUMBER.sub("", _HEADING.sub("", clean(text)))
    return theme_label(label) if label else None


def read(
    path: Path, *, state: str | None = None, session: int | None = None, limits: ImportLimits | None = None
) -> Iterator[ImportRecord | Reject]:
    """One ImportRecord per recommendation (a cell holding several gives several), or a Reject per row;
    `limits` bound the reading (default: the IMPORT_MAX_* settings)."""
    path = Path(path)
    kind = file_kind(path)
    if kind not in ("docx", "csv"):
        raise UnreadableFile(f"{path.name}: an OHCHR matrix is read from its .docx or a .csv of its table.")
    return _read(path, kind, review_for(path, state, session), resolve_limits(limits))


def _read(path: Path, kind: str, review: Review, limits: ImportLimits) -> Iterator[ImportRecord | Reject]:
    matrix = None
    for row in table_rows(path, kind, limits):
        if matrix is None:
            matrix = _Matrix(path, row.cells, review)
        elif row.is_header:
            matrix.set_header(row.cells)
        else:
            yield from matrix.read(row)
    if matrix is None:
        raise UnreadableFile(f"{path.name}: the file is empty.")
