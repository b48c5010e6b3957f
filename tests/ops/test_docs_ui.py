"""Swagger UI and ReDoc from installed package files: the pages name no other server, their assets answer,
and their Content-Security-Policy allows this origin only."""

import re

import httpx
import pytest

PAGES = ["/docs", "/redoc", "/tracking/docs", "/tracking/redoc"]
URL_ATTRIBUTE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


@pytest.mark.parametrize("page", PAGES)
async def test_a_docs_page_loads_only_from_this_server(client: httpx.AsyncClient, page: str) -> None:
    response = await client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert not re.search(r"(?i)\b(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html), html  # no URL of another host
    prefix = "/tracking" if page.startswith("/tracking") else ""
    assert f"{prefix}/openapi.json" in html
    assets = URL_ATTRIBUTE.findall(html)
    assert assets and all(url.startswith(f"{prefix}/docs/assets/") for url in assets), assets
    for url in assets:
        asset = await client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 1000, url
    csp = response.headers["content-security-policy"]
    assert "http" not in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


async def test_the_scripts_are_the_real_bundles(client: httpx.AsyncClient) -> None:
    swagger = await client.get("/docs/assets/swagger-ui-bundle.js")
    assert "SwaggerUIBundle" in swagger.text and swagger.headers["content-type"].endswith("javascript; charset=utf-8")
    redoc = await client.get("/tracking/docs/assets/redoc.standalone.js")
    assert redoc.status_code == 200 and "Redoc" in redoc.text
    assert (await client.get("/docs/assets/../../api/settings.py")).status_code == 404


async def test_the_oauth2_redirect_page_is_served(client: httpx.AsyncClient) -> None:
    page = await client.get("/docs/oauth2-redirect")
    assert page.status_code == 200 and "oauth2" in page.text.lower()
