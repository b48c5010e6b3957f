"""GET /metrics: requests by route template (never the raw path), the database pool, jobs by state."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from sqlalchemy import create_engine, text

from api.main import app
from api.settings import Settings, get_settings
from tests.helpers import app_settings

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(client: httpx.AsyncClient) -> Samples:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def requests_of(samples: Samples, route: str, status: str, method: str = "GET") -> float:
    labels = frozenset({"method": method, "route": route, "status": status}.items())
    return samples.get(("upr_http_requests_total", labels), 0.0)


async def test_requests_are_counted_by_route_template(client: httpx.AsyncClient) -> None:
    before = await scrape(client)
    for code in ("XAA", "XBB", "XCC"):
        assert (await client.get(f"/states/{code}")).status_code == 404
    for action_id in (990001, 990002):
        assert (await client.get(f"/tracking/actions/{action_id}/history")).status_code == 404
    assert (await client.get("/no/such/path/4242")).status_code == 404
    after = await scrape(client)
    assert requests_of(after, "/states/{code}", "404") - requests_of(before, "/states/{code}", "404") == 3
    history = "/tracking/actions/{action_id}/history"
    assert requests_of(after, history, "404") - requests_of(before, history, "404") == 2
    assert requests_of(after, "<unmatched>", "404") - requests_of(before, "<unmatched>", "404") == 1
    routes = {dict(labels).get("route", "") for _, labels in after}
    assert not any(raw in route for route in routes for raw in ("XAA", "990001", "4242"))
    count = frozenset({"method": "GET", "route": "/states/{code}"}.items())
    assert after[("upr_http_request_duration_seconds_count", count)] >= 3


async def test_the_pool_is_reported(client: httpx.AsyncClient) -> None:
    samples = await scrape(client)
    names = {name for name, _ in samples}
    assert {"upr_db_pool_size", "upr_db_pool_connections", "upr_db_pool_checked_out", "upr_db_pool_overflow"} <= names
    assert samples[("upr_db_pool_checked_out", frozenset())] >= 0
    assert samples[("upr_db_pool_overflow", frozenset())] >= 0


@pytest.fixture
def jobs_database(settings: Settings, tmp_path: Path) -> Iterator[None]:
    """A database whose task-engine table holds known jobs: 2 to do, 1 failed."""
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE procrastinate_jobs (id INTEGER PRIMARY KEY, status TEXT NOT NULL)"))
        conn.execute(text("INSERT INTO procrastinate_jobs (status) VALUES ('todo'), ('todo'), ('failed')"))
    engine.dispose()
    previous = app.dependency_overrides.get(get_settings)
    app.dependency_overrides[get_settings] = lambda: settings.model_copy(update={"database_url": url})
    try:
        yield
    finally:
        app.dependency_overrides[get_settings] = previous or get_settings


async def test_jobs_are_counted_by_state_at_scrape_time(client: httpx.AsyncClient, jobs_database: None) -> None:
    samples = await scrape(client)
    jobs = {dict(labels)["state"]: value for (name, labels), value in samples.items() if name == "upr_jobs"}
    assert jobs == {"todo": 2, "doing": 0, "succeeded": 0, "failed": 1, "cancelled": 0, "aborting": 0, "aborted": 0}
    assert samples[("upr_database_up", frozenset())] == 1


async def test_a_scrape_says_when_the_database_is_down(
    client: httpx.AsyncClient, settings: Settings, tmp_path: Path
) -> None:
    app.dependency_overrides[get_settings] = lambda: settings.model_copy(
        update={"database_url": f"sqlite:///{tmp_path}/gone/x.db"}
    )
    try:
        samples = await scrape(client)
    finally:
        app.dependency_overrides[get_settings] = lambda: settings
    assert samples[("upr_database_up", frozenset())] == 0


async def test_only_this_machine_or_the_token_holder_may_scrape(settings: Settings) -> None:
    """The figures say when each route answered (a confidential post's creation among them)."""
    remote = httpx.ASGITransport(app=app, client=("203.0.113.7", 4242))
    async with httpx.AsyncClient(transport=remote, base_url="http://t") as c:
        refused = await c.get("/metrics")
        assert refused.status_code == 404 and "upr_http" not in refused.text
    token = "scrape-" + "x" * 24
    with app_settings(settings.model_copy(update={"metrics_token": SecretStr(token)})):
        async with httpx.AsyncClient(transport=remote, base_url="http://t") as c:
            assert (await c.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 404
            allowed = await c.get("/metrics", headers={"Authorization": f"Bearer {token}"})
            assert allowed.status_code == 200 and "upr_http_requests_total" in allowed.text
        local = httpx.ASGITransport(app=app, client=("127.0.0.1", 4242))
        async with httpx.AsyncClient(transport=local, base_url="http://t") as c:
            assert (await c.get("/metrics")).status_code == 404  # with a token set, only its holder
