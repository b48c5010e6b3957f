"""ASGI middleware: `HEAD` on every `GET`, and a 405's `Allow` listing every method of the path.

- FastAPI routes answer only the methods they declare, so `HEAD` was a 405 everywhere. Here a
  `HEAD` is routed as a `GET` (same status and headers, `Content-Length` included) and the body is
  dropped. The GET runs in full: a HEAD on an export builds the file it does not send (rare; the
  price of one code path for both methods).
- Starlette's 405 names the methods of the first route whose path matched, while one path is often
  served by several routes (`GET /x/{id}` and `PATCH /x/{id}` are two): `Allow` is rebuilt from
  every route of the app matching the path (into mounted apps too), with `HEAD` wherever `GET` is.
  Where templates overlap (`/milestones/overdue` and `/milestones/{milestone_id}`), the one with the
  fewest parameters is the path's.

Installed by the outermost app only (a mounted app's paths are resolved through its `Mount`).
"""

from collections.abc import Iterable, Iterator

from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute, Mount, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _route_path(scope: Scope) -> str:
    """The path routing sees: below `root_path` when the server sets one (behind a proxy)."""
    path: str = scope["path"]
    root = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root + "/") else path


def _matching(routes: Iterable[BaseRoute], path: str) -> Iterator[tuple[int, set[str]]]:
    """(how many path parameters the route's template has, its methods) for each route matching `path`."""
    for context in iter_route_contexts(list(routes)):
        route = context.original_route
        if isinstance(route, Mount):
            if match := route.path_regex.match(path):
                yield from _matching(route.routes, "/" + match.group("path"))
            continue
        methods = context.methods
        regex = getattr(context, "path_regex", None)
        if methods and regex is not None and regex.match(path):
            yield len(context.param_convertors), set(methods)


def allowed_methods(routes: Iterable[BaseRoute], path: str) -> set[str]:
    """The methods of the most specific templates matching `path`: `/milestones/overdue` is its own
    path, not a milestone whose id is "overdue" (that would be a 422, not a method to advertise)."""
    found = list(_matching(routes, path))
    fewest = min((params for params, _ in found), default=0)
    allowed = {method for params, methods in found if params == fewest for method in methods}
    if "GET" in allowed:
        allowed.add("HEAD")
    return allowed


def allow_header(methods: set[str]) -> bytes:
    ordered = [m for m in ORDER if m in methods] + sorted(methods - set(ORDER))
    return ", ".join(ordered).encode()


class MethodsMiddleware:
    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        path = _route_path(scope)

        # A copy: the server keeps its own scope's `HEAD` (it then sends no body, and expects none).
        inner = {**scope, "method": "GET"} if head else scope

        async def send_fixed(message: Message) -> None:
            if head and message["type"] == "http.response.start":
                # What routing noted (the route, path params, …) for middleware outside this one.
                scope.update({key: value for key, value in inner.items() if key != "method"})
            if message["type"] == "http.response.start" and message["status"] == 405:
                allow = allow_header(allowed_methods(self.router.routes, path))
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                message["headers"] = [*headers, (b"allow", allow)]
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(inner, receive, send_fixed)
