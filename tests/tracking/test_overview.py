"""The implementation matrix, the mid-term report and the dashboard: content, and what each caller may see.

The confidential material: the CSO's later `not_started` rating of the shared recommendation (its
public `partial` one stays visible), and a second, pseudonymous CSO that has only a confidential
assessment of a second recommendation — so for a government or anonymous caller it must not exist.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date

import pytest
from openpyxl import load_workbook

from api.auth.models import Organisation, OrganisationKind, User
from api.recommendations.export import XLSX_TYPE
from api.recommendations.models import Position, PositionKind, Recommendation
from api.tracking.models import TrafficLight, Visibility
from tests.cycle_factories import create_recommendation
from tests.factories import OTHER_STATE, OWN_STATE, World, create_organisation, create_user
from tests.tracking_factories import create_assessment

HIDDEN_REAL_NAME = "Roma Rights Defenders Ljubljana"
HIDDEN_PUBLIC_NAME = "Coalition R"
CONFIDENTIAL = {"government", "anonymous", "cso_other_state", "nhri_other_state", "un"}
SEES_ALL = {"nhri", "cso", "admin"}


@dataclass(kw_only=True)
class OverviewWorld(World):
    """The tracking world plus the hidden CSO, its user and the second recommendation."""

    second: Recommendation
    hidden: Organisation
    hidden_user: User


@pytest.fixture
def overview(session, tracking_world) -> OverviewWorld:
    """Adds the hidden CSO (pseudonymous) with one confidential assessment of a second recommendation,
    and a noted → supported position change on that recommendation."""
    w = tracking_world
    review = w.cycle.reviews[OWN_STATE]
    second = create_recommendation(
        session,
        review,
        "Protect human rights defenders from reprisals",
        paragraph="121.2",
        recommending=("NOR", "IRL"),
        position=PositionKind.noted,
        themes=(),
        external_key="overview:second",
    )
    session.add(Position(recommendation_id=second.id, position=PositionKind.supported, date=date(2021, 2, 1)))
    second.current_position = PositionKind.supported
    hidden = create_organisation(
        session, OrganisationKind.cso, OWN_STATE, name=HIDDEN_REAL_NAME, public_name=HIDDEN_PUBLIC_NAME
    )
    hidden_user = create_user(session, hidden, email="hidden@example.org")
    create_assessment(
        session,
        hidden,
        second,
        rating=TrafficLight.not_started,
        visibility=Visibility.confidential,
        reasoning="Activists were followed after the consultation.",
    )
    session.flush()
    return OverviewWorld(**vars(w), second=second, hidden=hidden, hidden_user=hidden_user)


def _headers(w, who, settings):
    if who == "anonymous":
        return {}
    if who == "cso_other_state":
        return w.headers("cso", settings, OTHER_STATE)
    if who == "nhri_other_state":
        return w.headers("nhri", settings, OTHER_STATE)
    return w.headers(who, settings)


def _cso_rating(row, w):
    return next(a["rating"] for a in row["assessments"] if a["organisation"]["id"] == w.org("cso").id)


async def _matrix(client, w, who, settings, **params):
    response = await client.get(
        "/tracking/matrix", params={"state": OWN_STATE, "cycle": 3, **params}, headers=_headers(w, who, settings)
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("who", sorted(CONFIDENTIAL | SEES_ALL))
async def test_matrix_shows_each_callers_view_of_the_current_traffic_lights(client, overview, settings, who):
    w = overview
    body = await _matrix(client, w, who, settings)
    rows = {row["recommendation_id"]: row for row in body["items"]}
    first, second = rows[w.cycle.recommendations[OWN_STATE].id], rows[w.second.id]
    assert body["total"] == 2
    if who in SEES_ALL:  # the CSO's confidential, later rating is its current one
        assert _cso_rating(first, w) == "not_started"
        # another CSO's confidential assessment: the state's NHRI and admins only
        want = [] if who == "cso" else ["not_started"]
        assert [a["rating"] for a in second["assessments"]] == want
    else:  # its public rating stays; the confidential one and the hidden CSO do not exist
        assert _cso_rating(first, w) == "partial"
        assert second["assessments"] == []
        assert HIDDEN_PUBLIC_NAME not in str(body) and HIDDEN_REAL_NAME not in str(body)
    # side by side, never merged: one entry per organisation, government first
    kinds = [a["organisation"]["kind"] for a in first["assessments"]]
    assert kinds[:3] == ["government", "nhri", "cso"]
    assert len({a["organisation"]["id"] for a in first["assessments"]}) == len(first["assessments"])


async def test_matrix_rows_carry_position_themes_actions_and_indicator_progress(client, overview, settings):
    w = overview
    body = await _matrix(client, w, "anonymous", settings)
    row = next(r for r in body["items"] if r["recommendation_id"] == w.cycle.recommendations[OWN_STATE].id)
    assert row["current_position"] == "supported" and row["themes"] == [w.cycle.theme.name]
    assert row["recommending_states"] == ["FRA"] and row["session"] == 34
    assert row["actions"] == [
        {
            "id": w.tracking.actions[OWN_STATE].id,
            "title": "National Roma inclusion programme",
            "status": "in_progress",
        }
    ]
    (indicator,) = row["indicators"]
    # three measurements of 50 (government, NHRI, admin); baseline 40, target 80
    assert indicator["latest_value"] == 50 and indicator["progress"] == 0.25
    assert indicator["action_id"] == w.tracking.actions[OWN_STATE].id


async def test_the_hidden_organisation_appears_under_its_pseudonym_to_the_nhri_and_its_name_to_admins(
    client, overview, settings
):
    w = overview
    for who, name in (("nhri", HIDDEN_PUBLIC_NAME), ("admin", HIDDEN_REAL_NAME)):
        body = await _matrix(client, w, who, settings)
        row = next(r for r in body["items"] if r["recommendation_id"] == w.second.id)
        assert row["assessments"][0]["organisation"]["name"] == name
    from api.auth.security import create_access_token

    token, _ = create_access_token(w.hidden_user.id, settings)
    body = (
        await client.get("/tracking/matrix", params={"state": OWN_STATE}, headers={"Authorization": f"Bearer {token}"})
    ).json()
    row = next(r for r in body["items"] if r["recommendation_id"] == w.second.id)
    assert row["assessments"][0]["organisation"]["name"] == HIDDEN_REAL_NAME


@pytest.mark.parametrize("who", sorted(CONFIDENTIAL))
async def test_csv_and_xlsx_exports_hold_nothing_confidential(client, overview, settings, who):
    w = overview
    headers = _headers(w, who, settings)
    response = await client.get(
        "/tracking/matrix", params={"state": OWN_STATE, "cycle": 3}, headers={**headers, "Accept": "text/csv"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert HIDDEN_PUBLIC_NAME not in text and HIDDEN_REAL_NAME not in text and "not_started" not in text
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == 2
    cso_column = f"assessment: {w.org('cso').name} (cso)"
    assert {row[cso_column].split(" ")[0] for row in table} == {"partial", ""}
    response = await client.get(
        "/tracking/matrix", params={"state": OWN_STATE, "cycle": 3}, headers={**headers, "Accept": XLSX_TYPE}
    )
    assert response.status_code == 200
    cells = " ".join(
        str(c)
        for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
        for c in r
        if c is not None
    )
    assert HIDDEN_PUBLIC_NAME not in cells and "not_started" not in cells and "partial" in cells


async def test_csv_gives_each_visible_organisation_a_column(client, overview, settings):
    w = overview
    response = await client.get(
        "/tracking/matrix", params={"state": OWN_STATE}, headers={**w.headers("nhri", settings), "Accept": "text/csv"}
    )
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    actors = [h for h in header if h.startswith("assessment: ")]
    assert actors[0] == f"assessment: {w.org('government').name} (government)"
    assert f"assessment: {HIDDEN_PUBLIC_NAME} (cso)" in actors and len(actors) == 5  # gov, nhri, 2 CSOs, admin org
    assert response.headers["content-disposition"].endswith('cycle3.csv"')


async def test_xlsx_follows_the_ohchr_layout_grouped_by_theme(client, overview, settings):
    w = overview
    response = await client.get(
        "/tracking/matrix",
        params={"state": OWN_STATE, "cycle": 3},
        headers={**w.headers("admin", settings), "Accept": XLSX_TYPE},
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "UPR implementation matrix — Slovenia, cycle 3"
    assert list(rows[2][:4]) == [
        "Recommendation",
        "Position",
        "Full list of themes",
        "Assessment/comments on level of implementation",
    ]
    sections = [r[0] for r in rows[3:] if r[0] and r[0].startswith("Theme: ")]
    assert sections == [f"Theme: {w.cycle.theme.name}", "Theme: Other"]
    roma = next(r for r in rows if r[0] and r[0].startswith("121.1 "))
    assert roma[1] == "Supported" and roma[0].endswith("(FRA)")
    assert f"{w.org('government').name} (government): partial (orange), 2021-06-01" in roma[3]
    assert "not_started (red), 2021-09-01" in roma[3]  # the admin sees the CSO's confidential rating
    assert "National Roma inclusion programme (in_progress)" in roma[4]


@pytest.mark.parametrize("who", ["government", "anonymous", "nhri"])
async def test_mid_term_report_counts_only_what_the_caller_may_see(client, overview, settings, who):
    w = overview
    response = await client.get(
        "/tracking/reports/mid-term", params={"state": OWN_STATE, "cycle": 3}, headers=_headers(w, who, settings)
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["recommendations"] == 2 and report["by_position"] == {"supported": 2}
    actors = {a["organisation"]["id"]: a["counts"] for a in report["by_actor"]}
    cso = actors[w.org("cso").id]
    if who == "nhri":
        assert cso == {"not_started": 1, "partial": 0, "implemented": 0, "no_information": 0, "not_assessed": 1}
        assert actors[w.hidden.id]["not_started"] == 1
    else:
        assert cso == {"not_started": 0, "partial": 1, "implemented": 0, "no_information": 0, "not_assessed": 1}
        assert w.hidden.id not in actors
        assert "not_started" not in {k for c in actors.values() for k, v in c.items() if v}
        assert HIDDEN_PUBLIC_NAME not in response.text
    themes = {t["theme"]: t for t in report["by_theme"]}
    assert themes[w.cycle.theme.name]["recommendations"] == 1
    assert themes["(no theme)"]["recommendations"] == 1
    (change,) = report["position_changes"]
    assert change == {
        "recommendation_id": w.second.id,
        "paragraph": "121.2",
        "text": "Protect human rights defenders from reprisals",
        "previous_position": "noted",
        "current_position": "supported",
        "changed_on": "2021-02-01",
    }
    assert len(report["matrix"]) == 2


async def test_dashboard_counts_actions_milestones_and_lights(client, overview, settings, monkeypatch):
    from api.core import clock

    w = overview
    monkeypatch.setattr(clock, "today", lambda: date(2021, 2, 1))
    response = await client.get("/tracking/dashboard", params={"state": OWN_STATE})
    assert response.status_code == 200, response.text
    board = response.json()
    # every cycle: the two of cycle 3 and the untracked one of cycle 2
    assert board["cycle"] is None and board["recommendations"] == 3 and board["recommendations_with_actions"] == 1
    assert board["actions_by_status"] == {"in_progress": 1}
    assert board["milestones"] == {  # due 2021-01-31
        "total": 1,
        "done": 0,
        "overdue": 1,
        "rescheduled": 0,
        "withdrawn": 0,
        "cancelled_or_withdrawn_while_overdue": 0,
    }
    monkeypatch.setattr(clock, "today", lambda: date(2021, 1, 31))
    board = (await client.get("/tracking/dashboard", params={"state": OWN_STATE})).json()
    assert board["milestones"]["overdue"] == 0  # due today is not overdue yet
    assert w.hidden.id not in {a["organisation"]["id"] for a in board["by_actor"]}


async def test_matrix_pages_with_a_cursor(client, overview, settings):
    w = overview
    first = await _matrix(client, w, "anonymous", settings, limit=1)
    second = await _matrix(client, w, "anonymous", settings, limit=1, cursor=first["next_cursor"])
    assert first["total"] == second["total"] == 2 and second["next_cursor"] is None
    assert first["items"][0]["recommendation_id"] < second["items"][0]["recommendation_id"]


async def test_unknown_state_or_cycle_is_a_422_naming_the_parameter(client, overview):
    for params, field in (({"state": "XYZ"}, "state"), ({"state": OWN_STATE, "cycle": 42}, "cycle")):
        for path in ("/tracking/matrix", "/tracking/reports/mid-term", "/tracking/dashboard"):
            response = await client.get(path, params=params)
            assert response.status_code == 422, (path, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["field"] == field


async def test_without_a_cycle_the_matrix_takes_the_latest_review(client, overview):
    body = (await client.get("/tracking/matrix", params={"state": OWN_STATE})).json()
    assert body["cycle"] == 3 and body["total"] == 2
