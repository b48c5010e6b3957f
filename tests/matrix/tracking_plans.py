"""Matrix scenarios for the tracking API's plans routes (under /tracking)."""

from tests.matrix.base import Scenario

TRACKING_PLANS: dict[tuple[str, str], Scenario] = {}
