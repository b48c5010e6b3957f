"""Property-based contract tests: schemathesis drives both OpenAPI documents against the real app.

For every operation of `openapi/cycle.json` and `openapi/tracking.json`, as anonymous, as a CSO user
and as an admin, the examples, coverage and fuzzing phases generate requests (valid and invalid) and
every check schemathesis has runs on each answer: no 5xx; only documented statuses, content types,
headers and bodies; schema-invalid data refused and schema-valid data accepted; a 405 with the right
`Allow` for undeclared methods; missing required headers and ignored credentials caught. A stateful
test then follows the documents' links (and the `Location`s it sees) through create → read →
update → delete sequences as an admin.

Schema-valid data may still be refused for reasons no schema states: the caller lacks the
permission (401/403), an id does not exist (404), the row is taken (409), `If-Match` is stale or
missing (412/428). Those statuses are what `positive_data_acceptance` expects, per caller: an admin
is never a 401/403.

One world is built per module; every example runs in a savepoint rolled back afterwards, so all see
the same data. Derandomized (the same cases on every run); sized to fit CI (see `MAX_EXAMPLES`).
"""

from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any, NamedTuple

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.config._checks import (
    MISSING_REQUIRED_HEADER_EXPECTED_STATUSES,
    NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES,
)
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy.engine import Connection, Engine

from api.auth.permissions import Role
from api.main import app
from api.settings import Settings
from tests.contracts.schemathesis_checks import positive_data_acceptance_or_marked_rule
from tests.cycle_factories import build_cycle_world
from tests.factories import OTHER_STATE, OWN_STATE, build_world
from tests.helpers import app_on_connection, joined_session, rolled_back_to_savepoint
from tests.tracking_factories import build_tracking_world

MAX_EXAMPLES = 5  # per operation, phase and caller
STATEFUL_SCENARIOS, STATEFUL_STEPS = 20, 6  # per document, as an admin
CALLERS = [Role.anonymous, Role.cso, Role.admin]
# Legitimate answers to schema-valid data (see the module's docstring); an admin may do everything.
ACCEPTED = ["2xx", "3xx", "404", "409", "412", "428"]
FORBIDDEN = ["401", "403"]
# Refusals the stock lists lack. A PATCH without `If-Match` is a 428 (RFC 6585 §3), not a 400; and
# preconditions are evaluated before the content is processed (RFC 9110 §13.2.1), so a stale
# `If-Match` with an invalid body is a 412: refused either way.
MISSING_HEADER_REFUSED = [*MISSING_REQUIRED_HEADER_EXPECTED_STATUSES, "428"]
INVALID_DATA_REFUSED = [*NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES, "412"]
# The stock check, but a 422 blaming only fields the document marks `x-also-checked` is accepted.
CHECKS: dict[str, Any] = {
    "excluded_checks": [positive_data_acceptance],
    "additional_checks": [positive_data_acceptance_or_marked_rule],
}


def config(caller: Role) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True},
            "phases": {"coverage": {"enabled": True}, "stateful": {"enabled": True}},
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": ACCEPTED if caller is Role.admin else ACCEPTED + FORBIDDEN
                },
                "missing_required_header": {"expected-statuses": MISSING_HEADER_REFUSED},
                "negative_data_rejection": {"expected-statuses": INVALID_DATA_REFUSED},
            },
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


def documents(caller: Role) -> dict[str, Any]:
    return {
        f"{name}-{caller}": schemathesis.openapi.from_asgi(path, app, config=config(caller))
        for name, path in (("cycle", "/openapi.json"), ("tracking", "/tracking/openapi.json"))
    }


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
        with app_on_connection(connection, settings):
            yield Harness(connection, headers)
    finally:
        outer.rollback()
        connection.close()


def _run(case: schemathesis.Case, caller: Role, harness: Harness) -> None:
    with rolled_back_to_savepoint(harness.connection):  # every example starts from the same world
        case.call_and_validate(headers=harness.headers[caller], **CHECKS)  # every check there is


HYPOTHESIS = settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@schemathesis.pytest.parametrize(**documents(Role.anonymous))
@HYPOTHESIS
def test_anonymous_keeps_the_contract(case: schemathesis.Case, harness: Harness) -> None:
    _run(case, Role.anonymous, harness)


@schemathesis.pytest.parametrize(**documents(Role.cso))
@HYPOTHESIS
def test_cso_keeps_the_contract(case: schemathesis.Case, harness: Harness) -> None:
    _run(case, Role.cso, harness)


@schemathesis.pytest.parametrize(**documents(Role.admin))
@HYPOTHESIS
def test_admin_keeps_the_contract(case: schemathesis.Case, harness: Harness) -> None:
    _run(case, Role.admin, harness)


STATEFUL = settings(HYPOTHESIS, max_examples=STATEFUL_SCENARIOS, stateful_step_count=STATEFUL_STEPS, deadline=None)


@pytest.mark.parametrize("name", ["cycle", "tracking"])
def test_admin_workflows_keep_the_contract(name: str, harness: Harness) -> None:
    """Create → read → update → delete along the document's links (and the `Location`s answered), as an
    admin: each scenario starts from the same world (a savepoint), every check runs on every step, and
    the stateful checks too (a deleted row is gone; a created one can be read)."""
    schema = documents(Role.admin)[f"{name}-{Role.admin}"]
    headers = harness.headers[Role.admin]

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            self.savepoint = ExitStack()
            self.savepoint.enter_context(rolled_back_to_savepoint(harness.connection, "scenario"))

        def teardown(self) -> None:
            self.savepoint.close()

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": headers}

        def validate_response(self, response: schemathesis.Response, case: schemathesis.Case, **kwargs: Any) -> None:
            case.validate_response(response, transport_kwargs=kwargs or None, **CHECKS)

    Workflow.run(settings=STATEFUL)
