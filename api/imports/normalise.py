"""What the readers share: text and key normalisation, columns found by meaning, the rows of a CSV
or XLSX with their line numbers, positions in every publisher's wording, and UPR sessions."""

import csv
import html
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files as package_files
from pathlib import Path

from api.imports.archives import check_zip
from api.imports.files import csv_rows, file_kind
from api.imports.limits import ImportLimits, RowBudget, UnreadableFile, resolve_limits
from api.imports.records import ImportRecord, Reject
from api.imports.states import resolve_state
from api.recommendations.models import PositionKind

# ---- text ---------------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);")


def unescape(text: str) -> str:
    """Only complete HTML entities (`&#40;`): a bare `&` stays, and so does `&para 5`."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


def clean_text(text: str) -> str:
    """Strip and collapse whitespace (NBSPs included); every other character is kept as it is."""
    return " ".join(unescape(text).split())


def text_key(text: str) -> str:
    """A reader's key for a text (`ImportRecord.key_parts`): lower case ASCII letters and digits, one
    space for any run of anything else, as `derive_external_key`, by which the pipeline matches
    records to rows, folds it.

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


def table_rows(
    path: Path, is_header: Callable[[list[str]], bool], limits: ImportLimits | None = None
) -> Iterator[tuple[int, Sequence[object]]]:
    """(line, cells) for the header and then every row of a CSV (.csv.gz) or an XLSX sheet, streamed
    and bounded by `limits` (the IMPORT_MAX_* settings by default; see `limits`).

    A CSV row's line is its first physical line; an XLSX row's is its row number. Of a workbook the
    first sheet whose header `is_header` accepts is read, else the first sheet. XLSX cells keep
    their type (a number stays a float)."""
    kind = file_kind(path)
    if kind == "csv":
        yield from csv_rows(path, limits)
    elif kind == "xlsx":
        yield from _xlsx_rows(path, is_header, resolve_limits(limits))
    else:
        raise UnreadableFile(f"{path.name}: a {kind} file, not a CSV or XLSX export.")


def _xlsx_rows(
    path: Path, is_header: Callable[[list[str]], bool], limits: ImportLimits
) -> Iterator[tuple[int, Sequence[object]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(path, "xlsx", limits)  # openpyxl loads all but the sheets at once: bound them first
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UnreadableFile(f"{path.name}: not a readable XLSX workbook ({exc}).") from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise UnreadableFile(f"{path.name}: the workbook has no sheet.")
        chosen = next((s for s in sheets if is_header([cell_text(v) for v in _first_row(s)])), sheets[0])
        budget = RowBudget(path.name, limits)  # counts the empty rows openpyxl makes of gaps, too
        for number, row in enumerate(chosen.iter_rows(values_only=True), start=1):
            budget.row(number, row)
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


def records_from(
    path: Path,
    meanings: Mapping[str, frozenset[str]],
    required: tuple[str, ...],
    is_header: Callable[[list[str]], bool],
    what: str,
    build: Callable[[int, Callable[[str], object]], ImportRecord],
    limits: ImportLimits | None = None,
) -> Iterator[ImportRecord | Reject]:
    """Rows → `build(line, cell)`, `cell(meaning)` giving a row's value; a RowError becomes a Reject
    naming the file's own column.

    Missing required columns make the file unreadable, named by meaning and by what was found."""
    rows = table_rows(path, is_header, limits)
    for _, cells in rows:
        if any(cell_text(c).strip() for c in cells):
            headers = [cell_text(c) for c in cells]
            break
    else:
        raise UnreadableFile(f"{path.name}: the file is empty.")
    columns = find_columns(headers, meanings)
    if missing := [m for m in required if m not in columns]:
        raise UnreadableFile(
            f"{path.name}: not {what}: no column for {', '.join(missing)} "
            f"(the header is {', '.join(repr(h) for h in headers if h)})."
        )
    names = {m: headers[i].replace("\ufeff", "").strip() for m, i in columns.items()}
    for line, cells in rows:
        if not any(cell_text(c).strip() for c in cells):
            continue
        if len(cells) > len(headers) and any(cell_text(c).strip() for c in cells[len(headers) :]):
            yield Reject(line, None, f"The row has {len(cells)} cells, the header {len(headers)}.")
            continue

        def cell(meaning: str, cells: Sequence[object] = cells) -> object:
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
_NOTED = re.compile(r"\b(?:noted|rejected|not (?:supported|accepted)|does not enjoy (?:the )?support)\b")
_SUPPORTED = re.compile(r"(?<!not )\b(?:supported|accepted|enjoys? (?:the )?support)\b")
_PENDING = re.compile(
    r"\b(?:pending|no response|general response|under consideration|further consideration|"
    r"to be considered)\b"
)
_PLEDGE = re.compile(r"\b(?:pledges?|commitments?)\b")


class Pledge(StrEnum):
    """What `parse_position` reads in a voluntary pledge's row: not a position."""

    pledge = "pledge"


PLEDGE = Pledge.pledge


@lru_cache(maxsize=256)
def parse_position(value: object) -> tuple[PositionKind | Pledge | None, str | None]:
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
