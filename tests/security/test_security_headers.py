"""Security headers on every response, and nothing that depends on the caller kept by a shared cache
(api/http/security_headers.py). Before this, confidential JSON, CSV and XLSX answers carried neither
`Cache-Control` nor `Vary: Authorization`, and no response had a CSP or `nosniff`."""

import httpx
import pytest

from api.http.security_headers import API_CSP, DOCS_CSP, HSTS
from api.main import app
from api.tracking.app import create_tracking_app
from tests.factories import OWN_STATE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def assert_security_headers(response: httpx.Response, *, html: bool = False, own_csp: bool = False) -> None:
    h = response.headers
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-frame-options"] == "DENY"
    if not own_csp:
        assert h["content-security-policy"] == (DOCS_CSP if html else API_CSP).decode()
    assert "Authorization" in [v.strip() for v in h["vary"].split(",")]
    for name in ("content-security-policy", "vary", "x-content-type-options", "cache-control"):
        assert len(response.headers.get_list(name)) <= 1, name  # set once, even through the mounted app


async def test_a_confidential_matrix_in_json_csv_and_xlsx_is_never_stored(client, tracking_world, settings):
    government = tracking_world.headers("government", settings)
    for accept in ("application/json", "text/csv", XLSX):
        response = await client.get(
            "/tracking/matrix", params={"state": OWN_STATE}, headers={**government, "Accept": accept}
        )
        assert response.status_code == 200, (accept, response.text[:200])
        assert response.headers["cache-control"] == "private, no-store", accept
        assert_security_headers(response)


async def test_an_anonymous_read_varies_with_the_token_but_is_not_forced_private(client, cycle_world):
    response = await client.get("/recommendations")
    assert response.status_code == 200
    assert_security_headers(response)
    assert "private" not in response.headers.get("cache-control", "")


async def test_writes_and_the_token_endpoint_are_never_stored(client, cycle_world, settings):
    token = await client.post("/auth/token", data={"username": "nobody@example.org", "password": "wrong password"})
    assert token.headers["cache-control"] == "private, no-store"
    assert_security_headers(token)
    created = await client.post("/recommendations", json={"text": "x"}, headers=cycle_world.headers("admin", settings))
    assert created.status_code == 422 and created.headers["cache-control"] == "private, no-store"


async def test_errors_carry_the_headers_too(client):
    missing = await client.get("/no-such-thing")
    assert missing.status_code == 404
    assert_security_headers(missing)
    too_big = await client.post("/imports", content=b"x" * 10, headers={"Content-Length": str(10**12)})
    assert too_big.status_code in (401, 413)
    assert_security_headers(too_big)


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/tracking/docs"])
async def test_the_docs_pages_may_load_only_what_they_need(client, path: str):
    page = await client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert_security_headers(page, html=True)
    csp = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "http" not in csp  # assets from this server only


async def test_hsts_only_over_https(client):
    assert "strict-transport-security" not in (await client.get("/healthz")).headers
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as secure:
        assert (await secure.get("/healthz")).headers["strict-transport-security"] == HSTS.decode()


async def test_the_tracking_app_served_alone_has_them(settings):
    alone = create_tracking_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=alone), base_url="http://testserver") as c:
        response = await c.get("/healthz", headers={"Authorization": "Bearer x"})
        assert_security_headers(response)
        assert response.headers["cache-control"] == "private, no-store"
