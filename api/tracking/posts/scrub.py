"""Evidence files without the names inside them: identifying metadata removed before a file is stored.

A pseudonymous CSO's real name travels inside its files (a DOCX's author, a PDF's Info, a photo's
GPS), so every accepted format is rewritten, not served byte for byte:
- PDF (pikepdf): the Info dictionary, every XMP `/Metadata` stream and `/PieceInfo` (application
  data) go, markup annotations lose their author (`/T`; form fields keep their names); JPEG images
  (DCTDecode, also under Flate) lose their APP1 (EXIF, XMP), APP12, APP13 (IPTC), COM and MPF segments
  and appended pictures by a walk over their markers, without re-encoding; /OpenAction, every /AA and
  the JavaScript name tree go, and so do JavaScript, Launch, SubmitForm, ImportData, GoToR/GoToE,
  Rendition and RichMediaExecute actions anywhere; a link annotation's /URI stays (content the reader
  chooses to follow, as a DOCX hyperlink). The file is written anew, so earlier incremental saves go.
- PNG, JPEG, GIF, WebP (Pillow): re-encoded from the pixels, keeping only what rendering needs
  (transparency, colour profile, resolution, frame timing). EXIF (GPS, camera serials, the
  thumbnail of the uncropped photo), XMP, IPTC, comments and text chunks are never copied: an
  allow-list, not a list of segments to cut. EXIF orientation is applied first so the picture shows
  as before. JPEG keeps its quantisation tables and subsampling, which keeps the loss of a second
  encoding to rounding, and only its first picture (an MPO's others go); PNG, GIF and lossless WebP
  keep their pixels identical. An animation's frame count and frames × pixels are checked from the
  headers before any frame is decoded (Pillow's decompression-bomb limit is per frame).
- DOCX, XLSX, ODT, ODS: the ZIP is written anew (fixed entry dates, no ZIP comments or extra
  fields); the OOXML property parts (found from `_rels/.rels`, so a `.psmdcp` core-properties part
  too) and ODF's meta.xml become minimal neutral versions, so the content types and manifest still
  list what is there. Every XML part that mentions one is parsed, and wherever they appear the
  attributes and elements naming a person (author, creator, lastModifiedBy, userName, refreshedBy,
  initials, Excel's persons, ODF's creators and printed-by) become "Author", paths on the author's
  disk (Excel's absPath, connections' source files) are blanked, and printer names go. External
  relationships other than hyperlinks (attached templates, linked pictures, external workbooks) are
  dropped, and so is an ODF `xlink:href` to another place (other than a link, text:a or draw:a):
  fetched when the file opens, they tell the uploader who opened it. ODF signature files are dropped;
  embedded JPEG/PNG pictures are cleaned as images are.
- Text and CSV: nothing to clean.
Not cleaned: text that names people in the content itself, PDF attachments, XFA forms and JPEG 2000
images, OOXML printer-settings blobs, embedded OLE objects.
"""

import io
import re
import shutil
import struct
import warnings
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

import pikepdf
from lxml import etree
from PIL import Image, ImageOps, ImageSequence, JpegImagePlugin

from api.core.errors import InvalidInput

IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WEBP"}
OOXML = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ODF = {"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet"}

MAX_ENTRIES = 10_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a package that expands beyond this is refused (ZIP bombs)
ENTRY_DATE = (1980, 1, 1, 0, 0, 0)
NEUTRAL = "Author"

# What a re-encoded image keeps of Pillow's `info`: only what rendering needs.
_IMAGE_INFO = {"transparency", "icc_profile", "dpi", "duration", "loop", "background"}

_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
)
_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)
_ODF_DROPPED = {"META-INF/documentsignatures.xml", "META-INF/macrosignatures.xml"}
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_ODF_CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
_PRINTER_ITEMS = {"PrinterName", "PrinterSetup"}
# Attributes and elements naming a person or a person's folders, by local name, wherever they appear in
# a package's XML parts (comments, tracked changes, people and persons, revisions, pivot caches, file
# sharing, ODF annotations and change info), with what they become.
_PERSON_NAMES = {
    "author": NEUTRAL,
    "creator": NEUTRAL,
    "initial-creator": NEUTRAL,
    "lastModifiedBy": NEUTRAL,
    "userName": NEUTRAL,
    "refreshedBy": NEUTRAL,
    "printed-by": NEUTRAL,
    "userId": NEUTRAL,
    "providerId": "None",
    "initials": "A",
    "creator-initials": "A",
    "author-name": NEUTRAL,  # ODF fields showing the author
    "author-initials": "A",
}
# Paths on the author's disk (C:\Users\<name>\...): Excel's absPath, connections' source files.
_PATH_ATTRIBUTES = {"sourceFile", "odcFile", "connection"}
_PERSON_MARKERS = (
    *(name.encode() for name in _PERSON_NAMES),
    *(name.encode() for name in _PATH_ATTRIBUTES),
    b"absPath",
    b"displayName",
    b"External",
    b"href",
    b"config-item",
)
_MARKER_OVERLAP = max(len(m) for m in _PERSON_MARKERS)
_XML_PART = re.compile(r"\.(?:xml|rels|psmdcp|vml)$", re.IGNORECASE)
_MEDIA = re.compile(r"(?:^|/)(?:media|Pictures)/[^/]+\.(jpe?g|png)$", re.IGNORECASE)
_PROPERTIES = {  # relationship type (its last segment) -> the neutral part that replaces its target
    "core-properties": _CORE,
    "extended-properties": _APP,
    "custom-properties": _CUSTOM,
}
_HYPERLINK = "/hyperlink"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_ODF_LINKS = {"a"}  # text:a, draw:a: links the reader follows, not content loaded when the file opens
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
MAX_PART_BYTES = 64 * 1024 * 1024  # a part cleaned in memory
CHUNK_BYTES = 64 * 1024
MAX_FRAMES = 1000  # an animation's frames, counted from its headers before any is decoded
MAX_ANIMATION_PIXELS = 50_000_000  # frames × width × height of an animation (a frame of a still: Pillow's limit)
# What the libraries raise on a damaged or hostile file: a 422, never a 500.
LIBRARY_ERRORS: tuple[type[Exception], ...] = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    RuntimeError,
    NotImplementedError,
    ZeroDivisionError,
    struct.error,
    zlib.error,
)
_PDF_ERRORS: tuple[type[Exception], ...] = (pikepdf.PdfError, pikepdf.DataDecodingError, *LIBRARY_ERRORS)
_IMAGE_ERRORS: tuple[type[Exception], ...] = (
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
    *LIBRARY_ERRORS,
)
_PACKAGE_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    etree.XMLSyntaxError,
    *LIBRARY_ERRORS,
)


def unreadable(label: str, reason: str = "it is damaged or not what it claims to be") -> InvalidInput:
    return InvalidInput(f"The file could not be read as {label}: {reason}.", field="file")


def xml_parser() -> etree.XMLParser:
    """No DTDs, no entities, no network, no huge trees: package XML is data, never instructions."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def scrub(content_type: str, source: Path, target: Path) -> None:
    """Write `source` (of a type already decided by content) into `target` without identifying metadata;
    a 422 naming `file` when the library cannot read it."""
    if content_type == "application/pdf":
        _scrub_pdf(source, target)
    elif content_type in IMAGE_FORMATS:
        with source.open("rb") as data, target.open("wb") as out:
            scrub_image(data, out, IMAGE_FORMATS[content_type])
    elif content_type in OOXML or content_type in ODF:
        _scrub_package(source, target, odf=content_type in ODF)
    else:  # text and CSV
        shutil.copyfile(source, target)


# --- PDF -----------------------------------------------------------------------------------------


# Actions that run code or reach outside the file (another file, a program, a server): removed wherever
# they are. A link annotation's /URI action stays: like a hyperlink in a DOCX it is content the reader
# sees and chooses to follow, not something the file does when opened (document and page /AA and
# /OpenAction go whatever they do).
_PDF_ACTIONS_REMOVED = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/Rendition",
    "/RichMediaExecute",
}
# JPEG segments that carry metadata, not pixels: APP1 (EXIF, XMP), APP12, APP13 (IPTC), COM.
_JPEG_DROPPED = {0xE1, 0xEC, 0xED, 0xFE}


def strip_jpeg_metadata(data: bytes) -> bytes:
    """A JPEG's bytes without its metadata segments, by a walk over its markers (no re-encoding); the
    pictures an MPO appends after the first (with their own EXIF) go too. Bytes not laid out as a JPEG
    are returned as they are."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out, position = bytearray(b"\xff\xd8"), 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return data
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            out += data[position : position + 2]
            position += 2
            continue
        if marker == 0xDA:  # start of scan: the rest is picture data, up to the end of image
            end = data.find(b"\xff\xd9", position)
            out += data[position : (end + 2 if end >= 0 else len(data))]
            return bytes(out)
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segment = data[position : position + 2 + length]
        if length < 2 or len(segment) < 2 + length:
            return data
        if marker not in _JPEG_DROPPED and not (marker == 0xE2 and segment[4:8] == b"MPF\0"):
            out += segment
        position += 2 + length
    return data


def _filters(stream: Any) -> list[str]:
    found = stream.get("/Filter")
    if found is None:
        return []
    return [str(f) for f in found] if isinstance(found, pikepdf.Array) else [str(found)]


def _clean_pdf_jpeg(stream: Any) -> None:
    filters = _filters(stream)
    if not filters or filters[-1] != "/DCTDecode":
        return
    data = stream.read_raw_bytes()
    for name in filters[:-1]:  # a JPEG compressed again (Flate): undone here, within a size limit
        if name != "/FlateDecode":
            return  # a rarer chain is left as it is
        inflate = zlib.decompressobj()
        try:
            data = inflate.decompress(data, MAX_PART_BYTES)
        except zlib.error:
            return
        if inflate.unconsumed_tail:
            return
    cleaned = strip_jpeg_metadata(data)
    if cleaned != data or len(filters) > 1:
        parameters = stream.get("/DecodeParms")
        if isinstance(parameters, pikepdf.Array):
            parameters = parameters[-1]
        stream.write(cleaned, filter=pikepdf.Name.DCTDecode, decode_parms=parameters)


def _is_removed_action(action: object) -> bool:
    return isinstance(action, pikepdf.Dictionary) and str(action.get("/S", "")) in _PDF_ACTIONS_REMOVED


def _clean_pdf_actions(obj: Any) -> None:
    for key in ("/AA", "/OpenAction"):
        if key in obj:
            del obj[key]
    if "/A" in obj and _is_removed_action(obj["/A"]):
        del obj["/A"]
    following = obj.get("/Next")
    if following is not None and (
        _is_removed_action(following)
        or (isinstance(following, pikepdf.Array) and any(_is_removed_action(a) for a in following))
    ):
        del obj["/Next"]


def _scrub_pdf(source: Path, target: Path) -> None:
    try:
        with pikepdf.open(source) as pdf:
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            names = pdf.Root.get("/Names")
            if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
                del names["/JavaScript"]
            _clean_pdf_actions(pdf.Root)
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    for key in ("/Metadata", "/PieceInfo"):
                        if key in obj:
                            del obj[key]
                    _clean_pdf_actions(obj)
                if isinstance(obj, pikepdf.Stream):
                    _clean_pdf_jpeg(obj)
            for page in pdf.pages:
                _clean_pdf_actions(page.obj)
                for annotation in page.obj.get("/Annots", pikepdf.Array()):
                    if not isinstance(annotation, pikepdf.Dictionary):
                        continue
                    _clean_pdf_actions(annotation)
                    if "/T" not in annotation:
                        continue
                    if annotation.get("/Subtype") != pikepdf.Name.Widget and "/FT" not in annotation:
                        del annotation["/T"]  # a markup annotation's author; a form field's /T is its name
            pdf.save(target, fix_metadata_version=False)
    except pikepdf.PasswordError:
        raise unreadable("a PDF", "it is protected by a password") from None
    except _PDF_ERRORS:
        raise unreadable("a PDF") from None


# --- images --------------------------------------------------------------------------------------


def _webp_is_lossless(data: IO[bytes]) -> bool:
    head = data.read(4096)
    data.seek(0)
    return b"VP8L" in head


def _frame_count(image: Image.Image, image_format: str) -> int:
    """How many frames will be decoded, read from the headers (nothing decoded yet); 422 past the caps.
    Pillow's decompression-bomb limit is per frame: an animation of many large frames is not caught by it."""
    if image_format == "JPEG":  # an MPO (Apple HDR, Ultra HDR): only the first picture is kept
        return 1
    frames = int(getattr(image, "n_frames", 1) or 1)
    width, height = image.size
    if frames > MAX_FRAMES or (frames > 1 and frames * width * height > MAX_ANIMATION_PIXELS):
        raise unreadable(
            f"a {image_format} image",
            f"its animation has more than {MAX_FRAMES} frames or {MAX_ANIMATION_PIXELS // 1_000_000} million pixels",
        )
    return frames


def scrub_image(data: IO[bytes], out: IO[bytes], image_format: str) -> None:
    """Re-encode an image of `image_format` from its pixels (see the module's docstring)."""
    lossless = image_format == "WEBP" and _webp_is_lossless(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(data, formats=[image_format]) as image:
                count = _frame_count(image, image_format)
                frames, durations = [], []
                for index, frame in enumerate(ImageSequence.Iterator(image)):
                    if index >= count:
                        break
                    clean = ImageOps.exif_transpose(frame.copy())
                    durations.append(frame.info.get("duration", 0))
                    clean.info = {k: v for k, v in frame.info.items() if k in _IMAGE_INFO}
                    frames.append(clean)
                options: dict[str, Any] = {}
                if image_format == "JPEG" and isinstance(image, JpegImagePlugin.JpegImageFile):
                    options["qtables"] = image.quantization
                    sampling = JpegImagePlugin.get_sampling(image)
                    if sampling >= 0:
                        options["subsampling"] = sampling
                elif image_format == "WEBP":
                    options.update(lossless=True) if lossless else options.update(quality=90)
                if len(frames) > 1:
                    options.update(save_all=True, append_images=frames[1:], duration=durations)
                    options["loop"] = image.info.get("loop", 0)
                frames[0].save(out, format=image_format, **options)
    except InvalidInput:
        raise
    except _IMAGE_ERRORS:
        raise unreadable(f"a {image_format} image") from None


# --- OOXML and ODF packages ----------------------------------------------------------------------


def _check_limits(archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise unreadable("a document", f"it holds more than {MAX_UNPACKED_BYTES // 2**20} MiB or {MAX_ENTRIES} parts")


def _local(name: object) -> str:
    return etree.QName(name).localname if isinstance(name, str) else ""


def _neutral(root: Any) -> bool:
    """Every attribute and element naming a person (`_PERSON_NAMES`), Excel's persons' display names,
    paths on the author's disk, ODF printer names, and ODF external references loaded when the file
    opens (images from http(s), linked sections) — in any part."""
    changed = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        for key in list(element.attrib):
            local = _local(key)
            value = _PERSON_NAMES.get(local)
            if local == "displayName" and tag == "person":
                value = NEUTRAL
            elif local in _PATH_ATTRIBUTES or (local == "url" and tag == "absPath"):
                value = ""
            elif key == _XLINK_HREF and tag not in _ODF_LINKS and _EXTERNAL.match(element.get(key, "").strip()):
                del element.attrib[key]
                changed = True
                continue
            if value is not None and element.get(key) != value:
                element.set(key, value)
                changed = True
        if tag in _PERSON_NAMES and element.text and element.text != _PERSON_NAMES[tag]:
            element.text = _PERSON_NAMES[tag]
            changed = True
        if tag == "config-item" and element.get(f"{{{_ODF_CONFIG}}}name") in _PRINTER_ITEMS and element.text:
            element.text = ""
            changed = True
    return changed


def _dropped_relationship(relationship: Any) -> bool:
    external = relationship.get("TargetMode") == "External"
    return external and not relationship.get("Type", "").endswith(_HYPERLINK)


def _dropped_references(archive: zipfile.ZipFile) -> dict[str, set[str]]:
    """For each part, the ids of its relationships `_internal_relationships` drops (read from its
    `_rels/<part>.rels`), so the references to them go too (`_without_references`)."""
    dropped: dict[str, set[str]] = {}
    for entry in archive.infolist():
        folder, _, file = entry.filename.rpartition("_rels/")
        if not file.endswith(".rels") or (folder and not folder.endswith("/")) or file == ".rels":
            continue
        if entry.file_size > MAX_PART_BYTES:
            raise ValueError(f"{entry.filename} is too large")
        root = etree.fromstring(archive.read(entry), xml_parser())
        ids = {r.get("Id", "") for r in root.iter("{*}Relationship") if _dropped_relationship(r)}
        if ids:
            dropped[folder + file.removesuffix(".rels")] = ids
    return dropped


def _without_references(root: Any, ids: set[str]) -> bool:
    """References to dropped relationships: an element identified by one (`r:id`, as Word's
    attachedTemplate or Excel's externalBook) goes, another attribute (`r:link` of a linked picture) goes."""
    changed = False
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for key, value in list(element.attrib.items()):
            if value not in ids or not etree.QName(key).namespace or "relationships" not in etree.QName(key).namespace:
                continue
            changed = True
            if _local(key) == "id" and element.getparent() is not None:
                element.getparent().remove(element)
                break
            del element.attrib[key]
    return changed


def _internal_relationships(root: Any) -> bool:
    """External relationships other than hyperlinks go: an attached template, a linked picture, an
    external workbook or data source is fetched when the file opens, telling its uploader who opened it
    (and its target names the author's folders)."""
    changed = False
    for relationship in list(root.iter("{*}Relationship")):
        if _dropped_relationship(relationship):
            relationship.getparent().remove(relationship)
            changed = True
    return changed


def _odf_meta(original: bytes) -> bytes:
    version = etree.fromstring(original, xml_parser()).get(f"{{{_ODF_OFFICE}}}version", "1.2")
    root = etree.Element(f"{{{_ODF_OFFICE}}}document-meta", nsmap={"office": _ODF_OFFICE})
    root.set(f"{{{_ODF_OFFICE}}}version", version)
    etree.SubElement(root, f"{{{_ODF_OFFICE}}}meta")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _clean_media(name: str, data: bytes) -> bytes:
    """An embedded picture cleaned like an uploaded one; one Pillow cannot read is kept as it is (the
    document's own business, and refusing the document for it would be harsher than the risk)."""
    match = _MEDIA.search(name)
    if match is None:
        return data
    out = io.BytesIO()
    try:
        scrub_image(io.BytesIO(data), out, "PNG" if match.group(1).lower() == "png" else "JPEG")
    except InvalidInput:
        return data
    return out.getvalue()


def _property_parts(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """OOXML property parts found from the package relationships (`_rels/.rels`), wherever they are
    (docProps/core.xml, or package/services/metadata/core-properties/<id>.psmdcp), with their neutral
    replacements; the usual names too."""
    parts = {"docProps/core.xml": _CORE, "docProps/app.xml": _APP, "docProps/custom.xml": _CUSTOM}
    try:
        info = archive.getinfo("_rels/.rels")
    except KeyError:
        return parts
    if info.file_size > MAX_PART_BYTES:
        raise ValueError("_rels/.rels is too large")
    for relationship in etree.fromstring(archive.read(info), xml_parser()).iter("{*}Relationship"):
        kind = relationship.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
        if kind in _PROPERTIES and relationship.get("TargetMode") != "External":
            parts[relationship.get("Target", "").lstrip("/")] = _PROPERTIES[kind]
    return parts


def _needs_cleaning(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether an XML part mentions anything `_neutral` or `_internal_relationships` changes, read in
    chunks (a large sheet without any is streamed, not parsed); a part not in UTF-8 is always parsed."""
    tail = b""
    with archive.open(entry) as part:
        first = True
        while chunk := part.read(CHUNK_BYTES):
            if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in chunk[:64]):
                return True
            first = False
            window = tail + chunk
            if any(marker in window for marker in _PERSON_MARKERS):
                return True
            tail = window[-_MARKER_OVERLAP:]
    return False


def _clean_part(
    name: str, data: bytes, *, odf: bool, replaced: dict[str, bytes], dropped: dict[str, set[str]]
) -> bytes | None:
    """The part's cleaned bytes, or None to leave it out."""
    if odf and name in _ODF_DROPPED:
        return None
    if odf and name == "meta.xml":
        return _odf_meta(data)
    if not odf and name in replaced:
        return replaced[name]
    if _XML_PART.search(name):
        try:
            root = etree.fromstring(data, xml_parser())
        except etree.XMLSyntaxError:
            if name.lower().endswith(".vml"):  # legacy drawing markup is not always well-formed XML
                return data
            raise
        changed = _neutral(root)
        if name.endswith(".rels"):
            changed = _internal_relationships(root) or changed
        if name in dropped:
            changed = _without_references(root, dropped[name]) or changed
        if not changed:
            return data
        return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", standalone=True)
    return _clean_media(name, data)


def _looked_into(
    archive: zipfile.ZipFile,
    entry: zipfile.ZipInfo,
    *,
    odf: bool,
    replaced: dict[str, bytes],
    dropped: dict[str, set[str]],
) -> bool:
    """Whether a part is read and cleaned; any other is copied as it is, streamed."""
    name = entry.filename
    if (
        _MEDIA.search(name)
        or (odf and name in {"meta.xml", *_ODF_DROPPED})
        or (not odf and name in replaced)
        or name in dropped
    ):
        return True
    return _XML_PART.search(name) is not None and _needs_cleaning(archive, entry)


def _scrub_package(source: Path, target: Path, *, odf: bool) -> None:
    label = "an OpenDocument file" if odf else "an Office Open XML document"
    try:
        with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
            _check_limits(archive)
            replaced = {} if odf else _property_parts(archive)
            dropped = {} if odf else _dropped_references(archive)
            for entry in archive.infolist():
                fresh = zipfile.ZipInfo(entry.filename, date_time=ENTRY_DATE)
                fresh.external_attr = 0o644 << 16 if not entry.is_dir() else entry.external_attr
                fresh.compress_type = zipfile.ZIP_STORED if entry.filename == "mimetype" else zipfile.ZIP_DEFLATED
                if entry.is_dir():
                    out.writestr(fresh, b"")
                    continue
                if not _looked_into(archive, entry, odf=odf, replaced=replaced, dropped=dropped):
                    with archive.open(entry) as part, out.open(fresh, "w") as copy:
                        shutil.copyfileobj(part, copy)
                    continue
                if entry.file_size > MAX_PART_BYTES:
                    raise unreadable(label, f"{entry.filename} is larger than {MAX_PART_BYTES // 2**20} MiB")
                cleaned = _clean_part(entry.filename, archive.read(entry), odf=odf, replaced=replaced, dropped=dropped)
                if cleaned is not None:
                    out.writestr(fresh, cleaned)
    except InvalidInput:
        raise
    except _PACKAGE_ERRORS:
        raise unreadable(label) from None
