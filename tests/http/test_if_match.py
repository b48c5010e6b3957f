"""`If-Match`: the strong comparison, 428 where it is required, and the documents' header
parameter (api/http/etags.py). Before: a weak ETag passed `If-Match`, no PATCH required it, and the
documents typed it `string | null` (tools then sent `If-Match: null`, a 412)."""

from typing import Any

import httpx
import pytest

from api.settings import Settings
from api.tracking.app import MOUNT_PATH
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.helpers import assert_problem

REQUIRED = {  # (document, path) of every PATCH that requires If-Match
    ("cycle", "/recommendations/{recommendation_id}"),
    ("cycle", "/submissions/{submission_id}"),
    ("cycle", "/advocacy/coalitions/{coalition_id}"),
    ("cycle", "/advocacy/working-groups/{working_group_id}"),
    ("cycle", "/advocacy/briefs/{brief_id}"),
    ("cycle", "/advocacy/proposed-recommendations/{proposed_recommendation_id}"),
    ("cycle", "/advocacy/targets/{target_id}"),
    ("cycle", "/advocacy/contacts/{contact_id}"),
    ("cycle", "/advocacy/outreach/{outreach_id}"),
    ("cycle", "/advocacy/uptake-matches/{uptake_match_id}"),
    ("cycle", "/advocacy/reprisal-incidents/{incident_id}"),
    ("tracking", "/actions/{action_id}"),
    ("tracking", "/indicators/{indicator_id}"),
    ("tracking", "/indicators/{indicator_id}/measurements/{measurement_id}"),
    ("tracking", "/milestones/{milestone_id}"),
}


def plan_rows(world: World) -> dict[str, tuple[str, dict[str, Any], str]]:
    """kind → (url, a change, the role that may make it)."""
    t = world.tracking
    measurement = t.measurements[("government", OWN_STATE)]
    return {
        "action": (f"{MOUNT_PATH}/actions/{t.actions[OWN_STATE].id}", {"title": "Changed"}, "government"),
        "indicator": (f"{MOUNT_PATH}/indicators/{t.indicators[OWN_STATE].id}", {"target_value": 80}, "government"),
        "measurement": (
            f"{MOUNT_PATH}/indicators/{t.indicators[OWN_STATE].id}/measurements/{measurement.id}",
            {"value": 51},
            "government",
        ),
        "milestone": (f"{MOUNT_PATH}/milestones/{t.milestones[OWN_STATE].id}", {"title": "Changed"}, "government"),
        "recommendation": (
            f"/recommendations/{world.cycle.recommendations[OWN_STATE].id}",
            {"text": "Changed text of the recommendation."},
            "admin",
        ),
    }


@pytest.mark.parametrize("kind", ["action", "indicator", "measurement", "milestone", "recommendation"])
async def test_a_patch_of_a_shared_row_without_if_match_is_a_428(
    client: httpx.AsyncClient, tracking_world: World, settings: Settings, kind: str
) -> None:
    url, change, role = plan_rows(tracking_world)[kind]
    headers = tracking_world.headers(role, settings)
    before = await client.get(url)
    missing = await client.patch(url, headers=headers, json=change)
    problem = assert_problem(missing, 428, "precondition-required", "If-Match")
    assert problem["field"] == "If-Match"
    assert (await client.get(url)).json() == before.json()  # nothing changed
    weak = await client.patch(url, headers=headers | {"If-Match": f"W/{before.headers['etag']}"}, json=change)
    assert_problem(weak, 412, "precondition-failed", "weak")  # a weak tag never matches (strong comparison)
    strong = await client.patch(url, headers=headers | {"If-Match": before.headers["etag"]}, json=change)
    assert strong.status_code == 200, strong.text


async def test_a_caller_who_may_not_write_gets_403_before_428(
    client: httpx.AsyncClient, tracking_world: World, settings: Settings
) -> None:
    url, change, _ = plan_rows(tracking_world)["action"]
    other = tracking_world.headers("government", settings, OTHER_STATE)
    assert (await client.patch(url, headers=other, json=change)).status_code == 403


async def test_reference_data_and_posts_take_if_match_but_do_not_require_it(
    client: httpx.AsyncClient, tracking_world: World, settings: Settings
) -> None:
    admin = tracking_world.headers("admin", settings)
    assert (await client.patch("/states/SVN", headers=admin, json={"name": "Slovenija"})).status_code == 200
    update = tracking_world.tracking.updates[("government", OWN_STATE)]
    government = tracking_world.headers("government", settings)
    response = await client.patch(f"{MOUNT_PATH}/progress-updates/{update.id}", headers=government, json={"title": "x"})
    assert response.status_code == 200, response.text
    etag = (await client.get("/states/SVN")).headers["etag"]
    assert_problem(
        await client.patch("/states/SVN", headers=admin | {"If-Match": f"W/{etag}"}, json={"name": "x"}),
        412,
        "precondition-failed",
        "changed",
    )
    assert (await client.patch("/states/SVN", headers=admin | {"If-Match": "*"}, json={"name": "x"})).status_code == 200


async def test_the_documents_type_if_match_as_a_plain_string_required_where_it_is(client: httpx.AsyncClient) -> None:
    documents = {"cycle": (await client.get("/openapi.json")).json()}
    documents["tracking"] = (await client.get(f"{MOUNT_PATH}/openapi.json")).json()
    required = set()
    for name, document in documents.items():
        for path, item in document["paths"].items():
            for method, operation in item.items():
                for parameter in operation.get("parameters", ()):
                    if parameter["in"] != "header":
                        continue
                    assert "null" not in str(parameter["schema"]), (method, path, parameter)
                    if parameter["name"] == "If-Match":
                        assert parameter["schema"]["type"] == "string"
                        assert ("412" in operation["responses"]) and (
                            ("428" in operation["responses"]) == parameter["required"]
                        ), (method, path)
                        if parameter["required"]:
                            required.add((name, path))
    assert required == REQUIRED
