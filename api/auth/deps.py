"""Dependencies that type the caller and gate routes by permission.

Every route names its gate in its signature: `Public`, or `Annotated[Principal, Requires(P.x)]`
through an alias. The permission-matrix test walks the route table and finds the gate on each
route, so a route without one fails the suite.
"""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from api.auth import service
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.core.errors import Forbidden, Unauthorized
from api.db import SessionDep
from api.http.deps import SettingsDep

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token", auto_error=False)


def get_principal(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    credential: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    principal = service.principal_from_bearer(session, credential, settings)
    # The audit listener reads who is acting from the session of the same request.
    session.info["principal"] = principal
    session.info["request_id"] = request.scope.get("state", {}).get("request_id")
    request.state.principal = principal  # the access log's user and organisation ids (api/observability)
    return principal


class Requires:
    """Gate: the caller's role must hold `permission` (None: a public route)."""

    def __init__(self, permission: Permission | None):
        self.permission = permission

    # Async: the check is pure (the principal was read on the threadpool), so it costs no trip there.
    async def __call__(self, principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
        if self.permission is None:
            return principal
        if principal.is_anonymous:
            raise Unauthorized("This operation needs a logged-in user or a service token.")
        if not principal.can(self.permission):
            raise Forbidden(f"Your role ({principal.role.value}) lacks the permission '{self.permission.value}'.")
        return principal

    def __repr__(self) -> str:
        return f"Requires({self.permission})"


class IgnoresCredentials(Requires):
    """The gate of the few public routes that never read a caller's credentials: logging in (an old or
    stray bearer token must not stop someone from getting a new one) and the probes (a load balancer sends
    none, and a token must not make `/livez` look the database up). Documented with `security: []`."""

    def __init__(self) -> None:
        super().__init__(None)

    async def __call__(self) -> None:  # type: ignore[override]
        return None


def gates_of(dependant) -> list[Requires]:
    """The permission gates in a route's dependency tree (`route.dependant`)."""
    found, stack = [], list(dependant.dependencies)
    while stack:
        dependency = stack.pop()
        if isinstance(dependency.call, Requires):
            found.append(dependency.call)
        stack.extend(dependency.dependencies)
    return found


def requires(permission: Permission | None) -> object:
    return Depends(Requires(permission))


Public = Annotated[Principal, requires(None)]
NoCredentials = Annotated[None, Depends(IgnoresCredentials())]
CanReadAccount = Annotated[Principal, requires(Permission.account_read)]
CanChangePassword = Annotated[Principal, requires(Permission.password_change)]
CanManageServiceTokens = Annotated[Principal, requires(Permission.service_tokens_manage)]
CanWriteStates = Annotated[Principal, requires(Permission.states_write)]
CanWriteOrganisations = Annotated[Principal, requires(Permission.organisations_write)]
CanReadUsers = Annotated[Principal, requires(Permission.users_read)]
CanWriteUsers = Annotated[Principal, requires(Permission.users_write)]
CanReadAudit = Annotated[Principal, requires(Permission.audit_read)]
CanWriteCycle = Annotated[Principal, requires(Permission.cycle_write)]
CanWriteTaxonomy = Annotated[Principal, requires(Permission.taxonomy_write)]
CanWriteRecommendations = Annotated[Principal, requires(Permission.recommendations_write)]
CanWriteSubmissions = Annotated[Principal, requires(Permission.submissions_write)]
CanAnswerSubmissionInvitations = Annotated[Principal, requires(Permission.submission_invitations_answer)]
CanWritePositions = Annotated[Principal, requires(Permission.positions_write)]
CanRunImports = Annotated[Principal, requires(Permission.imports_run)]
CanWriteImplementation = Annotated[Principal, requires(Permission.implementation_write)]
CanPostMeasurements = Annotated[Principal, requires(Permission.measurements_post)]
CanPostProgressUpdates = Annotated[Principal, requires(Permission.progress_updates_post)]
CanPostAssessments = Annotated[Principal, requires(Permission.assessments_post)]
CanPostEvidence = Annotated[Principal, requires(Permission.evidence_post)]
CanReadAdvocacy = Annotated[Principal, requires(Permission.advocacy_read)]
CanWriteAdvocacy = Annotated[Principal, requires(Permission.advocacy_write)]
CanAnswerCoalitionInvitations = Annotated[Principal, requires(Permission.coalition_invitations_answer)]
CanReadReprisalIncidents = Annotated[Principal, requires(Permission.reprisal_incidents_read)]
CanWriteReprisalIncidents = Annotated[Principal, requires(Permission.reprisal_incidents_write)]
CanCountReprisalIncidents = Annotated[Principal, requires(Permission.reprisal_incidents_count)]
