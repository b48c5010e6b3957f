"""Matrix scenarios for the tracking API's posts routes (under /tracking)."""

from tests.matrix.base import Scenario

TRACKING_POSTS: dict[tuple[str, str], Scenario] = {}
