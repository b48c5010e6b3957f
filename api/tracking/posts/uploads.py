"""Receiving an evidence file: size limit, type decided by content, metadata removed, random name on disk.

The uploader's file name and declared type are never trusted: an `.exe` renamed `report.pdf` is
refused, and so is anything a browser could run (HTML, SVG, XML) even when it is valid text, and a ZIP
is a DOCX, XLSX, ODT or ODS only when its structure says so (content types and main part, or ODF's
`mimetype` and content). The file is streamed to a temporary file next to its final place (never read
whole into memory), cleaned of identifying metadata into a second one (`scrub`), hashed, and renamed to a
random name (`c1-` and random hex: the mark of a cleaned file) only once it passed every check: the
original is never stored, and both temporary files go whatever happens.
"""

import codecs
import hashlib
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import filetype
from lxml import etree

from api.core.errors import InvalidInput, PayloadTooLarge, UnsupportedMediaType
from api.tracking.posts.scrub import ODF, OOXML, scrub, xml_parser
from api.tracking.posts.stored_files import new_stored_name, stored_path

CHUNK_BYTES = 64 * 1024
SIGNATURE_BYTES = 8192  # what `filetype` looks at
MAX_FILE_NAME = 255

ALLOWED_BINARY = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
}
ALLOWED_DESCRIPTION = "PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, ODT, ODS, or plain UTF-8 text / CSV"
ZIP = "application/zip"
# An OOXML package's main part (the target of its officeDocument relationship) has one of these types:
# macro-enabled documents and templates have others and are refused.
OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
}
OFFICE_DOCUMENT = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
}

# C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
# Text a browser would render or run rather than show: refused even as "plain text".
_MARKUP = re.compile(
    r"<\s*(?:!doctype|\?xml|html|head|body|script|svg|iframe|frame|object|embed|meta|link|style|"
    r"img|form|math|xml|xsl)\b",
    re.IGNORECASE,
)
_MARKUP_OVERLAP = 16


@dataclass(frozen=True)
class IncomingFile:
    name: str | None
    stream: BinaryIO


@dataclass(frozen=True)
class StoredFile:
    path: Path
    stored_name: str
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str


class _TextProbe:
    """Whether a stream is UTF-8 text with no control characters and no markup, chunk by chunk."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._tail = ""
        self._started = False
        self.ok = True

    def feed(self, chunk: bytes, *, final: bool = False) -> None:
        if not self.ok:
            return
        try:
            text = self._decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            self.ok = False
            return
        if _CONTROL.search(text):
            self.ok = False
            return
        if not self._started and text.strip():
            self._started = True
            if text.lstrip().startswith("<"):
                self.ok = False
                return
        window = self._tail + text
        if _MARKUP.search(window):
            self.ok = False
        self._tail = window[-_MARKUP_OVERLAP:]


def clean_file_name(name: str | None) -> str:
    """The uploader's name without folders, control characters or leading dots; `evidence` if nothing is left."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] not in "CZ" or c == " ")
    name = name.strip().lstrip(".").strip()
    if len(name) > MAX_FILE_NAME:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 16:
            name = stem[: MAX_FILE_NAME - len(extension) - 1] + "." + extension
        else:
            name = name[:MAX_FILE_NAME]
    return name or "evidence"


def _refused(found: str | None = None) -> UnsupportedMediaType:
    return UnsupportedMediaType(
        f"This file type is not accepted as evidence{f' (its content is {found})' if found else ''}; "
        f"accepted: {ALLOWED_DESCRIPTION}. The type is read from the content, not the name.",
        field="file",
    )


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A structural part read whole: refused past 4 MiB declared (it is never that big; a ZIP bomb is)."""
    if archive.getinfo(name).file_size > 4 * 1024 * 1024:
        raise ValueError(f"{name} is too large")
    return archive.read(name)


def _ooxml_type(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The package's type if its officeDocument relationship names a present part whose declared content
    type is a DOCX's or an XLSX's main part; None otherwise."""
    if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
        return None
    relationships = etree.fromstring(_small_part(archive, "_rels/.rels"), xml_parser())
    targets = [r.get("Target", "") for r in relationships.iter("{*}Relationship") if r.get("Type") in OFFICE_DOCUMENT]
    if len(targets) != 1:
        return None
    main = "/" + targets[0].lstrip("/")
    if main[1:] not in names:
        return None
    types = etree.fromstring(_small_part(archive, "[Content_Types].xml"), xml_parser())
    declared = {o.get("PartName", "").lower(): o.get("ContentType") for o in types.iter("{*}Override")}
    return OOXML_MAIN.get(declared.get(main.lower()) or "")


def _odf_type(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """ODF's rule: `mimetype` first, stored, naming the type; content.xml and the manifest present."""
    first = archive.infolist()[0]
    if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or first.file_size > 100:
        return None
    mime = archive.read(first).decode("ascii", "replace")
    return mime if mime in ODF and {"content.xml", "META-INF/manifest.xml"} <= names else None


def package_type(path: Path) -> str:
    """A ZIP's type from its structure, never from a name inside it: 415 unless it is a real DOCX, XLSX,
    ODT or ODS."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
            if not entries or len(names) != len(entries):  # duplicate names read differently by each tool
                raise _refused("a ZIP archive")
            found = _ooxml_type(archive, names) or _odf_type(archive, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, RuntimeError, ValueError, OSError):
        raise _refused("a damaged ZIP archive") from None
    if found is None:
        raise _refused("a ZIP archive, not a DOCX, XLSX, ODT or ODS")
    return found


def _content_type(head: bytes, text: _TextProbe, file_name: str, path: Path) -> str:
    kind = filetype.guess(head)
    if kind is not None and (kind.mime in OOXML or kind.mime in ODF or kind.mime == ZIP):
        return package_type(path)
    if kind is not None and kind.mime in ALLOWED_BINARY:
        return kind.mime
    if text.ok:
        return "text/csv" if file_name.lower().endswith(".csv") else "text/plain"
    raise _refused(kind.mime if kind is not None else None)


def file_digest(path: Path) -> tuple[int, str]:
    """The file's size and sha256 (what an evidence row records of the stored, cleaned file)."""
    size, digest = 0, hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(CHUNK_BYTES):
            size += len(chunk)
            digest.update(chunk)
    return size, digest.hexdigest()


def store_upload(upload: IncomingFile, directory: Path, max_bytes: int) -> StoredFile:
    """Stream `upload` into `directory`, clean it (`scrub`) and store the cleaned file under a random name,
    with the cleaned file's size and hash; 413 past `max_bytes` (stops reading there), 415 for a type not
    accepted, 422 for an empty file or one the cleaning library cannot read. Nothing stays on disk when it
    is refused, and the original never reaches the final place."""
    directory.mkdir(parents=True, exist_ok=True)
    file_name = clean_file_name(upload.name)
    fd, received = tempfile.mkstemp(dir=directory, prefix=".upload-", suffix=".part")
    cleaned = received.removesuffix(".part") + ".clean.part"
    try:
        size, head, text = 0, bytearray(), _TextProbe()
        with os.fdopen(fd, "wb") as out:
            while chunk := upload.stream.read(CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise PayloadTooLarge(f"The file exceeds the evidence limit of {max_bytes} bytes.", field="file")
                if len(head) < SIGNATURE_BYTES:
                    head += chunk[: SIGNATURE_BYTES - len(head)]
                text.feed(chunk)
                out.write(chunk)
        if size == 0:
            raise InvalidInput("The file is empty.", field="file")
        text.feed(b"", final=True)
        content_type = _content_type(bytes(head), text, file_name, Path(received))
        scrub(content_type, Path(received), Path(cleaned))
        with open(cleaned, "rb+") as written:
            os.fsync(written.fileno())
        size, sha256 = file_digest(Path(cleaned))
        stored_name = new_stored_name()
        path = stored_path(directory, stored_name)
        os.replace(cleaned, path)
    finally:
        Path(received).unlink(missing_ok=True)
        Path(cleaned).unlink(missing_ok=True)
    return StoredFile(
        path=path,
        stored_name=stored_name,
        file_name=file_name,
        content_type=content_type,
        size_bytes=size,
        sha256=sha256,
    )
