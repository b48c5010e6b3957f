"""RFC 6749 §5.2 error bodies from `POST /auth/token` (api/auth/token_errors.py). Before: a 401 or
422 problem, which OAuth clients cannot read."""

import httpx
import pytest

from api.settings import Settings
from tests.factories import PASSWORD, World
from tests.helpers import assert_problem


def assert_oauth_error(response: httpx.Response, error: str, description_part: str) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    assert "no-store" in [d.strip() for d in response.headers["cache-control"].split(",")]
    assert response.headers["pragma"] == "no-cache"
    body = response.json()
    assert body.keys() == {"error", "error_description"}
    assert body["error"] == error
    assert description_part in body["error_description"]


async def test_wrong_credentials_are_invalid_grant(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/auth/token", data={"username": world.user("cso").email, "password": "wrong"})
    assert_oauth_error(response, "invalid_grant", "Incorrect email or password")
    unknown = await client.post("/auth/token", data={"username": "nobody@example.org", "password": "wrong"})
    assert unknown.json() == response.json()  # no account oracle


@pytest.mark.parametrize(
    ("form", "missing"),
    [({"username": "a@example.org"}, "password"), ({"password": "x"}, "username"), ({}, "username, password")],
)
async def test_a_missing_field_is_invalid_request(
    client: httpx.AsyncClient, form: dict[str, str], missing: str
) -> None:
    assert_oauth_error(await client.post("/auth/token", data=form), "invalid_request", f"Missing: {missing}")


async def test_a_repeated_field_is_invalid_request(client: httpx.AsyncClient, world: World) -> None:
    body = f"username={world.user('cso').email}&password=a&password={PASSWORD}"
    response = await client.post(
        "/auth/token", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert_oauth_error(response, "invalid_request", "password")


@pytest.mark.parametrize("grant_type", ["client_credentials", "", "PASSWORD"])
async def test_a_grant_other_than_password_is_unsupported(
    client: httpx.AsyncClient, world: World, grant_type: str
) -> None:
    form = {"grant_type": grant_type, "username": world.user("cso").email, "password": PASSWORD}
    assert_oauth_error(await client.post("/auth/token", data=form), "unsupported_grant_type", "password")


@pytest.mark.parametrize("grant", [{"grant_type": "password"}, {}])
async def test_the_password_grant_with_or_without_grant_type_issues_a_token(
    client: httpx.AsyncClient, world: World, grant: dict[str, str]
) -> None:
    form = grant | {"username": world.user("cso").email, "password": PASSWORD}
    response = await client.post("/auth/token", data=form)
    assert response.status_code == 200, response.text
    assert response.json()["token_type"] == "bearer"
    assert "no-store" in response.headers["cache-control"]


async def test_throttling_stays_a_problem_with_retry_after(
    client: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    email = world.user("nhri").email
    for _ in range(settings.login_max_failures):
        assert_oauth_error(
            await client.post("/auth/token", data={"username": email, "password": "x"}), "invalid_grant", "Incorrect"
        )
    locked = await client.post("/auth/token", data={"username": email, "password": PASSWORD})
    assert_problem(locked, 429, "too-many-requests", "Too many failed logins")
    assert int(locked.headers["retry-after"]) > 0


async def test_the_document_states_the_oauth_errors(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    responses = document["paths"]["/auth/token"]["post"]["responses"]
    schema = responses["400"]["content"]["application/json"]["schema"]
    name = schema["$ref"].rsplit("/", 1)[-1]
    error = document["components"]["schemas"][name]
    assert error["required"] == ["error"]
    codes = document["components"]["schemas"][error["properties"]["error"]["$ref"].rsplit("/", 1)[-1]]["enum"]
    assert {"invalid_request", "invalid_grant", "unsupported_grant_type"} <= set(codes)
    assert "401" not in responses or "invalid" not in str(responses["401"])
    assert responses["429"]["content"].keys() == {"application/problem+json"}
    body = document["paths"]["/auth/token"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    form = document["components"]["schemas"][body["schema"]["$ref"].rsplit("/", 1)[-1]]
    assert form["required"] == ["username", "password"]
    assert all("null" not in str(p) for p in form["properties"].values())
