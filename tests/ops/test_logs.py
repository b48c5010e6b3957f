"""The access log: one JSON line per request with the route template, status, duration, request id and
the caller's ids — and never a token, a password or a query string."""

import io
import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest

from api.auth.models import User
from api.observability.logs import RequestIdFilter, json_formatter, logging_config
from api.settings import Settings
from tests.factories import PASSWORD, World

SECRET_TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw"
SECRET_PASSWORD = "correct horse battery staple 7731"


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """What the app's loggers write, formatted as `LOG_FORMAT=json` formats it."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(json_formatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("upr.access")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield buffer
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def records(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


async def test_a_login_is_logged_without_its_password_or_token(
    client: httpx.AsyncClient, world: World, json_lines: io.StringIO
) -> None:
    user: User = world.user("admin")
    wrong = await client.post(
        "/auth/token",
        data={"username": user.email, "password": SECRET_PASSWORD},
        headers={"Authorization": SECRET_TOKEN},
    )
    assert wrong.status_code == 400  # RFC 6749 invalid_grant
    in_query = await client.post("/auth/token?password=" + SECRET_PASSWORD.replace(" ", "+"), data={})
    assert in_query.status_code == 422
    ok = await client.post("/auth/token", data={"username": user.email, "password": PASSWORD})
    assert ok.status_code == 200
    token = ok.json()["access_token"]
    text = json_lines.getvalue()
    for secret in (SECRET_PASSWORD, SECRET_PASSWORD.replace(" ", "+"), "c2VjcmV0LXRva2Vu", PASSWORD, token):
        assert secret not in text
    lines = records(json_lines)
    assert [(line["method"], line["route"], line["status"]) for line in lines] == [
        ("POST", "/auth/token", 400),
        ("POST", "/auth/token", 422),
        ("POST", "/auth/token", 200),
    ]
    assert lines[0]["request_id"] == wrong.headers["x-request-id"]


async def test_an_authenticated_request_names_the_user_and_organisation(
    client: httpx.AsyncClient, world: World, settings: Settings, json_lines: io.StringIO
) -> None:
    before = datetime.now().astimezone()
    response = await client.get("/states/SVN", headers={**world.headers("cso", settings), "X-Request-ID": "log-test-1"})
    (line,) = records(json_lines)
    assert line["level"] == "INFO" and line["logger"] == "upr.access"
    assert line["method"] == "GET" and line["route"] == "/states/{code}" and line["status"] == response.status_code
    assert line["request_id"] == "log-test-1"
    assert line["user_id"] == world.user("cso").id and line["organisation_id"] == world.org("cso").id
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    logged = datetime.fromisoformat(line["time"])
    assert logged.utcoffset() == timedelta(0) and abs(logged - before) < timedelta(minutes=1)
    assert "SVN" not in json.dumps(line)  # the template, not the path


async def test_an_anonymous_request_has_no_caller_ids(client: httpx.AsyncClient, json_lines: io.StringIO) -> None:
    await client.get("/livez")
    (line,) = records(json_lines)
    assert line["route"] == "/livez" and "user_id" not in line and "organisation_id" not in line


def test_text_or_json_by_setting(settings: Settings) -> None:
    text = logging_config(settings.model_copy(update={"log_format": "text"}))["formatters"]["default"]
    assert "format" in text
    json_config = logging_config(settings.model_copy(update={"log_format": "json"}))
    assert json_config["formatters"]["default"] == {"()": json_formatter}
    # uvicorn's own access log stays quiet: ours replaces it.
    assert json_config["loggers"]["uvicorn.access"]["level"] == "WARNING"
