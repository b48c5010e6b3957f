"""Review summaries and champion states: aggregates of published data, public."""

from tests.matrix.base import Call, Scenario

INSIGHTS: dict[tuple[str, str], Scenario] = {
    ("GET", "/reviews/{review_id}/summary"): Scenario(
        lambda w, r, s: Call(f"/reviews/{w.cycle.reviews[s].id}/summary"), targets_row=True, row_is_public=True
    ),
    ("GET", "/champions"): Scenario(lambda w, r, s: Call(f"/champions?theme={w.cycle.theme.id}")),
}
