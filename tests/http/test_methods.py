"""HEAD on every GET, and a 405's `Allow` listing every method of the path (api/http/methods.py).

Before: HEAD was a 405 everywhere (`/healthz` included) and a 405 named only the methods of the
first route matching the path (38 paths listed the wrong ones)."""

import re
from typing import Any

import httpx
import pytest

from api.main import app
from api.tracking.app import MOUNT_PATH, create_tracking_app
from tests.factories import World
from tests.helpers import assert_problem_shape

METHODS = ("get", "post", "put", "patch", "delete")


def documented_methods() -> dict[str, set[str]]:
    """Every path of both documents (the tracking one under its mount) → its methods, as the
    documents say (the source of truth `Allow` must agree with)."""
    paths: dict[str, set[str]] = {}
    documents: list[tuple[str, dict[str, Any]]] = [("", app.openapi()), (MOUNT_PATH, app.state.tracking.openapi())]
    for prefix, document in documents:
        for path, item in document["paths"].items():
            paths.setdefault(prefix + path, set()).update(m.upper() for m in item if m in METHODS)
    return paths


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


async def test_every_405_lists_exactly_the_methods_of_its_path(client: httpx.AsyncClient) -> None:
    wrong = []
    for path, methods in documented_methods().items():
        unsupported = next(m for m in ("PUT", "PATCH", "DELETE", "POST") if m not in methods)
        response = await client.request(unsupported, concrete(path))
        expected = methods | ({"HEAD"} if "GET" in methods else set())
        allowed = {m.strip() for m in response.headers.get("allow", "").split(",") if m.strip()}
        if response.status_code != 405 or allowed != expected:
            wrong.append((unsupported, path, response.status_code, sorted(allowed), sorted(expected)))
    assert not wrong, wrong


async def test_a_405_is_a_problem_with_a_single_allow_header(client: httpx.AsyncClient) -> None:
    response = await client.delete("/recommendations")
    assert_problem_shape(response, 405, "/recommendations")
    assert response.headers.get_list("allow") == ["GET, HEAD, POST"]
    mounted = await client.put(f"{MOUNT_PATH}/actions/1")
    assert_problem_shape(mounted, 405, f"{MOUNT_PATH}/actions/1")
    assert mounted.headers.get_list("allow") == ["GET, HEAD, PATCH, DELETE"]


@pytest.mark.parametrize(
    "path",
    ["/healthz", f"{MOUNT_PATH}/healthz", "/states", "/states/SVN", "/recommendations", f"{MOUNT_PATH}/actions"],
)
async def test_head_answers_like_get_without_a_body(client: httpx.AsyncClient, cycle_world: World, path: str) -> None:
    get = await client.get(path)
    head = await client.head(path)
    assert get.status_code == 200 and get.content
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "etag", "cache-control", "vary", "link"):
        assert head.headers.get(name) == get.headers.get(name), name


async def test_head_of_a_missing_row_is_the_same_404(client: httpx.AsyncClient) -> None:
    get, head = await client.get("/states/XXX"), await client.head("/states/XXX")
    assert get.status_code == head.status_code == 404
    assert head.content == b"" and head.headers["content-length"] == get.headers["content-length"]


async def test_head_on_a_path_without_get_is_a_405(client: httpx.AsyncClient) -> None:
    response = await client.head("/auth/token")
    assert response.status_code == 405 and response.content == b""
    assert response.headers["allow"] == "POST"


async def test_the_tracking_app_served_alone_behaves_the_same(client: httpx.AsyncClient) -> None:
    alone = create_tracking_app()
    alone.dependency_overrides = app.dependency_overrides  # the test's database session, set by `client`
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=alone), base_url="http://testserver") as direct:
        head = await direct.head("/healthz")
        assert head.status_code == 200 and head.content == b"" and head.headers["etag"]
        wrong = await direct.put("/actions/1")
        assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, HEAD, PATCH, DELETE"
        assert (await direct.get("/healthz", headers={"If-None-Match": head.headers["etag"]})).status_code == 304
