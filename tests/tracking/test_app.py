"""The tracking API is its own application: mounted at /tracking with its own OpenAPI document,
and servable alone; errors inside it are problem+json like everywhere else."""

import httpx

from api.main import app
from api.tracking import app as tracking_module
from api.tracking.app import create_tracking_app


async def test_the_tracking_document_is_served_under_the_mount(client):
    response = await client.get("/tracking/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "UPR Tracker — implementation-tracking API"
    assert document["servers"] == [{"url": "/tracking", "description": "mounted in the cycle API"}]
    assert "/matrix" in document["paths"] and "/recommendations" not in document["paths"]
    cycle = (await client.get("/openapi.json")).json()
    assert not any(path.startswith("/tracking") or path == "/matrix" for path in cycle["paths"])
    docs = await client.get("/tracking/docs")
    assert docs.status_code == 200 and "/tracking/openapi.json" in docs.text


async def test_the_served_document_is_the_committed_one(client):
    from api.contracts import OPENAPI_DIR, openapi_text

    served = (await client.get("/tracking/openapi.json")).json()
    committed = (OPENAPI_DIR / "tracking.json").read_text(encoding="utf-8")
    assert openapi_text(app.state.tracking) == committed
    assert served["paths"].keys() == app.state.tracking.openapi()["paths"].keys()


async def test_an_unhandled_error_inside_the_tracking_app_is_a_problem_with_the_request_id(client, world, monkeypatch):
    from api.tracking.overview import router

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(router, "dashboard", broken)
    response = await client.get("/tracking/dashboard", params={"state": "SVN"}, headers={"X-Request-ID": "trace-42"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"] == "trace-42" and "trace-42" in response.json()["detail"]
    assert "boom" not in response.text


async def test_unknown_tracking_routes_and_bad_parameters_are_problems(client, world):
    missing = await client.get("/tracking/nowhere")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    bad = await client.get("/tracking/matrix", params={"state": "SVN", "limit": "many"})
    assert bad.status_code == 422 and bad.json()["field"] == "limit"


async def test_the_app_serves_alone(session, settings, world):
    """`uvicorn api.tracking.app:app`: its own middleware (body limit, request id), same database."""
    from api.db import get_session
    from api.settings import get_settings

    alone = create_tracking_app(settings)
    assert tracking_module.app.servers is None or tracking_module.app.servers == []

    def override_session():
        yield session

    alone.dependency_overrides[get_session] = override_session
    alone.dependency_overrides[get_settings] = lambda: settings
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=alone), base_url="http://alone") as c:
        health = await c.get("/healthz")
        assert health.status_code == 200 and "x-request-id" in health.headers
        board = await c.get("/dashboard", params={"state": "SVN"})
        assert board.status_code == 200 and board.json()["state"] == "SVN"
        too_big = await c.post("/matrix", content=b"x" * (settings.max_upload_bytes + 1))
        assert too_big.status_code == 413
        assert too_big.headers["content-type"] == "application/problem+json"
    assert alone.openapi()["servers"] == [{"url": "/", "description": "this server"}]


async def test_the_cycle_api_refuses_to_delete_what_tracking_refers_to(client, tracking_world, settings, session):
    """Even an admin's forced review delete: the organisations' records are not collateral."""
    from api.tracking.models import Assessment

    w = tracking_world
    admin = w.headers("admin", settings)
    recommendation = w.cycle.recommendations["SVN"]
    for path in (f"/recommendations/{recommendation.id}", f"/reviews/{w.cycle.reviews['SVN'].id}?force=true"):
        response = await client.delete(path, headers=admin)
        assert response.status_code == 409, response.text
        assert "Implementation tracking refers to" in response.json()["detail"]
    assert session.get(Assessment, w.tracking.confidential_assessments["SVN"].id) is not None
    untracked = w.tracking.untracked_reviews["SVN"]
    assert (await client.delete(f"/reviews/{untracked.id}?force=true", headers=admin)).status_code == 204
