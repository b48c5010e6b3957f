"""Matrix scenarios for recommendations and their position history."""

from tests.factories import World
from tests.matrix.base import Call, Scenario


def _rec(w: World, s: str) -> str:
    return f"/recommendations/{w.cycle.recommendations[s].id}"


# Recommendations are public rows of the state under review: a write scoped to the caller's own state
# (a government recording its positions) on another state's recommendation is a 403.
_PUBLIC_ROW = {"targets_row": True, "row_is_public": True}

RECOMMENDATIONS: dict[tuple[str, str], Scenario] = {
    ("POST", "/recommendations/analyse"): Scenario(
        lambda w, r, s: Call("/recommendations/analyse", json={"text": "Ratify the OPCAT by 2027."})
    ),
    ("GET", "/recommendations"): Scenario(
        lambda w, r, s: Call(f"/recommendations?state_under_review={s}&theme={w.cycle.theme.id}&q=discrimination")
    ),
    ("POST", "/recommendations"): Scenario(
        lambda w, r, s: Call(
            "/recommendations",
            json={
                "review_id": w.cycle.reviews[s].id,
                "text": "Matrix recommendation",
                "recommending_states": ["BRA"],
                "paragraph": "121.99",
            },
        )
    ),
    ("GET", "/recommendations/{recommendation_id}"): Scenario(lambda w, r, s: Call(_rec(w, s)), **_PUBLIC_ROW),
    ("PATCH", "/recommendations/{recommendation_id}"): Scenario(
        lambda w, r, s: Call(_rec(w, s), json={"action_category": 4}), **_PUBLIC_ROW
    ),
    ("DELETE", "/recommendations/{recommendation_id}"): Scenario(
        lambda w, r, s: Call(  # one nothing tracks
            f"/recommendations/{w.tracking.untracked_recommendations[s].id}"
        ),
        **_PUBLIC_ROW,
    ),
    ("GET", "/recommendations/{recommendation_id}/positions"): Scenario(
        lambda w, r, s: Call(f"{_rec(w, s)}/positions"), **_PUBLIC_ROW
    ),
    ("POST", "/recommendations/{recommendation_id}/positions"): Scenario(
        lambda w, r, s: Call(f"{_rec(w, s)}/positions", json={"position": "noted", "date": "2021-05-01"}), **_PUBLIC_ROW
    ),
}
