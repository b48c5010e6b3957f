"""GET /recommendations as CSV or XLSX: every matching row, not one page."""

import csv
import io

from openpyxl import load_workbook

from api.recommendations.export import CSV_TYPE, HEADER, XLSX_TYPE
from api.recommendations.models import PositionKind
from tests.cycle_factories import create_recommendation
from tests.factories import OTHER_STATE, OWN_STATE


def _many(session, world, n=60):
    review = world.cycle.reviews[OWN_STATE]
    for i in range(n):
        create_recommendation(
            session,
            review,
            f"Recommendation number {i} on Roma inclusion",
            recommending=("FRA", "DEU") if i % 2 else ("BRA",),
            paragraph=f"121.{i + 10}",
            position=PositionKind.noted if i % 3 == 0 else PositionKind.supported,
            themes=(world.cycle.theme,),
        )


def _csv(response) -> list[dict[str, str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for spreadsheet programs
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


async def test_csv_holds_every_matching_row_with_states_themes_and_position(client, cycle_world, session):
    _many(session, cycle_world)
    response = await client.get(
        f"/recommendations?state_under_review={OWN_STATE}&limit=5", headers={"Accept": CSV_TYPE}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(CSV_TYPE)
    assert 'filename="recommendations.csv"' in response.headers["content-disposition"]
    rows = _csv(response)
    assert len(rows) == 61  # all of them, not a page of 5 (60 made here + the world's one)
    assert list(rows[0]) == HEADER
    joint = next(r for r in rows if r["paragraph"] == "121.11")
    assert joint["recommending_states"] == "DEU; FRA" and joint["current_position"] == "supported"
    assert joint["themes"] == cycle_world.cycle.theme.name and joint["state_under_review"] == OWN_STATE
    assert {r["state_under_review"] for r in rows} == {OWN_STATE}


async def test_export_applies_the_same_filters_as_the_list(client, cycle_world, session):
    _many(session, cycle_world)
    listed = (await client.get(f"/recommendations?position=noted&state_under_review={OWN_STATE}")).json()
    exported = _csv(
        await client.get(
            f"/recommendations?position=noted&state_under_review={OWN_STATE}", headers={"Accept": CSV_TYPE}
        )
    )
    assert [int(r["id"]) for r in exported] == [r["id"] for r in listed["items"]]
    assert listed["total"] == len(exported) == 20
    searched = _csv(await client.get("/recommendations?q=number", headers={"Accept": CSV_TYPE}))
    assert len(searched) == 60
    other = _csv(await client.get(f"/recommendations?state_under_review={OTHER_STATE}", headers={"Accept": CSV_TYPE}))
    assert len(other) == 1


async def test_xlsx_has_the_same_rows_as_csv(client, cycle_world, session):
    _many(session, cycle_world, 12)
    as_csv = _csv(await client.get("/recommendations", headers={"Accept": CSV_TYPE}))
    response = await client.get("/recommendations", headers={"Accept": XLSX_TYPE})
    assert response.headers["content-type"] == XLSX_TYPE
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == HEADER
    assert values[1:] == [[row[h] for h in HEADER] for row in as_csv]


async def test_json_stays_the_default_and_bad_filters_are_422_in_every_format(client, cycle_world):
    assert (await client.get("/recommendations", headers={"Accept": "application/json, text/csv"})).json()["items"]
    assert (await client.get("/recommendations", headers={"Accept": "*/*"})).json()["total"] == 2
    bad = await client.get("/recommendations?state_under_review=XXX", headers={"Accept": CSV_TYPE})
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
