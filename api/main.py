"""The cycle API application, with the implementation-tracking app mounted at `/tracking`."""

import gc

from fastapi import FastAPI
from sqlmodel import Session

from api.accounts.router import organisations, users
from api.advocacy.router import routers as advocacy_routers
from api.audit.router import router as audit_router
from api.auth.openapi import install_permission_openapi
from api.auth.router import router as auth_router
from api.cycle.router import routers as cycle_routers
from api.health import router as health_router
from api.http.content_type import SupportedContentType
from api.http.docs_ui import install_docs
from api.http.etags import install_header_openapi
from api.http.openapi import install_document_openapi
from api.http.problems import install_error_handlers, install_problem_openapi
from api.http.query_params import RejectUnknownQuery
from api.http.stack import install_middleware
from api.idempotency.deps import install_replay_handler
from api.imports.router import routers as import_routers
from api.observability.middleware import install_observability
from api.recommendations.analyse_router import routers as analyse_routers
from api.recommendations.analyse_service import Classifier, use_model_source
from api.recommendations.export import HEADER as RECOMMENDATION_CSV_COLUMNS
from api.recommendations.insights_router import routers as insight_routers
from api.recommendations.router import routers as recommendation_routers
from api.settings import Settings, get_settings
from api.taxonomy.router import routers as taxonomy_routers
from api.tracking.app import MOUNT_PATH, create_tracking_app

DESCRIPTION = """
UPR Tracker: the UN Universal Periodic Review cycle — states, reviews, recommendations and
positions — as a JSON API. Errors are RFC 9457 `application/problem+json`; every list is paged
with `limit` and `offset` or `cursor` and answers `{"items", "total", "next_cursor"}`.
"""


def _current_model(session: Session) -> Classifier | None:
    """The stored classifier, imported on first use: scikit-learn and the model cost a web worker ~100 MB
    that a worker never answering `/recommendations/analyse` need not carry."""
    from api.classify.store import current_model

    return current_model(session)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="UPR Tracker — cycle API",
        version="0.1.0",
        description=DESCRIPTION,
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
    install_document_openapi(app, csv_columns={"recommendations.list": RECOMMENDATION_CSV_COLUMNS})
    use_model_source(_current_model)  # the analysis's classifier: recommendations never import api.classify
    install_middleware(app, settings)
    install_observability(app, settings)  # outermost: logs and metrics of every answer; /metrics; tracing
    for router in (
        health_router,
        auth_router,
        organisations,
        users,
        audit_router,
        *cycle_routers,
        *taxonomy_routers,
        *analyse_routers,  # /recommendations/analyse: `{recommendation_id:int}` never takes it for an id
        *recommendation_routers,
        *insight_routers,
        *import_routers,
        *advocacy_routers,
    ):
        app.include_router(router)
    tracking = create_tracking_app(settings, mounted=True)
    # One overrides mapping for both apps: what tests (or an embedding) override applies to both.
    tracking.dependency_overrides = app.dependency_overrides
    app.mount(MOUNT_PATH, tracking)
    app.state.tracking = tracking
    return app


app = create_app()
# The app's ~130k long-lived objects (models, schemas, routes) would otherwise be swept by every full
# garbage collection (~36 ms each, the p99 of fast requests): move them out of the collector's way.
gc.collect()
gc.freeze()
