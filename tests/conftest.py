"""Fixtures: one migrated database per run, an outer transaction per test, clients per role.

`TEST_DATABASE_URL` picks the database (CI sets a PostgreSQL one); by default a fresh SQLite
file. The schema comes from `alembic upgrade head`, never from `create_all`.
"""

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import BackgroundTasks
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.core.caches import clear_all
from api.db import engine_for, get_session
from api.imports import jobs
from api.imports.router import get_import_scheduler
from api.main import app
from api.settings import Settings, get_settings
from tests.advocacy_factories import build_advocacy_world
from tests.cycle_factories import build_cycle_world
from tests.factories import World, build_world
from tests.helpers import migrate
from tests.tracking_factories import build_tracking_world

BASE_URL = "http://testserver"


def _database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


def reset_database(engine: Engine) -> None:
    """Drop whatever a previous run left (PostgreSQL is reused between runs)."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        with engine.begin() as conn:
            for table in inspect(conn).get_table_names():
                conn.execute(text(f'DROP TABLE "{table}"'))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _database_url(tmp_path_factory)


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        database_url=database_url,
        upload_dir=Path(tmp_path_factory.mktemp("uploads")),
        evidence_dir=Path(tmp_path_factory.mktemp("evidence")),
        secret_key="test-secret-key-" + "x" * 40,
    )


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Engine:
    engine = engine_for(settings.database_url)
    reset_database(engine)
    migrate(settings.database_url)
    return engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside an outer transaction that is rolled back after the test (and the per-process caches
    keyed by the data version emptied: the rollback gives the version back, which production never sees)."""
    clear_all()
    connection = engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def world(session: Session) -> World:
    return build_world(session)


@pytest.fixture
def cycle_world(session: Session, world: World) -> World:
    """The standard world plus, per state, a review with a document, submission and recommendation."""
    return build_cycle_world(session, world)


@pytest.fixture
def tracking_world(session: Session, cycle_world: World) -> World:
    """The cycle world plus per state an action, indicator, milestone and each role's posts."""
    return build_tracking_world(session, cycle_world)


@pytest.fixture
def advocacy_world(session: Session, cycle_world: World) -> World:
    """The cycle world plus per state a coalition (CSO lead, NHRI member), a working group, a draft and
    a published brief, a target, a contact, an outreach and the CSO's and NHRI's incidents."""
    return build_advocacy_world(session, cycle_world)


@pytest.fixture
async def client(session: Session, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    def override_session() -> Iterator[Session]:
        # Same contract as api.db.get_session: commit on success, roll back on error. What the
        # test set up is committed first (into the outer transaction), as if by another request.
        session.commit()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.info.pop("principal", None)

    @contextmanager
    def job_sessions() -> Iterator[Session]:
        yield session  # background import jobs work in the test's transaction too

    app.dependency_overrides[get_session] = override_session
    app.dependency_overrides[get_settings] = lambda: settings

    def scheduler(background: BackgroundTasks):  # the job runs after the response, in the test's transaction
        return lambda job: background.add_task(jobs.run_job, job.id, job_sessions)

    app.dependency_overrides[get_import_scheduler] = scheduler
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        yield client
    app.dependency_overrides.clear()


# The slow families, left out by `make test-fast` (`pytest -m "not slow"`); `make test` runs them.
SLOW_PATHS = (  # under tests/
    "live/",  # real `upr serve` and worker processes
    "contracts/",  # schemathesis over both documents, generated clients against a live server
    "jobs/test_worker_cli.py",  # `upr worker --once` as a real process
    "core/test_docker.py",  # the image's entrypoint
)
SLOW_TESTS = (  # names (or name prefixes) anywhere
    "test_whole_",  # tests/imports: whole real files of ../shared/data
    "test_every_dihr_cycle1_text_meets_its_upr_info_copy",  # two whole real files
    "test_the_biggest_real_files_pass_the_default_limits",
    "test_three_worker_processes_run_every_job_exactly_once",  # real worker processes
    "test_libreoffice_opens_every_export_without_a_formula",  # LibreOffice as a process, ~5 s
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).parent
    for item in items:
        where = item.path.relative_to(tests).as_posix() if item.path.is_relative_to(tests) else ""
        name = getattr(item, "originalname", item.name)
        if where.startswith(SLOW_PATHS) or name.startswith(SLOW_TESTS):
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """In CI a skipped test is a failure: nothing may pass by not running."""
    skipped = terminalreporter.stats.get("skipped", [])
    if os.environ.get("CI") and skipped:
        terminalreporter.write_line(f"CI: {len(skipped)} test(s) skipped; failing the run.", red=True)
        terminalreporter._session.exitstatus = 1
