"""Per-account login throttling, kept in the database so every worker and machine shares it."""

import math
from datetime import datetime, timedelta

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, delete, select

from api.auth.models import LoginThrottle
from api.errors import TooManyRequests
from api.settings import Settings


def _retry_after(locked_until: datetime, now: datetime) -> int:
    return max(1, math.ceil((locked_until - now).total_seconds()))


def ensure_not_locked(session: Session, account: str, now: datetime) -> None:
    row = session.get(LoginThrottle, account)
    if row and row.locked_until and row.locked_until > now:
        raise TooManyRequests(
            "Too many failed logins for this account; try again later.",
            retry_after=_retry_after(row.locked_until, now),
        )


def record_failure(session: Session, account: str, now: datetime, settings: Settings) -> None:
    """Count one failure; the `login_max_failures`-th within the window locks the account."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(LoginThrottle)
        .values(account=account, failures=0, window_started_at=now)
        .on_conflict_do_nothing(index_elements=["account"])
    )
    row = session.exec(select(LoginThrottle).where(LoginThrottle.account == account).with_for_update()).one()
    session.refresh(row)
    if now - row.window_started_at > timedelta(seconds=settings.login_failure_window_seconds):
        row.failures, row.window_started_at = 0, now
    row.failures += 1
    if row.failures >= settings.login_max_failures:
        row.locked_until = now + timedelta(seconds=settings.login_lockout_seconds)
        row.failures, row.window_started_at = 0, now
    session.add(row)
    session.flush()


def reset(session: Session, account: str) -> None:
    session.exec(delete(LoginThrottle).where(LoginThrottle.account == account))
