"""Property-based contract tests: schemathesis drives both OpenAPI documents against the real app.

For every operation of `openapi/cycle.json` and `openapi/tracking.json`, as anonymous, as a user of
each role and with an expired token, generated requests (valid and invalid) must get no 5xx, only
documented status codes, and bodies and content types that match the document. One world is built
per module; every example runs in a savepoint rolled back afterwards, so all see the same data.

Cheap by design (it runs on SQLite and on PostgreSQL in CI): 3 examples per operation and caller,
derandomized, about 40 s. A deeper local run: raise `max-examples` and enable the coverage phase.
"""

from collections.abc import Iterator
from datetime import timedelta
from typing import NamedTuple

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.engine import Connection, Engine

from api.auth.permissions import Role
from api.auth.security import create_access_token
from api.core.types import utcnow
from api.main import app
from api.settings import Settings
from tests.cycle_factories import build_cycle_world
from tests.factories import OTHER_STATE, OWN_STATE, bearer, build_world
from tests.helpers import app_on_connection, joined_session, rolled_back_to_savepoint
from tests.tracking_factories import build_tracking_world

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all", "max-examples": 3, "deterministic": True},
        "phases": {"coverage": {"enabled": False}},
        # Random strings never name a state of the world, so half the time they do: a state's matrix,
        # report and plan get past "unknown state" to the code behind it.
        "dictionaries": {
            "states": {"values": [OWN_STATE, OTHER_STATE, OWN_STATE.lower()]},
            "numbers": {"values": [2, 3, 20, 34]},
        },  # the world's cycles and sessions
        "parameters": {
            **{
                binding: {"dictionary": "states", "probability": 0.5}
                for binding in (
                    "query.state",
                    "path.code",
                    "body.state_code",
                    "body.state_under_review",
                    "body.recommending_states[*]",
                    "body.troika[*]",
                )
            },
            "path.number": {"dictionary": "numbers", "probability": 0.5},
        },
    }
)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

cycle = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
tracking = schemathesis.openapi.from_asgi("/tracking/openapi.json", app, config=CONFIG)


EXPIRED = "expired-token"  # a caller whose token has run out: 401 on every operation, public or not
CALLERS = [*Role, EXPIRED]


class Harness(NamedTuple):
    connection: Connection
    headers: dict[str, dict[str, str]]


@pytest.fixture(scope="module")
def harness(engine: Engine, settings: Settings) -> Iterator[Harness]:
    """One world for the module, in an outer transaction rolled back at the end; the app's sessions
    join it in savepoints."""
    connection = engine.connect()
    outer = connection.begin()
    try:
        with joined_session(connection) as session:
            world = build_tracking_world(session, build_cycle_world(session, build_world(session)))
            session.commit()
        headers: dict[str, dict[str, str]] = {role: world.headers(role, settings) for role in Role}
        token, _ = create_access_token(world.user(Role.nhri).id, settings, now=utcnow() - timedelta(days=2))
        headers[EXPIRED] = bearer(token)
        with app_on_connection(connection, settings):
            yield Harness(connection, headers)
    finally:
        outer.rollback()
        connection.close()


@pytest.mark.parametrize("caller", CALLERS)
@schemathesis.pytest.parametrize(cycle=cycle, tracking=tracking)
@settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_operations_keep_their_contract(case: schemathesis.Case, caller: str, harness: Harness) -> None:
    with rolled_back_to_savepoint(harness.connection):  # every example starts from the same world
        case.call_and_validate(headers=harness.headers[caller], checks=CHECKS)
