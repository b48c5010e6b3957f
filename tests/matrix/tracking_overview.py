"""Matrix scenarios for the tracking API's overview routes (public reads) and its health check."""

from tests.matrix.base import Call, Scenario

TRACKING_OVERVIEW: dict[tuple[str, str], Scenario] = {
    ("GET", "/tracking/healthz"): Scenario(lambda w, r, s: Call("/tracking/healthz")),
    ("GET", "/tracking/livez"): Scenario(lambda w, r, s: Call("/tracking/livez")),
    ("GET", "/tracking/readyz"): Scenario(lambda w, r, s: Call("/tracking/readyz")),
    ("GET", "/tracking/matrix"): Scenario(lambda w, r, s: Call(f"/tracking/matrix?state={s}")),
    ("GET", "/tracking/reports/mid-term"): Scenario(lambda w, r, s: Call(f"/tracking/reports/mid-term?state={s}")),
    ("GET", "/tracking/dashboard"): Scenario(lambda w, r, s: Call(f"/tracking/dashboard?state={s}&cycle=3")),
}
