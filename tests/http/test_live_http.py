"""The HTTP semantics through a real server (`upr serve --workers 2`, tests/live/harness.py): uvicorn
sends a HEAD's headers without a body and a 304 without one, and both apps answer alike."""

import re
from collections.abc import Iterator

import pytest

from tests.contracts.live_server import live_database
from tests.live.harness import ADMIN, Deployment, deployment

pytestmark = pytest.mark.slow  # a real server: left out by `make test-fast`, like tests/live


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("http")
    with live_database(tmp, suffix="http") as url, deployment(tmp, url) as running:
        yield running


def test_head_304_allow_link_and_oauth_errors_over_the_wire(live: Deployment) -> None:
    with live.client() as client:
        for path in ("/healthz", "/tracking/healthz", "/states?limit=2", "/tracking/actions?limit=1"):
            get, head = client.get(path), client.head(path)
            assert get.status_code == head.status_code == 200, (path, get.text)
            assert head.content == b"" and head.headers["content-length"] == get.headers["content-length"], path
            assert head.headers["etag"] == get.headers["etag"] and get.headers["cache-control"] == "public, no-cache"
            again = client.get(path, headers={"If-None-Match": get.headers["etag"]})
            assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == get.headers["etag"]
        page = client.get("/states", params={"limit": 2})
        (url,) = re.findall(r'<([^>]+)>; rel="next"', page.headers["link"])
        assert client.get(url).json()["items"][0]["code"] > page.json()["items"][-1]["code"]
        assert client.delete("/recommendations").headers["allow"] == "GET, HEAD, POST"
        assert client.put("/tracking/actions/1").headers["allow"] == "GET, HEAD, PATCH, DELETE"
        refused = client.post("/auth/token", data={"username": ADMIN, "password": "not it"})
        assert refused.status_code == 400 and refused.json()["error"] == "invalid_grant"
        admin = {"Authorization": f"Bearer {live.token(ADMIN)}"}
        recommendation = f"/recommendations/{live.recommendation_id()}"
        missing = client.patch(recommendation, headers=admin, json={"text": "Changed over the wire."})
        assert missing.status_code == 428, missing.text
        etag = client.get(recommendation).headers["etag"]
        changed = client.patch(recommendation, headers=admin | {"If-Match": etag}, json={"text": "Changed."})
        assert changed.status_code == 200, changed.text
        text = client.post("/states", headers=admin | {"Content-Type": "text/plain"}, content=b"{}")
        assert text.status_code == 415 and text.headers["accept-post"] == "application/json"
