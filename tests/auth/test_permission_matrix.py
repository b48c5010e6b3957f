"""Every route × every caller × own/other state, with expectations derived from ROLE_GRANTS.

The routes come from the app's route table and each route's gate from its dependencies, so a
new route without a gate, or without a scenario here saying how to call it, fails this file.

The tracking world is built once for the module, in an outer transaction rolled back at the end;
every case runs in a savepoint rolled back afterwards, so each sees the world as built (thousands of
cases: building the world per case cost most of this file's time).
"""

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import httpx
import pytest
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from api.auth.permissions import Permission, Role, Scope, grants_for
from api.main import app
from api.settings import Settings
from tests.advocacy_factories import build_advocacy_world
from tests.cycle_factories import build_cycle_world
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, build_world
from tests.helpers import app_on_connection, joined_session, rolled_back_to_savepoint
from tests.matrix import SCENARIOS
from tests.matrix.base import Scenario
from tests.matrix.routes import ROUTES, gates_of
from tests.tracking_factories import build_tracking_world


class Harness(NamedTuple):
    connection: Connection
    session: Session  # the world's: scenarios add the rows they need beyond it here
    world: World


@pytest.fixture(scope="module")
def harness(engine: Engine, settings: Settings) -> Iterator[Harness]:
    connection = engine.connect()
    outer = connection.begin()
    try:
        with joined_session(connection) as session, app_on_connection(connection, settings):
            world = build_tracking_world(session, build_cycle_world(session, build_world(session)))
            build_advocacy_world(session, world, nhri_leads=True)
            session.commit()
            yield Harness(connection, session, world)
    finally:
        outer.rollback()
        connection.close()


@pytest.fixture
def tracking_world(harness: Harness) -> Iterator[World]:
    """The module's world; what the case writes, through the app or a scenario, is undone after it."""
    with rolled_back_to_savepoint(harness.connection, "matrix_case"):
        try:
            yield harness.world
        finally:
            if harness.session.in_transaction():  # a scenario's lazy load: its savepoint goes first
                harness.session.commit()


@pytest.fixture
async def client(harness: Harness) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


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
    # Some PATCHes require If-Match (428 without, after the gate): `*`, any version, as the matrix is about gates.
    if_match = {"If-Match": "*"} if method == "PATCH" else {}
    response = await client.request(
        method,
        call.path,
        json=call.json,
        data=call.data,
        files=call.files,
        headers=caller.headers(world, settings) | if_match,
    )
    want = expected_status(gate.permission, caller, state, scenario)
    if want is None:
        assert 200 <= response.status_code < 300, response.text
    else:
        assert response.status_code == want, response.text
        assert response.headers["content-type"] == "application/problem+json"
