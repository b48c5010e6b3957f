"""Body size limit (413), CORS for dashboards, and settings that refuse unsafe production values."""

import secrets

import httpx
import pytest
from pydantic import ValidationError

from api.main import create_app
from api.settings import Settings
from tests.helpers import assert_problem


async def test_oversized_body_is_413_by_content_length(client, world, settings):
    too_big = "x" * (settings.max_upload_bytes + 1)
    response = await client.post(
        "/states",
        headers=world.headers("admin", settings),
        content=too_big,
    )
    assert_problem(response, 413, "payload-too-large", str(settings.max_upload_bytes))


async def test_oversized_streamed_body_is_413(world, settings):
    app = create_app(settings.model_copy(update={"max_upload_bytes": 1000}))

    async def chunks():
        for _ in range(5):
            yield b"y" * 400

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.post("/states", content=chunks(), headers={"Content-Type": "application/json"})
    assert_problem(response, 413, "payload-too-large", "1000 bytes")


async def test_cors_allows_configured_dashboard_origins_only(settings):
    app = create_app(settings.model_copy(update={"cors_origins": ["https://dash.example.org"]}))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        allowed = await c.options(
            "/states", headers={"Origin": "https://dash.example.org", "Access-Control-Request-Method": "GET"}
        )
        other = await c.options(
            "/states", headers={"Origin": "https://evil.example.org", "Access-Control-Request-Method": "GET"}
        )
    assert allowed.headers["access-control-allow-origin"] == "https://dash.example.org"
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("env", ["production", "PRODUCTION", " Production "])
def test_production_requires_a_secret_key(env, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="SECRET_KEY must be set"):
        Settings(env=env, _env_file=None)


def test_short_keys_are_refused_everywhere():
    for env in ("production", "development"):
        with pytest.raises(ValidationError, match="at least 32"):
            Settings(env=env, secret_key="short")


@pytest.mark.parametrize("placeholder", ["k" * 48, "changeme" * 5, "0123456789"[:8] * 5])
def test_production_refuses_a_placeholder_key(placeholder):
    with pytest.raises(ValidationError, match="placeholder"):
        Settings(env="production", secret_key=placeholder)
    assert Settings(env="development", secret_key=placeholder).secret_key == placeholder


def test_development_generates_one_private_key_per_installation(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    key_file = tmp_path / "key"
    first = Settings(secret_key_file=key_file, _env_file=None)
    second = Settings(secret_key_file=key_file, _env_file=None)
    assert first.secret_key == second.secret_key  # every worker of the checkout signs alike
    assert len(first.secret_key) >= 32
    assert key_file.stat().st_mode & 0o777 == 0o600
    other = Settings(secret_key_file=tmp_path / "other", _env_file=None)
    assert other.secret_key != first.secret_key  # no key is shared between installations


def test_production_accepts_a_real_key_and_alg_none_is_never_configurable():
    assert Settings(env="production", secret_key=secrets.token_hex(32)).env == "production"
    with pytest.raises(ValidationError, match="none"):
        Settings(jwt_algorithm="none", secret_key="k" * 48)
