"""The permission table, written into the OpenAPI documents.

Each operation gets `x-permission` (the permission its gate requires, or `public`) and `x-roles`
(which roles hold it, and in which scope), read from the same gates and table the server enforces,
so the committed documents are a readable access matrix that cannot drift from the code.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from api.auth.deps import gates_of
from api.auth.permissions import ROLE_GRANTS, Permission

PUBLIC = "public"


def access_of(permission: Permission | None) -> dict[str, Any]:
    if permission is None:
        return {"x-permission": PUBLIC, "x-roles": {role.value: "any" for role in ROLE_GRANTS}}
    return {
        "x-permission": permission.value,
        "x-roles": {
            role.value: grants[permission].value for role, grants in ROLE_GRANTS.items() if permission in grants
        },
    }


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
                operations = schema.get("paths", {}).get(context.path, {})
                for method in route.methods or ():
                    if len(gates) == 1 and method.lower() in operations:
                        operations[method.lower()].update(access_of(gates[0].permission))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
