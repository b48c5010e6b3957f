"""Evidence files carry no one's name (api/tracking/posts/scrub.py, uploads.py, policy.evidence_file_name).

Before: files were stored and served byte for byte, so a DOCX's author, a PDF's Info and XMP, a photo's
EXIF/GPS and an ODF meta.xml reached anonymous readers of a pseudonymous CSO's evidence, its file name
("Roma Defenders report.docx") was shown to everyone, and any ZIP with a `word/` entry passed as a DOCX.
Each file here is built with a real library, carrying the CSO's real name and a person's; it is uploaded
by the pseudonymous CSO, downloaded anonymously, and must hold neither, still open, and match its hash.
"""

import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pikepdf
import pytest
from PIL import Image, ImageChops
from sqlmodel import select

from api.audit.models import AuditEntry
from api.auth.models import OrganisationKind
from api.tracking.models import Evidence
from tests.factories import OWN_STATE
from tests.tracking.posts.helpers import new_member, problem
from tests.tracking_factories import create_update

REAL_NAME = "Roma Defenders"  # the CSO's real name; it publishes as "Civic Voice"
PERSON = "Ana Novak"
SECRETS = (REAL_NAME.encode(), PERSON.encode(), b"Ljubljana office")
GPS = {1: "N", 2: (46.0, 3.0, 14.0), 3: "E", 4: (14.0, 30.0, 21.0)}  # GPSLatitudeRef … GPSLongitude
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{PERSON}, {REAL_NAME}'
    "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class Case:
    extension: str
    content_type: str
    build: Callable[[], bytes]
    still_opens: Callable[[bytes], None]


def unpacked(content: bytes) -> bytes:
    """What a reader can get at: a ZIP's entries decompressed, any other file as it is."""
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return content + b"".join(archive.read(entry) for entry in archive.infolist())


# --- files carrying names, built with the libraries ------------------------------------------------


def pdf_with_names() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = PERSON
    pdf.docinfo["/Creator"] = f"{REAL_NAME} - Ljubljana office"
    pdf.Root.Metadata = pdf.make_stream(XMP.encode())
    pdf.pages[0].obj.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Text,
                    T=PERSON,
                    Rect=[0, 0, 10, 10],
                    Contents="Check the budget figures",
                )
            ]
        )
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_opens(content: bytes) -> None:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert len(pdf.pages) == 1 and "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        assert str(pdf.pages[0].obj.Annots[0].Contents) == "Check the budget figures"  # the content stays


def exif_with_names(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = PERSON  # Artist
    exif[0x8298] = f"(c) {REAL_NAME}"  # Copyright
    exif[0x010F] = "Ljubljana office camera"  # Make
    if orientation:
        exif[0x0112] = orientation
    exif.get_ifd(0x8825).update(GPS)
    return exif


def picture(mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, (40, 20))
    for x in range(40):
        for y in range(20):
            image.putpixel((x, y), (x * 6, y * 12, 90) if mode == "RGB" else (x + y) % 16)
    return image


def image_bytes(image_format: str, **options: Any) -> bytes:
    out = io.BytesIO()
    image = picture("P" if image_format == "GIF" else "RGB")
    image.save(out, format=image_format, **options)
    return out.getvalue()


def jpeg_with_names() -> bytes:
    # Orientation 6: the camera was turned; the cleaned file shows it upright without the tag.
    return image_bytes("JPEG", exif=exif_with_names(orientation=6), comment=REAL_NAME, xmp=XMP.encode(), quality=90)


def png_with_names() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Author", PERSON)
    text.add_itxt("XML:com.adobe.xmp", XMP)
    return image_bytes("PNG", pnginfo=text, exif=exif_with_names())


def image_opens(image_format: str, *, same_pixels: bool, size: tuple[int, int] = (40, 20)) -> Callable[[bytes], None]:
    def check(content: bytes) -> None:
        with Image.open(io.BytesIO(content), formats=[image_format]) as image:
            image.load()
            assert image.size == size
            assert not image.getexif() and not {"exif", "xmp", "comment", "Author"} & set(image.info)
            if same_pixels:
                assert ImageChops.difference(image.convert("RGB"), picture(image.mode).convert("RGB")).getbbox() is None

    return check


def docx_with_names() -> bytes:
    from docx import Document

    document = Document()
    paragraph = document.add_paragraph("Minutes of the consultation with Roma organisations.")
    document.add_comment(paragraph.runs, text="Check with the ministry", author=PERSON, initials="AN")
    document.core_properties.author = PERSON
    document.core_properties.last_modified_by = f"{PERSON} ({REAL_NAME})"
    document.core_properties.comments = "Ljubljana office"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_opens(content: bytes) -> None:
    from docx import Document

    document = Document(io.BytesIO(content))
    assert document.paragraphs[0].text == "Minutes of the consultation with Roma organisations."
    assert [c.author for c in document.comments] == ["Author"] and document.core_properties.author == ""


def xlsx_with_names() -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["preschool places", 812])
    sheet["B1"].comment = Comment("From the ministry's table", PERSON)
    workbook.properties.creator = PERSON
    workbook.properties.lastModifiedBy = REAL_NAME
    workbook.properties.description = "Ljubljana office"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_opens(content: bytes) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == ["preschool places", 812]
    assert sheet["B1"].comment.author == "Author"


def odf_with_names(mime: str) -> bytes:
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"'
    dc, meta = (
        'xmlns:dc="http://purl.org/dc/elements/1.1/"',
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
    )
    text = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    config = 'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
    parts = {
        "META-INF/manifest.xml": (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            f'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"
        ),
        "content.xml": (
            f"<office:document-content {office} {dc} {text}><office:body><office:text><text:p>Roma inclusion"
            f"<office:annotation><dc:creator>{PERSON}</dc:creator><text:p>Check</text:p></office:annotation>"
            "</text:p></office:text></office:body></office:document-content>"
        ),
        "meta.xml": (
            f"<office:document-meta {office} {dc} {meta}><office:meta><meta:initial-creator>{PERSON}"
            f"</meta:initial-creator><dc:creator>{REAL_NAME}</dc:creator><dc:description>Ljubljana office"
            "</dc:description></office:meta></office:document-meta>"
        ),
        "settings.xml": (
            f'<office:document-settings {office} {config}><config:config-item config:name="PrinterName" '
            f'config:type="string">{REAL_NAME} printer</config:config-item></office:document-settings>'
        ),
        "META-INF/documentsignatures.xml": f"<signatures>{PERSON}</signatures>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mime, compress_type=zipfile.ZIP_STORED)
        for name, xml in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>\n' + xml)
    return out.getvalue()


def odf_opens(mime: str) -> Callable[[bytes], None]:
    def check(content: bytes) -> None:
        from lxml import etree

        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            first = archive.infolist()[0]
            assert (first.filename, first.compress_type, archive.read(first)) == ("mimetype", 0, mime.encode())
            assert archive.testzip() is None and "META-INF/documentsignatures.xml" not in archive.namelist()
            for name in ("content.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"):
                etree.fromstring(archive.read(name))  # well-formed
            assert b"Roma inclusion" in archive.read("content.xml")
            assert b'office:version="1.3"' in archive.read("meta.xml")

    return check


CASES = {
    "pdf": Case("pdf", "application/pdf", pdf_with_names, pdf_opens),
    "jpeg": Case("jpg", "image/jpeg", jpeg_with_names, image_opens("JPEG", same_pixels=False, size=(20, 40))),
    "png": Case("png", "image/png", png_with_names, image_opens("PNG", same_pixels=True)),
    "gif": Case(
        "gif",
        "image/gif",
        lambda: image_bytes("GIF", comment=f"{PERSON}, {REAL_NAME}"),
        image_opens("GIF", same_pixels=True),
    ),
    "webp": Case(
        "webp",
        "image/webp",
        lambda: image_bytes("WEBP", exif=exif_with_names(), xmp=XMP.encode(), lossless=True),
        image_opens("WEBP", same_pixels=True),
    ),
    "docx": Case("docx", DOCX, docx_with_names, docx_opens),
    "xlsx": Case("xlsx", XLSX, xlsx_with_names, xlsx_opens),
    "odt": Case("odt", ODT, lambda: odf_with_names(ODT), odf_opens(ODT)),
    "ods": Case("ods", ODS, lambda: odf_with_names(ODS), odf_opens(ODS)),
}


@pytest.fixture
async def pseudonymous_cso(session, settings, tracking_world):
    """A CSO publishing as "Civic Voice", with a public progress update to attach evidence to."""
    organisation, headers = new_member(
        session, settings, OrganisationKind.cso, OWN_STATE, REAL_NAME, public_name="Civic Voice"
    )
    update = create_update(session, organisation, recommendation=tracking_world.cycle.recommendations[OWN_STATE])
    return organisation, headers, update


async def upload(client, headers, update_id: int, name: str, content: bytes):
    return await client.post(
        "/tracking/evidence",
        headers=headers,
        data={"progress_update_id": str(update_id)},
        files={"file": (name, content, "application/octet-stream")},
    )


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_a_file_uploaded_by_a_pseudonymous_cso_reaches_readers_without_any_name_inside(
    client, session, settings, pseudonymous_cso, case
):
    _, headers, update = pseudonymous_cso
    original = case.build()
    assert all(secret in unpacked(original) for secret in SECRETS[:2]), "the test file must carry the names"
    created = await upload(client, headers, update.id, f"{REAL_NAME} report.{case.extension}", original)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["content_type"] == case.content_type

    served = await client.get(f"/tracking/evidence/{body['id']}/file")  # anonymous
    assert served.status_code == 200
    for secret in SECRETS:
        assert secret not in unpacked(served.content), secret
    case.still_opens(served.content)
    assert body["sha256"] == hashlib.sha256(served.content).hexdigest() and body["size_bytes"] == len(served.content)
    stored = session.get(Evidence, body["id"])
    assert (settings.evidence_dir / stored.stored_name).read_bytes() == served.content  # the original is not kept

    neutral = f"evidence-{body['id']}.{case.extension}"
    assert body["file_name"] == neutral == stored.file_name
    assert f"filename*=UTF-8''{neutral}" in served.headers["content-disposition"]
    assert (await client.get(f"/tracking/evidence/{body['id']}")).json()["file_name"] == neutral


async def test_a_pseudonymous_csos_uploaded_file_name_is_kept_nowhere(client, session, settings, pseudonymous_cso):
    _, headers, update = pseudonymous_cso
    created = await upload(client, headers, update.id, f"{REAL_NAME} report.txt", b"Minutes.\n")
    assert created.status_code == 201, created.text
    session.expire_all()
    audited = session.exec(select(AuditEntry).where(AuditEntry.entity == "evidence")).all()
    assert audited and all(REAL_NAME not in str(entry.model_dump()) for entry in audited)
    listed = await client.get("/tracking/evidence", params={"progress_update": update.id})
    assert [e["file_name"] for e in listed.json()["items"]] == [f"evidence-{created.json()['id']}.txt"]


async def test_an_older_file_of_a_pseudonymous_cso_shows_a_neutral_name_to_others_only(
    client, session, settings, pseudonymous_cso, tracking_world
):
    """A row stored before the rule (or before the organisation took a public name) keeps its name in the
    database; readers who may not see the real name get the neutral one, the CSO itself its own. An
    organisation without a public name keeps its names."""
    organisation, headers, update = pseudonymous_cso
    created = await upload(client, headers, update.id, "report.txt", b"Minutes.\n")
    row = session.get(Evidence, created.json()["id"])
    row.file_name = f"{REAL_NAME} report.txt"
    session.add(row)
    session.commit()
    path = f"/tracking/evidence/{row.id}"
    assert (await client.get(path, headers=headers)).json()["file_name"] == f"{REAL_NAME} report.txt"
    for reader in ({}, tracking_world.headers("government", settings)):
        assert (await client.get(path, headers=reader)).json()["file_name"] == f"evidence-{row.id}.txt"
        served = await client.get(f"{path}/file", headers=reader)
        assert REAL_NAME not in served.headers["content-disposition"]
    w = tracking_world  # an organisation without a public name keeps its file names
    created = await upload(
        client, w.headers("cso", settings), w.tracking.updates[("cso", OWN_STATE)].id, "Poročilo.txt", b"Text.\n"
    )
    assert created.json()["file_name"] == "Poročilo.txt"


# --- a ZIP is a document by its structure, not by a name inside it ---------------------------------


def zip_of(entries: dict[str, bytes | str], *, first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries, key=lambda n: n != first):
            archive.writestr(name, entries[name])
    return out.getvalue()


def docx_entries() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_with_names())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_main_type(entries: dict[str, bytes], content_type: str) -> dict[str, bytes]:
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in entries["[Content_Types].xml"]
    return {**entries, "[Content_Types].xml": entries["[Content_Types].xml"].replace(main, content_type.encode())}


def odt_without_content() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT)  # stored, first: what a name-based check looks at
        archive.writestr("Thumbnails/thumbnail.png", image_bytes("PNG"))
    return out.getvalue()


REFUSED_ZIPS = {
    "a stray word/ entry": lambda: zip_of({"word/payload.exe": b"MZ" + b"\0" * 64, "readme.txt": "hi"}),
    "content types without the main part": lambda: zip_of(
        {k: v for k, v in docx_entries().items() if k != "word/document.xml"}, first="[Content_Types].xml"
    ),
    "a macro-enabled main part": lambda: zip_of(
        with_main_type(docx_entries(), "application/vnd.ms-word.document.macroEnabled.main+xml"),
        first="[Content_Types].xml",
    ),
    "an ODT without its content": lambda: odt_without_content(),
}


@pytest.mark.parametrize("build", REFUSED_ZIPS.values(), ids=REFUSED_ZIPS.keys())
async def test_a_zip_that_is_not_a_real_docx_xlsx_odt_or_ods_is_refused(client, settings, pseudonymous_cso, build):
    _, headers, update = pseudonymous_cso
    settings.evidence_dir.mkdir(parents=True, exist_ok=True)
    before = set(settings.evidence_dir.iterdir())
    problem(await upload(client, headers, update.id, "minutes.docx", build()), 415, "file", "read from the content")
    assert set(settings.evidence_dir.iterdir()) == before


async def test_a_real_docx_is_accepted_by_its_structure_whatever_the_order_of_its_parts(client, pseudonymous_cso):
    _, headers, update = pseudonymous_cso
    entries = docx_entries()
    padding = {f"customXml/item{i}.xml": b"<x/>" * 500 for i in range(4)}  # `word/` far from the start
    reordered = zip_of({**padding, **entries}, first="customXml/item0.xml")
    created = await upload(client, headers, update.id, "minutes.bin", reordered)
    assert created.status_code == 201, created.text
    assert created.json()["content_type"] == DOCX


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 100),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 100),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00garbage" * 100),
    ],
)
async def test_a_file_the_cleaning_library_cannot_read_is_a_422_and_leaves_nothing(
    client, settings, pseudonymous_cso, name, content
):
    _, headers, update = pseudonymous_cso
    settings.evidence_dir.mkdir(parents=True, exist_ok=True)
    before = set(settings.evidence_dir.iterdir())
    problem(await upload(client, headers, update.id, name, content), 422, "file", "could not be read")
    assert set(settings.evidence_dir.iterdir()) == before


# --- files stored before uploads were cleaned: `upr evidence scrub` -------------------------------


async def test_files_stored_before_the_rule_are_cleaned_in_place_by_the_command(
    client, session, settings, pseudonymous_cso, monkeypatch
):
    """An old row whose file still carries the names (written to disk as it was uploaded then): the
    command cleans the file in place, records its new hash and size, makes the name neutral, and a second
    run changes nothing. A row whose file is gone is reported, not a crash."""
    from contextlib import contextmanager

    from typer.testing import CliRunner

    import api.cli
    from api.tracking.posts.stored_scrub import scrub_stored

    _, headers, update = pseudonymous_cso
    created = await upload(client, headers, update.id, "minutes.pdf", pdf_with_names())
    assert created.status_code == 201, created.text
    row = session.get(Evidence, created.json()["id"])
    old = pdf_with_names()  # as an upload was stored before this rule
    (settings.evidence_dir / row.stored_name).write_bytes(old)
    row.sha256, row.size_bytes, row.file_name = hashlib.sha256(old).hexdigest(), len(old), f"{REAL_NAME} minutes.pdf"
    session.add(row)
    session.commit()

    @contextmanager
    def test_session(*, writes: bool = True):
        yield session

    monkeypatch.setattr(api.cli, "_session", test_session)
    monkeypatch.setattr("api.settings.get_settings", lambda: settings)
    result = CliRunner().invoke(api.cli.app, ["evidence", "scrub"])
    assert result.exit_code == 0, result.output
    assert "1 cleaned" in result.output and "1 renamed" in result.output
    session.refresh(row)
    served = await client.get(f"/tracking/evidence/{row.id}/file")
    for secret in SECRETS:
        assert secret not in served.content, secret
    pdf_opens(served.content)
    assert row.sha256 == hashlib.sha256(served.content).hexdigest() and row.size_bytes == len(served.content)
    assert row.file_name == f"evidence-{row.id}.pdf"

    again = scrub_stored(session, settings.evidence_dir)
    assert (again.cleaned, again.renamed) == (0, 0) and again.unchanged >= 1
    (settings.evidence_dir / row.stored_name).unlink()
    gone = scrub_stored(session, settings.evidence_dir)
    assert row.id in gone.missing
