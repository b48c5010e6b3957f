"""Evidence files without the names inside them: identifying metadata removed before a file is stored.

A pseudonymous CSO's real name travels inside its files (a DOCX's author, a PDF's Info, a photo's
GPS), so every accepted format is rewritten, not served byte for byte:
- PDF (pikepdf): the Info dictionary, every XMP `/Metadata` stream and `/PieceInfo` (application
  data) go, markup annotations lose their author (`/T`; form fields keep their names); the file is
  written anew, so the text of earlier incremental saves goes too.
- PNG, JPEG, GIF, WebP (Pillow): re-encoded from the pixels, keeping only what rendering needs
  (transparency, colour profile, resolution, frame timing). EXIF (GPS, camera serials, the
  thumbnail of the uncropped photo), XMP, IPTC, comments and text chunks are never copied: an
  allow-list, not a list of segments to cut. EXIF orientation is applied first so the picture shows
  as before. JPEG keeps its quantisation tables and subsampling, which keeps the loss of a second
  encoding to rounding; PNG, GIF and lossless WebP keep their pixels identical.
- DOCX, XLSX, ODT, ODS: the ZIP is written anew (fixed entry dates, no ZIP comments or extra
  fields); docProps/core.xml, app.xml and custom.xml (OOXML) and meta.xml (ODF) become minimal
  neutral versions, so the content types and manifest still list what is there; comment and
  tracked-change authors, Word's people.xml and Excel's persons become "Author"; ODF annotation
  creators and printer names are blanked, ODF signature files dropped; an attached template's
  external path loses its folders; embedded JPEG/PNG pictures are cleaned as images are.
- Text and CSV: nothing to clean.
Not cleaned: text that names people in the content itself, PDF attachments, OOXML `customXml`
parts and printer-settings blobs, embedded OLE objects.
"""

import io
import re
import shutil
import warnings
import zipfile
from collections.abc import Callable
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
_OOXML_REPLACED = {"docProps/core.xml": _CORE, "docProps/app.xml": _APP, "docProps/custom.xml": _CUSTOM}
_ODF_DROPPED = {"META-INF/documentsignatures.xml", "META-INF/macrosignatures.xml"}
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_ODF_CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
_PRINTER_ITEMS = {"PrinterName", "PrinterSetup"}
# Attributes naming a person in OOXML parts (comments, tracked changes, people/persons), by local name.
_PERSON_ATTRIBUTES = {"author": NEUTRAL, "initials": "A", "userId": NEUTRAL, "providerId": "None"}
_MEDIA = re.compile(r"(?:^|/)(?:media|Pictures)/[^/]+\.(jpe?g|png)$", re.IGNORECASE)
_OOXML_PEOPLE = re.compile(r"(?:word/[^/]+|xl/comments[^/]*|xl/(?:comments|threadedComments|persons)/[^/]+)\.xml$")
_ODF_CLEANED = {"meta.xml", "content.xml", "styles.xml", "settings.xml"}
MAX_PART_BYTES = 64 * 1024 * 1024  # a part cleaned in memory


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


def _scrub_pdf(source: Path, target: Path) -> None:
    try:
        with pikepdf.open(source) as pdf:
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    for key in ("/Metadata", "/PieceInfo"):
                        if key in obj:
                            del obj[key]
            for page in pdf.pages:
                for annotation in page.obj.get("/Annots", pikepdf.Array()):
                    if not isinstance(annotation, pikepdf.Dictionary) or "/T" not in annotation:
                        continue
                    if annotation.get("/Subtype") != pikepdf.Name.Widget and "/FT" not in annotation:
                        del annotation["/T"]  # a markup annotation's author; a form field's /T is its name
            pdf.save(target, fix_metadata_version=False)
    except pikepdf.PasswordError:
        raise unreadable("a PDF", "it is protected by a password") from None
    except (pikepdf.PdfError, pikepdf.DataDecodingError, ValueError, RuntimeError, TypeError, AttributeError):
        raise unreadable("a PDF") from None


# --- images --------------------------------------------------------------------------------------


def _webp_is_lossless(data: IO[bytes]) -> bool:
    head = data.read(4096)
    data.seek(0)
    return b"VP8L" in head


def scrub_image(data: IO[bytes], out: IO[bytes], image_format: str) -> None:
    """Re-encode an image of `image_format` from its pixels (see the module's docstring)."""
    lossless = image_format == "WEBP" and _webp_is_lossless(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(data, formats=[image_format]) as image:
                frames, durations = [], []
                for frame in ImageSequence.Iterator(image):
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
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise unreadable(f"a {image_format} image") from None


# --- OOXML and ODF packages ----------------------------------------------------------------------


def _check_limits(archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise unreadable("a document", f"it holds more than {MAX_UNPACKED_BYTES // 2**20} MiB or {MAX_ENTRIES} parts")


def _rewrite_xml(data: bytes, change: Callable[[Any], bool]) -> bytes:
    """The part with `change` applied to its root; unchanged bytes when nothing changed."""
    root = etree.fromstring(data, xml_parser())
    if not change(root):
        return data
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", standalone=True)


def _local(name: object) -> str:
    return etree.QName(name).localname if isinstance(name, str) else ""


def _neutral_people(root: Any) -> bool:
    """Comment and tracked-change authors, Word's people and Excel's persons, Excel's comment authors."""
    changed = False
    for element in root.iter():
        for key in list(element.attrib):
            local = _local(key)
            value = _PERSON_ATTRIBUTES.get(local) or (NEUTRAL if local == "displayName" else None)
            if value is not None and (local != "displayName" or _local(element.tag) == "person"):
                element.set(key, value)
                changed = True
        if _local(element.tag) == "author" and element.text:
            element.text = NEUTRAL
            changed = True
    return changed


def _template_name_only(root: Any) -> bool:
    """An attached template's external path names the author's folders (C:\\Users\\<name>\\...)."""
    changed = False
    for relationship in root.iter("{*}Relationship"):
        if relationship.get("Type", "").endswith("/attachedTemplate") and relationship.get("TargetMode") == "External":
            relationship.set("Target", re.split(r"[\\/]", relationship.get("Target", ""))[-1] or "template")
            changed = True
    return changed


def _neutral_odf(root: Any) -> bool:
    """Annotation and tracked-change creators; printer names in settings.xml."""
    changed = False
    for element in root.iter(f"{{{_DC}}}creator", f"{{{_ODF_META}}}creator-initials"):
        element.text = NEUTRAL if _local(element.tag) == "creator" else "A"
        changed = True
    for item in root.iter(f"{{{_ODF_CONFIG}}}config-item"):
        if item.get(f"{{{_ODF_CONFIG}}}name") in _PRINTER_ITEMS:
            item.text = ""
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


def _cleaned(name: str, *, odf: bool) -> bool:
    """Whether a part is looked into; any other is copied as it is, streamed."""
    if _MEDIA.search(name):
        return True
    if odf:
        return name in _ODF_CLEANED or name in _ODF_DROPPED
    return name in _OOXML_REPLACED or name.endswith("settings.xml.rels") or _OOXML_PEOPLE.match(name) is not None


def _clean_part(name: str, data: bytes, *, odf: bool) -> bytes | None:
    """The part's cleaned bytes, or None to leave it out."""
    if odf:
        if name in _ODF_DROPPED:
            return None
        if name == "meta.xml":
            return _odf_meta(data)
        if name in ("content.xml", "styles.xml", "settings.xml"):
            return _rewrite_xml(data, _neutral_odf)
    else:
        if name in _OOXML_REPLACED:
            return _OOXML_REPLACED[name]
        if name.endswith("settings.xml.rels"):
            return _rewrite_xml(data, _template_name_only)
        if _OOXML_PEOPLE.match(name) and (b"author" in data or b"userId" in data or b"displayName" in data):
            return _rewrite_xml(data, _neutral_people)
    return _clean_media(name, data)


def _scrub_package(source: Path, target: Path, *, odf: bool) -> None:
    label = "an OpenDocument file" if odf else "an Office Open XML document"
    try:
        with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
            _check_limits(archive)
            for entry in archive.infolist():
                fresh = zipfile.ZipInfo(entry.filename, date_time=ENTRY_DATE)
                fresh.external_attr = 0o644 << 16 if not entry.is_dir() else entry.external_attr
                fresh.compress_type = zipfile.ZIP_STORED if entry.filename == "mimetype" else zipfile.ZIP_DEFLATED
                if entry.is_dir():
                    out.writestr(fresh, b"")
                    continue
                if not _cleaned(entry.filename, odf=odf):
                    with archive.open(entry) as part, out.open(fresh, "w") as copy:
                        shutil.copyfileobj(part, copy)
                    continue
                if entry.file_size > MAX_PART_BYTES:
                    raise unreadable(label, f"{entry.filename} is larger than {MAX_PART_BYTES // 2**20} MiB")
                cleaned = _clean_part(entry.filename, archive.read(entry), odf=odf)
                if cleaned is not None:
                    out.writestr(fresh, cleaned)
    except InvalidInput:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, etree.XMLSyntaxError, RuntimeError, ValueError, OSError):
        raise unreadable(label) from None
