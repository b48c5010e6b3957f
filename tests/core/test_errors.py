"""Every error is RFC 9457 problem+json, and every response carries an X-Request-ID."""

import re

import httpx
from fastapi import FastAPI

from api.http.problems import TYPE_PREFIX, install_error_handlers
from api.http.request_id import RequestIdMiddleware
from tests.factories import OWN_STATE, World
from tests.helpers import assert_problem_shape


async def test_unknown_route_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-thing")
    body = assert_problem_shape(response, 404, "/no-such-thing")
    assert body["type"] == TYPE_PREFIX + "not-found"
    assert "GET /no-such-thing" in body["detail"]


async def test_missing_entity_is_a_404_problem(client: httpx.AsyncClient) -> None:
    body = assert_problem_shape(await client.get("/states/ZZZ"), 404, "/states/ZZZ")
    assert "ZZZ" in body["detail"]


async def test_wrong_method_is_a_405_problem_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.delete("/states")
    body = assert_problem_shape(response, 405, "/states")
    assert body["type"] == TYPE_PREFIX + "method-not-allowed"
    # Starlette names the methods of the first route matching the path only (here GET, not POST).
    allowed = {m.strip() for m in response.headers["allow"].split(",")}
    assert "GET" in allowed
    assert "DELETE" not in allowed


async def test_invalid_body_is_a_422_naming_the_field(client: httpx.AsyncClient, world: World, settings) -> None:
    response = await client.post(
        "/states", headers=world.headers("admin", settings), json={"code": "12", "name": "Numberland"}
    )
    body = assert_problem_shape(response, 422, "/states")
    assert body["type"] == TYPE_PREFIX + "validation-error"
    assert body["field"] == "code"
    assert {"field": "code", "location": "body"} in [
        {"field": e["field"], "location": e["location"]} for e in body["errors"]
    ]
    assert all(e["message"] for e in body["errors"])
    assert "code" in body["detail"]


async def test_every_failing_field_is_listed(client: httpx.AsyncClient, world: World, settings) -> None:
    response = await client.post(
        "/states", headers=world.headers("admin", settings), json={"code": "toolong", "regional_group": "Atlantis"}
    )
    body = assert_problem_shape(response, 422, "/states")
    fields = {e["field"] for e in body["errors"]}
    assert {"code", "name", "regional_group"} <= fields
    assert body["field"] in fields


async def test_unreadable_body_is_a_422_like_invalid_json(client: httpx.AsyncClient, world: World, settings) -> None:
    """The framework's own 400 (JSON that is not UTF-8, broken multipart) is answered as the 422
    every route documents, not as an undocumented 400."""
    headers = world.headers("admin", settings)
    for content_type, content in (
        ("application/json", b'{"code": "\xff"}'),
        ("multipart/form-data; boundary=x", b"--x\r\nno headers--x--\r\n"),
    ):
        path = "/states" if content_type == "application/json" else "/tracking/evidence"
        response = await client.post(path, headers={**headers, "Content-Type": content_type}, content=content)
        body = assert_problem_shape(response, 422, path)
        assert body["type"] == TYPE_PREFIX + "validation-error"
        assert body["field"] == "body" and body["errors"][0]["location"] == "body"


async def test_non_integer_path_id_is_a_422_naming_it(client: httpx.AsyncClient) -> None:
    response = await client.get("/organisations/abc")
    body = assert_problem_shape(response, 422, "/organisations/abc")
    assert body["field"] == "organisation_id"
    assert body["errors"][0]["location"] == "path"


async def test_bad_query_parameter_is_a_422_naming_it(client: httpx.AsyncClient) -> None:
    body = assert_problem_shape(await client.get("/states", params={"un_status": "planet"}), 422, "/states")
    assert body["field"] == "un_status"
    assert body["errors"][0]["location"] == "query"


async def test_missing_token_is_a_401_problem(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/users")
    body = assert_problem_shape(response, 401, "/users")
    assert body["type"] == TYPE_PREFIX + "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


async def test_garbage_token_is_a_401_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/users", headers={"Authorization": "Bearer not-a-jwt"})
    assert_problem_shape(response, 401, "/users")


async def test_role_without_permission_is_a_403_problem(client: httpx.AsyncClient, world: World, settings) -> None:
    response = await client.get("/users", headers=world.headers("nhri", settings))
    body = assert_problem_shape(response, 403, "/users")
    assert body["type"] == TYPE_PREFIX + "forbidden"
    assert "users:read" in body["detail"]


async def test_duplicate_is_a_409_problem_naming_the_field(client: httpx.AsyncClient, world: World, settings) -> None:
    response = await client.post(
        "/states", headers=world.headers("admin", settings), json={"code": OWN_STATE.lower(), "name": "Slovenia again"}
    )
    body = assert_problem_shape(response, 409, "/states")
    assert body["type"] == TYPE_PREFIX + "already-exists"
    assert body["field"] == "code"
    assert OWN_STATE in body["detail"]


def _crashing_app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.add_middleware(RequestIdMiddleware)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    return app


async def test_unexpected_exception_is_a_500_problem_with_the_request_id() -> None:
    transport = httpx.ASGITransport(app=_crashing_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as crash_client:
        response = await crash_client.get("/boom", headers={"X-Request-ID": "crash-1"})
    body = assert_problem_shape(response, 500, "/boom")
    assert body["request_id"] == "crash-1"
    assert body["type"] == TYPE_PREFIX + "internal-error"
    assert "crash-1" in body["detail"]
    assert "secret internals" not in response.text


async def test_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "abc-123:x.y_z"})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "abc-123:x.y_z"
    assert response.headers.get_list("x-request-id") == ["abc-123:x.y_z"]


async def test_request_id_is_generated_when_absent(client: httpx.AsyncClient) -> None:
    first = (await client.get("/healthz")).headers["x-request-id"]
    second = (await client.get("/healthz")).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


async def test_invalid_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    for bad in ("has spaces in it", "x" * 500, "semi;colon", "<script>"):
        response = await client.get("/healthz", headers={"X-Request-ID": bad})
        assert response.status_code == 200
        assert response.headers["x-request-id"] != bad
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


async def test_request_id_is_on_error_responses(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-thing", headers={"X-Request-ID": "err-42"})
    assert response.status_code == 404
    assert response.headers["x-request-id"] == "err-42"
    assert response.json()["request_id"] == "err-42"

    invalid = await client.get("/organisations/abc", headers={"X-Request-ID": "with space"})
    assert invalid.status_code == 422
    generated = invalid.headers["x-request-id"]
    assert generated != "with space"
    assert invalid.json()["request_id"] == generated
