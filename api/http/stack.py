"""The HTTP middleware of both apps, in one order (the first added is the innermost).

The cycle app and the tracking app served alone install all of it; the tracking app mounted in the
cycle app only what must see its own routes (the request id inside its own error handling, the
request context), since every response passes through the cycle app's stack too. Observability goes
around all of it, installed by each app after this (`api.observability.install_observability`).
"""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.http.body_limit import BodySizeLimitMiddleware
from api.http.conditional import ConditionalGetMiddleware
from api.http.content_type import VaryAcceptMiddleware
from api.http.methods import MethodsMiddleware
from api.http.pages import PageLinkMiddleware
from api.http.request_id import RequestIdMiddleware
from api.http.security_headers import EXPOSED_HEADERS, SecurityHeadersMiddleware
from api.request_context import RequestContextMiddleware
from api.settings import Settings


def install_middleware(app: FastAPI, settings: Settings, *, mounted: bool = False) -> None:
    if not mounted:
        app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_upload_bytes)
    # Inside the app's own ServerErrorMiddleware, so an unhandled error is a problem+json 500 (a mounted
    # app reuses the request id the outer one set); outside the body limit, so its 413 carries the id.
    app.add_middleware(RequestIdMiddleware)
    app.add_middleware(RequestContextMiddleware)  # api/db.py: no blocking call on the loop; SQLite writers
    if mounted:
        return
    app.add_middleware(VaryAcceptMiddleware)  # also what a mounted app answers
    app.add_middleware(PageLinkMiddleware)
    app.add_middleware(ConditionalGetMiddleware)  # ETag on every read; 304
    app.add_middleware(SecurityHeadersMiddleware)  # around our own 413s and 500s too
    app.add_middleware(MethodsMiddleware, router=app.router)  # HEAD as GET; Allow on 405 (mounted paths too)
    if settings.cors_origins:  # outermost of these, so 413 and 500 answers reach dashboards too
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=EXPOSED_HEADERS,
        )
