"""XLSX and DOCX files are ZIPs that their libraries partly load whole (openpyxl all but the sheets,
python-docx everything), so `check_zip` reads one first, bounded by the import limits: the central
directory's sizes against the limits, then one streaming pass proving that no part inflates beyond
the size it declares (zipfile cuts a part at that size, but only after a whole `read()` has
inflated, a gigabyte or more), counting a workbook's rows and the bytes of each row and shared
string on the way."""

import copy
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from api.imports.limits import (
    ImportLimits,
    LimitExceeded,
    UnreadableFile,
    document_too_large,
    expands_too_far,
    resolve_limits,
    size_text,
    too_long_row,
    too_long_shared_string,
    too_many_rows,
    workbook_too_large,
)

CHUNK = 1 << 16
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
        self.tail = data[-self.TAIL :]
        self.longest = max(self.longest, self.seen - self.start)


def check_directory(archive: zipfile.ZipFile, name: str, kind: str, limits: ImportLimits) -> None:
    """The sizes the central directory declares, against the limits (nothing is inflated)."""
    parts = archive.infolist()
    if len(parts) > limits.max_zip_parts:
        raise LimitExceeded(f"{name}: the file holds {len(parts):,} parts; at most {limits.max_zip_parts:,} are read.")
    for info in parts:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise UnreadableFile(
                f"{name}: part {info.filename!r} is encrypted or compressed as an {kind.upper()} never is."
            )
    total = sum(info.file_size for info in parts)
    if total > limits.max_uncompressed_bytes:
        raise expands_too_far(name, limits, total)
    if kind == "docx" and total > limits.max_docx_bytes:
        raise document_too_large(name, limits, total)
    loaded = sum(info.file_size for info in parts if not _WORKSHEET.search(info.filename)) if kind == "xlsx" else 0
    if loaded > limits.max_xlsx_loaded_bytes:
        raise workbook_too_large(name, limits, loaded)


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
                    raise UnreadableFile(
                        f"{name}: part {info.filename!r} expands beyond the {size_text(info.file_size)} "
                        "it declares: the file is forged or damaged."
                    )
                crc = zlib.crc32(chunk, crc)
                yield chunk
    except (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error) as exc:
        raise UnreadableFile(f"{name}: part {info.filename!r} cannot be read ({exc}).") from None
    if size != info.file_size or crc != info.CRC:
        raise UnreadableFile(f"{name}: part {info.filename!r} is damaged (its size or checksum is wrong).")


def check_zip(path: Path, kind: str, limits: ImportLimits | None = None) -> None:
    """Before openpyxl or python-docx opens an XLSX or DOCX (`kind`): its declared sizes within the
    limits, then every part inflated once, in chunks, to prove it holds no more than it declares (so
    what the libraries load is what was checked), with no DTD (entity expansion), and a workbook's
    sheets holding at most IMPORT_MAX_ROWS rows of a bounded size (openpyxl holds one row at a time,
    but all its shared strings)."""
    limits = resolve_limits(limits)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableFile(f"{path.name}: not a readable {_KIND_NAMES.get(kind, kind)} ({exc}).") from None
    with archive:
        check_directory(archive, path.name, kind, limits)
        rows = 0
        for info in archive.infolist():
            if info.is_dir():
                continue
            sheet = kind == "xlsx" and bool(_WORKSHEET.search(info.filename))
            strings = kind == "xlsx" and bool(_SHARED_STRINGS.search(info.filename))
            elements = _Elements(b"row" if sheet else b"si") if sheet or strings else None
            xml, tail = _XML_PART.search(info.filename), b""
            for chunk in _inflate(archive, info, path.name):
                if xml and _DTD.search(tail + chunk):
                    raise UnreadableFile(
                        f"{path.name}: part {info.filename!r} declares a DTD, which an {kind.upper()} never does."
                    )
                tail = chunk[-16:]
                if elements is None:
                    continue
                elements.feed(chunk)
                if elements.longest > limits.max_row_chars:
                    raise (
                        too_long_row(path.name, limits, "bytes of XML")
                        if sheet
                        else too_long_shared_string(path.name, limits)
                    )
                if sheet and rows + elements.count > limits.max_rows:
                    raise too_many_rows(path.name, limits)
            if sheet and elements is not None:
                rows += elements.count
