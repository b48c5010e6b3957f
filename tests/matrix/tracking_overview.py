"""Matrix scenarios for the tracking API's overview routes (under /tracking)."""

from tests.matrix.base import Call, Scenario

TRACKING_OVERVIEW: dict[tuple[str, str], Scenario] = {
    ("GET", "/tracking/healthz"): Scenario(lambda w, r, s: Call("/tracking/healthz")),
}
