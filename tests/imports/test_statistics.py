"""The planner statistics a large import refreshes (`api.db.refresh_statistics`): never in a dry run,
and never at the cost of the import when ANALYZE cannot have its lock."""

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from api.db import refresh_statistics
from api.imports.pipeline import ANALYZE_AFTER_ROWS, ANALYZED_TABLES
from api.recommendations.models import Recommendation
from tests.imports.test_pipeline import record, run, states  # noqa: F401  (the fixture)

ROWS = range(2, ANALYZE_AFTER_ROWS + 100)


def _estimate(session: Session) -> float:
    return session.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'recommendation'")).scalar_one()


def test_a_dry_run_leaves_the_row_estimates_alone(session, states):  # noqa: F811
    """ANALYZE writes pg_class.reltuples in place, outside the transaction: a rolled-back dry run that
    analyzed would leave the planner counting rows that never landed."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    before = _estimate(session) if postgresql else None
    report = run(session, [record(line, text=f"Dry run number {line} on torture") for line in ROWS], analyze=False)
    assert report.inserted >= ANALYZE_AFTER_ROWS
    if postgresql:
        assert _estimate(session) == before
    else:  # nothing to analyze on SQLite: the function says it did nothing
        assert refresh_statistics(session, ANALYZED_TABLES) is False


def test_an_import_goes_on_when_analyze_cannot_have_its_lock(session, engine: Engine, states):  # noqa: F811
    """A VACUUM (here: a lock of the same mode) holds the table: ANALYZE gives up after its own short
    timeout, the import's rows stay, and the session's lock_timeout is what it was."""
    # Not analyzed here: an ANALYZE holds its lock to the end of the transaction.
    report = run(session, [record(line, text=f"Locked out number {line} on torture") for line in ROWS], analyze=False)
    imported = session.exec(select(func.count()).select_from(Recommendation)).one()
    assert imported >= report.inserted
    if session.get_bind().dialect.name != "postgresql":
        assert refresh_statistics(session, ANALYZED_TABLES) is False
        return
    timeout = session.execute(text("SELECT current_setting('lock_timeout')")).scalar_one()
    with engine.connect() as other, other.begin():
        other.execute(text("LOCK TABLE recommendation IN SHARE UPDATE EXCLUSIVE MODE"))
        assert refresh_statistics(session, ANALYZED_TABLES) is False
    assert session.exec(select(func.count()).select_from(Recommendation)).one() == imported
    assert session.execute(text("SELECT current_setting('lock_timeout')")).scalar_one() == timeout
    assert refresh_statistics(session, ANALYZED_TABLES) is True  # the lock is free again
    assert session.execute(text("SELECT current_setting('lock_timeout')")).scalar_one() == timeout
