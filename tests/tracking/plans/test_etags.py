"""If-Match on the plan's PATCH routes: two writers, the second with a stale ETag, lose nothing."""

import pytest

from tests.factories import OWN_STATE
from tests.tracking.plans.helpers import problem

CASES = {
    "action": ("/tracking/actions/{}", "actions", {"title": "First writer"}, {"title": "Second writer"}, "title"),
    "indicator": ("/tracking/indicators/{}", "indicators", {"target_value": 70}, {"target_value": 95}, "target_value"),
    "milestone": (
        "/tracking/milestones/{}",
        "milestones",
        {"title": "First writer"},
        {"title": "Second writer"},
        "title",
    ),
}


@pytest.mark.parametrize("kind", CASES)
async def test_a_stale_etag_is_refused_and_the_first_write_survives(client, tracking_world, settings, kind):
    template, key, first, second, field = CASES[kind]
    target = template.format(getattr(tracking_world.tracking, key)[OWN_STATE].id)
    read = await client.get(target)
    etag = read.headers["ETag"]
    ministry_a = tracking_world.headers("government", settings)
    ministry_b = tracking_world.headers("admin", settings)
    won = await client.patch(target, headers=ministry_a | {"If-Match": etag}, json=first)
    assert won.status_code == 200, won.text
    assert won.headers["ETag"] != etag
    problem(await client.patch(target, headers=ministry_b | {"If-Match": etag}, json=second), 412, "If-Match")
    current = await client.get(target)
    assert current.json()[field] == first[field] and current.headers["ETag"] == won.headers["ETag"]
    weak = await client.patch(target, headers=ministry_b | {"If-Match": f"W/{won.headers['ETag']}"}, json=second)
    problem(weak, 412, "If-Match")  # the strong comparison: a weak tag never matches
    fresh = await client.patch(target, headers=ministry_b | {"If-Match": won.headers["ETag"]}, json=second)
    assert fresh.status_code == 200 and fresh.json()[field] == second[field]
    assert (await client.patch(target, headers=ministry_a | {"If-Match": "*"}, json=first)).status_code == 200
    missing = await client.patch(target, headers=ministry_b, json=second)
    problem(missing, 428, "If-Match", slug="precondition-required")  # required on plan rows


async def test_a_stale_etag_from_another_state_is_a_403_not_a_412(client, tracking_world, settings):
    """The scope check comes first: a caller who may not write the row learns nothing from If-Match."""
    target = f"/tracking/actions/{tracking_world.tracking.actions[OWN_STATE].id}"
    problem(
        await client.patch(
            target,
            headers=tracking_world.headers("government", settings, "HRV") | {"If-Match": '"stale"'},
            json={"title": "x"},
        ),
        403,
        slug="plan-not-own-state",
    )


async def test_measurements_take_if_match_too(client, tracking_world, settings):
    w = tracking_world
    measurement = w.tracking.measurements[("government", OWN_STATE)]
    target = f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}/measurements/{measurement.id}"
    etag = (await client.get(target)).headers["ETag"]
    headers = w.headers("government", settings)
    assert (await client.patch(target, headers=headers | {"If-Match": etag}, json={"value": 52})).status_code == 200
    problem(await client.patch(target, headers=headers | {"If-Match": etag}, json={"value": 53}), 412)
