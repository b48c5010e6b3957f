"""OpenTelemetry tracing, off by default.

On when `OTEL_ENABLED=true` or `OTEL_EXPORTER_OTLP_ENDPOINT` is set: a server span per request (named by
the route template, carrying only the method, template and status: api/observability/middleware.py) and
a span per SQL statement of the app's engine, exported over OTLP/HTTP in batches; the exporter reads
the standard `OTEL_EXPORTER_OTLP_*` variables. Off, nothing of OpenTelemetry is imported, so a process
that does not trace pays nothing for it.
"""

import os
from typing import TYPE_CHECKING

from fastapi import FastAPI

from api.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider


def tracing_enabled(settings: Settings) -> bool:
    return settings.otel_enabled or bool(os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"))


def _default_provider(settings: Settings) -> "TracerProvider":
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: settings.otel_service_name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def install_tracing(app: FastAPI, settings: Settings, provider: "TracerProvider | None" = None) -> bool:
    """Instrument `app` (and the engine of `settings.database_url`) when tracing is on; True if it did.
    `provider`: tests pass one with an in-memory exporter (which also turns tracing on)."""
    if provider is None and not tracing_enabled(settings):
        return False
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    from api.db import engine_for

    provider = provider or _default_provider(settings)
    # Spans for /metrics and the probes would drown the interesting ones.
    quiet = "/metrics$,/livez$,/readyz$,/healthz$"
    # No spans for each ASGI message (`http send`/`http receive`): they repeat the request's attributes.
    FastAPIInstrumentor.instrument_app(
        app, tracer_provider=provider, excluded_urls=quiet, exclude_spans=["receive", "send"]
    )
    # Its declared range stops below SQLAlchemy 2.1, whose engine events it uses are unchanged.
    SQLAlchemyInstrumentor().instrument(
        engine=engine_for(settings.database_url), tracer_provider=provider, skip_dep_check=True
    )
    return True
