"""/metrics on a real deployment (`upr serve --workers 2`, tests/live/harness.py): requests served by either
worker process are summed in one scrape, whichever process answers it; the probes answer there too, and
the server's log lines are JSON. Which process served a request is read from the operating system, as in
tests/live/test_live_analyse.py."""

import json
import socket
from collections.abc import Iterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.contracts.live_server import live_database
from tests.live.harness import STARTUP_SECONDS, Deployment, deployment
from tests.live.test_live_analyse import _holder, _server_inode, serving_processes

pytestmark = pytest.mark.slow  # real server processes, like tests/live
ROUTE = "/states/{code}"
MAX_REQUESTS = 200
MIN_REQUESTS = 12


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("metrics")
    with live_database(tmp, suffix="metrics") as url, deployment(tmp, url) as running:
        yield running


def get_once(live: Deployment, workers: list[int], path: str) -> tuple[int, int | None]:
    """One GET on a connection of its own: its status and the worker process that served it."""
    host, port = "127.0.0.1", int(live.url.rsplit(":", 1)[1])
    with socket.create_connection((host, port), timeout=30) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = conn.recv(65536)
            assert chunk, f"the server closed the connection: {received!r}\n{live.logs()}"
            received += chunk
        status = int(received.split(b"\r\n", 1)[0].split()[1])
        inode = _server_inode(port, conn.getsockname()[1])  # kept alive: the worker still holds its socket
        return status, _holder(workers, inode) if inode else None


def counted(live: Deployment, route: str) -> float:
    with httpx.Client(base_url=live.url, timeout=30) as client:
        response = client.get("/metrics")
    assert response.status_code == 200, response.text
    return sum(
        sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
        if sample.name == "upr_http_requests_total" and sample.labels["route"] == route
    )


def json_lines(live: Deployment) -> list[dict]:
    text = (live.tmp / "server.log").read_text(errors="replace")
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_a_scrape_sums_the_requests_of_every_worker_process(live: Deployment) -> None:
    workers = live.wait_for(lambda: serving_processes(live), "both uvicorn workers to start", timeout=STARTUP_SECONDS)
    assert counted(live, ROUTE) == 0
    served: list[int | None] = []
    while len(served) < MAX_REQUESTS:
        status, pid = get_once(live, workers, f"/states/X{len(served):02d}")
        assert status == 404
        served.append(pid)
        if len(served) >= MIN_REQUESTS and {p for p in served if p} == set(workers):
            break
    assert {p for p in served if p} == set(workers), f"one process took every connection: {served}"
    # Several scrapes, answered by either process, all see every request.
    assert [counted(live, ROUTE) for _ in range(6)] == [len(served)] * 6


def test_the_probes_answer_and_the_logs_are_json(live: Deployment) -> None:
    with httpx.Client(base_url=live.url, timeout=30) as client:
        assert client.get("/livez").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["database"] == "ok", ready.text
        request_id = client.get("/livez", headers={"X-Request-ID": "live-ops-1"}).headers["x-request-id"]
    assert any("Started server process" in line["message"] for line in json_lines(live))
    access = live.wait_for(
        lambda: [line for line in json_lines(live) if line.get("request_id") == request_id],
        "the probe's access line",
        timeout=10,
    )
    assert access[0]["route"] == "/livez" and access[0]["status"] == 200 and access[0]["logger"] == "upr.access"
