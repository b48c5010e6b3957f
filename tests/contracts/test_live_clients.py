"""The generated clients and the NHRI example scripts against the real server: uvicorn on a free
127.0.0.1 port, its own database migrated and seeded with `upr` (tests/contracts/live_server.py).

The clients are imported from clients/ (put on `sys.path`), as committed; one test checks that
pip installs them. The scripts run as a partner runs them: a process, a token in UPR_TOKEN.
"""

import csv
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from api.contracts import CLIENTS, ROOT
from api.tracking.demo import demo_id
from tests.contracts.live_server import CLIENT_PATHS, LiveServer, live_server

EXAMPLES = ROOT / "clients" / "examples"
SAMPLE_CSV = EXAMPLES / "measurements.csv"
STATE = "SVN"
NHRI = "nhri@demo.upr-tracker.org"


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    added = [p for p in CLIENT_PATHS if p not in sys.path]
    sys.path[:0] = added
    try:
        with live_server(tmp_path_factory.mktemp("live")) as server:
            yield server
    finally:
        for path in added:
            sys.path.remove(path)


def _access_token(live: LiveServer, email: str) -> str:
    from upr_tracker_client import Client
    from upr_tracker_client.api.auth import auth_login
    from upr_tracker_client.models import BodyAuthLogin, Token

    with Client(base_url=live.url) as client:
        response = auth_login.sync_detailed(
            client=client, body=BodyAuthLogin(username=email, password=live.passwords[email])
        )
    assert response.status_code == 200 and isinstance(response.parsed, Token), response.content
    return response.parsed.access_token


@pytest.fixture(scope="session")
def nhri_service_token(live: LiveServer) -> str:
    """What an NHRI gives its scripts: a service token it issued itself, through the client."""
    from upr_tracker_client import AuthenticatedClient
    from upr_tracker_client.api.auth import auth_create_service_token
    from upr_tracker_client.models import ServiceTokenCreate, ServiceTokenIssued

    with AuthenticatedClient(base_url=live.url, token=_access_token(live, NHRI)) as client:
        response = auth_create_service_token.sync_detailed(
            client=client, body=ServiceTokenCreate(name="nightly measurements", expires_in_days=1)
        )
    assert response.status_code == 201 and isinstance(response.parsed, ServiceTokenIssued), response.content
    return response.parsed.token


def test_log_in_and_list_the_seeded_review(live: LiveServer):
    from upr_tracker_client import AuthenticatedClient, Client
    from upr_tracker_client.api.auth import auth_login, auth_me
    from upr_tracker_client.api.recommendations import recommendations_list
    from upr_tracker_client.models import BodyAuthLogin, PageRecommendationRead, ProblemDetail

    with Client(base_url=live.url) as anonymous:
        refused = auth_login.sync_detailed(client=anonymous, body=BodyAuthLogin(username=NHRI, password="wrong"))
    assert refused.status_code == 401 and isinstance(refused.parsed, ProblemDetail)

    with AuthenticatedClient(base_url=live.url, token=_access_token(live, NHRI)) as client:
        assert auth_me.sync(client=client).user.email == NHRI
        first = recommendations_list.sync(client=client, state_under_review=[STATE], limit=100)
        assert isinstance(first, PageRecommendationRead)
        second = recommendations_list.sync(
            client=client, state_under_review=[STATE], limit=100, cursor=first.next_cursor
        )
    assert first.total > 200  # Slovenia's 2019 review, as seeded
    assert {r.state_under_review for r in first.items + second.items} == {STATE}
    ids = [r.id for r in first.items + second.items]
    assert len(set(ids)) == len(ids) == 200


def test_a_service_token_posts_a_progress_update_once(live: LiveServer, nhri_service_token: str):
    from upr_tracker_client import AuthenticatedClient as CycleClient
    from upr_tracker_client.api.auth import auth_create_service_token
    from upr_tracker_client.api.recommendations import recommendations_list
    from upr_tracker_client.models import ServiceTokenCreate
    from upr_tracking_client import AuthenticatedClient
    from upr_tracking_client.api.progress_updates import progress_updates_create, progress_updates_list
    from upr_tracking_client.models import ProgressUpdateCreate, ProgressUpdateRead, Visibility

    with CycleClient(base_url=live.url, token=nhri_service_token) as cycle:
        recommendation = recommendations_list.sync(client=cycle, state_under_review=[STATE], limit=1).items[0]
        minted = auth_create_service_token.sync_detailed(client=cycle, body=ServiceTokenCreate(name="x"))
    assert minted.status_code == 403  # a service token may not issue tokens

    key = f"live-test-{uuid.uuid4()}"
    body = ProgressUpdateCreate(
        text="Ombudsman visit to two settlements (live test).",
        reported_on=date(2024, 10, 1),
        recommendation_id=recommendation.id,
        visibility=Visibility.PUBLIC,
    )
    with AuthenticatedClient(base_url=live.tracking_url, token=nhri_service_token) as tracking:

        def count() -> int:
            return progress_updates_list.sync(client=tracking, recommendation=recommendation.id, limit=1).total

        before = count()
        first = progress_updates_create.sync_detailed(client=tracking, body=body, idempotency_key=key)
        retry = progress_updates_create.sync_detailed(client=tracking, body=body, idempotency_key=key)
        body.text += " Edited."
        reused = progress_updates_create.sync_detailed(client=tracking, body=body, idempotency_key=key)
        after = count()

    assert first.status_code == 201 and isinstance(first.parsed, ProgressUpdateRead), first.content
    assert "Idempotent-Replayed" not in first.headers
    assert first.parsed.organisation.name == "Human Rights Ombudsman of Slovenia"
    assert retry.status_code == 201 and retry.headers["Idempotent-Replayed"] == "true"
    assert retry.parsed.id == first.parsed.id
    assert reused.status_code == 409, reused.content
    assert after == before + 1


def test_the_matrix_through_the_tracking_client(live: LiveServer):
    from upr_tracking_client import Client
    from upr_tracking_client.api.overview import overview_matrix
    from upr_tracking_client.models import MatrixPage, ProblemDetail, TrafficLight

    rows, cursor, pages = [], None, 0
    with Client(base_url=live.tracking_url) as client:
        while True:
            page = overview_matrix.sync(client=client, state=STATE.lower(), limit=100, cursor=cursor)
            assert isinstance(page, MatrixPage) and page.state == STATE
            rows += page.items
            pages += 1
            if not page.next_cursor:
                break
            cursor = page.next_cursor
        unknown = overview_matrix.sync(client=client, state="XXX")
    assert len(rows) == page.total > 200 and pages == -(-page.total // 100)
    assert [r.recommendation_id for r in rows] == sorted({r.recommendation_id for r in rows})
    assessed = [r for r in rows if r.assessments]
    assert len(assessed) == 4  # the demo's Roma cluster, by government, NHRI and CSO side by side
    assert {str(a.organisation.kind) for a in assessed[0].assessments} == {"government", "nhri", "cso"}
    assert all(a.rating in TrafficLight for r in assessed for a in r.assessments)
    assert any(r.indicators for r in rows) and any(r.actions for r in rows)
    assert isinstance(unknown, ProblemDetail) and unknown.status == 422


def test_the_clients_install_with_pip(tmp_path: Path):
    """What the README promises: `pip install ./clients/<client>`, into a directory of its own."""
    target = tmp_path / "site"
    sources = []  # copies: a build writes build/ and *.egg-info beside the sources it builds
    for c in CLIENTS:
        shutil.copytree(c.directory, tmp_path / c.directory.name)
        sources.append(str(tmp_path / c.directory.name))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            "--target",
            str(target),
            *sources,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    probe = "import sys; sys.path.insert(0, sys.argv[1]); " + "; ".join(
        f"import {c.package}; print({c.package}.__file__)" for c in CLIENTS
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(target)], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert [Path(line).parent.parent for line in done.stdout.split()] == [target] * len(CLIENTS)


def _script(live: LiveServer, name: str, *args: str, token: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "UPR_TOKEN"}
    env["PYTHONPATH"] = os.pathsep.join(CLIENT_PATHS)
    if token:
        env["UPR_TOKEN"] = token
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), "--base-url", live.tracking_url, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=EXAMPLES,
    )


def _measurement_counts(live: LiveServer, indicator_ids: set[int]) -> dict[int, int]:
    from upr_tracking_client import Client
    from upr_tracking_client.api.indicators import indicators_get
    from upr_tracking_client.api.measurements import measurements_list

    with Client(base_url=live.tracking_url) as client:
        names = {i: indicators_get.sync(i, client=client).name for i in indicator_ids}
        assert set(names.values()) == {
            "Roma children enrolled in preschool",
            "Roma settlements without running water",
            "Hate speech cases prosecuted",
        }, "the sample CSV expects the demo indicators"
        return {i: measurements_list.sync(i, client=client, limit=1).total for i in indicator_ids}


def test_push_measurements_twice_changes_nothing_the_second_time(live: LiveServer, nhri_service_token: str):
    with SAMPLE_CSV.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    indicators = {int(r["indicator_id"]) for r in rows}
    before = _measurement_counts(live, indicators)

    first = _script(live, "push_measurements.py", str(SAMPLE_CSV), token=nhri_service_token)
    assert first.returncode == 0, first.stderr
    assert f"{len(rows)} rows: {len(rows)} created, 0 replayed, 0 already present, 0 refused" in first.stdout
    pushed = _measurement_counts(live, indicators)
    assert sum(pushed.values()) == sum(before.values()) + len(rows)

    second = _script(live, "push_measurements.py", str(SAMPLE_CSV), token=nhri_service_token)
    assert second.returncode == 0, second.stderr
    assert f"{len(rows)} rows: 0 created, 0 replayed, {len(rows)} already present, 0 refused" in second.stdout
    assert _measurement_counts(live, indicators) == pushed


def test_push_measurements_replays_by_key_when_it_does_not_look(live: LiveServer, nhri_service_token: str):
    """Within the server's 24 hours the key alone makes a repeat harmless (a retry after a lost
    answer does not look first): the first results come back, nothing is created."""
    import importlib.util

    from upr_tracking_client import AuthenticatedClient

    spec = importlib.util.spec_from_file_location("push_measurements", EXAMPLES / "push_measurements.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rows = script.read_rows(SAMPLE_CSV)
    before = _measurement_counts(live, {r.indicator_id for r in rows})
    with AuthenticatedClient(base_url=live.tracking_url, token=nhri_service_token) as client:
        counts = script.push(client, rows, skip_existing=False)
    assert counts == {"replayed": len(rows)}
    assert _measurement_counts(live, {r.indicator_id for r in rows}) == before


def test_push_measurements_refuses_bad_input_and_reports_refused_rows(
    live: LiveServer, nhri_service_token: str, tmp_path: Path
):
    no_token = _script(live, "push_measurements.py", str(SAMPLE_CSV))
    assert no_token.returncode == 2 and "UPR_TOKEN" in no_token.stderr

    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_id,measured_on,value\n1,2024-13-01,5\nx,2024-01-01,5\n", encoding="utf-8")
    unreadable = _script(live, "push_measurements.py", str(bad), token=nhri_service_token)
    assert unreadable.returncode == 2
    assert "bad.csv:2: measured_on '2024-13-01'" in unreadable.stderr and "bad.csv:3: indicator_id" in unreadable.stderr

    refused = tmp_path / "refused.csv"
    preschool = demo_id("indicator:preschool")  # the demo's, as the sample CSV names it
    refused.write_text(
        f"indicator_id,measured_on,value\n999999,2024-01-01,5\n{preschool},2099-01-01,5\n", encoding="utf-8"
    )
    partly = _script(live, "push_measurements.py", str(refused), token=nhri_service_token)
    assert partly.returncode == 1
    assert "2 refused" in partly.stdout
    assert "line 2: indicator 999999: 404" in partly.stderr and f"line 3: indicator {preschool}: 422" in partly.stderr

    revoked = _script(live, "push_measurements.py", str(SAMPLE_CSV), token="upr_not-a-token")
    assert revoked.returncode == 3 and "refused the token" in revoked.stderr


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_pull_matrix_follows_every_page_and_shows_what_the_token_may_see(
    live: LiveServer, nhri_service_token: str, tmp_path: Path
):
    public_csv, nhri_csv = tmp_path / "public.csv", tmp_path / "nhri.csv"
    public = _script(live, "pull_matrix.py", "--state", STATE, "--page-size", "50", "--output", str(public_csv))
    assert public.returncode == 0, public.stderr
    as_nhri = _script(live, "pull_matrix.py", "--state", STATE, "--output", str(nhri_csv), token=nhri_service_token)
    assert as_nhri.returncode == 0, as_nhri.stderr

    rows = _read(public_csv)
    assert f"{len(rows)} recommendations to {STATE} in cycle 3" in public.stderr
    assert len(rows) > 200 and len({r["recommendation_id"] for r in rows}) == len(rows)
    actors = [c for c in rows[0] if c.startswith("assessment: ")]
    assert [c.rsplit("(", 1)[1] for c in actors] == ["government)", "nhri)", "cso)"]
    rated = [r for r in rows if any(r[c] for c in actors)]
    assert len(rated) == 4 and all(r["actions"] and r["indicators"] for r in rated)
    assert rated[0][actors[0]] == "partial 2024-03-01"

    # The CSO's confidential assessment (later, so current) is for the state's NHRI only.
    cso = actors[2]
    nhri_rows = {r["recommendation_id"]: r for r in _read(nhri_csv)}
    assert nhri_rows.keys() == {r["recommendation_id"] for r in rows}
    assert rated[0][cso] == "not_started 2024-05-02"
    assert nhri_rows[rated[0]["recommendation_id"]][cso] == "not_started 2024-09-10"

    unknown = _script(live, "pull_matrix.py", "--state", "XXX", "--output", str(public_csv))
    assert unknown.returncode == 1 and "422" in unknown.stderr
    assert _read(public_csv) == rows  # a failed run leaves the previous file
