"""ETags on every read, `If-None-Match` → 304, Cache-Control and Vary (api/http/conditional.py,
api/http/security_headers.py, api/http/content_type.py).

Before: `If-None-Match` never gave a 304, reads had no Cache-Control, and the negotiated
`/recommendations` and `/tracking/matrix` had no `Vary: Accept`."""

import hashlib

import httpx
import pytest

from api.http.conditional import MAX_HASHED_BYTES, none_match
from api.settings import Settings
from api.tracking.app import MOUNT_PATH
from tests.factories import OWN_STATE, World

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def vary(response: httpx.Response) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("path", ["/states", "/states/SVN", "/recommendations", f"{MOUNT_PATH}/actions", "/healthz"])
async def test_an_unchanged_read_is_a_304_with_the_same_validators(
    client: httpx.AsyncClient, tracking_world: World, path: str
) -> None:
    first = await client.get(path)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"') and etag.endswith('"')  # strong
    assert first.headers["cache-control"] == "public, no-cache"
    again = await client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == first.headers["cache-control"]
    assert again.headers["vary"] == first.headers["vary"]
    assert "content-type" not in again.headers
    assert again.headers.get_list("etag") == [etag]  # set once, through the mounted app too


async def test_a_body_without_a_route_etag_is_tagged_by_its_hash(client: httpx.AsyncClient, cycle_world: World) -> None:
    response = await client.get("/states")
    assert response.headers["etag"] == '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'


async def test_a_route_etag_is_kept_and_is_the_one_if_match_takes(
    client: httpx.AsyncClient, cycle_world: World, settings: Settings
) -> None:
    read = await client.get("/states/SVN")
    etag = read.headers["etag"]
    assert read.headers.get_list("etag") == [etag]  # the route's, not a second one
    admin = cycle_world.headers("admin", settings)
    changed = await client.patch("/states/SVN", headers=admin | {"If-Match": etag}, json={"name": "Slovenija"})
    assert changed.status_code == 200, changed.text
    # Changed since: the old tag no longer gives a 304.
    assert (await client.get("/states/SVN", headers={"If-None-Match": etag})).status_code == 200


@pytest.mark.parametrize(
    ("sent", "status"),
    [("{etag}", 304), ("W/{etag}", 304), ('"other", {etag}', 304), ("*", 304), ('"other"', 200), ('W/"x"', 200)],
)
async def test_if_none_match_uses_the_weak_comparison(
    client: httpx.AsyncClient, cycle_world: World, sent: str, status: int
) -> None:
    etag = (await client.get("/states")).headers["etag"]
    response = await client.get("/states", headers={"If-None-Match": sent.format(etag=etag)})
    assert response.status_code == status


def test_none_match_compares_opaque_tags() -> None:
    assert none_match(b'W/"a", "b"', b'"a"')
    assert not none_match(b'"ab"', b'"a"')


async def test_a_caller_with_a_token_gets_private_no_store_and_still_a_304(
    client: httpx.AsyncClient, tracking_world: World, settings: Settings
) -> None:
    government = tracking_world.headers("government", settings)
    first = await client.get(f"{MOUNT_PATH}/progress-updates", headers=government)
    assert first.headers["cache-control"] == "private, no-store"
    assert "authorization" in vary(first)
    again = await client.get(
        f"{MOUNT_PATH}/progress-updates", headers=government | {"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304 and again.headers["cache-control"] == "private, no-store"


async def test_errors_and_writes_are_never_stored(
    client: httpx.AsyncClient, cycle_world: World, settings: Settings
) -> None:
    missing = await client.get("/states/XXX")
    assert missing.status_code == 404 and missing.headers["cache-control"] == "no-store"
    assert "etag" not in missing.headers
    admin = cycle_world.headers("admin", settings)
    write = await client.patch("/states/SVN", headers=admin, json={"name": "Slovenia"})
    assert write.headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize(
    ("path", "params"),
    [("/recommendations", {}), (f"{MOUNT_PATH}/matrix", {"state": OWN_STATE})],
)
@pytest.mark.parametrize("accept", ["application/json", "text/csv", XLSX])
async def test_negotiated_answers_vary_with_accept(
    client: httpx.AsyncClient, tracking_world: World, path: str, params: dict[str, str], accept: str
) -> None:
    response = await client.get(path, params=params, headers={"Accept": accept})
    assert response.status_code == 200, response.text[:200]
    assert {"accept", "authorization"} <= vary(response)
    assert response.headers.get_list("vary") == [response.headers["vary"]]
    if accept != "application/json":  # a streamed export: not hashed, so no ETag and never a 304
        assert "etag" not in response.headers
        again = await client.get(path, params=params, headers={"Accept": accept, "If-None-Match": "*"})
        assert again.status_code == 200


async def test_other_answers_do_not_vary_with_accept(client: httpx.AsyncClient, cycle_world: World) -> None:
    assert "accept" not in vary(await client.get("/states"))


async def test_a_body_over_the_cap_gets_no_etag(
    client: httpx.AsyncClient, cycle_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MAX_HASHED_BYTES == 2 * 1024 * 1024
    monkeypatch.setattr("api.http.conditional.MAX_HASHED_BYTES", 10)
    response = await client.get("/states", headers={"If-None-Match": "*"})
    assert response.status_code == 200 and response.json()["items"]
    assert "etag" not in response.headers
