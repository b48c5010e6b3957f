"""Opening import files: .csv, .csv.gz, .xlsx, .docx, with the text encoding detected, not guessed,
and everything read bounded.

CSV files come as UTF-8 (with or without BOM), Windows-1252 or Mac Roman, with CR, LF or CRLF line
ends. The encoding is decided on the first megabyte: valid UTF-8 wins; otherwise the single-byte
encoding whose non-ASCII characters are overwhelmingly letters (é, ñ, ô …) rather than symbols
(‚ √ ∆ …). When neither reading is clearly right, or the text carries control characters or
double-encoded UTF-8 ("Ã©"), the file is refused: a row of mojibake is worse than an error.

Bounds: a small upload can expand a thousandfold (a .csv.gz of millions of rows, a sheet's XML), so
the limits of `ImportLimits` (the IMPORT_MAX_* settings) are checked while a file is read, never
after loading it; breaking one raises `LimitExceeded`, an UnreadableFile naming the limit and its
setting, and the import fails having written nothing.
- CSV and .gz: the bytes are counted under the text layer (a .gz stops inflating at the limit),
  lines are read with a bounded `readline`, and `csv_rows` counts rows and measures cells.
- XLSX and DOCX are ZIPs that their libraries partly load whole (openpyxl all but the sheets,
  python-docx everything), so `check_zip` comes first: the central directory's sizes against the
  limits, then one streaming pass proving that no part inflates beyond the size it declares (zipfile
  cuts a part at that size, but only after a whole `read()` has inflated, a gigabyte or more), counting
  a workbook's rows and the bytes of each row and shared string on the way.
- While a reader iterates, `RowBudget` counts rows and checks each row's width and cells.
"""

import codecs
import copy
import csv
import gzip
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

if TYPE_CHECKING:
    from api.settings import Settings

SAMPLE_BYTES = 1 << 20
SINGLE_BYTE_CANDIDATES = ("cp1252", "mac_roman")
MIN_LETTER_SHARE = 0.8
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DOUBLE_ENCODED = re.compile(r"[ÃÂ][\u0080-\u00bf]")


class UnreadableFile(ValueError):
    """The file's encoding or format cannot be read safely; the message says what to do."""


class LimitExceeded(UnreadableFile):
    """The file breaks an import limit; the message names the limit and its setting."""


# Misread punctuation turns into letters where no letter belongs: `countryís`, ` ñ `, `ìerasedî`.
# Counting such letters tells Windows-1252 from Mac Roman even when a file's non-ASCII characters
# are mostly quotes and dashes (as OHCHR's are), where the letter share alone cannot.
_MISPLACED = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f](?=(?:s|t|ll|re|ve|d|m)\b)"
                        r"|(?<=\s)[^\x00-\x7f](?=\s)"
                        r"|(?<!\w)[^\x00-\x7f](?=[A-Za-z]+[^\x00-\x7f](?!\w))")


def _misplaced_letters(text: str) -> int:
    return sum(unicodedata.category(m.group(0)).startswith("L") for m in _MISPLACED.finditer(text))


def _letter_share(text: str) -> float:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 1.0
    return sum(unicodedata.category(c).startswith("L") for c in high) / len(high)


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The encoding of a file starting with `sample` (`complete`: the sample is the whole file)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _CONTROL.search(text):
            raise UnreadableFile("The file holds control characters: it is not a text (CSV) file.")
        if len(_DOUBLE_ENCODED.findall(text)) >= 3:
            raise UnreadableFile("The text looks encoded twice (e.g. 'Ã©' for 'é'); re-save the file as UTF-8 "
                                 "from the original.")
        return "utf-8"
    scored = []
    for encoding in SINGLE_BYTE_CANDIDATES:
        decoded = sample.decode(encoding, errors="replace")
        if _CONTROL.search(decoded):
            raise UnreadableFile("The file holds control characters: it is not a text (CSV) file.")
        scored.append((-_misplaced_letters(decoded), _letter_share(decoded), encoding))
    scored.sort(reverse=True)
    (misplaced, best, encoding), (runner_misplaced, runner_up, _) = scored
    if misplaced != runner_misplaced:
        return encoding
    if best < MIN_LETTER_SHARE or best - runner_up < 0.2:
        raise UnreadableFile("The file is not UTF-8 and its encoding cannot be told apart (Windows-1252 or Mac "
                             "Roman); re-save it as UTF-8.")
    return encoding


# ---- limits --------------------------------------------------------------------------------------

ROW_CELLS = 10  # a row (a CSV record, a sheet row's XML) may hold ten cells' worth of IMPORT_MAX_CELL_CHARS
MAX_COLUMNS = 1_000  # the real exports have 6 to 13; openpyxl pads a row to its last cell (up to 16,384)
MAX_ZIP_PARTS = 1_000  # the real XLSX and DOCX files have 7 to 26
CHUNK = 1 << 16


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
        return cls(max_uncompressed_bytes=s.import_max_uncompressed_bytes, max_rows=s.import_max_rows,
                   max_cell_chars=s.import_max_cell_chars, max_docx_bytes=s.import_max_docx_bytes,
                   max_xlsx_loaded_bytes=s.import_max_xlsx_loaded_bytes)


def resolve_limits(limits: ImportLimits | None) -> ImportLimits:
    return limits if limits is not None else ImportLimits.from_settings()


def _size(n: int) -> str:
    return f"{n / 1e6:,.{0 if n % 1_000_000 == 0 else 1}f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def _too_many_rows(name: str, limits: ImportLimits) -> LimitExceeded:
    return LimitExceeded(f"{name}: the file has more than {limits.max_rows:,} rows (IMPORT_MAX_ROWS).")


def _too_long_row(where: str, limits: ImportLimits, unit: str) -> LimitExceeded:
    return LimitExceeded(f"{where}: a row longer than {limits.max_row_chars:,} {unit} "
                         f"({ROW_CELLS} × IMPORT_MAX_CELL_CHARS).")


def _too_long_cell(where: str, limits: ImportLimits) -> LimitExceeded:
    return LimitExceeded(f"{where}: a cell longer than {limits.max_cell_chars:,} characters (IMPORT_MAX_CELL_CHARS).")


class RowBudget:
    """The rows of one file counted as they are read, and each row's width and cells measured."""

    def __init__(self, name: str, limits: ImportLimits):
        self.name, self.limits, self.rows = name, limits, 0

    def count(self, rows: int = 1) -> None:
        self.rows += rows
        if self.rows > self.limits.max_rows:
            raise _too_many_rows(self.name, self.limits)

    def cells(self, line: int, cells: Sequence[object]) -> None:
        if len(cells) > self.limits.max_columns:
            raise LimitExceeded(f"{self.name}, line {line}: a row of {len(cells):,} cells; at most "
                                f"{self.limits.max_columns:,} are read.")
        longest = self.limits.max_cell_chars
        for value in cells:
            if isinstance(value, str) and len(value) > longest:
                raise _too_long_cell(f"{self.name}, line {line}", self.limits)

    def row(self, line: int, cells: Sequence[object]) -> None:
        self.count()
        self.cells(line, cells)


# ---- CSV and .csv.gz -------------------------------------------------------------------------------

class _Counted(io.RawIOBase):
    """The bytes of `inner` (a file, or a .gz inflating as it is read), failing past `limit` of them."""

    def __init__(self, inner: BinaryIO, name: str, limit: int, gz: bool):
        self.inner, self.name, self.limit, self.gz, self.count = inner, name, limit, gz, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            size = self.inner.readinto(buffer)
        except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
            if not self.gz:
                raise
            raise UnreadableFile(f"{self.name}: not a readable .gz file ({exc}).") from None
        self.count += size
        if self.count > self.limit:
            raise LimitExceeded(f"{self.name}: the file expands beyond {_size(self.limit)} uncompressed "
                                "(IMPORT_MAX_UNCOMPRESSED_BYTES)." if self.gz else
                                f"{self.name}: the file is larger than {_size(self.limit)} "
                                "(IMPORT_MAX_UNCOMPRESSED_BYTES).")
        return size

    def close(self) -> None:
        self.inner.close()
        super().close()


def _raw(path: Path, limits: ImportLimits) -> BinaryIO:
    gz = path.name.lower().endswith(".gz")
    inner = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    return io.BufferedReader(_Counted(inner, path.name, limits.max_uncompressed_bytes, gz), CHUNK)


class BoundedLines:
    """The lines of a text stream, for the csv module: a line, or a record spanning several (the
    characters read since `reset()`), longer than the row limit fails instead of filling memory."""

    def __init__(self, text: TextIO, name: str, limits: ImportLimits):
        self.text, self.name, self.limits = text, name, limits
        self.line = self.chars = 0

    def __iter__(self) -> "BoundedLines":
        return self

    def __next__(self) -> str:
        line = self.text.readline(self.limits.max_row_chars + 1 - self.chars)
        if not line:
            raise StopIteration
        self.line += 1
        self.chars += len(line)
        if self.chars > self.limits.max_row_chars:
            raise _too_long_row(f"{self.name}, line {self.line}", self.limits, "characters")
        return line

    def reset(self) -> None:
        self.chars = 0


@contextmanager
def open_text(path: Path, limits: ImportLimits | None = None) -> Iterator[tuple[BoundedLines, str]]:
    """The lines of a (possibly gzipped) CSV, read as with newline="" for the csv module, and its encoding.

    A byte that is invalid in the detected encoding later in the file raises UnicodeDecodeError
    while reading; the pipeline reports it and imports nothing."""
    limits = resolve_limits(limits)
    with _raw(path, limits) as probe:
        sample = probe.read(SAMPLE_BYTES)
        complete = len(sample) < SAMPLE_BYTES
    encoding = detect_encoding(sample, complete=complete)
    raw = _raw(path, limits)
    try:
        yield BoundedLines(io.TextIOWrapper(raw, encoding=encoding, newline=""), path.name, limits), encoding
    finally:
        raw.close()


def csv_rows(path: Path, limits: ImportLimits | None = None) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) of every record of a CSV (.csv.gz), streamed, counted and measured."""
    limits = resolve_limits(limits)
    with open_text(path, limits) as (lines, _encoding):
        reader = csv.reader(lines)
        budget = RowBudget(path.name, limits)
        start = 1
        try:
            for row in reader:
                budget.row(start, row)
                yield start, row
                lines.reset()
                start = reader.line_num + 1
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):  # the csv module's own, above IMPORT_MAX_CELL_CHARS
                raise _too_long_cell(f"{path.name}, line {start}", limits) from None
            raise UnreadableFile(f"{path.name}, line {start}: not a readable CSV ({exc}).") from None


# ---- XLSX and DOCX: ZIPs checked before their libraries open them ---------------------------------

_WORKSHEET = re.compile(r"(?:^|/)worksheets/[^/]+\.xml$", re.I)
_SHARED_STRINGS = re.compile(r"(?:^|/)sharedStrings\.xml$", re.I)
_XML_PART = re.compile(r"\.(?:xml|rels|vml)$", re.I)
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_KIND_NAMES = {"xlsx": "XLSX workbook", "docx": "Word (.docx) document"}


class _Elements:
    """Counts the elements `tag` (`row`, `si`, any namespace prefix) in XML fed in chunks, and the
    longest stretch of bytes from the start of one to the start of the next (or an end)."""

    TAIL = 64

    def __init__(self, tag: bytes):
        self.pattern = re.compile(rb"<(?:[A-Za-z_][\w.\-]{0,31}:)?" + tag + rb"[\s/>]")
        self.count = self.seen = self.start = self.longest = 0
        self.tail = b""

    def feed(self, chunk: bytes) -> None:
        data, base = self.tail + chunk, self.seen - len(self.tail)
        for match in self.pattern.finditer(data):
            if base + match.end() <= self.seen:
                continue  # found in the previous chunk already
            self.longest = max(self.longest, base + match.start() - self.start)
            self.start = base + match.start()
            self.count += 1
        self.seen += len(chunk)
        self.tail = data[-self.TAIL:]
        self.longest = max(self.longest, self.seen - self.start)


def _check_directory(archive: zipfile.ZipFile, name: str, kind: str, limits: ImportLimits) -> None:
    """The sizes the central directory declares, against the limits (nothing is inflated)."""
    parts = archive.infolist()
    if len(parts) > limits.max_zip_parts:
        raise LimitExceeded(f"{name}: the file holds {len(parts):,} parts; at most {limits.max_zip_parts:,} are read.")
    for info in parts:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise UnreadableFile(f"{name}: part {info.filename!r} is encrypted or compressed as an "
                                 f"{kind.upper()} never is.")
    total = sum(info.file_size for info in parts)
    if total > limits.max_uncompressed_bytes:
        raise LimitExceeded(f"{name}: the file expands beyond {_size(limits.max_uncompressed_bytes)} "
                            f"uncompressed (IMPORT_MAX_UNCOMPRESSED_BYTES); it declares {_size(total)}.")
    if kind == "docx" and total > limits.max_docx_bytes:
        raise LimitExceeded(f"{name}: the document expands beyond {_size(limits.max_docx_bytes)} uncompressed "
                            f"(IMPORT_MAX_DOCX_BYTES); it declares {_size(total)}.")
    loaded = sum(info.file_size for info in parts if not _WORKSHEET.search(info.filename)) if kind == "xlsx" else 0
    if loaded > limits.max_xlsx_loaded_bytes:
        raise LimitExceeded(f"{name}: the workbook's parts other than its sheets (shared strings, styles …) expand "
                            f"beyond {_size(limits.max_xlsx_loaded_bytes)} (IMPORT_MAX_XLSX_LOADED_BYTES); they "
                            f"declare {_size(loaded)}.")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """A part's bytes in chunks, failing past the size it declares (a forged directory) or on a bad CRC."""
    probe = copy.copy(info)
    probe.file_size = info.file_size + 1  # read one byte more than declared, to see a lie
    del probe.CRC  # checked here instead: zipfile would take the extra byte for corruption
    size, crc = 0, 0
    try:
        with archive.open(probe) as part:
            while chunk := part.read(CHUNK):
                size += len(chunk)
                if size > info.file_size:
                    raise UnreadableFile(f"{name}: part {info.filename!r} expands beyond the {_size(info.file_size)} "
                                         "it declares: the file is forged or damaged.")
                crc = zlib.crc32(chunk, crc)
                yield chunk
    except (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error) as exc:
        raise UnreadableFile(f"{name}: part {info.filename!r} cannot be read ({exc}).") from None
    if size != info.file_size or crc != info.CRC:
        raise UnreadableFile(f"{name}: part {info.filename!r} is damaged (its size or checksum is wrong).")


def check_zip(path: Path, limits: ImportLimits | None = None) -> None:
    """Before openpyxl or python-docx opens an XLSX or DOCX: its declared sizes within the limits, then
    every part inflated once, in chunks, to prove it holds no more than it declares (so what the
    libraries load is what was checked), with no DTD (entity expansion), and a workbook's sheets
    holding at most IMPORT_MAX_ROWS rows of a bounded size (openpyxl holds one row at a time, but
    all its shared strings)."""
    limits, kind = resolve_limits(limits), file_kind(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableFile(f"{path.name}: not a readable {_KIND_NAMES.get(kind, kind)} ({exc}).") from None
    with archive:
        _check_directory(archive, path.name, kind, limits)
        rows = 0
        for info in archive.infolist():
            if info.is_dir():
                continue
            sheet = kind == "xlsx" and _WORKSHEET.search(info.filename)
            strings = kind == "xlsx" and _SHARED_STRINGS.search(info.filename)
            elements = _Elements(b"row" if sheet else b"si") if sheet or strings else None
            xml, tail = _XML_PART.search(info.filename), b""
            for chunk in _inflate(archive, info, path.name):
                if xml and _DTD.search(tail + chunk):
                    raise UnreadableFile(f"{path.name}: part {info.filename!r} declares a DTD, which an "
                                         f"{kind.upper()} never does.")
                tail = chunk[-16:]
                if elements is None:
                    continue
                elements.feed(chunk)
                if elements.longest > limits.max_row_chars:
                    raise (_too_long_row(path.name, limits, "bytes of XML") if sheet else LimitExceeded(
                        f"{path.name}: a shared string longer than {limits.max_row_chars:,} bytes of XML "
                        f"({ROW_CELLS} × IMPORT_MAX_CELL_CHARS)."))
                if sheet and rows + elements.count > limits.max_rows:
                    raise _too_many_rows(path.name, limits)
            if sheet:
                rows += elements.count


def check_upload(filename: str, content: bytes, limits: ImportLimits | None = None) -> None:
    """What an upload's bytes tell at once, before a job is queued: a plain CSV's length, a .gz's
    trailer (the size of its last member modulo 4 GB: a hint that can refuse, never accept), an XLSX or
    DOCX's central directory. Raises LimitExceeded (a 413); an unreadable file is left to the job, whose
    readers check everything while reading."""
    limits, name = resolve_limits(limits), Path(filename).name
    lowered = name.lower()
    if lowered.endswith((".csv", ".txt")) and len(content) > limits.max_uncompressed_bytes:
        raise LimitExceeded(f"{name}: the file is larger than {_size(limits.max_uncompressed_bytes)} "
                            "(IMPORT_MAX_UNCOMPRESSED_BYTES).")
    if lowered.endswith(".gz") and content[:2] == b"\x1f\x8b" and len(content) >= 18:
        declared = int.from_bytes(content[-4:], "little")
        if declared > limits.max_uncompressed_bytes:
            raise LimitExceeded(f"{name}: the file expands beyond {_size(limits.max_uncompressed_bytes)} "
                                f"uncompressed (IMPORT_MAX_UNCOMPRESSED_BYTES); it declares {_size(declared)}.")
    if lowered.endswith((".xlsx", ".docx")):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                _check_directory(archive, name, lowered[-4:], limits)
        except LimitExceeded:
            raise
        except (UnreadableFile, zipfile.BadZipFile, OSError):
            return


def file_kind(path: Path) -> str:
    """`csv`, `xlsx` or `docx`, by name (the readers then check the content)."""
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz", ".txt")):
        return "csv"
    if name.endswith(".xlsx"):
        return "xlsx"
    if name.endswith(".docx"):
        return "docx"
    raise UnreadableFile(f"{path.name}: not a .csv, .csv.gz, .xlsx or .docx file.")
