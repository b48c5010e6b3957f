"""The client package and the NHRI example scripts against the real server: uvicorn on a free
127.0.0.1 port, its own database migrated and seeded with `upr` (tests/contracts/live_server.py).

The package is used as a partner gets it: its wheel built (`api.contracts.build_client`, what
`make client` does) and pip-installed into a directory of its own, put on `sys.path`. The scripts
run as a partner runs them: a process, a token in UPR_TOKEN. `UPR_CLIENT_PROJECT` names another
generated project to test instead of clients/upr-tracker-client (e.g. one generated from the
documents the code would write now, before they are committed).
"""

import ast
import csv
import dataclasses
import importlib.metadata
import os
import re
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from api.contracts import CLIENT, ROOT, build_client
from api.core.ids import demo_id
from tests.contracts.live_server import LiveServer, live_server

EXAMPLES = ROOT / "clients" / "examples"
SAMPLE_CSV = EXAMPLES / "measurements.csv"
STATE = "SVN"
NHRI = "nhri@demo.upr-tracker.org"
PROJECT = Path(os.environ.get("UPR_CLIENT_PROJECT") or CLIENT.directory)
INSTALLED: dict[str, str] = {}  # "site": where the `live` fixture installed the wheel
READMES = [ROOT / "README.md", ROOT / "clients" / "README.md", EXAMPLES / "README.md"]


def _tree(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*")}


def _git_status(path: Path) -> str:
    done = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--", str(path)], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built as `make client` builds it; building writes nothing into the project (checked)."""
    project = dataclasses.replace(CLIENT, directory=PROJECT)
    before, status = _tree(PROJECT), _git_status(PROJECT)
    built = build_client(project, tmp_path_factory.mktemp("dist"))
    assert _tree(PROJECT) == before and _git_status(PROJECT) == status, "building wrote into the sources"
    [whl] = [p for p in built if p.suffix == ".whl"]
    assert any(p.name.endswith(".tar.gz") for p in built)
    return whl


@pytest.fixture(scope="session")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target), wheel],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return target


@pytest.fixture(scope="session")
def live(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    sys.path.insert(0, str(site))
    INSTALLED["site"] = str(site)
    try:
        with live_server(tmp_path_factory.mktemp("live")) as server:
            yield server
    finally:
        sys.path.remove(str(site))


def test_the_wheel_installs_into_a_fresh_venv_with_what_it_declares(wheel: Path, tmp_path: Path) -> None:
    """A venv of its own, the wheel only (no clone): both APIs' operations import from one package,
    and every third-party module the package imports is a dependency the wheel declares (here they
    come from the project's environment, through a .pth: no download)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-index", wheel],
        check=True,
        capture_output=True,
        timeout=180,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = next(p for p in sys.path if p.endswith("site-packages"))
    (Path(purelib) / "deps.pth").write_text(ours + "\n", encoding="utf-8")
    probe = (
        "import upr_tracker_client as p; "
        "from upr_tracker_client.api.recommendations import recommendations_list; "
        "from upr_tracker_client.api.overview import overview_matrix; "
        "from upr_tracker_client.pages import iterate; from upr_tracker_client.problems import raising; "
        "print(p.__file__)"
    )
    done = subprocess.run([str(python), "-I", "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path)
    assert Path(done.stdout.strip()).is_relative_to(purelib)

    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        declared = {
            Requirement(line.split(":", 1)[1]).name.lower()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        }
        imported = {
            (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
            for name in archive.namelist()
            if name.endswith(".py")
            for node in ast.walk(ast.parse(archive.read(name)))
            if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0)
            for alias in node.names
        }
    third_party = imported - set(sys.stdlib_module_names) - {"upr_tracker_client"}
    distributions = importlib.metadata.packages_distributions()
    needed = {dist.lower() for module in third_party for dist in distributions[module]}
    assert third_party and needed <= declared, (needed, declared)


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_the_readme_examples_pass_mypy_strict(site: Path, tmp_path: Path) -> None:
    """Every Python block of the READMEs, against the installed package, as a partner checks it."""
    files = []
    for readme in READMES:
        for n, block in enumerate(_python_blocks(readme)):
            path = tmp_path / f"{readme.parent.name}_{readme.stem}_{n}.py".lower()
            path.write_text(block, encoding="utf-8")
            files.append(str(path))
    assert len(files) >= len(READMES)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.11", *files],
        env={**os.environ, "MYPYPATH": str(site)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _access_token(live: LiveServer, email: str) -> str:
    from upr_tracker_client import Client
    from upr_tracker_client.api.auth import auth_login
    from upr_tracker_client.models import LoginForm, Token

    with Client(base_url=live.url) as client:
        body = LoginForm(username=email, password=live.passwords[email])
        response = auth_login.sync_detailed(client=client, body=body)
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


def test_log_in_and_iterate_the_seeded_review(live: LiveServer) -> None:
    from upr_tracker_client import AuthenticatedClient, Client
    from upr_tracker_client.api.auth import auth_login, auth_me
    from upr_tracker_client.api.recommendations import recommendations_list
    from upr_tracker_client.models import LoginForm
    from upr_tracker_client.pages import iterate
    from upr_tracker_client.problems import OAuthError, raising, unwrap

    with raising(Client(base_url=live.url)) as anonymous, pytest.raises(OAuthError) as refused:
        auth_login.sync(client=anonymous, body=LoginForm(username=NHRI, password="wrong"))
    assert refused.value.status == 400 and refused.value.error == "invalid_grant"

    with AuthenticatedClient(base_url=live.url, token=_access_token(live, NHRI)) as client:
        assert unwrap(auth_me.sync(client=client)).user.email == NHRI
        first = unwrap(recommendations_list.sync(client=client, state_under_review=[STATE], limit=100))
        every = list(iterate(recommendations_list.sync, client=client, state_under_review=[STATE], limit=100))
    assert first.total > 200  # Slovenia's 2019 review, as seeded
    assert [r.id for r in every[:100]] == [r.id for r in first.items]
    assert {r.state_under_review for r in every} == {STATE}
    assert len({r.id for r in every}) == len(every) == first.total


def test_unwrap_tells_a_token_error_from_a_model_with_an_error_field(live: LiveServer) -> None:
    """An import job answers `error: null` when it went well: that is a success, not an RFC 6749 error."""
    from upr_tracker_client.models import ImportJobRead
    from upr_tracker_client.models import OAuthError as OAuthErrorBody
    from upr_tracker_client.problems import OAuthError, unwrap

    job = ImportJobRead.from_dict(
        {
            "id": 1,
            "status": "succeeded",
            "filename": "upr.csv",
            "format": None,
            "options": {},
            "created_at": "2026-11-30T00:00:00Z",
            "started_at": None,
            "finished_at": None,
            "rows_read": 0,
            "report": None,
            "error": None,
        }
    )
    assert unwrap(job) is job
    with pytest.raises(OAuthError) as refused:
        unwrap(OAuthErrorBody.from_dict({"error": "invalid_grant", "error_description": "Wrong email or password."}))
    assert refused.value.error == "invalid_grant"


def test_a_service_token_posts_a_progress_update_once(live: LiveServer, nhri_service_token: str):
    from upr_tracker_client import AuthenticatedClient
    from upr_tracker_client.api.auth import auth_create_service_token
    from upr_tracker_client.api.progress_updates import progress_updates_create, progress_updates_list
    from upr_tracker_client.api.recommendations import recommendations_list
    from upr_tracker_client.models import ProgressUpdateCreate, ProgressUpdateRead, ServiceTokenCreate, Visibility
    from upr_tracker_client.problems import Conflict, Forbidden, raising, unwrap

    with raising(AuthenticatedClient(base_url=live.url, token=nhri_service_token)) as cycle:
        recommendation = unwrap(recommendations_list.sync(client=cycle, state_under_review=[STATE], limit=1)).items[0]
        with pytest.raises(Forbidden) as minted:  # a service token may not issue tokens
            auth_create_service_token.sync(client=cycle, body=ServiceTokenCreate(name="x"))
    assert minted.value.status == 403 and minted.value.type.endswith(":forbidden")

    key = f"live-test-{uuid.uuid4()}"
    body = ProgressUpdateCreate(
        text="Ombudsman visit to two settlements (live test).",
        reported_on=date(2024, 10, 1),
        recommendation_id=recommendation.id,
        visibility=Visibility.PUBLIC,
    )
    with raising(AuthenticatedClient(base_url=live.url, token=nhri_service_token)) as tracking:

        def count() -> int:
            return unwrap(progress_updates_list.sync(client=tracking, recommendation=recommendation.id, limit=1)).total

        before = count()
        first = progress_updates_create.sync_detailed(client=tracking, body=body, idempotency_key=key)
        retry = progress_updates_create.sync_detailed(client=tracking, body=body, idempotency_key=key)
        body.text += " Edited."
        with pytest.raises(Conflict) as reused:
            progress_updates_create.sync_detailed(client=tracking, body=body, idempotency_key=key)
        after = count()

    assert first.status_code == 201 and isinstance(first.parsed, ProgressUpdateRead), first.content
    assert "Idempotent-Replayed" not in first.headers
    assert first.parsed.organisation.name == "Human Rights Ombudsman of Slovenia"
    assert retry.status_code == 201 and retry.headers["Idempotent-Replayed"] == "true"
    assert retry.parsed.id == first.parsed.id
    assert reused.value.status == 409 and reused.value.response is not None
    assert after == before + 1


def test_the_matrix_page_by_page_and_a_typed_problem(live: LiveServer) -> None:
    from upr_tracker_client import Client
    from upr_tracker_client.api.overview import overview_matrix
    from upr_tracker_client.models import MatrixPage, ProblemDetail, TrafficLight
    from upr_tracker_client.pages import aiterate, iterate
    from upr_tracker_client.problems import ValidationFailed, raising, unwrap

    with Client(base_url=live.url) as client:
        first = unwrap(overview_matrix.sync(client=client, state=STATE.lower(), limit=100))
        rows = list(iterate(overview_matrix.sync, client=client, state=STATE.lower(), limit=100))
        unknown = overview_matrix.sync(client=client, state="XXX")  # not raising: the problem as a value
    assert isinstance(first, MatrixPage) and first.state == STATE
    assert len(rows) == first.total > 200
    assert [r.recommendation_id for r in rows] == sorted({r.recommendation_id for r in rows})
    assessed = [r for r in rows if r.assessments]
    assert len(assessed) == 4  # the demo's Roma cluster, by government, NHRI and CSO side by side
    assert {str(a.organisation.kind) for a in assessed[0].assessments} == {"government", "nhri", "cso"}
    assert all(a.rating in TrafficLight for r in assessed for a in r.assessments)
    assert any(r.indicators for r in rows) and any(r.actions for r in rows)
    assert isinstance(unknown, ProblemDetail) and unknown.status == 422
    with pytest.raises(ValidationFailed) as problem:
        unwrap(unknown)
    assert problem.value.status == 422 and problem.value.response is None

    async def every_row_async() -> list[int]:
        async with raising(Client(base_url=live.url)) as client:
            rows = [r.recommendation_id async for r in aiterate(overview_matrix.asyncio, client=client, state=STATE)]
            with pytest.raises(ValidationFailed) as raised:
                await overview_matrix.asyncio(client=client, state="XXX")
        assert raised.value.response is not None and raised.value.request_id
        return rows

    import asyncio

    assert asyncio.run(every_row_async()) == [r.recommendation_id for r in rows]


def _script(live: LiveServer, name: str, *args: str, token: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "UPR_TOKEN"}
    env["PYTHONPATH"] = INSTALLED["site"]
    if token:
        env["UPR_TOKEN"] = token
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), "--base-url", live.url, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=EXAMPLES,
    )


def _measurement_counts(live: LiveServer, indicator_ids: set[int]) -> dict[int, int]:
    from upr_tracker_client import Client
    from upr_tracker_client.api.indicators import indicators_get
    from upr_tracker_client.api.measurements import measurements_list
    from upr_tracker_client.problems import unwrap

    with Client(base_url=live.url) as client:
        names = {i: unwrap(indicators_get.sync(i, client=client)).name for i in indicator_ids}
        assert set(names.values()) == {
            "Roma children enrolled in preschool",
            "Roma settlements without running water",
            "Hate speech cases prosecuted",
        }, "the sample CSV expects the demo indicators"
        return {i: unwrap(measurements_list.sync(i, client=client, limit=1)).total for i in indicator_ids}


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

    from upr_tracker_client import AuthenticatedClient
    from upr_tracker_client.problems import raising

    spec = importlib.util.spec_from_file_location("push_measurements", EXAMPLES / "push_measurements.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rows = script.read_rows(SAMPLE_CSV)
    before = _measurement_counts(live, {r.indicator_id for r in rows})
    with raising(AuthenticatedClient(base_url=live.url, token=nhri_service_token)) as client:
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
