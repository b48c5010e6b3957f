"""Engine and request-scoped session.

SQLite gets WAL, foreign keys and explicit `BEGIN` (pysqlite's own transaction handling
breaks SAVEPOINTs, which the tests' outer-transaction pattern relies on). PostgreSQL sessions
run in UTC whatever the server's TimeZone.
"""

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

import api.audit.listener  # noqa: F401  (every session of every entry point writes the audit log)
from api.settings import Settings, get_settings


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _postgresql_utc(dbapi_connection, _record) -> None:
    """Sessions in UTC: psycopg returns timestamptz in the session's TimeZone, which otherwise is
    the server's or the database's (an API would then answer 03:24-05:00 instead of 08:24Z)."""
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'UTC'")
    dbapi_connection.autocommit = autocommit


@lru_cache
def engine_for(url: str) -> Engine:
    """Cached per URL; SQL parameters are kept out of error messages and logs (they hold password
    hashes and mistyped passwords)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgresql_utc)
    return engine


def get_engine(settings: Annotated[Settings, Depends(get_settings)]) -> Engine:
    return engine_for(settings.database_url)


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """One transaction per request: commit when the endpoint returns, roll back when it raises.

    Declared with scope="function" (see SessionDep) so the commit happens before the response
    is sent: a failed commit becomes an error response, never a 2xx that lied.
    """
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
