"""Receiving an evidence file: size limit, type decided by content, random name on disk.

The uploader's file name and declared type are never trusted: an `.exe` renamed `report.pdf` is
refused, and so is anything a browser could run (HTML, SVG, XML) even when it is valid text. The
file is streamed to a temporary file next to its final place (never read whole into memory),
hashed on the way, and renamed to a random name only once it passed every check.
"""

import codecs
import hashlib
import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import filetype

from api.core.errors import InvalidInput, PayloadTooLarge, UnsupportedMediaType
from api.tracking.posts.stored_files import stored_path

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


def _content_type(head: bytes, text: _TextProbe, file_name: str) -> str:
    kind = filetype.guess(head)
    if kind is not None and kind.mime in ALLOWED_BINARY:
        return kind.mime
    if text.ok:
        return "text/csv" if file_name.lower().endswith(".csv") else "text/plain"
    found = f" (its content is {kind.mime})" if kind is not None else ""
    raise UnsupportedMediaType(
        f"This file type is not accepted as evidence{found}; accepted: {ALLOWED_DESCRIPTION}. "
        "The type is read from the content, not the name.",
        field="file",
    )


def store_upload(upload: IncomingFile, directory: Path, max_bytes: int) -> StoredFile:
    """Stream `upload` into `directory` under a random name; 413 past `max_bytes` (stops reading there),
    415 for a type not accepted, 422 for an empty file. Nothing stays on disk when it is refused."""
    directory.mkdir(parents=True, exist_ok=True)
    file_name = clean_file_name(upload.name)
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-", suffix=".part")
    try:
        size, digest, head, text = 0, hashlib.sha256(), bytearray(), _TextProbe()
        with os.fdopen(fd, "wb") as out:
            while chunk := upload.stream.read(CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise PayloadTooLarge(f"The file exceeds the evidence limit of {max_bytes} bytes.", field="file")
                if len(head) < SIGNATURE_BYTES:
                    head += chunk[: SIGNATURE_BYTES - len(head)]
                digest.update(chunk)
                text.feed(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise InvalidInput("The file is empty.", field="file")
        text.feed(b"", final=True)
        content_type = _content_type(bytes(head), text, file_name)
        stored_name = secrets.token_hex(16)
        path = stored_path(directory, stored_name)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return StoredFile(
        path=path,
        stored_name=stored_name,
        file_name=file_name,
        content_type=content_type,
        size_bytes=size,
        sha256=digest.hexdigest(),
    )
