"""/tracking/evidence: uploads judged by content, stored under random names, served back as downloads;
links; parents; ownership; the file follows the row."""

import dataclasses
import hashlib
import re

import pytest
from sqlmodel import col, select

from api.tracking.models import Evidence, Visibility
from api.tracking.posts import evidence_service
from tests.factories import OTHER_STATE, OWN_STATE
from tests.tracking.posts.helpers import docx_bytes, ids, png_bytes, problem, xlsx_bytes
from tests.tracking_factories import create_link_evidence, create_milestone, create_update

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pdf_bytes() -> bytes:
    """A one-page PDF: what pikepdf reads (and the cleaning rewrites); a page-less stub is refused."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def on_disk(settings) -> set[str]:
    settings.evidence_dir.mkdir(parents=True, exist_ok=True)
    return {p.name for p in settings.evidence_dir.iterdir()}


async def upload(client, headers, parent_id, name, content, declared="application/octet-stream", **form):
    data = {"progress_update_id": str(parent_id), **form}
    return await client.post(
        "/tracking/evidence", headers=headers, data=data, files={"file": (name, content, declared)}
    )


@pytest.mark.parametrize(
    ("name", "content", "detected"),
    [
        ("report.pdf", pdf_bytes(), "application/pdf"),
        ("photo.png", png_bytes(), "image/png"),
        ("minutes.docx", docx_bytes(), DOCX),
        ("figures.xlsx", xlsx_bytes(), XLSX),
        ("figures.csv", "indicator,value\nRoma children in preschool,51\nčlovekove pravice,1\n".encode(), "text/csv"),
        ("notes.txt", b"Meeting notes\r\n\twith a tab\n", "text/plain"),
        ("no-extension", pdf_bytes(), "application/pdf"),
    ],
)
async def test_an_accepted_file_is_stored_under_a_random_name_and_served_back_as_a_download(
    client, tracking_world, settings, session, name, content, detected
):
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    update = w.tracking.updates[("cso", OWN_STATE)]
    before = on_disk(settings)
    created = await upload(client, headers, update.id, name, content, description="Minutes", evidence_date="2021-03-01")
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["kind"], body["file_name"], body["content_type"]) == ("file", name, detected)
    assert body["visibility"] == "public" and body["url"] is None  # the update's visibility by default
    (new_file,) = on_disk(settings) - before
    assert re.fullmatch(r"c1-[0-9a-f]{32}", new_file) and new_file == session.get(Evidence, body["id"]).stored_name
    stored = (settings.evidence_dir / new_file).read_bytes()  # cleaned of metadata (tests/security), text as sent
    assert stored == content if detected.startswith("text/") else stored[:4] == content[:4]
    assert body["size_bytes"] == len(stored) and body["sha256"] == hashlib.sha256(stored).hexdigest()

    served = await client.get(f"/tracking/evidence/{body['id']}/file")
    assert served.status_code == 200 and served.content == stored
    assert served.headers["content-type"].split(";")[0] == detected
    assert served.headers["content-disposition"].startswith("attachment;")
    assert f"filename*=UTF-8''{name}" in served.headers["content-disposition"]
    assert served.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in served.headers["content-security-policy"]
    read = await client.get(f"/tracking/evidence/{body['id']}")
    assert read.json() == body and "stored_name" not in read.text


@pytest.mark.parametrize(
    ("name", "content", "declared"),
    [
        (
            "report.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00",
            "application/pdf",
        ),
        ("report.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 300, "application/pdf"),
        ("page.txt", b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "text/plain"),
        ("notes.txt", b"Dear all,\nsee <script>fetch('/x')</script> below.\n", "text/plain"),
        ("chart.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/png"),
        ("chart.svg", b'\xef\xbb\xbf  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml"),
        ("minutes.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40 + b"payload.exe", DOCX),
        ("latin1.csv", "naïve,café\n".encode("latin-1"), "text/csv"),
        ("binary.bin", bytes(range(256)), "application/octet-stream"),
    ],
)
async def test_a_file_not_accepted_by_its_content_is_a_415_and_leaves_nothing(
    client, tracking_world, settings, name, content, declared
):
    w = tracking_world
    before = on_disk(settings)
    refused = await upload(
        client, w.headers("cso", settings), w.tracking.updates[("cso", OWN_STATE)].id, name, content, declared
    )
    problem(refused, 415, "file", "read from the content")
    assert on_disk(settings) == before


async def test_too_big_is_a_413_and_leaves_nothing(client, tracking_world, settings, monkeypatch):
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    update = w.tracking.updates[("cso", OWN_STATE)]
    monkeypatch.setattr(settings, "max_evidence_bytes", 200_000)
    before = on_disk(settings)
    problem(await upload(client, headers, update.id, "big.txt", b"a" * 200_001), 413, "file", "200000 bytes")
    assert on_disk(settings) == before
    assert (await upload(client, headers, update.id, "fits.txt", b"a" * 200_000)).status_code == 201
    problem(await upload(client, headers, update.id, "empty.txt", b""), 422, "file", "empty")


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\ana\\Desktop\\minutes.txt", "minutes.txt"),
        ("/var/www/..", "evidence"),
        ("  ..\\.hidden.txt", "hidden.txt"),
        ("poročilo o napredku.txt", "poročilo o napredku.txt"),
    ],
)
async def test_the_file_name_loses_its_folders(client, tracking_world, settings, sent, kept):
    w = tracking_world
    created = await upload(
        client, w.headers("cso", settings), w.tracking.updates[("cso", OWN_STATE)].id, sent, b"Minutes.\n"
    )
    assert created.status_code == 201, created.text
    assert created.json()["file_name"] == kept
    served = await client.get(f"/tracking/evidence/{created.json()['id']}/file")
    disposition = served.headers["content-disposition"]
    assert "/" not in disposition and "\\" not in disposition and "\r" not in disposition
    if kept == "poročilo o napredku.txt":
        assert "filename*=UTF-8''poro%C4%8Dilo%20o%20napredku.txt" in disposition


async def test_links_and_the_exactly_one_rules(client, tracking_world, settings):
    w, headers = tracking_world, tracking_world.headers("nhri", settings)
    update = w.tracking.updates[("nhri", OWN_STATE)]
    assessment = w.tracking.assessments[("nhri", OWN_STATE)]
    post = "/tracking/evidence"
    link = await client.post(
        post,
        headers=headers,
        data={
            "assessment_id": str(assessment.id),
            "url": "https://ombudsman.si/report-2021.pdf",
            "description": "Annual report",
            "visibility": "shared",
        },
    )
    assert link.status_code == 201, link.text
    assert (link.json()["kind"], link.json()["url"], link.json()["visibility"]) == (
        "link",
        "https://ombudsman.si/report-2021.pdf",
        "shared",
    )
    problem(await client.get(f"/tracking/evidence/{link.json()['id']}/file"), 404)  # shared: not for anonymous
    problem(await client.get(f"/tracking/evidence/{link.json()['id']}/file", headers=headers), 404, detail="link")
    for bad in (
        "javascript:alert(1)",
        "ftp://example.org/x",
        "https:///nohost",
        "https://exa mple.org",
        "example.org",
        "http://[::1",
        "http://a:99999999/",
    ):  # malformed: a 422, not a 500
        problem(
            await client.post(post, headers=headers, data={"progress_update_id": str(update.id), "url": bad}),
            422,
            "url",
        )
    problem(await client.post(post, headers=headers, data={"progress_update_id": str(update.id)}), 422, "url")
    problem(
        await client.post(
            post,
            headers=headers,
            data={"progress_update_id": str(update.id), "url": "https://a.org"},
            files={"file": ("a.txt", b"a", "text/plain")},
        ),
        422,
        "file",
    )
    problem(await client.post(post, headers=headers, data={"url": "https://a.org"}), 422, "progress_update_id")
    problem(
        await client.post(
            post,
            headers=headers,
            data={"progress_update_id": str(update.id), "assessment_id": str(assessment.id), "url": "https://a.org"},
        ),
        422,
        "assessment_id",
    )
    problem(
        await client.post(post, headers=headers, data={"progress_update_id": "0", "url": "https://a.org"}),
        422,
        "progress_update_id",
    )
    problem(
        await client.post(
            post,
            headers=headers,
            data={"progress_update_id": str(update.id), "url": "https://a.org", "evidence_date": "2999-01-01"},
        ),
        422,
        "evidence_date",
    )
    problem(
        await client.post(
            post,
            headers=headers,
            data={"progress_update_id": str(update.id), "url": "https://a.org", "description": "a\x00b"},
        ),
        422,
        "description",
    )


async def test_the_parent_must_be_visible_and_the_callers(client, tracking_world, settings, session):
    w = tracking_world
    government = w.headers("government", settings)
    confidential = w.tracking.confidential_assessments[OWN_STATE]
    link = {"url": "https://example.org/x"}
    hidden = problem(
        await client.post(
            "/tracking/evidence", headers=government, data={"assessment_id": str(confidential.id), **link}
        ),
        404,
    )
    missing = problem(
        await client.post("/tracking/evidence", headers=government, data={"assessment_id": "2000000000", **link}), 404
    )
    assert hidden["detail"].replace(str(confidential.id), "ID") == missing["detail"].replace("2000000000", "ID")
    cso_update = w.tracking.updates[("cso", OWN_STATE)]
    problem(
        await client.post(
            "/tracking/evidence", headers=government, data={"progress_update_id": str(cso_update.id), **link}
        ),
        403,
        slug="not-the-poster",
    )
    admin = await client.post(
        "/tracking/evidence",
        headers=w.headers("admin", settings, OTHER_STATE),
        data={"progress_update_id": str(cso_update.id), **link},
    )
    assert admin.status_code == 201 and admin.json()["organisation"]["id"] == w.org("admin", OTHER_STATE).id

    shared = create_update(
        session, w.org("cso"), recommendation=w.cycle.recommendations[OWN_STATE], visibility=Visibility.shared
    )
    inherited = await client.post(
        "/tracking/evidence", headers=w.headers("cso", settings), data={"progress_update_id": str(shared.id), **link}
    )
    assert inherited.json()["visibility"] == "shared"

    milestone = w.tracking.milestones[OWN_STATE]
    on_milestone = await client.post(
        "/tracking/evidence", headers=government, data={"milestone_id": str(milestone.id), **link}
    )
    assert on_milestone.status_code == 201 and on_milestone.json()["visibility"] == "public"
    assert on_milestone.json()["state_code"] == OWN_STATE
    problem(
        await client.post(
            "/tracking/evidence",
            headers=government,
            data={"milestone_id": str(w.tracking.milestones[OTHER_STATE].id), **link},
        ),
        403,
        slug="evidence-not-own-state",
    )
    problem(
        await client.post("/tracking/evidence", headers=government, data={"milestone_id": "2000000000", **link}), 404
    )
    assert await ids(client, f"/tracking/evidence?milestone={milestone.id}") == ([on_milestone.json()["id"]], 1)
    other = create_milestone(session, w.tracking.actions[OWN_STATE], title="Publish the budget")
    assert await ids(client, f"/tracking/evidence?milestone={other.id}") == ([], 0)


async def test_patch_and_delete_by_the_poster_only(client, tracking_world, settings, session):
    w, cso = tracking_world, tracking_world.headers("cso", settings)
    update = w.tracking.updates[("cso", OWN_STATE)]
    created = (await upload(client, cso, update.id, "minutes.txt", b"Minutes.\n")).json()
    path = f"/tracking/evidence/{created['id']}"
    stored = settings.evidence_dir / session.get(Evidence, created["id"]).stored_name
    etag = (await client.get(path)).headers["ETag"]
    patched = await client.patch(
        path, headers={**cso, "If-Match": etag}, json={"description": "Signed minutes", "visibility": "confidential"}
    )
    assert patched.status_code == 200 and patched.json()["visibility"] == "confidential"
    problem(await client.patch(path, headers={**cso, "If-Match": etag}, json={"description": "x"}), 412)
    problem(await client.patch(path, headers=cso, json={"evidence_date": "2999-01-01"}), 422, "evidence_date")
    problem(await client.patch(path, headers=cso, json={"visibility": None}), 422, "visibility")
    problem(await client.patch(path, headers=w.headers("government", settings), json={"description": "x"}), 404)
    problem(await client.delete(path, headers=w.headers("government", settings)), 404)
    problem(await client.get(f"{path}/file", headers=w.headers("government", settings)), 404)
    nhri = w.headers("nhri", settings)
    problem(await client.patch(path, headers=nhri, json={"description": "x"}), 403, slug="not-the-poster")
    problem(await client.delete(path, headers=nhri), 403, slug="not-the-poster")
    assert stored.is_file()
    assert (await client.delete(path, headers=cso)).status_code == 204
    assert not stored.exists()
    problem(await client.get(path, headers=cso), 404)


async def test_a_row_that_cannot_be_written_leaves_no_file(client, tracking_world, settings, session, monkeypatch):
    w, cso = tracking_world, tracking_world.headers("cso", settings)
    update = w.tracking.updates[("cso", OWN_STATE)]
    first = (await upload(client, cso, update.id, "a.txt", b"First.\n")).json()
    taken = session.get(Evidence, first["id"]).stored_name
    real, written = evidence_service.store_upload, []

    def colliding(*args):
        stored = real(*args)
        written.append(stored.path)
        return dataclasses.replace(stored, stored_name=taken)  # the row's unique stored_name will clash

    monkeypatch.setattr(evidence_service, "store_upload", colliding)
    before = on_disk(settings)
    failed = await upload(client, cso, update.id, "b.txt", b"Second.\n")
    assert failed.status_code == 409
    assert not written[0].exists() and on_disk(settings) == before
    assert (settings.evidence_dir / taken).read_bytes() == b"First.\n"


async def test_list_filters_and_visibility(client, tracking_world, settings, session):
    w = tracking_world
    assessment = w.tracking.assessments[("government", OWN_STATE)]
    on_assessment = create_link_evidence(session, w.org("government"), assessment=assessment)
    found, total = await ids(client, f"/tracking/evidence?assessment={assessment.id}")
    assert (found, total) == ([on_assessment.id], 1)
    links = [w.tracking.evidence[(role, OTHER_STATE)] for role in ("government", "nhri", "cso", "admin")]
    world_links = [e.id for e in sorted(links, key=lambda e: (e.created_at, e.id))]  # as posted (ids are random)
    assert await ids(client, f"/tracking/evidence?state={OTHER_STATE}&kind=link") == (world_links, 4)
    assert await ids(client, f"/tracking/evidence?state={OTHER_STATE}&kind=file") == ([], 0)
    org, nhri_link = w.org("nhri", OTHER_STATE).id, w.tracking.evidence[("nhri", OTHER_STATE)].id
    assert await ids(client, f"/tracking/evidence?organisation={org}") == ([nhri_link], 1)
    all_ids = [e.id for e in session.exec(select(Evidence).order_by(col(Evidence.created_at), col(Evidence.id)))]
    assert (await ids(client, "/tracking/evidence", w.headers("admin", settings)))[0] == all_ids
