"""Bad input on every cycle route is a 422 naming the field, never a 500 or a constraint 409."""

import pytest

from tests.cycle.helpers import problem
from tests.factories import OWN_STATE

HUGE = 2**40


@pytest.mark.parametrize(
    ("url", "field"),
    [
        (f"/cycles/{HUGE}", "number"),
        (f"/sessions/{HUGE}", "number"),
        (f"/reviews/{HUGE}", "review_id"),
        (f"/reviews/1/documents/{HUGE}", "document_id"),
        (f"/submissions/{HUGE}", "submission_id"),
        (f"/reviews?session={HUGE}", "session"),
        (f"/reviews?cycle={HUGE}", "cycle"),
        (f"/sessions?cycle={HUGE}", "cycle"),
        (f"/submissions?review={HUGE}", "review"),
        (f"/submissions?theme={HUGE}", "theme"),
        (f"/submissions?organisation={HUGE}", "organisation"),
        ("/submissions?cited_in_summary=maybe", "cited_in_summary"),
        ("/reviews/0", "review_id"),
        ("/reviews/1/documents?kind=memo", "kind"),
    ],
)
async def test_out_of_range_reads(client, world, url, field):
    problem(await client.get(url), 422, field)


@pytest.mark.parametrize(
    ("method", "url", "body", "field"),
    [
        ("post", "/reviews", {"state_under_review": "SVN", "session": HUGE}, "session"),
        ("post", "/submissions", {"review_id": HUGE, "title": "T", "parties": [{"name": "X"}]}, "review_id"),
        (
            "post",
            "/submissions",
            {"review_id": 1, "title": "T", "parties": [{"organisation_id": HUGE}]},
            "parties.0.organisation_id",
        ),
        (
            "post",
            "/submissions",
            {"review_id": 1, "title": "T", "parties": [{"name": "X"}], "themes": [HUGE]},
            "themes.0",
        ),
        ("post", "/sessions", {"number": 50, "cycle_number": HUGE, "year": 2030}, "cycle_number"),
        ("patch", "/states/SVN", {"name": None}, "name"),
        ("patch", "/sessions/34", {"cycle_number": None}, "cycle_number"),
        ("patch", "/submissions/{submission}", {"title": None}, "title"),
        ("patch", "/submissions/{submission}", {"review_id": None}, "review_id"),
        ("patch", "/submissions/{submission}", {"cited_in_summary": None}, "cited_in_summary"),
        ("patch", "/submissions/{submission}", {"themes": None}, "themes"),
        ("patch", "/reviews/{review}/documents/{document}", {"languages": None}, "languages"),
    ],
)
async def test_out_of_range_and_null_writes(client, cycle_world, settings, method, url, body, field):
    url = url.format(
        submission=cycle_world.cycle.submissions[OWN_STATE].id,
        review=cycle_world.cycle.reviews[OWN_STATE].id,
        document=cycle_world.cycle.documents[OWN_STATE].id,
    )
    if_match = {"If-Match": "*"} if method == "patch" else {}  # a submission's PATCH requires one (any version here)
    response = await client.request(
        method.upper(), url, json=body, headers=cycle_world.headers("admin", settings) | if_match
    )
    problem(response, 422, field)
