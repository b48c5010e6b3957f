"""Every route × every caller × own/other state, with expectations derived from ROLE_GRANTS.

The routes come from the app's route table and each route's gate from its dependencies, so a
new route without a gate, or without a scenario here saying how to call it, fails this file.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount

from api.auth.deps import Requires
from api.auth.deps import gates_of as deps_gates_of
from api.auth.permissions import Permission, Role, Scope, grants_for
from api.main import app
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer
from tests.matrix import SCENARIOS
from tests.matrix.base import Scenario


def iter_routes(application: FastAPI, prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Every API route with its full path, through included routers and mounted FastAPI apps."""
    for context in iter_route_contexts(application.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            yield prefix + context.path, route
        elif isinstance(route, Mount) and isinstance(route.app, FastAPI):
            yield from iter_routes(route.app, prefix + route.path)


def gates_of(route: APIRoute) -> list[Requires]:
    return deps_gates_of(route.dependant)


ROUTES = sorted(((method, path, route) for path, route in iter_routes(app) for method in route.methods),
                key=lambda r: (r[1], r[0]))


@dataclass(frozen=True)
class Caller:
    name: str
    role: Role
    via_service_token: bool = False
    grants: dict[Permission, Scope] = field(default_factory=dict, compare=False)

    def headers(self, world: World, settings) -> dict[str, str]:
        if self.via_service_token:
            return bearer(world.service_tokens[(self.role.value, OWN_STATE)][1])
        return world.headers(self.role, settings)


CALLERS = [Caller(role.value, role, grants=grants_for(role)) for role in Role] + [
    Caller(f"{role.value} service token", role, True, grants_for(role, via_service_token=True))
    for role in (Role.government, Role.nhri, Role.cso)
]


def expected_status(permission: Permission | None, caller: Caller, state: str, scenario: Scenario) -> int | None:
    """None means success (any 2xx); otherwise the exact refusal."""
    if permission is None:
        return None
    if caller.role is Role.anonymous:
        return 401
    scope = caller.grants.get(permission)
    if scope is None:
        return 403
    if state == OTHER_STATE and scenario.targets_row and scope is not Scope.any:
        return 403 if scenario.row_is_public else 404
    return None


def test_every_route_has_exactly_one_gate():
    missing = [f"{m} {p}" for m, p, route in ROUTES if len(gates_of(route)) != 1]
    assert not missing, f"routes without exactly one permission gate (use Public or a Can… alias): {missing}"


def test_every_route_has_a_scenario_and_every_scenario_a_route():
    routes = {(m, p) for m, p, _ in ROUTES}
    assert not routes - SCENARIOS.keys(), f"add a matrix scenario for: {sorted(routes - SCENARIOS.keys())}"
    assert not SCENARIOS.keys() - routes, f"stale matrix scenarios: {sorted(SCENARIOS.keys() - routes)}"


CASES = [
    pytest.param(method, path, route, caller, state, id=f"{method} {path} | {caller.name} | {state}")
    for method, path, route in ROUTES
    for caller in CALLERS
    for state in (OWN_STATE, OTHER_STATE)
]


@pytest.mark.parametrize(("method", "path", "route", "caller", "state"), CASES)
async def test_matrix(client, tracking_world, settings, method, path, route, caller, state):
    world = tracking_world
    scenario = SCENARIOS[(method, path)]
    (gate,) = gates_of(route)
    call = scenario.build(world, caller.role, state)
    response = await client.request(method, call.path, json=call.json, data=call.data, files=call.files,
                                    headers=caller.headers(world, settings))
    want = expected_status(gate.permission, caller, state, scenario)
    if want is None:
        assert 200 <= response.status_code < 300, response.text
    else:
        assert response.status_code == want, response.text
        assert response.headers["content-type"] == "application/problem+json"
