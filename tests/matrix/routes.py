"""The route walk: every route of both apps with its full path, and the permission gates it declares."""

from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount

from api.auth.deps import Requires
from api.auth.deps import gates_of as deps_gates_of
from api.main import app


def iter_routes(application: FastAPI, prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Every API route with its full path, through included routers and mounted FastAPI apps."""
    for context in iter_route_contexts(application.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            yield prefix + route.path_format, route  # as documented: `{id}`, not the router's `{id:int}`
        elif isinstance(route, Mount) and isinstance(route.app, FastAPI):
            yield from iter_routes(route.app, prefix + route.path)


def gates_of(route: APIRoute) -> list[Requires]:
    return deps_gates_of(route.dependant)


ROUTES: list[tuple[str, str, APIRoute]] = sorted(
    ((method, path, route) for path, route in iter_routes(app) for method in route.methods or ()),
    key=lambda r: (r[1], r[0]),
)
