"""Helpers for the posts tests: callers, problem checks, tiny real files."""

import io
import struct
import zlib
from datetime import date
from typing import Any

import httpx
import pytest

from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.core import clock
from tests.factories import bearer, create_organisation, create_service_token, create_user
from tests.helpers import assert_problem

TODAY = date(2024, 5, 15)
SLUGS = {
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
}


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def problem(
    response: httpx.Response, status: int, field: str | None = None, detail: str = "", *, slug: str | None = None
) -> dict[str, Any]:
    """A problem+json of `status` with `slug` (the status's generic one unless given)."""
    body = assert_problem(response, status, slug or SLUGS[status], detail)
    if field is not None:
        assert body["field"] == field, body
    return body


def new_member(
    session, settings, kind: OrganisationKind, state: str, name: str, public_name: str | None = None
) -> tuple[Any, dict[str, str]]:
    """An extra organisation with one user: (organisation, its user's headers)."""
    organisation = create_organisation(session, kind, state, name=name, public_name=public_name)
    user = create_user(session, organisation)
    token, _ = create_access_token(user.id, settings)
    return organisation, bearer(token)


def service_token_headers(session, world, role: str, state: str) -> dict[str, str]:
    _, secret = create_service_token(session, world.user(role, state))
    return bearer(secret)


async def ids(client: httpx.AsyncClient, path: str, headers: dict[str, str] | None = None) -> tuple[list[int], int]:
    """Every id of a list (all pages) and its `total`."""
    response = await client.get(path + ("&" if "?" in path else "?") + "limit=500", headers=headers or {})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return [item["id"] for item in body["items"]], body["total"]


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Minutes of the consultation with Roma organisations.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["indicator", "value"])
    workbook.active.append(["preschool places", 812])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
