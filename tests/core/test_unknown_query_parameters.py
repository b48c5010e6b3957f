"""Unknown query parameters are a 422 naming them, on every operation of both apps (issue 12):
`/recommendations?state=SVN` used to answer every recommendation, the filter silently dropped."""

import re
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from api.db import get_session
from api.http import query_params
from api.http.problems import TYPE_PREFIX
from api.http.query_params import accepted_query_parameters, suggestion
from api.main import app
from api.tracking.app import MOUNT_PATH, create_tracking_app
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.helpers import assert_problem_shape
from tests.matrix.routes import ROUTES, iter_routes

UNKNOWN = "no_such_parameter"


def _url(path: str) -> str:
    """The path with every placeholder filled: the check runs before path values are validated."""
    return re.sub(r"\{[^}]+\}", "1", path)


def _no_database() -> Iterator[None]:
    raise AssertionError("the request reached the database")
    yield  # pragma: no cover  (a generator, like get_session)


@pytest.fixture
async def bare_client() -> AsyncIterator[httpx.AsyncClient]:
    """A client of the cycle API (tracking mounted) whose every database session fails the request:
    a refusal that arrives proves the check ran before any query."""
    saved = dict(app.dependency_overrides)
    app.dependency_overrides[get_session] = _no_database
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
            yield c
    finally:
        app.dependency_overrides.clear()
        app.dependency_overrides.update(saved)


def _assert_refused(response: httpx.Response, path: str, name: str) -> dict:
    body = assert_problem_shape(response, 422, path)
    assert body["type"] == TYPE_PREFIX + "validation-error"
    assert body["field"] == name
    assert {"field": name, "location": "query"} in [
        {"field": e["field"], "location": e["location"]} for e in body["errors"]
    ]
    assert body["detail"].startswith(f"{name}: Unknown query parameter")
    return body


@pytest.mark.parametrize(("method", "path", "route"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
async def test_every_operation_refuses_an_unknown_parameter(bare_client, method: str, path: str, route: APIRoute):
    url = _url(path)
    response = await bare_client.request(
        method, url, params={UNKNOWN: "1", **dict.fromkeys(accepted_query_parameters(route), "")}
    )
    body = _assert_refused(response, url, UNKNOWN)
    assert [e["field"] for e in body["errors"]] == [UNKNOWN], "only the unknown name is refused"


async def test_the_tracking_app_served_alone_refuses_on_every_operation(settings):
    alone = create_tracking_app(settings)
    alone.dependency_overrides[get_session] = _no_database
    routes = [(method, path) for path, route in iter_routes(alone) for method in sorted(route.methods or ())]
    assert len(routes) == sum(path.startswith("/tracking/") for _, path, _ in ROUTES)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=alone), base_url="http://alone") as c:
        for method, path in routes:
            _assert_refused(await c.request(method, _url(path), params={UNKNOWN: "x"}), _url(path), UNKNOWN)


async def test_the_accepted_names_are_computed_once_per_route(settings, monkeypatch):
    alone = create_tracking_app(settings)
    alone.dependency_overrides[get_session] = _no_database
    monkeypatch.setattr(query_params, "_ACCEPTED", {})  # routers (and so routes) are shared by every app
    calls: list[Dependant] = []
    original = query_params.declared_query_parameters

    def counted(dependant: Dependant) -> frozenset[str]:
        calls.append(dependant)
        return original(dependant)

    monkeypatch.setattr(query_params, "declared_query_parameters", counted)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=alone), base_url="http://alone") as c:
        for _ in range(3):
            assert (await c.get("/actions", params={"stat": "SVN"})).status_code == 422
    assert len(calls) == 1


def _documented(application: FastAPI) -> dict[str, tuple[set[str], set[str]]]:
    """operationId -> (its documented query parameters, its documented statuses)."""
    found = {}
    for item in application.openapi()["paths"].values():
        for operation in item.values():
            names = {p["name"] for p in operation.get("parameters", ()) if p["in"] == "query"}
            found[operation["operationId"]] = (names, set(operation["responses"]))
    return found


@pytest.mark.parametrize("application", [app, app.state.tracking], ids=["cycle", "tracking"])
def test_the_documents_state_exactly_what_each_operation_accepts(application: FastAPI):
    """What the server accepts is what the document lists: the check adds no parameter of its own
    and misses none (`PageDep` and other sub-dependencies included); every operation lists 422."""
    documented = _documented(application)
    own = [route for path, route in iter_routes(application) if not path.startswith(MOUNT_PATH + "/")]
    routes = [route for route in own if route.include_in_schema]
    assert {route.operation_id for route in routes} == documented.keys()
    for route in routes:
        assert route.operation_id is not None, route.path
        names, statuses = documented[route.operation_id]
        assert accepted_query_parameters(route) == names, route.operation_id
        assert "422" in statuses, route.operation_id


@pytest.mark.parametrize("application", [app, app.state.tracking], ids=["cycle", "tracking"])
def test_no_operation_declares_a_name_that_is_let_through(application: FastAPI):
    """`utm_*` and `_` pass everywhere: a filter of that name would be silently dropped by nobody, but
    it would be unreachable by the rule's reader. None may exist."""
    for _path, route in iter_routes(application):
        assert not [name for name in accepted_query_parameters(route) if query_params.ignored(name)], route.path


async def test_campaign_tags_and_cache_busters_pass_but_their_neighbours_do_not(client, cycle_world: World):
    """Shared links carry `utm_*`; monitors add `_`. Both pass (a 200 with the same answer); `utm`
    alone or `__` are unknown names like any other."""
    plain = await client.get("/recommendations", params={"state_under_review": OWN_STATE})
    tagged = await client.get(
        "/recommendations",
        params={"state_under_review": OWN_STATE, "utm_source": "newsletter", "utm_campaign": "upr44", "_": "1701"},
    )
    assert tagged.status_code == 200, tagged.text
    assert tagged.json() == plain.json()
    assert (await client.get("/healthz", params={"_": "1701234567"})).status_code == 200
    for name in ("utm", "__", "_utm_source"):
        _assert_refused(await client.get("/healthz", params={name: "1"}), "/healthz", name)


async def test_state_is_refused_on_recommendations_with_the_right_name(client, cycle_world: World):
    response = await client.get("/recommendations", params={"state": OWN_STATE})
    body = _assert_refused(response, "/recommendations", "state")
    assert "did you mean `state_under_review`?" in body["detail"]


async def test_the_known_filter_still_filters(client, cycle_world: World):
    everything = (await client.get("/recommendations")).json()
    own = await client.get("/recommendations", params={"state_under_review": OWN_STATE, "limit": 50})
    assert own.status_code == 200, own.text
    assert own.json()["items"] and {i["state_under_review"] for i in own.json()["items"]} == {OWN_STATE}
    assert own.json()["total"] < everything["total"]
    both = await client.get(
        "/recommendations", params=[("state_under_review", OWN_STATE), ("state_under_review", OTHER_STATE)]
    )
    assert both.status_code == 200 and both.json()["total"] > own.json()["total"]  # repeated: a list, not unknown


async def test_tracking_names_the_state_filter_state(client, tracking_world: World):
    refused = await client.get("/tracking/actions", params={"state_under_review": OWN_STATE})
    body = _assert_refused(refused, "/tracking/actions", "state_under_review")
    assert "did you mean `state`?" in body["detail"]
    known = await client.get("/tracking/actions", params={"state": OWN_STATE})
    assert known.status_code == 200 and known.json()["items"]
    assert {i["state_code"] for i in known.json()["items"]} == {OWN_STATE}


async def test_every_unknown_name_is_listed_once_and_no_known_one(bare_client):
    response = await bare_client.get(
        "/recommendations", params=[("state", "SVN"), ("state", "HRV"), ("theme_id", "3"), ("limit", "5")]
    )
    body = _assert_refused(response, "/recommendations", "state")
    assert [e["field"] for e in body["errors"]] == ["state", "theme_id"]
    assert "theme_id: Unknown query parameter; did you mean `theme`?" in body["detail"]


async def test_without_a_close_name_the_accepted_ones_are_listed(bare_client):
    body = _assert_refused(await bare_client.get("/states", params={"zzz": "1"}), "/states", "zzz")
    assert "this operation takes " in body["detail"] and "`limit`" in body["detail"]
    none = _assert_refused(await bare_client.get("/healthz", params={"verbose": "1"}), "/healthz", "verbose")
    assert "takes no query parameters" in none["detail"]


async def test_unknown_paths_and_methods_keep_their_statuses(bare_client):
    assert (await bare_client.get("/no-such-thing", params={UNKNOWN: "1"})).status_code == 404
    assert (await bare_client.get("/tracking/no-such-thing", params={UNKNOWN: "1"})).status_code == 404
    wrong_method = await bare_client.delete("/states", params={UNKNOWN: "1"})
    assert wrong_method.status_code == 405 and "GET" in wrong_method.headers["allow"]


@pytest.mark.parametrize(
    ("unknown", "accepted", "meant"),
    [
        ("state", {"state_under_review", "recommending_state", "region"}, "state_under_review"),
        ("state_under_review", {"state", "status", "recommendation"}, "state"),
        ("State-Under-Review", {"state_under_review", "q"}, "state_under_review"),
        ("limt", {"limit", "offset", "cursor"}, "limit"),
        ("review_id", {"review", "cycle"}, "review"),
        ("sort", {"limit", "offset", "cursor"}, None),
        ("state", {"status", "kind"}, None),
        ("ofset", {"limit", "offset", "cursor"}, "offset"),
        ("q", {"cycle", "region"}, None),
        ("anything", set(), None),
    ],
)
def test_suggestion(unknown: str, accepted: set[str], meant: str | None):
    assert suggestion(unknown, accepted) == meant
