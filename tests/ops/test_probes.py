"""/livez (the process answers, no database), /readyz (the database answers at the migrations' head) and
/healthz (kept: the image's HEALTHCHECK), on both apps, and documented in both OpenAPI documents."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from api.contracts import apps
from api.health import ALEMBIC_INI, migration_heads
from api.settings import Settings
from tests.helpers import app_settings, assert_problem, scratch_database


@pytest.fixture
def unreachable(settings: Settings, tmp_path: Path) -> Iterator[None]:
    with app_settings(settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/no-such-dir/x.db"})):
        yield


@contextmanager
def database_at(settings: Settings, tmp_path: Path, revisions: list[str] | None) -> Iterator[None]:
    """A scratch database of the suite's kind whose `alembic_version` holds `revisions` (None: no table)."""
    with scratch_database(settings.database_url, tmp_path, "readyz") as url:
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                if revisions is not None:
                    conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
                    for revision in revisions:
                        conn.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": revision})
        finally:
            engine.dispose()
        with app_settings(settings.model_copy(update={"database_url": url})):
            yield


def previous_revision() -> str:
    script = ScriptDirectory.from_config(Config(str(ALEMBIC_INI)))
    (head,) = migration_heads()
    down = script.get_revision(head).down_revision
    assert isinstance(down, str)
    return down


@pytest.mark.parametrize("prefix", ["", "/tracking"])
async def test_live_and_ready_at_head(client: httpx.AsyncClient, prefix: str) -> None:
    live = await client.get(f"{prefix}/livez")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    ready = await client.get(f"{prefix}/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json() == {"status": "ok", "database": "ok"}
    assert (await client.get(f"{prefix}/healthz")).json() == {"status": "ok", "database": "ok"}


async def test_livez_touches_no_database_even_with_a_token(client: httpx.AsyncClient, unreachable: None) -> None:
    for headers in ({}, {"Authorization": "Bearer upr_st_not-a-token"}, {"Authorization": "Bearer x.y.z"}):
        response = await client.get("/livez", headers=headers)
        assert response.status_code == 200, response.text
    assert (await client.get("/tracking/livez")).status_code == 200


async def test_readyz_is_503_while_the_database_is_down(client: httpx.AsyncClient, unreachable: None) -> None:
    for path in ("/readyz", "/tracking/readyz"):
        response = await client.get(path)
        body = assert_problem(response, 503, "database-unavailable", "unreachable")
        assert body["instance"] == path and response.headers["retry-after"] == "5"


async def test_readyz_is_503_while_a_migration_is_pending(
    client: httpx.AsyncClient, settings: Settings, tmp_path: Path
) -> None:
    older = previous_revision()
    with database_at(settings, tmp_path, [older]):
        body = assert_problem(await client.get("/readyz"), 503, "migrations-pending", "upr migrate")
        assert older not in body["detail"] and min(migration_heads()) not in body["detail"]  # no release told
        assert (await client.get("/healthz")).status_code == 200  # it answers: healthz says no more
        assert (await client.get("/livez")).status_code == 200


async def test_readyz_is_503_without_a_schema(client: httpx.AsyncClient, settings: Settings, tmp_path: Path) -> None:
    with database_at(settings, tmp_path, None):
        assert_problem(await client.get("/readyz"), 503, "migrations-pending", "upr migrate")


async def test_readyz_stays_200_while_a_newer_release_has_migrated(
    client: httpx.AsyncClient, settings: Settings, tmp_path: Path
) -> None:
    """A rolling deploy: the new release migrates first; the old one must keep taking traffic meanwhile."""
    with database_at(settings, tmp_path, ["ffff_newer_release"]):
        assert (await client.get("/readyz")).status_code == 200


def test_the_probes_are_documented_operations_of_both_apps() -> None:
    for name, application in apps().items():
        paths = application.openapi()["paths"]
        assert paths["/livez"]["get"]["operationId"] == "health.live", name
        ready = paths["/readyz"]["get"]
        assert ready["operationId"] == "health.ready" and "503" in ready["responses"], name
        assert "/metrics" not in paths and "/docs" not in paths
