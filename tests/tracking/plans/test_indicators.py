"""/tracking/indicators: one owner, the state from the owner, direction rules, computed progress."""

from datetime import date

import pytest
from sqlalchemy import event

from api.audit.models import AuditAction
from api.tracking.models import Direction, Indicator, Measurement
from tests.factories import OTHER_STATE, OWN_STATE
from tests.helpers import patch_after_read
from tests.tracking.plans.helpers import audit, problem
from tests.tracking_factories import create_indicator, create_measurement


def new_indicator(world, state=OWN_STATE, **change):
    return {
        "action_id": world.tracking.actions[state].id,
        "name": "Roma children in preschool",
        "unit": "%",
        "baseline_value": 40,
        "baseline_date": "2019-09-01",
        "target_value": 80,
        "target_date": "2026-09-01",
        "direction": "increase",
        "data_source": "Statistical Office",
        "disaggregation_note": "By sex.",
        **change,
    }


async def read(client, indicator) -> dict:
    response = await client.get(f"/tracking/indicators/{indicator.id}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_crud_with_the_state_taken_from_the_owner(client, tracking_world, settings, session):
    w, headers = tracking_world, tracking_world.headers("government", settings)
    created = await client.post("/tracking/indicators", headers=headers, json=new_indicator(w, state_code="HRV"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["state_code"] == OWN_STATE and body["recommendation_id"] is None  # a sent state_code is ignored
    assert (body["latest_value"], body["progress"], body["target_reached"]) == (None, None, None)
    on_recommendation = await client.post(
        "/tracking/indicators",
        headers=headers,
        json=new_indicator(w, action_id=None, recommendation_id=w.cycle.recommendations[OWN_STATE].id),
    )
    assert on_recommendation.status_code == 201 and on_recommendation.json()["state_code"] == OWN_STATE

    patched = await patch_after_read(
        client, f"/tracking/indicators/{body['id']}", headers=headers, json={"target_value": 90, "unit": None}
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["target_value"], patched.json()["unit"]) == (90, None)
    moved = await patch_after_read(
        client,
        f"/tracking/indicators/{body['id']}",
        headers=headers,
        json={"action_id": None, "recommendation_id": w.cycle.recommendations[OWN_STATE].id},
    )
    assert moved.json()["action_id"] is None and moved.json()["recommendation_id"] is not None

    own = create_measurement(session, session.get(Indicator, body["id"]), w.org("government"), 55.0)
    assert (await client.delete(f"/tracking/indicators/{body['id']}", headers=headers)).status_code == 204
    withdrawn = session.get(Indicator, body["id"])
    assert withdrawn is not None and withdrawn.withdrawn_at is not None  # kept, with its measurements
    assert session.get(Measurement, own.id) is not None
    history = (await client.get(f"/tracking/indicators/{body['id']}/history")).json()["items"]
    assert [entry["kind"] for entry in history] == ["created", "changed", "changed", "withdrawn"]
    assert {"field": "target_value", "old": 80.0, "new": 90.0} in history[1]["changes"]


async def test_filters(client, tracking_world, session):
    w = tracking_world
    recommendation = w.cycle.recommendations[OWN_STATE]
    direct = create_indicator(session, OWN_STATE, recommendation=recommendation, name="Direct")
    unrelated = create_indicator(session, OTHER_STATE, recommendation=w.cycle.recommendations[OTHER_STATE])

    async def ids(**params):
        return [i["id"] for i in (await client.get("/tracking/indicators", params=params)).json()["items"]]

    assert await ids(state="svn") == [w.tracking.indicators[OWN_STATE].id, direct.id]  # in the order created
    assert await ids(action=w.tracking.actions[OWN_STATE].id) == [w.tracking.indicators[OWN_STATE].id]
    assert await ids(recommendation=recommendation.id) == [w.tracking.indicators[OWN_STATE].id, direct.id]
    assert unrelated.id in await ids(state=OTHER_STATE)


async def test_government_attaches_only_to_its_own_state(client, tracking_world, settings):
    w = tracking_world
    headers = w.headers("government", settings, OTHER_STATE)
    problem(
        await client.post("/tracking/indicators", headers=headers, json=new_indicator(w, OWN_STATE)),
        403,
        slug="plan-not-own-state",
    )
    problem(
        await client.post(
            "/tracking/indicators",
            headers=headers,
            json=new_indicator(w, action_id=None, recommendation_id=w.cycle.recommendations[OWN_STATE].id),
        ),
        403,
        slug="plan-not-own-state",
    )
    own = w.tracking.indicators[OTHER_STATE]
    problem(
        await patch_after_read(
            client,
            f"/tracking/indicators/{own.id}",
            headers=headers,
            json={"action_id": w.tracking.actions[OWN_STATE].id},
        ),
        403,
        slug="plan-not-own-state",
    )  # not onto another state's action either
    problem(
        await patch_after_read(
            client,
            f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}",
            headers=headers,
            json={"name": "Taken over"},
        ),
        403,
        slug="plan-not-own-state",
    )
    problem(
        await client.delete(f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}", headers=headers),
        403,
        slug="plan-not-own-state",
    )
    problem(await client.post("/tracking/indicators", headers=w.headers("cso", settings), json=new_indicator(w)), 403)


async def test_validation_names_the_field(client, tracking_world, settings):
    w, headers = tracking_world, tracking_world.headers("admin", settings)
    recommendation_id = w.cycle.recommendations[OWN_STATE].id
    cases = [
        ({"action_id": None}, "action_id"),
        ({"recommendation_id": recommendation_id}, "action_id"),
        ({"action_id": 2**31 - 1}, "action_id"),
        ({"action_id": None, "recommendation_id": 2**31 - 1}, "recommendation_id"),
        ({"target_value": 30}, "target_value"),
        ({"target_value": 40}, "target_value"),
        ({"direction": "decrease"}, "target_value"),
        ({"direction": "sideways"}, "direction"),
        ({"target_date": "2018-01-01"}, "target_date"),
        ({"name": ""}, "name"),
        ({"unit": "x" * 51}, "unit"),
        ({"baseline_value": "NaN"}, "baseline_value"),
        ({"target_value": "Infinity"}, "target_value"),
    ]
    for change, field in cases:
        problem(await client.post("/tracking/indicators", headers=headers, json=new_indicator(w, **change)), 422, field)
    indicator = w.tracking.indicators[OWN_STATE]  # baseline 40, target 80, increase
    for change, field in [
        ({"direction": "decrease"}, "target_value"),
        ({"baseline_value": 95}, "target_value"),
        ({"name": None}, "name"),
        ({"direction": None}, "direction"),
        ({"recommendation_id": recommendation_id}, "action_id"),
    ]:
        problem(
            await patch_after_read(client, f"/tracking/indicators/{indicator.id}", headers=headers, json=change),
            422,
            field,
        )
    fine = await patch_after_read(
        client,
        f"/tracking/indicators/{indicator.id}",
        headers=headers,
        json={"direction": "decrease", "target_value": 10},
    )
    assert fine.status_code == 200, fine.text


async def test_progress_toward_an_increasing_target(client, tracking_world, session):
    w = tracking_world
    indicator = w.tracking.indicators[OWN_STATE]  # baseline 40 → target 80; the world's readings are 50
    body = await read(client, indicator)
    assert (body["latest_value"], body["latest_measured_on"]) == (50.0, "2021-06-30")
    assert body["progress"] == 0.25 and body["target_reached"] is False
    # Posted later but measured earlier: not the latest.
    create_measurement(session, indicator, w.org("government"), 79.0, date(2020, 12, 31))
    assert (await read(client, indicator))["latest_value"] == 50.0
    create_measurement(session, indicator, w.org("nhri"), 61.0, date(2022, 6, 30))
    body = await read(client, indicator)
    assert (body["latest_value"], body["progress"], body["target_reached"]) == (61.0, 0.525, False)
    create_measurement(session, indicator, w.org("nhri"), 100 / 3 + 60, date(2023, 6, 30))
    assert (await read(client, indicator))["progress"] == 1.3333
    create_measurement(session, indicator, w.org("nhri"), 80.0, date(2024, 6, 30))
    assert (await read(client, indicator))["target_reached"] is True


async def test_progress_toward_a_decreasing_target(client, tracking_world, session):
    w = tracking_world
    indicator = create_indicator(
        session,
        OWN_STATE,
        recommendation=w.cycle.recommendations[OWN_STATE],
        name="Roma pupils in segregated classes",
        baseline=30.0,
        target=10.0,
        direction=Direction.decrease,
    )
    create_measurement(session, indicator, w.org("government"), 25.0, date(2022, 1, 1))
    body = await read(client, indicator)
    assert (body["progress"], body["target_reached"]) == (0.25, False)
    same_day = create_measurement(session, indicator, w.org("nhri"), 9.5, date(2022, 1, 1))
    body = await read(client, indicator)  # same date: the later posted wins
    assert (body["latest_value"], body["progress"], body["target_reached"]) == (same_day.value, 1.025, True)


async def test_no_baseline_no_progress(client, tracking_world, session):
    w = tracking_world
    indicator = create_indicator(session, OWN_STATE, action=w.tracking.actions[OWN_STATE], baseline=None)
    create_measurement(session, indicator, w.org("government"), 90.0)
    body = await read(client, indicator)
    assert (body["latest_value"], body["progress"], body["target_reached"]) == (90.0, None, True)
    no_target = create_indicator(session, OWN_STATE, action=w.tracking.actions[OWN_STATE], target=None)
    create_measurement(session, no_target, w.org("government"), 90.0)
    assert ((await read(client, no_target))["progress"], (await read(client, no_target))["target_reached"]) == (
        None,
        None,
    )


@pytest.fixture
def statements(engine):
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


async def test_a_page_costs_the_same_queries_whatever_its_length(client, tracking_world, session, statements):
    w = tracking_world
    await client.get("/tracking/indicators", params={"state": OWN_STATE})  # warm up (first-request work)
    statements.clear()
    one = await client.get("/tracking/indicators", params={"state": OWN_STATE})
    queries_for_one = len(statements)
    for n in range(6):
        extra = create_indicator(session, OWN_STATE, action=w.tracking.actions[OWN_STATE], name=f"Extra {n}")
        create_measurement(session, extra, w.org("government"), 45.0 + n)
    session.commit()
    statements.clear()
    seven = await client.get("/tracking/indicators", params={"state": OWN_STATE})
    assert len(seven.json()["items"]) == 7 == len(one.json()["items"]) + 6
    assert len(statements) == queries_for_one
    extras = [i for i in seven.json()["items"] if i["id"] != w.tracking.indicators[OWN_STATE].id]
    assert sorted(i["latest_value"] for i in extras) == [45.0 + n for n in range(6)]  # ids are random: no order


async def test_delete_is_refused_while_other_organisations_measurements_exist(
    client, tracking_world, settings, session
):
    """The NHRI's measurement is the NHRI's data: the government may not withdraw it from view by
    withdrawing the indicator; once the NHRI withdrew it, the indicator is withdrawn, nothing erased."""
    w = tracking_world
    headers = w.headers("government", settings)
    indicator = create_indicator(session, OWN_STATE, action=w.tracking.actions[OWN_STATE], name="Evictions")
    own = create_measurement(session, indicator, w.org("government"), 41.0)
    nhri = create_measurement(session, indicator, w.org("nhri"), 39.0)
    problem(
        await client.delete(f"/tracking/indicators/{indicator.id}", headers=headers),
        409,
        detail="measurements posted by other organisations; they belong to them",
        slug="indicator-has-others-measurements",
    )
    assert session.get(Indicator, indicator.id) is not None
    assert session.get(Measurement, own.id) is not None and session.get(Measurement, nhri.id) is not None

    withdrawn = await client.delete(
        f"/tracking/indicators/{indicator.id}/measurements/{nhri.id}", headers=w.headers("nhri", settings)
    )
    assert withdrawn.status_code == 204, withdrawn.text
    response = await client.delete(f"/tracking/indicators/{indicator.id}", headers=headers)
    assert response.status_code == 204, response.text
    assert session.get(Indicator, indicator.id).withdrawn_at is not None
    assert session.get(Measurement, own.id).withdrawn_at is None  # kept as it was, under the withdrawn indicator
    assert not audit(session, "measurement", AuditAction.delete, str(own.id))
    assert not audit(session, "indicator", AuditAction.delete, str(indicator.id))
