"""The implementation-tracking API: its own FastAPI application and OpenAPI document.

Mounted at `/tracking` by the cycle API (`api.main`), or served alone:
`uvicorn api.tracking.app:app`. It shares the database, the accounts and the permission table;
tokens come from the cycle API's `/auth/token` (or are service tokens).
"""

from fastapi import FastAPI

from api.auth.openapi import install_permission_openapi
from api.health import router as health_router
from api.http.content_type import SupportedContentType
from api.http.docs_ui import install_docs
from api.http.etags import install_header_openapi
from api.http.openapi import install_document_openapi
from api.http.problems import install_error_handlers, install_problem_openapi
from api.http.query_params import RejectUnknownQuery
from api.http.stack import install_middleware
from api.idempotency.deps import install_replay_handler
from api.observability.middleware import install_observability
from api.settings import Settings, get_settings
from api.tracking.overview.export import CSV_HEADER as MATRIX_CSV_COLUMNS
from api.tracking.overview.router import routers as overview_routers
from api.tracking.plans.router import routers as plan_routers
from api.tracking.posts.router import routers as post_routers

MOUNT_PATH = "/tracking"

DESCRIPTION = """
UPR Tracker's implementation tracking: the actions a state takes on its recommendations, their
indicators, measurements and milestones, and what governments, NHRIs and CSOs post about progress —
updates, traffic-light assessments and evidence, side by side, never merged.

Updates, assessments and evidence carry a `visibility`: `public`, `shared` (registered users of
that state) or `confidential` (the posting organisation, the state's NHRIs and admins). What you
may not see is absent from every list, count, matrix, report and export, and a 404 by id.
Errors are RFC 9457 `application/problem+json`; lists are paged like the cycle API's.
"""


def create_tracking_app(settings: Settings | None = None, *, mounted: bool = False) -> FastAPI:
    """`mounted`: the cycle API wraps it in its own middleware (api/http/stack.py) and serves it under
    `/tracking`; alone, it installs all of it itself."""
    settings = settings or get_settings()
    app = FastAPI(
        title="UPR Tracker — implementation-tracking API",
        version="0.1.0",
        description=DESCRIPTION,
        servers=[{"url": MOUNT_PATH, "description": "mounted in the cycle API"}] if mounted else None,
        # every route: an unknown query parameter is a 422, a body of a type the route does not take a 415
        dependencies=[RejectUnknownQuery, SupportedContentType],
        docs_url=None,  # served from package files by install_docs, not from a CDN
        redoc_url=None,
    )
    install_docs(app)
    install_error_handlers(app)
    install_replay_handler(app)
    install_header_openapi(app)  # before the problems: they document 428 where If-Match is required
    install_problem_openapi(app)
    install_permission_openapi(app)
    matrix_columns = [*MATRIX_CSV_COLUMNS, "assessment: <organisation> (one column per organisation)"]
    install_document_openapi(app, csv_columns={"overview.matrix": matrix_columns})
    install_middleware(app, settings, mounted=mounted)
    if not mounted:  # mounted, the cycle app's records its requests
        install_observability(app, settings)
    for router in (health_router, *plan_routers, *post_routers, *overview_routers):
        app.include_router(router)
    return app


app = create_tracking_app()
