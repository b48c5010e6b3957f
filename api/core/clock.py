""" "Today" for the tracking rules (overdue milestones, dates that may not lie in the future): one
function, read through this module at call time, so tests move the clock with
`monkeypatch.setattr(clock, "today", ...)`."""

from datetime import UTC, date, datetime

from api.core.errors import InvalidInput


def today() -> date:
    """The UTC date."""
    return datetime.now(UTC).date()


def not_in_future(value: date | None, field: str) -> None:
    if value is not None and value > today():
        raise InvalidInput(f"`{field}` ({value.isoformat()}) is in the future.", field=field)
