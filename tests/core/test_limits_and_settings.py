"""Body size limit (413), CORS for dashboards, and settings that refuse unsafe production values."""

import httpx
import pytest
from pydantic import ValidationError

from api.main import create_app
from api.settings import DEMO_SECRET_KEY, Settings
from tests.auth.test_login import assert_problem


async def test_oversized_body_is_413_by_content_length(client, world, settings):
    too_big = "x" * (settings.max_upload_bytes + 1)
    response = await client.post("/states", headers=world.headers("admin", settings),
                                 content=too_big, )
    assert_problem(response, 413, "payload-too-large", str(settings.max_upload_bytes))


async def test_oversized_streamed_body_is_413(world, settings):
    app = create_app(Settings(database_url=settings.database_url, max_upload_bytes=1000))

    async def chunks():
        for _ in range(5):
            yield b"y" * 400

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.post("/states", content=chunks(), headers={"Content-Type": "application/json"})
    assert_problem(response, 413, "payload-too-large", "1000 bytes")


async def test_cors_allows_configured_dashboard_origins_only(settings):
    app = create_app(Settings(database_url=settings.database_url, cors_origins=["https://dash.example.org"]))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        allowed = await c.options("/states", headers={"Origin": "https://dash.example.org",
                                                      "Access-Control-Request-Method": "GET"})
        other = await c.options("/states", headers={"Origin": "https://evil.example.org",
                                                    "Access-Control-Request-Method": "GET"})
    assert allowed.headers["access-control-allow-origin"] == "https://dash.example.org"
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("key", [DEMO_SECRET_KEY, "short"])
def test_production_refuses_the_demo_or_a_short_secret_key(key):
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(env="production", secret_key=key)


def test_production_accepts_a_real_key_and_alg_none_is_never_configurable():
    assert Settings(env="production", secret_key="k" * 48).env == "production"
    with pytest.raises(ValidationError, match="none"):
        Settings(jwt_algorithm="none")
