"""Reader for the UPR Info database export: recommendations and voluntary pledges (CSV or XLSX).

One row per (recommendation, recommending state): a joint recommendation is several rows with the
same `Text`, and each yields a record with its one state; the pipeline unites records with the
same key. The pledges export has the same columns with `Response` = `Voluntary Pledge` and `From`
= `To`: a pledge is nobody's recommendation, so it carries no recommending state.

The export has no paragraph, symbol or recommendation id: the key is the normalised text
(`text_key`), which is also how the same recommendation read from DIHR meets this one.
`&#40;Unknown&#41;` (HTML for "(Unknown)") as the recommending state is a Reject: the row cannot
say who recommended. `Issue` is comma-separated without spaces; each issue is a theme with UPR
Info's own label. `Action` is UPR Info's 1–5 action category.

The helpers above the UPR Info section (text and key normalisation, columns by meaning, rows of a
CSV or XLSX, positions, sessions) are shared with the DIHR reader.
"""

import csv
import html
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from importlib.resources import files as package_files
from pathlib import Path

from api.imports import files
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.imports.states import resolve_state
from api.recommendations.models import PositionKind

FORMAT = ImportFormat.upr_info


# ---- text ---------------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);")


def unescape(text: str) -> str:
    """Only complete HTML entities (`&#40;`): a bare `&` stays, and so does `&para 5`."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


def clean_text(text: str) -> str:
    """Strip and collapse whitespace (NBSPs included); every other character is kept as it is."""
    return " ".join(unescape(text).split())


def text_key(text: str) -> str:
    """The text as it is compared across sources: lower case ASCII letters and digits, one space
    for any run of anything else.

    Copies of one recommendation differ in case, spacing, final full stops, quotes and dashes, and
    DIHR lost some accented letters to U+FFFD (`l�se-majest�` for `lèse-majesté`). Turning every
    non-ASCII character into a separator makes those copies equal: on the real files every one of
    the 20,031 distinct (state, text) pairs of DIHR's cycle 1 finds its UPR Info twin this way,
    against 20,012 when only case, spacing and final punctuation are folded."""
    folded = unicodedata.normalize("NFKC", unescape(text)).casefold()
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())
    return key or " ".join(folded.split())


# ---- columns and rows ---------------------------------------------------------------------------

def header_key(header: object) -> str:
    """`Recommending state `, `recommending_state` and `\ufeffRecommending-State` all read the same."""
    text = "" if header is None else str(header)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.replace("\ufeff", "").casefold()).split())


def find_columns(headers: list[str], meanings: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """Column index per meaning; the first header with one of a meaning's names wins."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = header_key(header)
        for meaning, names in meanings.items():
            if meaning not in found and key in names:
                found[meaning] = index
    return found


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV would hold (`2011`, not `2011.0`)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_rows(path: Path, is_header: Callable[[list[str]], bool]) -> Iterator[tuple[int, list[object]]]:
    """(line, cells) for the header and then every row of a CSV (.csv.gz) or an XLSX sheet, streamed.

    A CSV row's line is its first physical line; an XLSX row's is its row number. Of a workbook the
    first sheet whose header `is_header` accepts is read, else the first sheet. XLSX cells keep
    their type (a number stays a float)."""
    kind = files.file_kind(path)
    if kind == "csv":
        yield from _csv_rows(path)
    elif kind == "xlsx":
        yield from _xlsx_rows(path, is_header)
    else:
        raise files.UnreadableFile(f"{path.name}: a {kind} file, not a CSV or XLSX export.")


def _csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    with files.open_text(path) as (text, _):
        reader = csv.reader(text)
        start = 1
        try:
            for row in reader:
                yield start, row
                start = reader.line_num + 1
        except csv.Error as exc:
            raise files.UnreadableFile(f"{path.name}, line {start}: not a readable CSV ({exc}).") from None


def _xlsx_rows(path: Path, is_header: Callable[[list[str]], bool]) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise files.UnreadableFile(f"{path.name}: not a readable XLSX workbook ({exc}).") from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise files.UnreadableFile(f"{path.name}: the workbook has no sheet.")
        chosen = next((s for s in sheets if is_header([cell_text(v) for v in _first_row(s)])), sheets[0])
        for number, row in enumerate(chosen.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        workbook.close()


def _first_row(sheet) -> tuple:
    return next(sheet.iter_rows(max_row=1, values_only=True), ())


class RowError(ValueError):
    """A cell that cannot be read: the reader yields a Reject for its row."""

    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column = column
        self.reason = reason


def records_from(path: Path, meanings: Mapping[str, frozenset[str]], required: tuple[str, ...],
                 is_header: Callable[[list[str]], bool], what: str,
                 build: Callable[[int, Callable[[str], object]], ImportRecord]) -> Iterator[ImportRecord | Reject]:
    """Rows → `build(line, cell)`, `cell(meaning)` giving a row's value; a RowError becomes a Reject
    naming the file's own column.

    Missing required columns make the file unreadable, named by meaning and by what was found."""
    rows = table_rows(path, is_header)
    for _, cells in rows:
        if any(cell_text(c).strip() for c in cells):
            headers = [cell_text(c) for c in cells]
            break
    else:
        raise files.UnreadableFile(f"{path.name}: the file is empty.")
    columns = find_columns(headers, meanings)
    if missing := [m for m in required if m not in columns]:
        raise files.UnreadableFile(f"{path.name}: not {what}: no column for {', '.join(missing)} "
                                   f"(the header is {', '.join(repr(h) for h in headers if h)}).")
    names = {m: headers[i].replace("\ufeff", "").strip() for m, i in columns.items()}
    for line, cells in rows:
        if not any(cell_text(c).strip() for c in cells):
            continue
        if len(cells) > len(headers) and any(cell_text(c).strip() for c in cells[len(headers):]):
            yield Reject(line, None, f"The row has {len(cells)} cells, the header {len(headers)}.")
            continue

        def cell(meaning: str, cells: list[object] = cells) -> object:
            index = columns.get(meaning)
            return cells[index] if index is not None and index < len(cells) else None

        try:
            yield build(line, cell)
        except RowError as error:
            yield Reject(line, names.get(error.column, error.column), error.reason)


# ---- states, positions, sessions ----------------------------------------------------------------

@lru_cache(maxsize=4096)
def state_code(name: str) -> str | None:
    return resolve_state(unescape(name))


def state_of(column: str, value: object, default: str | None) -> str:
    """ISO3 for a state cell, or `default` (the `state` argument) when the cell is empty."""
    name = clean_text(cell_text(value))
    if not name:
        if default:
            return default
        raise RowError(column, "No state is named.")
    code = state_code(name)
    if code is None:
        raise RowError(column, f"Unknown state {unescape(name)!r}.")
    return code


_PART = re.compile(r"\b(?:in part|partly|partially|part)\b")
_NOTED = re.compile(r"\b(?:noted|rejected|not (?:supported|accepted))\b")
_SUPPORTED = re.compile(r"(?<!not )\b(?:supported|accepted)\b")
_PENDING = re.compile(r"\b(?:pending|no response|general response|under consideration)\b")
_PLEDGE = re.compile(r"\b(?:pledges?|commitments?)\b")
PLEDGE = "pledge"


@lru_cache(maxsize=256)
def parse_position(value: object) -> tuple[PositionKind | str | None, str | None]:
    """(kind, the source's wording): kind is a PositionKind, `PLEDGE`, or None for an empty cell.

    `Accepted`/`Supported` → supported; `Noted` (and the older `Rejected`) → noted; both words
    (`Supported/Noted`) or any "part" wording (`Supported in part`, `Partially accepted`) →
    supported_in_part."""
    label = clean_text(cell_text(value))
    if not label:
        return None, None
    folded = " ".join(re.sub(r"[^a-z]+", " ", label.casefold()).split())
    if _PLEDGE.search(folded):
        return PLEDGE, label
    if _PART.search(folded) or (_SUPPORTED.search(folded) and _NOTED.search(folded)):
        return PositionKind.supported_in_part, label
    if _NOTED.search(folded):
        return PositionKind.noted, label
    if _SUPPORTED.search(folded):
        return PositionKind.supported, label
    if _PENDING.search(folded):
        return PositionKind.pending, label
    raise RowError("response", f"Unknown position {label!r}.")


def cycle_of_session(number: int) -> int:
    return 1 if number <= 12 else 2 if number <= 26 else 3 if number <= 40 else 4


@lru_cache
def _session_years() -> dict[int, int]:
    text = package_files("api").joinpath("seed_data/upr_sessions_year.csv").read_text(encoding="utf-8")
    return {int(r["session"]): int(r["year"]) for r in csv.DictReader(text.splitlines())}


def year_of_session(number: int) -> int | None:
    return _session_years().get(number)


_SESSION = re.compile(r"^(?:(?:upr\s*)?session\s*)?(\d{1,3})$")


def parse_session(value: object, default: int | None) -> int | None:
    text = clean_text(cell_text(value)).casefold()
    if not text:
        return default
    if not (m := _SESSION.match(text)) or int(m.group(1)) < 1:
        raise RowError("session", f"{cell_text(value)!r} is not a UPR session number.")
    return int(m.group(1))


# ---- UPR Info -----------------------------------------------------------------------------------

MEANINGS = {
    "state": frozenset({"to", "state under review", "sur", "reviewed state", "country under review"}),
    "text": frozenset({"text", "recommendation", "recommendation text", "pledge", "pledge text"}),
    "from": frozenset({"from", "recommending state", "recommending states", "recommending entity"}),
    "response": frozenset({"response", "position", "response of sur"}),
    "action": frozenset({"action", "action category"}),
    "issue": frozenset({"issue", "issues", "theme", "themes"}),
    "session": frozenset({"session", "upr session", "wg session"}),
}
REQUIRED = ("state", "text", "from", "response")
# Columns only DIHR's export has: its `Recommending state`/`Response` would otherwise look like ours.
_DIHR_MARKS = frozenset({"tekst", "field year", "goals", "sdg goals", "targets", "sdg targets", "keywords",
                         "affected groups"})


def matches(headers: list[str]) -> bool:
    found = find_columns(headers, MEANINGS)
    return all(m in found for m in REQUIRED) and not any(header_key(h) in _DIHR_MARKS for h in headers)


def read(path: Path, *, state: str | None = None, session: int | None = None) -> Iterator[ImportRecord | Reject]:
    """Records and Rejects of a UPR Info export; `state`/`session` fill empty `To`/`Session` cells."""

    def build(line: int, cell: Callable[[str], object]) -> ImportRecord:
        return _record(line, cell, state, session)

    return records_from(path, MEANINGS, REQUIRED, matches, "a UPR Info export", build)


def _record(line: int, cell: Callable[[str], object], state: str | None, session: int | None) -> ImportRecord:
    under_review = state_of("state", cell("state"), state)
    text = clean_text(cell_text(cell("text")))
    if not text:
        raise RowError("text", "The recommendation has no text.")
    position, label = parse_position(cell("response"))
    pledge = position == PLEDGE
    recommending: list[str] = []
    if not pledge:
        recommending = [state_of("from", cell("from"), None)]
    number = parse_session(cell("session"), session)
    return ImportRecord(
        line=line, source=FORMAT, state_under_review=under_review, text=text,
        recommending_states=recommending,
        key_parts=("pledge", text_key(text)) if pledge else (text_key(text),),
        session=number, cycle=cycle_of_session(number) if number else None,
        year=year_of_session(number) if number else None,
        position=None if pledge else position, position_label=label,
        themes=[ThemeLabel(t) for t in split_issues(cell_text(cell("issue")))],
        action_category=parse_action(cell("action")), is_pledge=pledge)


def split_issues(cell: str) -> list[str]:
    """`Rights of the Child,Women's rights` → both labels, once each, in order."""
    return list(dict.fromkeys(t for t in (clean_text(p) for p in re.split(r"[,;]", cell)) if t))


def parse_action(value: object) -> int | None:
    text = clean_text(cell_text(value))
    if not text:
        return None
    if not re.fullmatch(r"[1-5]", text):
        raise RowError("action", f"{text!r} is not a UPR Info action category (1–5).")
    return int(text)
