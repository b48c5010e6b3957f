"""The anonymised counts of reprisal incidents: for the state's NHRI and UN bodies (and admins) only, of
their own state only; a cell is shown when at least 3 organisations recorded incidents in it; the caller's
own organisation's incidents are left out of its view, so it cannot pad a cell to difference it; nothing
identifies an organisation or an incident."""

from datetime import date
from typing import Any

import httpx
from sqlmodel import Session

from api.advocacy.incidents.service import MINIMUM_SHOWN
from api.advocacy.models import IncidentKind, ReprisalIncident
from api.auth.models import Organisation, OrganisationKind
from api.settings import Settings
from tests.cycle.helpers import problem
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation

PATH = "/advocacy/reprisal-incidents/counts"
SECRET = "Our director was followed home after the pre-session"


def new_cso(session: Session, state: str, name: str) -> Organisation:
    return create_organisation(session, OrganisationKind.cso, state, name=name)


def add(session: Session, org: Organisation, on: date, *, reported: bool = False, shared: bool = False) -> None:
    assert org.id is not None
    session.add(
        ReprisalIncident(
            organisation_id=org.id,
            state_code=org.state_code,
            occurred_on=on,
            kind=IncidentKind.surveillance,
            description=SECRET,
            reported_to_un=reported,
            shared_with_nhri=shared,
        )
    )
    session.flush()


def cell(state: str, year: int, count: int | None = None, reported: int | None = None) -> dict[str, Any]:
    """A row of the answer: figures given, or withheld when `count` is None."""
    return {
        "state_code": state,
        "year": year,
        "count": count,
        "reported_to_un": reported,
        "fewer_than_minimum": count is None,
    }


async def counts(client: httpx.AsyncClient, headers: dict[str, str], query: str = "") -> list[dict[str, Any]]:
    response = await client.get(f"{PATH}{query}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["minimum_shown"] == MINIMUM_SHOWN == 3
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_cell_needs_three_organisations_and_names_nobody(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    # The world holds, per state, two 2019 incidents (its CSO's and its NHRI's), neither reported.
    third = new_cso(session, OWN_STATE, "Third CSO of SVN")
    add(session, third, date(2019, 3, 1), reported=True)
    add(session, third, date(2019, 12, 31), shared=True)
    prolific = new_cso(session, OWN_STATE, "Prolific CSO of SVN")
    for day in (1, 2, 3):  # three incidents, but one organisation: still withheld
        add(session, prolific, date(2021, 6, day), reported=True)
    un = advocacy_world.headers("un", settings)

    response = await client.get(PATH, headers=un)
    assert response.status_code == 200, response.text
    # The UN body of SVN: its own state only; 2019 has 3 organisations (4 incidents), 2021 only one.
    assert response.json()["items"] == [cell(OWN_STATE, 2019, 4, 1), cell(OWN_STATE, 2021)]
    for forbidden in (SECRET, "surveillance", "Third CSO", "Prolific", "organisation", "description", '"id"'):
        assert forbidden not in response.text

    # The admin: every state, the same minimum (HRV 2019 has two organisations).
    admin = advocacy_world.headers("admin", settings)
    assert await counts(client, admin) == [cell(OTHER_STATE, 2019), cell(OWN_STATE, 2019, 4, 1), cell(OWN_STATE, 2021)]
    assert await counts(client, admin, f"?state={OTHER_STATE.lower()}") == [cell(OTHER_STATE, 2019)]

    # Filters.
    assert await counts(client, un, "?state=svn&year_from=2020") == [cell(OWN_STATE, 2021)]
    assert await counts(client, un, "?year_to=2019") == [cell(OWN_STATE, 2019, 4, 1)]
    assert await counts(client, un, "?year_from=2020&year_to=2020") == []
    problem(await client.get(f"{PATH}?year_from=2021&year_to=2019", headers=un), 422, "year_to")
    problem(await client.get(f"{PATH}?state=SV1", headers=un), 422)


async def test_the_callers_own_incidents_are_left_out_so_it_cannot_pad_a_cell(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    # SVN 2019: the world's CSO and NHRI, and a third CSO: three organisations.
    add(session, new_cso(session, OWN_STATE, "Third CSO of SVN"), date(2019, 3, 1), reported=True)
    nhri, un = advocacy_world.headers("nhri", settings), advocacy_world.headers("un", settings)
    assert await counts(client, un) == [cell(OWN_STATE, 2019, 3, 1)]
    # The NHRI's view leaves its own incident out: two organisations remain, withheld.
    assert await counts(client, nhri) == [cell(OWN_STATE, 2019)]

    # The outside review's attack: record incidents into the withheld cell, read, delete. Nothing moves.
    before = await counts(client, nhri)
    for day in ("2019-05-01", "2019-05-02"):
        recorded = await client.post(
            "/advocacy/reprisal-incidents",
            json={"occurred_on": day, "kind": "threat", "description": "Padding."},
            headers=nhri,
        )
        assert recorded.status_code == 201, recorded.text
    assert await counts(client, nhri) == before == [cell(OWN_STATE, 2019)]
    # ... while the UN body, which recorded none of them, sees them counted (5 incidents, 3 organisations).
    assert await counts(client, un) == [cell(OWN_STATE, 2019, 5, 1)]

    # A fourth organisation: the NHRI now sees the others' figures, still without its own three.
    add(session, new_cso(session, OWN_STATE, "Fourth CSO of SVN"), date(2019, 8, 8))
    assert await counts(client, nhri) == [cell(OWN_STATE, 2019, 3, 1)]
    assert await counts(client, un) == [cell(OWN_STATE, 2019, 6, 1)]


async def test_only_nhri_un_and_admins_count_and_only_their_own_state(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    for state in (OWN_STATE, OTHER_STATE):
        add(session, new_cso(session, state, f"Third CSO of {state}"), date(2019, 1, 1))
    problem(await client.get(PATH), 401)
    for role in ("cso", "government", "academic", "other"):  # a CSO records incidents: it must not read counts
        problem(await client.get(PATH, headers=advocacy_world.headers(role, settings)), 403)
    for role in ("nhri", "un"):
        token = advocacy_world.service_tokens[(role, OWN_STATE)][1]
        problem(await client.get(PATH, headers=bearer(token)), 403)

    for role in ("nhri", "un"):
        for state in (OWN_STATE, OTHER_STATE):
            headers = advocacy_world.headers(role, settings, state)
            other = OTHER_STATE if state == OWN_STATE else OWN_STATE
            everything = await counts(client, headers)
            assert {row["state_code"] for row in everything} == {state}, (role, state)
            # Another state named: its cells are simply absent.
            assert await counts(client, headers, f"?state={other}") == []
            assert await counts(client, headers, f"?state={state}") == everything

    admin = advocacy_world.headers("admin", settings)
    assert await counts(client, admin) == [cell(OTHER_STATE, 2019, 3, 0), cell(OWN_STATE, 2019, 3, 0)]


async def test_a_deleted_incident_leaves_the_counts(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    add(session, new_cso(session, OTHER_STATE, "Third CSO of HRV"), date(2019, 5, 5))
    un = advocacy_world.headers("un", settings, OTHER_STATE)
    assert await counts(client, un) == [cell(OTHER_STATE, 2019, 3, 0)]
    incident = advocacy_world.advocacy.incidents[("cso", OTHER_STATE)]
    deleted = await client.delete(
        f"/advocacy/reprisal-incidents/{incident.id}", headers=advocacy_world.headers("cso", settings, OTHER_STATE)
    )
    assert deleted.status_code == 204, deleted.text
    assert await counts(client, un) == [cell(OTHER_STATE, 2019)]
