"""Opening import files: which kind a file is, what an upload's bytes tell at once, and the records
of a .csv or .csv.gz, in the detected encoding (`encoding`), read bounded (`limits`): the bytes are
counted under the text layer (a .gz stops inflating at the limit), lines are read with a bounded
`readline`, and `csv_rows` counts rows and measures cells. XLSX and DOCX are checked by `archives`
before their libraries open them."""

import csv
import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from api.imports.archives import check_directory
from api.imports.encoding import SAMPLE_BYTES, detect_encoding
from api.imports.limits import (
    ImportLimits,
    LimitExceeded,
    RowBudget,
    UnreadableFile,
    expands_too_far,
    resolve_limits,
    too_large,
    too_long_cell,
    too_long_row,
)

CHUNK = 1 << 16


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


def check_upload(filename: str, content: bytes, limits: ImportLimits | None = None) -> None:
    """What an upload's bytes tell at once, before a job is queued: a plain CSV's length, a .gz's
    trailer (the size of its last member modulo 4 GB: a hint that can refuse, never accept), an XLSX or
    DOCX's central directory. Raises LimitExceeded (a 413); an unreadable file is left to the job, whose
    readers check everything while reading."""
    limits, name = resolve_limits(limits), Path(filename).name
    lowered = name.lower()
    if lowered.endswith((".csv", ".txt")) and len(content) > limits.max_uncompressed_bytes:
        raise too_large(name, limits)
    if lowered.endswith(".gz") and content[:2] == b"\x1f\x8b" and len(content) >= 18:
        declared = int.from_bytes(content[-4:], "little")
        if declared > limits.max_uncompressed_bytes:
            raise expands_too_far(name, limits, declared)
    if lowered.endswith((".xlsx", ".docx")):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                check_directory(archive, name, lowered[-4:], limits)
        except LimitExceeded:
            raise
        except (UnreadableFile, zipfile.BadZipFile, OSError):
            return


# ---- CSV and .csv.gz -------------------------------------------------------------------------------


class _Counted(io.RawIOBase):
    """The bytes of `inner` (a file, or a .gz inflating as it is read), failing past the limit of them."""

    def __init__(self, inner: io.BufferedIOBase, name: str, limits: ImportLimits, gz: bool):
        self.inner, self.name, self.limits, self.gz, self.count = inner, name, limits, gz, 0

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
        if self.count > self.limits.max_uncompressed_bytes:
            raise expands_too_far(self.name, self.limits) if self.gz else too_large(self.name, self.limits)
        return size

    def close(self) -> None:
        self.inner.close()
        super().close()


def _raw(path: Path, limits: ImportLimits) -> BinaryIO:
    gz = path.name.lower().endswith(".gz")
    inner = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    return io.BufferedReader(_Counted(inner, path.name, limits, gz), CHUNK)


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
            raise too_long_row(f"{self.name}, line {self.line}", self.limits, "characters")
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
                raise too_long_cell(f"{path.name}, line {start}", limits) from None
            raise UnreadableFile(f"{path.name}, line {start}: not a readable CSV ({exc}).") from None
