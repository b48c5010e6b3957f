"""RFC 8288 `Link` headers on every page (api/http/pages.py). Before: none."""

import re

import httpx
import pytest

from api.core.pagination import PageParams
from api.http.pages import Paging, link_header, next_cursor_of
from api.tracking.app import MOUNT_PATH
from tests.factories import World

LINK = re.compile(r'<([^>]+)>; rel="(\w+)"')


def links(response: httpx.Response) -> dict[str, str]:
    return {rel: url for url, rel in LINK.findall(response.headers.get("link", ""))}


async def test_next_links_walk_every_page_and_keep_the_filters(client: httpx.AsyncClient, cycle_world: World) -> None:
    first = await client.get("/recommendations", params={"limit": 1, "cycle": 3})
    assert first.status_code == 200, first.text
    total = first.json()["total"]
    assert total >= 2
    seen = [item["id"] for item in first.json()["items"]]
    url: str | None = links(first)["next"]
    assert url is not None and url.startswith("/recommendations?")  # path-absolute: no host from the request
    assert "cycle=3" in url and "limit=1" in url and f"cursor={first.json()['next_cursor']}" in url
    assert "prev" not in links(first)  # a cursor list cannot go back, and this is the first page
    while url:
        page = await client.get(url)
        seen += [item["id"] for item in page.json()["items"]]
        url = links(page).get("next")
        if page.json()["next_cursor"] is None:
            assert "link" not in page.headers  # the last page links nowhere
    assert len(seen) == len(set(seen)) == total


async def test_an_offset_page_links_back_and_forward(client: httpx.AsyncClient, cycle_world: World) -> None:
    response = await client.get("/states", params={"limit": 1, "offset": 1})
    assert response.json()["total"] > 2
    found = links(response)
    assert found["prev"] == "/states?limit=1"
    assert found["next"] == f"/states?limit=1&cursor={response.json()['next_cursor']}"
    first, second = await client.get(found["prev"]), await client.get(found["next"])
    assert first.json()["items"][0]["code"] < response.json()["items"][0]["code"] < second.json()["items"][0]["code"]
    assert "prev" not in links(first)


async def test_a_mounted_list_links_under_its_mount(client: httpx.AsyncClient, tracking_world: World) -> None:
    response = await client.get(f"{MOUNT_PATH}/actions", params={"limit": 1})
    assert response.json()["next_cursor"]
    assert links(response)["next"].startswith(f"{MOUNT_PATH}/actions?limit=1&cursor=")
    assert (await client.get(links(response)["next"])).status_code == 200


async def test_an_export_instead_of_a_page_has_no_link(client: httpx.AsyncClient, cycle_world: World) -> None:
    response = await client.get("/recommendations", params={"limit": 1}, headers={"Accept": "text/csv"})
    assert response.status_code == 200 and "link" not in response.headers


@pytest.mark.parametrize(
    ("body", "cursor"),
    [
        (b'{"items":[],"total":0,"next_cursor":null}', None),
        (b'{"items":[{"next_cursor":"inner"}],"total":3,"next_cursor":"abc_-9"}', "abc_-9"),
        (b'{"state":"SVN","items":[],"total":1,"next_cursor": "xyz"}', "xyz"),
        (b'{"next_cursor":"first","items":[{"next_cursor":"inner"}],"total":1}', "first"),  # parsed in full
    ],
)
def test_next_cursor_is_read_from_the_envelope(body: bytes, cursor: str | None) -> None:
    assert next_cursor_of(body) == cursor


def test_the_first_offset_page_links_back_to_offset_zero() -> None:
    paging = Paging("http://h/x?offset=30&limit=20&q=a", PageParams(limit=20, offset=30))
    assert link_header(paging, None) == '<http://h/x?limit=20&q=a&offset=10>; rel="prev"'
    paging = Paging("http://h/x?offset=5&limit=20", PageParams(limit=20, offset=5))
    assert link_header(paging, "c") == '<http://h/x?limit=20&cursor=c>; rel="next", <http://h/x?limit=20>; rel="prev"'


async def test_a_forged_host_never_reaches_a_link(client: httpx.AsyncClient, cycle_world: World) -> None:
    response = await client.get("/states", params={"limit": 1}, headers={"Host": "evil.example"})
    assert response.status_code == 200
    assert "evil.example" not in response.headers["link"] and links(response)["next"].startswith("/states?")
