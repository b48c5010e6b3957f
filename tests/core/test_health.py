"""GET /healthz: 200 when the database answers, 503 problem+json when it does not."""

from collections.abc import Iterator

import httpx
import pytest

from api.http.problems import PROBLEM_MEDIA_TYPE, TYPE_PREFIX
from api.main import app
from api.settings import Settings, get_settings
from tests.helpers import app_settings


@pytest.fixture
def unreachable_database(settings: Settings, tmp_path) -> Iterator[None]:
    """Point the app (not the test session) at a database file whose directory does not exist."""
    broken = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/no-such-dir/x.db"})
    with app_settings(broken):
        yield


async def test_healthy(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response.headers["x-request-id"]


async def test_unreachable_database_is_a_503_problem(client: httpx.AsyncClient, unreachable_database) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "health-1"})
    assert response.status_code == 503
    assert response.headers["content-type"].split(";")[0] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body["type"] == TYPE_PREFIX + "database-unavailable"
    assert body["status"] == 503
    assert body["title"] == "Service Unavailable"
    assert "unreachable" in body["detail"]
    assert body["instance"] == "/healthz"
    assert body["request_id"] == "health-1" == response.headers["x-request-id"]


async def test_health_recovers_when_the_override_is_gone(
    client: httpx.AsyncClient, settings: Settings, tmp_path
) -> None:
    broken = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/no-such-dir/x.db"})
    app.dependency_overrides[get_settings] = lambda: broken
    assert (await client.get("/healthz")).status_code == 503
    app.dependency_overrides[get_settings] = lambda: settings
    assert (await client.get("/healthz")).status_code == 200


async def test_any_route_answers_503_not_500_while_the_database_is_down(settings: Settings, tmp_path) -> None:
    from api.auth.security import create_access_token
    from api.main import create_app

    token, _ = create_access_token(1, settings)

    down = create_app(settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/gone/x.db"}))
    down.dependency_overrides[get_settings] = lambda: settings.model_copy(
        update={"database_url": f"sqlite:///{tmp_path}/gone/x.db"}
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=down), base_url="http://t") as c:
        for response in (
            await c.get("/states"),
            await c.get("/auth/me", headers={"Authorization": f"Bearer {token}"}),
            await c.get("/healthz", headers={"Authorization": "Bearer upr_st_abc"}),
        ):
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
            assert response.json()["type"] == TYPE_PREFIX + "database-unavailable"
            assert response.headers["retry-after"] == "5" or response.request.url.path == "/healthz"
