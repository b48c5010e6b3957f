"""415 for a body of a type the operation does not take (api/http/content_type.py). Before: a 422
about fields the server never read."""

import json

import httpx
import pytest

from api.settings import Settings
from api.tracking.app import MOUNT_PATH
from tests.factories import OWN_STATE, World
from tests.helpers import assert_problem


async def test_text_to_a_json_route_is_a_415_naming_content_type(
    client: httpx.AsyncClient, cycle_world: World, settings: Settings
) -> None:
    admin = cycle_world.headers("admin", settings)
    body = json.dumps({"code": "AUT", "name": "Austria", "regional_group": "WEOG"})
    response = await client.post("/states", headers=admin | {"Content-Type": "text/plain"}, content=body)
    problem = assert_problem(response, 415, "unsupported-media-type", "application/json")
    assert problem["field"] == "Content-Type"
    assert response.headers["accept-post"] == "application/json"
    assert (await client.get("/states/AUT")).status_code == 404  # nothing was created


async def test_a_patch_names_what_it_takes_in_accept_patch(
    client: httpx.AsyncClient, cycle_world: World, settings: Settings
) -> None:
    admin = cycle_world.headers("admin", settings)
    response = await client.patch(
        "/states/SVN", headers=admin | {"Content-Type": "application/xml"}, content=b"<name>Slovenia</name>"
    )
    assert_problem(response, 415, "unsupported-media-type", "application/xml")
    assert response.headers["accept-patch"] == "application/json"


async def test_json_to_the_form_token_endpoint_is_a_415(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/auth/token", json={"username": world.user("cso").email, "password": "x"})
    assert_problem(response, 415, "unsupported-media-type", "application/x-www-form-urlencoded")
    assert response.headers["accept-post"] == "application/x-www-form-urlencoded, multipart/form-data"


async def test_json_to_a_multipart_upload_is_a_415(
    client: httpx.AsyncClient, tracking_world: World, settings: Settings
) -> None:
    government = tracking_world.headers("government", settings)
    response = await client.post(f"{MOUNT_PATH}/evidence", headers=government, json={"title": "x"})
    assert_problem(response, 415, "unsupported-media-type", "multipart/form-data")
    assert response.headers["accept-post"] == "application/x-www-form-urlencoded, multipart/form-data"


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/x+json"]
)
async def test_json_in_any_spelling_is_taken(
    client: httpx.AsyncClient, cycle_world: World, settings: Settings, content_type: str
) -> None:
    admin = cycle_world.headers("admin", settings)
    body = json.dumps({"name": "Slovenia"}).encode()
    response = await client.patch("/states/SVN", headers=admin | {"Content-Type": content_type}, content=body)
    assert response.status_code == 200, response.text


async def test_a_body_without_content_type_is_a_415_but_no_body_is_not(
    client: httpx.AsyncClient, cycle_world: World, settings: Settings
) -> None:
    admin = cycle_world.headers("admin", settings)
    sent = await client.patch("/states/SVN", headers=admin, content=b'{"name": "Slovenia"}')
    assert_problem(sent, 415, "unsupported-media-type", "without a Content-Type")
    empty = await client.patch("/states/SVN", headers=admin)
    assert empty.status_code == 422  # the required body is missing: named as such, not a 415


async def test_a_bodiless_write_ignores_the_content_type(
    client: httpx.AsyncClient, tracking_world: World, settings: Settings
) -> None:
    """Routes without a body (a delete) never read it, so its type does not matter."""
    admin = tracking_world.headers("admin", settings)
    milestone = tracking_world.tracking.milestones[OWN_STATE]
    response = await client.request(
        "DELETE", f"{MOUNT_PATH}/milestones/{milestone.id}", headers=admin | {"Content-Type": "text/plain"}
    )
    assert response.status_code == 204, response.text


async def test_the_documents_list_415_on_every_operation_with_a_body(client: httpx.AsyncClient) -> None:
    for url in ("/openapi.json", f"{MOUNT_PATH}/openapi.json"):
        document = (await client.get(url)).json()
        for path, item in document["paths"].items():
            for method, operation in item.items():
                if "requestBody" in operation:
                    assert "415" in operation["responses"], (method, path)
