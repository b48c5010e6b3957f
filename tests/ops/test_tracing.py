"""OpenTelemetry: off by default (nothing of the SDK is even imported); on, a request is a server span named
by its route template — the mounted tracking app's included — with the SQL it ran as child spans."""

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from api.main import app, create_app
from api.observability import tracing
from api.settings import Settings
from tests.contracts.live_server import ROOT


def test_tracing_is_off_by_default_and_costs_no_import(settings: Settings) -> None:
    assert not settings.otel_enabled
    code = (
        "import sys, api.main\n"
        "loaded = [m for m in sys.modules if m.startswith(('opentelemetry.sdk', 'opentelemetry.instrumentation'))]\n"
        "names = [m.cls.__name__ for m in api.main.app.user_middleware]\n"
        "print(loaded, 'OpenTelemetryMiddleware' in names)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "t" * 20 + "0123456789abcdef", "DATABASE_URL": "sqlite://"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[] False"


@pytest.fixture
def exporter(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    memory = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    monkeypatch.setattr(tracing, "_default_provider", lambda _settings: provider)
    yield memory
    SQLAlchemyInstrumentor().uninstrument()  # the suite's engine is shared: leave it as it was


async def test_a_request_is_a_server_span_named_by_its_route(
    settings: Settings, exporter: InMemorySpanExporter, client: httpx.AsyncClient
) -> None:
    traced = create_app(settings.model_copy(update={"otel_enabled": True}))
    traced.dependency_overrides.update(app.dependency_overrides)  # the test's session (shared with tracking)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=traced), base_url="http://t") as c:
        assert (await c.get("/states/ZZZ")).status_code == 404
        history = await c.get("/tracking/actions/990001/history?limit=7", headers={"User-Agent": "agent-of-a-cso"})
        assert history.status_code == 404
        assert (await c.get("/livez")).status_code == 200  # a probe: not traced
    servers = [span for span in exporter.get_finished_spans() if span.kind is SpanKind.SERVER]
    assert [span.name for span in servers] == ["GET /states/{code}", "GET /tracking/actions/{action_id}/history"]
    assert servers[0].attributes is not None and servers[0].attributes["http.route"] == "/states/{code}"
    status = servers[0].attributes.get("http.response.status_code", servers[0].attributes.get("http.status_code"))
    assert status == 404
    queries = [span for span in exporter.get_finished_spans() if span.kind is SpanKind.CLIENT]
    assert any(span.name.startswith("SELECT") for span in queries)  # the SQL, as children of the requests
    server_spans = {span.context.span_id for span in servers if span.context is not None}
    assert all(span.parent is not None and span.parent.span_id in server_spans for span in queries)
    assert all("ZZZ" not in span.name for span in exporter.get_finished_spans())
    # What reaches a collector ties nothing to a row or a person: no id, query, address or user agent.
    for span in servers:
        values = " ".join(str(value) for value in (span.attributes or {}).values())
        assert not any(leak in values for leak in ("990001", "limit=7", "agent-of-a-cso", "127.0.0.1", "?"))
