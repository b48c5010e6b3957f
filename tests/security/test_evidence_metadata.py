"""Evidence files carry no one's name (api/tracking/posts/scrub.py, uploads.py, policy.evidence_file_name).

Before: files were stored and served byte for byte, so a DOCX's author, a PDF's Info and XMP, a photo's
EXIF/GPS and an ODF meta.xml reached anonymous readers of a pseudonymous CSO's evidence, its file name
("Roma Defenders report.docx") was shown to everyone, and any ZIP with a `word/` entry passed as a DOCX.
Each file here is built with a real library, carrying the CSO's real name and a person's; it is uploaded
by the pseudonymous CSO, downloaded anonymously, and must hold neither, still open, and match its hash.
"""

import hashlib
import io
import secrets
import zipfile
from collections.abc import Callable, Mapping
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
    draw = 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
    xlink = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
    parts = {
        "META-INF/manifest.xml": (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            f'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"
        ),
        "content.xml": (
            f"<office:document-content {office} {dc} {text} {draw} {xlink}><office:body><office:text>"
            f"<text:p>Roma inclusion<office:annotation><dc:creator>{PERSON}</dc:creator><text:p>Check</text:p>"
            '</office:annotation><text:a xlink:href="https://example.org/report">report</text:a></text:p>'
            '<text:p><draw:frame><draw:image xlink:href="https://tracker.example/pixel.png?opened"/></draw:frame>'
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
            # a picture loaded from a server when the file opens goes; a link the reader follows stays
            assert b"tracker.example" not in archive.read("content.xml")
            assert b"https://example.org/report" in archive.read("content.xml")
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
    reader: dict[str, str]
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


def zip_of(entries: Mapping[str, bytes | str], *, first: str | None = None) -> bytes:
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
    old = pdf_with_names()  # as an upload was stored before this rule: under an unmarked name
    row.stored_name = secrets.token_hex(16)
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


# --- mends after the review of the cleaning --------------------------------------------------------


def animation(image_format: str, size: tuple[int, int], frames: int) -> bytes:
    """Single-colour frames (alternating, so none is merged): tiny on disk, large once decoded."""
    black, white = Image.new("L", size, 0), Image.new("L", size, 255)
    out = io.BytesIO()
    sequence = [white if i % 2 else black for i in range(frames)]
    sequence[0].save(out, format=image_format, save_all=True, append_images=sequence[1:], duration=100, loop=0)
    return out.getvalue()


def docx_with_media(picture_bytes: bytes) -> bytes:
    def changes(entries: dict[str, bytes]) -> dict[str, bytes]:
        entries["word/media/image1.png"] = picture_bytes
        return entries

    return package_with(docx_with_names(), changes)


async def test_an_animation_too_large_once_decoded_is_refused_before_its_frames_are_decoded(
    client, settings, pseudonymous_cso, monkeypatch
):
    """Before: every frame was decoded and kept, and Pillow's bomb limit is per frame, so a small
    animation took a worker to gigabytes. Now frames × pixels and the frame count are read from the
    headers first: an uploaded GIF is a 422, an animated PNG inside a document is kept undecoded."""
    from PIL import ImageSequence

    from api.core.errors import InvalidInput
    from api.tracking.posts.scrub import scrub_image

    _, headers, update = pseudonymous_cso
    decoded: list[int] = []
    iterator = ImageSequence.Iterator.__next__

    def counting(self):
        decoded.append(1)
        return iterator(self)

    large = animation("GIF", (3000, 3000), 6)  # 54 million pixels in all, 9 million a frame
    many, apng = animation("GIF", (2, 2), 1001), animation("PNG", (3000, 3000), 6)
    document, ordinary = docx_with_media(apng), animation("GIF", (40, 20), 3)
    assert len(large) < 200_000 and len(apng) < 200_000
    monkeypatch.setattr(ImageSequence.Iterator, "__next__", counting)  # the files are built: count from here
    settings.evidence_dir.mkdir(parents=True, exist_ok=True)
    before = set(settings.evidence_dir.iterdir())
    problem(await upload(client, headers, update.id, "a.gif", large), 422, "file", "million pixels")
    problem(await upload(client, headers, update.id, "b.gif", many), 422, "file", "frames")
    with pytest.raises(InvalidInput) as refused:
        scrub_image(io.BytesIO(apng), io.BytesIO(), "PNG")
    assert refused.value.field == "file"
    assert not decoded and set(settings.evidence_dir.iterdir()) == before
    created = await upload(client, headers, update.id, "d.docx", document)  # the picture is kept as it is
    assert created.status_code == 201, created.text
    assert not decoded

    created = await upload(client, headers, update.id, "c.gif", ordinary)  # an ordinary animation
    assert created.status_code == 201, created.text
    served = await client.get(f"/tracking/evidence/{created.json()['id']}/file")
    with Image.open(io.BytesIO(served.content)) as image:
        assert getattr(image, "n_frames", 1) == 3


def mpo_with_names() -> bytes:
    """A JPEG with an MPF segment and a second picture (as Apple HDR and Ultra HDR photos are)."""
    out = io.BytesIO()
    first, second = picture(), picture().transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    first.save(out, format="MPO", save_all=True, append_images=[second], exif=exif_with_names(), quality=90)
    return out.getvalue()


async def test_a_jpeg_with_an_mpf_segment_is_cleaned_to_its_first_picture_not_a_500(client, pseudonymous_cso):
    _, headers, update = pseudonymous_cso
    original = mpo_with_names()
    with Image.open(io.BytesIO(original)) as image:
        assert image.format == "MPO" and getattr(image, "n_frames", 1) == 2 and PERSON.encode() in original
    created = await upload(client, headers, update.id, "photo.jpg", original)
    assert created.status_code == 201, created.text
    assert created.json()["content_type"] == "image/jpeg"
    served = await client.get(f"/tracking/evidence/{created.json()['id']}/file")
    assert PERSON.encode() not in served.content and REAL_NAME.encode() not in served.content
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1 and image.size == (40, 20)
        assert not image.getexif()


def package_with(content: bytes, changes: Callable[[dict[str, bytes]], dict[str, bytes]]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries = changes(entries)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries, key=lambda n: n != "[Content_Types].xml"):
            archive.writestr(name, entries[name])
    return out.getvalue()


FOLDER = rb"C:\Users\jana.novak\Documents\Roma"
PHONE_HOME = b"https://tracker.example/pixel.png?opened"
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = b"http://schemas.openxmlformats.org/package/2006/relationships"


def xlsx_with_paths() -> bytes:
    """Excel's own traces: the workbook's folder (absPath), the file-sharing user, a revision's and a
    pivot cache's user, an external workbook and a connection's source file, beside a hyperlink."""

    def changes(entries: dict[str, bytes]) -> dict[str, bytes]:
        workbook = entries["xl/workbook.xml"]
        start = workbook.index(b"<workbookPr")
        end = workbook.index(b">", start) + 1
        alternate = (
            b'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            b'<mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/'
            b'spreadsheetml/2010/11/ac" url="' + FOLDER + b'\\"/></mc:Choice></mc:AlternateContent>'
        )
        sharing = b'<fileSharing userName="' + PERSON.encode() + b'"/>'
        entries["xl/workbook.xml"] = workbook[:start] + sharing + workbook[start:end] + alternate + workbook[end:]
        entries["xl/revisions/revisionHeaders.xml"] = (
            b'<headers xmlns="' + _MAIN + b'"><header guid="{0}" userName="' + PERSON.encode() + b'"/></headers>'
        )
        entries["xl/pivotCache/pivotCacheDefinition1.xml"] = (
            b'<pivotCacheDefinition xmlns="' + _MAIN + b'" refreshedBy="' + PERSON.encode() + b'"/>'
        )
        entries["xl/connections.xml"] = (
            b'<connections xmlns="' + _MAIN + b'"><connection id="1" sourceFile="' + FOLDER + b'\\data.mdb"/>'
            b"</connections>"
        )
        rels = entries["xl/_rels/workbook.xml.rels"]
        extra = (
            b'<Relationship Id="rId90" TargetMode="External" Target="file:///' + FOLDER + b'\\budget.xlsx" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath"/>'
            b'<Relationship Id="rId91" TargetMode="External" Target="' + PHONE_HOME + b'" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
            b'<Relationship Id="rId92" TargetMode="External" Target="https://example.org/report" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
        )
        entries["xl/_rels/workbook.xml.rels"] = rels.replace(b"</Relationships>", extra + b"</Relationships>")
        return entries

    return package_with(xlsx_with_names(), changes)


def docx_with_psmdcp() -> bytes:
    """Core properties where some writers put them (`package/services/metadata/core-properties/*.psmdcp`),
    found from `_rels/.rels`; a glossary part with a comment author."""
    psmdcp = "package/services/metadata/core-properties/8f1e2d.psmdcp"

    def changes(entries: dict[str, bytes]) -> dict[str, bytes]:
        core = entries.pop("docProps/core.xml")
        assert PERSON.encode() in core
        entries[psmdcp] = core
        rels = entries["_rels/.rels"]
        assert b'Target="docProps/core.xml"' in rels
        entries["_rels/.rels"] = rels.replace(b'Target="docProps/core.xml"', b'Target="/' + psmdcp.encode() + b'"')
        types = entries["[Content_Types].xml"].replace(
            b'PartName="/docProps/core.xml"', b'PartName="/' + psmdcp.encode() + b'"'
        )
        entries["[Content_Types].xml"] = types
        w = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        entries["word/glossary/comments.xml"] = (
            b'<w:comments xmlns:w="' + w + b'"><w:comment w:id="0" w:author="' + PERSON.encode() + b'" '
            b'w:initials="AN"><w:p/></w:comment></w:comments>'
        )
        settings = entries["word/settings.xml"]  # a template on a share, fetched when the file opens
        at = settings.index(b">", settings.index(b"<w:settings")) + 1
        relationships = b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        entries["word/settings.xml"] = (
            settings[:at] + b"<w:attachedTemplate" + relationships + b' r:id="rId1"/>' + settings[at:]
        )
        entries["word/_rels/settings.xml.rels"] = (
            b'<Relationships xmlns="' + _RELS + b'"><Relationship Id="rId1" TargetMode="External" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
            b'Target="file:///' + FOLDER + b'\\Roma.dotx"/></Relationships>'
        )
        document_rels = entries["word/_rels/document.xml.rels"]
        extra = (
            b'<Relationship Id="rId90" TargetMode="External" Target="' + PHONE_HOME + b'" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
        )
        entries["word/_rels/document.xml.rels"] = document_rels.replace(
            b"</Relationships>", extra + b"</Relationships>"
        )
        return entries

    return package_with(docx_with_names(), changes)


async def test_office_traces_anywhere_in_a_package_are_neutralised(client, pseudonymous_cso):
    """Before: only named parts were cleaned, so the workbook's folder (`x15ac:absPath`), the file-sharing,
    revision and pivot-cache users, external paths, a `.psmdcp` core-properties part and glossary
    comments kept the names, and external pictures told the uploader who opened the file."""
    from docx import Document
    from openpyxl import load_workbook

    _, headers, update = pseudonymous_cso
    for name, original in (("book.xlsx", xlsx_with_paths()), ("minutes.docx", docx_with_psmdcp())):
        assert PERSON.encode() in unpacked(original)
        created = await upload(client, headers, update.id, name, original)
        assert created.status_code == 201, created.text
        served = (await client.get(f"/tracking/evidence/{created.json()['id']}/file")).content
        everything = unpacked(served)
        for secret in (*SECRETS, b"jana.novak", PHONE_HOME):
            assert secret not in everything, (name, secret)
        if name.endswith(".xlsx"):
            assert [c.value for c in load_workbook(io.BytesIO(served)).active[1]] == ["preschool places", 812]
            assert b"https://example.org/report" in everything  # a hyperlink stays
        else:
            assert Document(io.BytesIO(served)).paragraphs[0].text.startswith("Minutes of the consultation")
            with zipfile.ZipFile(io.BytesIO(served)) as archive:  # the reference to the dropped template goes too
                assert b"attachedTemplate" not in archive.read("word/settings.xml")


def pdf_with_exif_image_and_script() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 100))
    jpeg = jpeg_with_names()
    image = pikepdf.Stream(pdf, jpeg)
    image.Type, image.Subtype, image.Filter = pikepdf.Name.XObject, pikepdf.Name.Image, pikepdf.Name.DCTDecode
    image.Width, image.Height, image.BitsPerComponent, image.ColorSpace = 40, 20, 8, pikepdf.Name.DeviceRGB
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.obj.Contents = pdf.make_stream(b"q 40 0 0 20 0 0 cm /Im0 Do Q")
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=f"app.launchURL('{PHONE_HOME.decode()}')")
    pdf.Root.OpenAction = script
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["opened", pdf.make_indirect(script)]))
    )
    page.obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=r"\\tracker.example\share"))
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[0, 0, 40, 20],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI="https://example.org/report"),
    )
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([link]))
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


async def test_a_pdf_loses_its_pictures_exif_and_the_actions_that_run_when_it_opens(client, pseudonymous_cso):
    """Before: a JPEG inside a PDF kept its EXIF byte for byte, and /OpenAction JavaScript stayed."""
    _, headers, update = pseudonymous_cso
    original = pdf_with_exif_image_and_script()
    assert PERSON.encode() in original and b"tracker.example" in original
    created = await upload(client, headers, update.id, "report.pdf", original)
    assert created.status_code == 201, created.text
    served = (await client.get(f"/tracking/evidence/{created.json()['id']}/file")).content
    with pikepdf.open(io.BytesIO(served)) as pdf:
        page = pdf.pages[0]
        raw = page.obj.Resources.XObject.Im0.read_raw_bytes()
        for secret in (*SECRETS, b"tracker.example", b"JavaScript"):
            assert all(secret not in o.read_raw_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream)), secret
        assert "/OpenAction" not in pdf.Root and "/JavaScript" not in pdf.Root.get("/Names", {})
        assert "/AA" not in page.obj
        assert str(page.obj.Annots[0].A.URI) == "https://example.org/report"  # a link the reader follows stays
        with Image.open(io.BytesIO(raw)) as image:  # the picture is the same, not re-encoded
            image.load()
            assert image.size == (40, 20) and not image.getexif() and "comment" not in image.info
            original_jpeg = jpeg_with_names()
            assert raw.endswith(original_jpeg[original_jpeg.index(b"\xff\xda") :])  # the scan, byte for byte
    assert b"tracker.example" not in served and PERSON.encode() not in served


async def test_the_command_cleans_each_old_file_once_and_goes_on_past_a_failure(
    client, session, settings, pseudonymous_cso, monkeypatch
):
    """Before: JPEG and WebP were re-encoded on every run (a new hash each time), and an unexpected error
    (an MPO's KeyError) stopped the command. Now a cleaned file is stored under a `c1-` name and skipped,
    the old file goes after the commit, and any failure is reported while the others are cleaned."""
    import api.tracking.posts.stored_scrub as stored_scrub

    _, headers, update = pseudonymous_cso
    rows = []
    for name in ("photo.jpg", "other.jpg"):
        created = await upload(client, headers, update.id, name, jpeg_with_names())
        assert created.status_code == 201, created.text
        row = session.get(Evidence, created.json()["id"])
        assert row.stored_name.startswith("c1-")
        old = jpeg_with_names()
        row.stored_name = secrets.token_hex(16)  # as stored before the cleaning
        (settings.evidence_dir / row.stored_name).write_bytes(old)
        row.sha256, row.size_bytes = hashlib.sha256(old).hexdigest(), len(old)
        session.add(row)
        rows.append(row)
    session.commit()
    broken_name = rows[1].stored_name
    real_scrub = stored_scrub.scrub

    def failing(content_type, source, target):
        if source.name == broken_name:
            raise KeyError("mp")  # what Pillow raised on an MPO
        real_scrub(content_type, source, target)

    monkeypatch.setattr(stored_scrub, "scrub", failing)
    first = stored_scrub.scrub_stored(session, settings.evidence_dir)
    assert first.cleaned == 1 and first.unreadable == [rows[1].id]
    session.refresh(rows[0])
    cleaned_name, cleaned_hash = rows[0].stored_name, rows[0].sha256
    assert cleaned_name.startswith("c1-")
    path = settings.evidence_dir / cleaned_name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == cleaned_hash and PERSON.encode() not in path.read_bytes()
    assert sorted(p.name for p in settings.evidence_dir.iterdir() if not p.name.startswith("c1-")) == [broken_name]

    second = stored_scrub.scrub_stored(session, settings.evidence_dir)
    session.refresh(rows[0])
    assert (rows[0].stored_name, rows[0].sha256) == (cleaned_name, cleaned_hash) and second.cleaned == 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == cleaned_hash
