"""The request's record: one access-log line and the request metrics, from one ASGI middleware.

Installed outermost in the cycle app (`install_observability`), so it times and counts everything,
the tracking app's requests and the body limit's 413s included; the tracking app served alone
installs its own. What it logs: method, route template, status, duration, the request id and the
caller's user and organisation ids (set on the request's state by `api.auth.deps.get_principal`) —
never a header, a query string or a body.
"""

import logging
import time
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.observability import metrics
from api.observability.logs import configure_logging, current_request_state
from api.observability.tracing import install_tracing, tracing_enabled
from api.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

access_log = logging.getLogger("upr.access")


def route_template(scope: Scope) -> str:
    """The matched route's path template with its mount's prefix (`/tracking/plans/{plan_id}`); under a
    mount of files (the docs' assets), the mount's `/{path}`; nothing matched: `<unmatched>`. Never the
    raw path: a label per URL would grow without end."""
    prefix = ""
    if "app_root_path" in scope:  # inside a Mount: root_path grew by the mount's path
        prefix = scope.get("root_path", "")[len(scope["app_root_path"]) :]
    route = scope.get("route")  # FastAPI's routes say which matched; the template without `:int` converters
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    endpoint = scope.get("endpoint")
    if path is None and endpoint is not None:
        router = getattr(scope.get("app"), "router", None)  # the innermost app's (the mounted one's)
        if hasattr(endpoint, "routes"):  # a mounted app whose routes all missed
            return metrics.UNMATCHED
        # A plain Starlette route (the docs, /metrics) only leaves its endpoint behind.
        path = next((r.path for r in getattr(router, "routes", ()) if getattr(r, "endpoint", None) is endpoint), None)
        if path is None and prefix:
            return f"{prefix}/{{path}}"
    return prefix + path if isinstance(path, str) else metrics.UNMATCHED


def _caller(state: dict[str, Any]) -> dict[str, int]:
    principal = state.get("principal")
    ids = {
        "user_id": getattr(principal, "user_id", None),
        "organisation_id": getattr(principal, "organisation_id", None),
    }
    return {k: v for k, v in ids.items() if v is not None}


# What a server span may carry to a collector, which may be a third party's: the method, the route
# template and the status. The instrumentation also records the full URL (ids of confidential rows,
# query strings: a refused login's password), the client's address and its user agent, which would tie
# a CSO's post to a person: those values are overwritten.
SPAN_ATTRIBUTES_KEPT = frozenset(
    {
        "http.method",
        "http.request.method",
        "http.route",
        "http.status_code",
        "http.response.status_code",
        "http.scheme",
        "url.scheme",
        "http.flavor",
        "network.protocol.version",
    }
)
REDACTED = "[redacted]"


def _scrub_server_span(method: str, route: str) -> None:
    """The tracer names a span by the outer app's routes (`GET /tracking` for every tracking request):
    rename it by the template that matched (the mounted app's included), and overwrite every attribute
    that is not in `SPAN_ATTRIBUTES_KEPT` (URLs become the template)."""
    from opentelemetry import trace

    span = trace.get_current_span()
    if not span.is_recording():
        return
    span.update_name(f"{method} {route}")
    span.set_attribute("http.route", route)
    for key in list(getattr(span, "attributes", None) or {}):
        if key not in SPAN_ATTRIBUTES_KEPT:
            span.set_attribute(key, route if key in ("http.target", "url.path", "http.url", "url.full") else REDACTED)


class ObservabilityMiddleware:
    def __init__(self, app: ASGIApp, *, access_log: bool = True, metrics: bool = True, tracing: bool = False) -> None:
        self.app = app
        self.access_log = access_log
        self.metrics = metrics
        self.tracing = tracing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("upr_observed"):  # a mounted app's copy: the outer one records
            await self.app(scope, receive, send)
            return
        scope["upr_observed"] = True
        state = scope.setdefault("state", {})
        token = current_request_state.set(state)
        started = time.perf_counter()
        status = 500  # unless a response starts

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if self.tracing:  # before the response ends, which ends the server span
                    _scrub_server_span(scope.get("method", ""), route_template(scope))
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            seconds = time.perf_counter() - started
            route, method = route_template(scope), scope.get("method", "")
            if self.metrics:
                metrics.observe_request(method, route, status, seconds)
            if self.access_log:
                access_log.info(
                    "%s %s %s",
                    method,
                    route,
                    status,
                    extra={
                        "method": method,
                        "route": route,
                        "status": status,
                        "duration_ms": round(seconds * 1000, 2),
                        "request_id": state.get("request_id"),
                        **_caller(state),
                    },
                )
            current_request_state.reset(token)


def install_observability(app: FastAPI, settings: Settings, *, tracer_provider: "TracerProvider | None" = None) -> None:
    """Logging, the access log and request metrics (the outermost of the app's own middleware: call it
    after every other `add_middleware`), `/metrics`, and tracing when it is on (`tracer_provider`: tests')."""
    from api.db import engine_for

    configure_logging(settings)
    tracing = tracer_provider is not None or tracing_enabled(settings)
    if settings.metrics_enabled:
        metrics.install_pool_metrics(engine_for(settings.database_url))
        app.add_route("/metrics", metrics.metrics_endpoint, include_in_schema=False)
    if settings.access_log or settings.metrics_enabled or tracing:
        app.add_middleware(
            ObservabilityMiddleware, access_log=settings.access_log, metrics=settings.metrics_enabled, tracing=tracing
        )
    if tracing:
        install_tracing(app, settings, tracer_provider)
