"""Matrix scenarios for cycles, sessions, reviews with their documents, and stakeholder submissions."""

from api.auth.permissions import Role
from tests.factories import OWN_STATE, World
from tests.matrix.base import Call, Scenario, _role


def _review(w: World, s: str) -> int:
    return w.cycle.reviews[s].id


def _document(w: World, s: str) -> str:
    return f"/reviews/{_review(w, s)}/documents/{w.cycle.documents[s].id}"


def _submission(w: World, r: Role, s: str) -> str:
    """The submission the caller's organisation signed (the NHRI's for NHRIs, the CSO's otherwise)."""
    signed = w.cycle.nhri_submissions if _role(r) is Role.nhri else w.cycle.submissions
    return f"/submissions/{signed[s].id}"


def _new_submission(w: World, r: Role, s: str) -> dict:
    return {
        "review_id": _review(w, s),
        "title": "Matrix submission",
        "themes": [w.cycle.theme.id],
        "parties": [{"name": "Matrix coalition", "organisation_id": w.org(_role(r), OWN_STATE).id}],
    }


# Submissions are public rows of a state (the state of their review): NHRIs and CSOs write their own
# state's only, so another state's is a 403.
_SUBMISSION_ROW = {"targets_row": True, "row_is_public": True}

CYCLE: dict[tuple[str, str], Scenario] = {
    ("GET", "/cycles"): Scenario(lambda w, r, s: Call("/cycles")),
    ("POST", "/cycles"): Scenario(lambda w, r, s: Call("/cycles", json={"number": 5, "start_year": 2027})),
    ("GET", "/cycles/{number}"): Scenario(lambda w, r, s: Call("/cycles/3")),
    ("PATCH", "/cycles/{number}"): Scenario(lambda w, r, s: Call("/cycles/3", json={"end_year": 2022})),
    ("GET", "/sessions"): Scenario(lambda w, r, s: Call("/sessions?cycle=3")),
    ("POST", "/sessions"): Scenario(
        lambda w, r, s: Call("/sessions", json={"number": 35, "cycle_number": 3, "year": 2020})
    ),
    ("GET", "/sessions/{number}"): Scenario(lambda w, r, s: Call("/sessions/34")),
    ("PATCH", "/sessions/{number}"): Scenario(
        lambda w, r, s: Call("/sessions/34", json={"start_date": "2019-11-04", "end_date": "2019-11-15"})
    ),
    ("GET", "/reviews"): Scenario(lambda w, r, s: Call(f"/reviews?state={s}")),
    ("POST", "/reviews"): Scenario(
        lambda w, r, s: Call("/reviews", json={"state_under_review": "JPN", "session": 34, "troika": [s]})
    ),
    ("GET", "/reviews/{review_id}"): Scenario(lambda w, r, s: Call(f"/reviews/{_review(w, s)}"), targets_row=True),
    ("PATCH", "/reviews/{review_id}"): Scenario(
        lambda w, r, s: Call(f"/reviews/{_review(w, s)}", json={"troika": ["FRA", "BRA"]}), targets_row=True
    ),
    ("DELETE", "/reviews/{review_id}"): Scenario(  # a review whose recommendations nothing tracks
        lambda w, r, s: Call(f"/reviews/{w.tracking.untracked_reviews[s].id}?force=true"), targets_row=True
    ),
    ("GET", "/reviews/{review_id}/documents"): Scenario(
        lambda w, r, s: Call(f"/reviews/{_review(w, s)}/documents"), targets_row=True
    ),
    ("POST", "/reviews/{review_id}/documents"): Scenario(
        lambda w, r, s: Call(
            f"/reviews/{_review(w, s)}/documents",
            json={"kind": "addendum", "symbol": "A/HRC/43/15/Add.1", "languages": ["en", "fr"]},
        ),
        targets_row=True,
    ),
    ("GET", "/reviews/{review_id}/documents/{document_id}"): Scenario(
        lambda w, r, s: Call(_document(w, s)), targets_row=True
    ),
    ("PATCH", "/reviews/{review_id}/documents/{document_id}"): Scenario(
        lambda w, r, s: Call(_document(w, s), json={"languages": ["en", "es"]}), targets_row=True
    ),
    ("DELETE", "/reviews/{review_id}/documents/{document_id}"): Scenario(
        lambda w, r, s: Call(_document(w, s)), targets_row=True
    ),
    ("GET", "/submissions"): Scenario(lambda w, r, s: Call(f"/submissions?state={s}")),
    ("POST", "/submissions"): Scenario(
        lambda w, r, s: Call("/submissions", json=_new_submission(w, r, s)), **_SUBMISSION_ROW
    ),
    ("GET", "/submissions/{submission_id}"): Scenario(lambda w, r, s: Call(_submission(w, r, s)), **_SUBMISSION_ROW),
    ("PATCH", "/submissions/{submission_id}"): Scenario(
        lambda w, r, s: Call(_submission(w, r, s), json={"cited_in_summary": True}), **_SUBMISSION_ROW
    ),
    ("DELETE", "/submissions/{submission_id}"): Scenario(lambda w, r, s: Call(_submission(w, r, s)), **_SUBMISSION_ROW),
}
