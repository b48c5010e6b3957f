"""Helpers shared by test modules (never import one test module from another)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import BackgroundTasks
from sqlalchemy import create_engine, make_url
from sqlalchemy.engine import Connection
from sqlmodel import Session

from api.db import engine_for, get_session
from api.http.problems import PROBLEM_MEDIA_TYPE, TYPE_PREFIX
from api.imports import jobs
from api.imports.router import get_import_scheduler
from api.main import app
from api.settings import Settings, get_settings
from tests.factories import PASSWORD

PROBLEM = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "request_id"}


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post("/auth/token", data={"username": email, "password": password})


async def patch_after_read(
    client: httpx.AsyncClient, url: str, *, headers: dict[str, str] | None = None, **kwargs: Any
) -> httpx.Response:
    """PATCH `url` as a client that reads before it writes: with the ETag of a GET just before (the
    PATCH of a shared row requires `If-Match`, api/http/etags.RequiredIfMatch). An `If-Match` given
    is sent as it is; a read that fails sends none (the PATCH then answers its own 403 or 404)."""
    sent = dict(headers or {})
    if not any(name.lower() == "if-match" for name in sent):
        read = await client.get(url, headers=sent)
        if read.status_code == 200 and "etag" in read.headers:
            sent["If-Match"] = read.headers["etag"]
    return await client.patch(url, headers=sent, **kwargs)


def assert_problem(response: httpx.Response, status: int, slug: str, detail_part: str) -> dict:
    """A problem+json of `status` with exactly the `slug` type, its detail containing `detail_part`."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"] == f"urn:upr-tracker:problem:{slug}"
    assert detail_part in body["detail"]
    assert body["title"]
    return body


def assert_problem_shape(response: httpx.Response, status: int, path: str) -> dict:
    """The shape every problem shares, whatever its type; returns the body for the test's own checks."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].split(";")[0] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body.keys() >= PROBLEM_KEYS, body
    assert body["status"] == status
    assert body["type"].startswith(TYPE_PREFIX)
    assert body["title"] and body["detail"]
    assert body["instance"] == path
    assert body["request_id"] == response.headers["x-request-id"]
    return body


def migrate(url: str, revision: str = "head") -> None:
    """`alembic upgrade` to `revision`, as `upr migrate` does (the suite never uses `create_all`)."""
    from alembic import command

    from api.cli import alembic_config

    config = alembic_config(url)
    config.attributes["configure_logger"] = False
    command.upgrade(config, revision)
    if revision == "head":  # as `upr migrate`: what the upgrade made stale is built now
        import api.models  # noqa: F401  (every table, and the refreshers their packages register)
        from api.derived import refresh_now

        with Session(engine_for(url)) as session:
            refresh_now(session)
            session.commit()


def joined_session(connection: Connection) -> Session:
    """A session inside `connection`'s open transaction: its commits release a savepoint."""
    return Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)


@contextmanager
def app_on_connection(connection: Connection, settings: Settings) -> Iterator[None]:
    """Both apps' requests and background import jobs work in sessions joined to `connection`, whose
    outer transaction the caller rolls back; each request commits or rolls back its own savepoint, as
    `api.db.get_session` does its transaction."""

    def override_session() -> Iterator[Session]:
        with joined_session(connection) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def job_sessions() -> Iterator[Session]:
        with joined_session(connection) as session:
            yield session

    def scheduler(background: BackgroundTasks):  # the job runs after the response, in the same transaction
        return lambda job: background.add_task(jobs.run_job, job.id, job_sessions)

    app.dependency_overrides[get_session] = override_session
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[get_import_scheduler] = scheduler
    try:
        yield
    finally:
        app.dependency_overrides.clear()


@contextmanager
def rolled_back_to_savepoint(connection: Connection, name: str = "example") -> Iterator[None]:
    """Whatever the body writes on `connection` is undone afterwards. Plain SQL, because ROLLBACK TO
    keeps the savepoint open: without the RELEASE each use would nest one level deeper, and on
    PostgreSQL every level holds a transaction-id lock until the lock table runs out ("out of shared
    memory")."""
    connection.exec_driver_sql(f"SAVEPOINT {name}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {name}")
        connection.exec_driver_sql(f"RELEASE SAVEPOINT {name}")


def _drop_database(admin_url, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@contextmanager
def scratch_database(database_url: str, tmp_path: Path, suffix: str) -> Iterator[str]:
    """An empty database of the suite's kind, dropped afterwards: a SQLite file in `tmp_path`, or
    `<name>_<suffix>` on the suite's PostgreSQL server (the suite's own database is left alone)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        scratch = f"sqlite:///{tmp_path / f'{suffix}.db'}"
        try:
            yield scratch
        finally:
            engine_for(scratch).dispose()  # migrations/env.py connects through the cached engine
        return
    assert url.get_backend_name() == "postgresql", f"no scratch database recipe for {url.get_backend_name()}"
    name = f"{url.database}_{suffix}"
    _drop_database(url, name)  # left over by an interrupted run
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:  # any database on the server will do for CREATE DATABASE
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        admin.dispose()
    scratch = url.set(database=name).render_as_string(hide_password=False)
    try:
        yield scratch
    finally:
        engine_for(scratch).dispose()
        _drop_database(url, name)


@contextmanager
def app_settings(settings: Settings) -> Iterator[None]:
    """The app (not the test's session) reads `settings`; the suite's own are put back afterwards."""
    previous = app.dependency_overrides.get(get_settings)
    app.dependency_overrides[get_settings] = lambda: settings
    try:
        yield
    finally:
        if previous is None:
            app.dependency_overrides.pop(get_settings, None)
        else:
            app.dependency_overrides[get_settings] = previous
