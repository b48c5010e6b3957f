"""Small helpers for the plan tests."""

from datetime import date

import pytest

from api.core import clock
from tests.cycle.helpers import audit, problem  # noqa: F401 (re-exported for the plan tests)

TODAY = date(2024, 5, 15)


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """Every plan rule reads `clock.today()`; pin it."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY
