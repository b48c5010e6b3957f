"""Reader for OHCHR's matrices / thematic lists of recommendations: the published .docx, or a CSV of it.

The document is one Word table (or several: a table split at page breaks continues without its
header) under a header row whose wording varies between matrices — `Recommendation` or
`Recommendation and recommending State`, `Position` or `Position of the State under review`,
`Full list of themes`, `Relevant SDGs`, a separate `Recommending state/s` column — so columns are
found by meaning. Full-width rows (`Theme: …`, `Right or area: …`) head the rows below them; a CSV
flattening carries them in a `theme_heading` column. The cells are parsed in `ohchr_cells`.

The file never names the state under review or the session: they come from the `state`/`session`
arguments, else from the file name (`slovenia_upr34_…`, `UPR34_Slovenia_…`). The `Source of
position` symbol gives the Human Rights Council session that adopted the outcome, not the UPR
session, so it is not used for that.

Line numbers: a CSV row's first physical line; a DOCX row's 1-based place in its table (tables after
the first continue the count), i.e. the CSV flattening's `table_row` + 1. Apart from `line`, the
DOCX and its CSV flattening give the same records.

python-docx parses the whole document, so `files.check_zip` bounds it first (IMPORT_MAX_DOCX_BYTES;
the real matrices are 1–2 MB of XML).
"""

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files as package_files
from pathlib import Path

from api.cycle.calendar import cycle_of_session
from api.imports import files, states
from api.imports.ohchr_cells import (
    CellError,
    Tags,
    clean,
    parse_position,
    parse_source,
    parse_tags,
    resolve_states,
    split_recommendations,
    split_source,
    theme_label,
    unknown_state,
)
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel

FORMAT = ImportFormat.ohchr_matrix


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
_HEADING = re.compile(r"^\s*(?:theme|right or area|thematic area|area|cluster)\s*:\s*", re.I)
_HEADING_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_OTHER_FORMATS = {"tekst", "field year", "to", "from"}  # DIHR's and UPR Info's own columns


def _norm(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.replace("\ufeff", "").casefold()).split())


def column_of(header: str) -> Column | None:
    """What a header cell means, whatever its wording."""
    h = _norm(header)
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
    if any(_norm(h or "") in _OTHER_FORMATS for h in headers):
        return False
    return all(c in columns(headers) for c in REQUIRED)


# ---- the review the file is about ---------------------------------------------------------------

_SESSION_IN_NAME = (re.compile(r"upr[\s_\-]*0*(\d{1,2})(?!\d)", re.I),
                    re.compile(r"(?:session|sess)[\s_\-]*0*(\d{1,2})(?!\d)", re.I),
                    re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)[\s_\-]*session", re.I))
_MAX_NAME_WORDS = 7
_SUFFIXES = re.compile(r"(?:\.(?:csv|txt|gz|docx|xlsx))+$", re.I)


@lru_cache
def _codes() -> frozenset[str]:
    return frozenset(states.crosswalk().values())


@lru_cache
def session_years() -> dict[int, int]:
    text = package_files("api").joinpath("seed_data/upr_sessions_year.csv").read_text(encoding="utf-8")
    return {int(r["session"]): int(r["year"]) for r in csv.DictReader(text.splitlines())}


def state_from_name(filename: str) -> str | None:
    """The one state named in a file name (`slovenia_upr34_…`, `UPR20__Slovenia_…`, `CHN_UPR31_…`), longest
    name first so `Guinea-Bissau` is not Guinea; None when no state or several are named."""
    words = re.findall(r"[^\W\d_]+", _SUFFIXES.sub("", Path(filename).name))
    found = {w for w in words if re.fullmatch(r"[A-Z]{3}", w) and w in _codes()}
    i = 0
    while i < len(words):
        for size in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
            code = states.crosswalk().get(states.fold(" ".join(words[i:i + size])))
            if code:
                found.add(code)
                i += size
                break
        else:
            i += 1
    return found.pop() if len(found) == 1 else None


def session_from_name(filename: str) -> int | None:
    for pattern in _SESSION_IN_NAME:
        if m := pattern.search(Path(filename).name):
            return int(m.group(1)) or None
    return None


@dataclass(frozen=True)
class Review:
    state: str
    session: int

    @property
    def cycle(self) -> int:
        return cycle_of_session(self.session)

    @property
    def year(self) -> int | None:
        return session_years().get(self.session)


def review_for(path: Path, state: str | None, session: int | None) -> Review:
    """The state under review and session, from the arguments or the file name; UnreadableFile if unknown."""
    code = states.resolve_state(state) if state else state_from_name(path.name)
    if state and code is None:
        raise files.UnreadableFile(f"--state {state!r} is not a known state: give its ISO3 code.")
    number = session if session is not None else session_from_name(path.name)
    missing = [flag for flag, value in (("--state ISO3", code), ("--session N", number)) if value is None]
    if missing:
        raise files.UnreadableFile(
            f"{path.name}: an OHCHR matrix does not say which review it records (state under review and UPR "
            f"session), and the file name does not either; give {' and '.join(missing)}.")
    if number < 1:
        raise files.UnreadableFile(f"--session {number}: sessions are numbered from 1.")
    return Review(code, number)


# ---- rows from a .docx or a .csv ------------------------------------------------------------------

@dataclass
class Row:
    line: int
    cells: list[str]
    heading: str | None = None  # a full-width heading row, with its text
    is_header: bool = False


def _missing(headers: list[str]) -> str:
    found = columns(headers)
    names = [c.value for c in REQUIRED if c not in found]
    return (f"missing the {' and '.join(repr(n) for n in names)} column(s) of an OHCHR matrix "
            f"(header found: {[clean(h) for h in headers if clean(h)]})")


def _docx_rows(path: Path, limits: files.ImportLimits) -> Iterator[Row]:
    """The rows of every table that has a matrix header in its first rows, or that continues the
    previous matrix table (same number of columns, no header of its own)."""
    import docx  # python-docx; imported here so that the CSV readers do not load lxml

    files.check_zip(path, limits)
    budget = files.RowBudget(path.name, limits)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise files.UnreadableFile(f"{path.name}: not a readable Word (.docx) document ({exc}).") from None
    width, first_header, line = None, None, 0
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
        raise files.UnreadableFile(f"{path.name}: no table in the document has the header of an OHCHR matrix; "
                                   + _missing(first_header or []))


def _csv_rows(path: Path, limits: files.ImportLimits) -> Iterator[Row]:
    header = True
    for line, cells in files.csv_rows(path, limits):
        if any(c.strip() for c in cells):
            yield Row(line, cells, is_header=header)
            header = False


# ---- rows to records -----------------------------------------------------------------------------

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
            raise files.UnreadableFile(f"{self.path.name}: {_missing(header)}")
        self._header_norm = [_norm(h) for h in header]

    def name(self, column: Column) -> str:
        return clean(self.header[self.columns[column]])

    def cell(self, cells: list[str], column: Column) -> str:
        index = self.columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    def read(self, row: Row) -> Iterator[ImportRecord | Reject]:
        if row.heading is not None:
            self.heading = heading_theme(row.heading)
            return
        if [_norm(c) for c in row.cells] == self._header_norm:
            return  # the header repeated on a later page
        if Column.heading in self.columns:
            self.heading = heading_theme(self.cell(row.cells, Column.heading))
        row.cells = [c.replace("\r\n", "\n").replace("\r", "\n") for c in row.cells]
        text_cell = self.cell(row.cells, Column.recommendation)
        content = [clean(c) for i, c in enumerate(row.cells)
                   if i not in (self.columns.get(Column.table_row), self.columns.get(Column.heading))]
        if not any(content):
            return
        if _HEADING.match(text_cell) and not any(
                clean(self.cell(row.cells, c)) for c in self.columns if c not in
                (Column.recommendation, Column.table_row, Column.heading)):
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
        with _blame(Column.position):
            position = parse_position(self.cell(cells, Column.position))
        body, source = split_source(text_cell)
        if Column.source in self.columns and clean(self.cell(cells, Column.source)):
            source = parse_source(self.cell(cells, Column.source))
        if source and source.report:
            self.report = source.report
        column_paragraph = None
        if raw := clean(self.cell(cells, Column.paragraph)).rstrip("."):
            if not re.fullmatch(r"\d+(?:\.\d+)*", raw):
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
                reason = (f"unknown recommending state {name!r}" if name else
                          f"no recommending state in parentheses after {rec.text[-60:]!r}")
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
                line=row.line, source=FORMAT, state_under_review=review.state, text=rec.text,
                recommending_states=rec.recommending_states, key_parts=(rec.text,), session=review.session,
                cycle=review.cycle, year=review.year, paragraph=rec.paragraph or column_paragraph,
                position=position[0] if position else None, position_label=position[1] if position else None,
                position_source=source.symbol if source else None,
                position_paragraph=source.paragraph if source else None,
                themes=list(tags.themes), affected_persons=list(tags.affected_persons),
                sdg_targets=list(tags.sdg_targets), source_document=self.report)

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


def read(path: Path, *, state: str | None = None, session: int | None = None,
         limits: files.ImportLimits | None = None) -> Iterator[ImportRecord | Reject]:
    """One ImportRecord per recommendation (a cell holding several gives several), or a Reject per row;
    `limits` bound the reading (default: the IMPORT_MAX_* settings)."""
    path = Path(path)
    kind = files.file_kind(path)
    if kind not in ("docx", "csv"):
        raise files.UnreadableFile(f"{path.name}: an OHCHR matrix is read from its .docx or a .csv of its table.")
    return _read(path, kind, review_for(path, state, session), files.resolve_limits(limits))


def _read(path: Path, kind: str, review: Review, limits: files.ImportLimits) -> Iterator[ImportRecord | Reject]:
    matrix = None
    for row in _docx_rows(path, limits) if kind == "docx" else _csv_rows(path, limits):
        if matrix is None:
            matrix = _Matrix(path, row.cells, review)
        elif row.is_header:
            matrix.set_header(row.cells)
        else:
            yield from matrix.read(row)
    if matrix is None:
        raise files.UnreadableFile(f"{path.name}: the file is empty.")
