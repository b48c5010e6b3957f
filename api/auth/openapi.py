"""The permission table, written into the OpenAPI documents, and who needs a token.

Each operation gets `x-permission` (the permission its gate requires, or `public`) and `x-roles`
(which roles hold it, and in which scope), read from the same gates and table the server enforces,
so the committed documents are a readable access matrix that cannot drift from the code.

Each operation's `security` follows from its gate too: a public read takes a token optionally
(`[{}, {scheme: []}]`: a token widens what you see, and a bad or expired one is still a 401); logging
in and the health probes take none (`[]`); everything else requires one. There is no top-level
`security`.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from api.auth.deps import IgnoresCredentials, Requires, gates_of, oauth2_scheme
from api.auth.permissions import ROLE_GRANTS, Permission

PUBLIC = "public"
SCHEME = oauth2_scheme.scheme_name  # "OAuth2PasswordBearer", FastAPI's name for the one scheme


def access_of(permission: Permission | None) -> dict[str, Any]:
    if permission is None:
        return {"x-permission": PUBLIC, "x-roles": {role.value: "any" for role in ROLE_GRANTS}}
    return {
        "x-permission": permission.value,
        "x-roles": {
            role.value: grants[permission].value for role, grants in ROLE_GRANTS.items() if permission in grants
        },
    }


def security_of(operation: dict[str, Any], *, reads_credentials: bool = True) -> list[dict[str, list[str]]]:
    """The operation's `security` from its gate (see the module's docstring)."""
    if not reads_credentials:  # api.auth.deps.IgnoresCredentials: logging in, the probes
        return []
    if operation.get("x-permission") == PUBLIC:
        return [{}, {SCHEME: []}]
    if "x-permission" not in operation and not operation.get("security"):
        return []  # no gate, no token read (a route the permission matrix does not cover)
    return [{SCHEME: []}]


def _annotate(operation: dict[str, Any], route: APIRoute, gates: list[Requires]) -> None:
    if len(gates) == 1:
        operation.update(access_of(gates[0].permission))
    tokenless = len(gates) == 1 and isinstance(gates[0], IgnoresCredentials)
    operation["security"] = security_of(operation, reads_credentials=not tokenless)
    responses = operation.get("responses", {})
    declared = {str(status) for status in route.responses}
    if not operation["security"] and "401" in responses and "401" not in declared:
        # Implied by the token dependency (api/http/problems.py), but a caller who sends no token
        # never meets it; a 401 the route itself declares (a wrong password) stays.
        del responses["401"]


def install_permission_openapi(app: FastAPI) -> None:
    """Wrap `app.openapi` (after `install_problem_openapi`) to annotate every operation."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        schema = generate()
        if fresh:
            for context in iter_route_contexts(app.routes):
                route = context.original_route
                if not isinstance(route, APIRoute):
                    continue
                gates = gates_of(route.dependant)
                operations = schema.get("paths", {}).get(context.path_format, {})  # without `:int` converters
                for method in route.methods or ():
                    if method.lower() in operations:
                        _annotate(operations[method.lower()], route, gates)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
