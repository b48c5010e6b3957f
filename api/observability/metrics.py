"""Prometheus metrics: requests by route template, the database pool, jobs by state.

Across uvicorn's worker processes the figures are summed by prometheus_client's multiprocess mode:
`upr serve` sets `PROMETHEUS_MULTIPROC_DIR` to a fresh directory before the workers start (each writes
its samples to memory-mapped files there) and a scrape, answered by any worker, reads them all. The
pool's gauges are "livesum": the sum over live processes (a dead worker's files are dropped at the next
scrape, `mark_process_dead`); the counters and histograms keep what dead workers counted. Without the
variable (tests, a single process) the figures are this process's.

Each machine serves its own figures; Prometheus scrapes every machine (sum by route across instances).
Labels are bounded: the route is the template (`/reviews/{review_id}`), never the path.
"""

import hmac
import ipaddress
import os
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool
from starlette.requests import Request
from starlette.responses import Response

from api.core.errors import NotFound

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# procrastinate's job states (api/jobs): each is reported, 0 when no job is in it.
JOB_STATES = ("todo", "doing", "succeeded", "failed", "cancelled", "aborting", "aborted")
UNMATCHED = "<unmatched>"

# Metrics of this process; in multiprocess mode their values live in the directory's files instead.
_registry = CollectorRegistry(auto_describe=True)
REQUESTS = Counter(
    "upr_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
    registry=_registry,
)
DURATION = Histogram(
    "upr_http_request_duration_seconds",
    "Time from the request's arrival to the end of its response, by method and route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=_registry,
)
POOL_SIZE = Gauge(
    "upr_db_pool_size",
    "Connections the database pools keep (pool_size), summed over live processes.",
    registry=_registry,
    multiprocess_mode="livesum",
)
POOL_OPEN = Gauge(
    "upr_db_pool_connections",
    "Open database connections of the pools, summed over live processes.",
    registry=_registry,
    multiprocess_mode="livesum",
)
POOL_CHECKED_OUT = Gauge(
    "upr_db_pool_checked_out",
    "Database connections in use (checked out of the pools), summed over live processes.",
    registry=_registry,
    multiprocess_mode="livesum",
)
POOL_OVERFLOW = Gauge(
    "upr_db_pool_overflow",
    "Connections open beyond pool_size (max_overflow's share in use), summed over live processes.",
    registry=_registry,
    multiprocess_mode="livesum",
)


def multiprocess_dir() -> str | None:
    path = os.environ.get(MULTIPROC_ENV)
    return path if path and os.path.isdir(path) else None


# ---- the database pool: kept by pool events, so every process's figure is right at any scrape ----------


class _PoolTally:
    """This process's instrumented pools: sizes, open and checked-out connections."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.size = 0
        self.open = 0
        self.checked_out = 0

    def change(self, *, size: int = 0, opened: int = 0, checked_out: int = 0) -> None:
        with self.lock:
            self.size += size
            self.open += opened
            self.checked_out += checked_out
            POOL_SIZE.set(self.size)
            POOL_OPEN.set(self.open)
            POOL_CHECKED_OUT.set(self.checked_out)
            POOL_OVERFLOW.set(max(0, self.open - self.size))


_pools = _PoolTally()
_instrumented: set[int] = set()


def install_pool_metrics(engine: Engine) -> None:
    """Follow `engine`'s pool (once per engine) by its events: connections opened, closed, lent, taken
    back. The listeners stay with the pool that `engine.dispose()` makes in its place."""
    if id(engine) in _instrumented:
        return
    _instrumented.add(id(engine))
    _pools.change(size=engine.pool.size() if isinstance(engine.pool, QueuePool) else 0)
    event.listen(engine, "connect", lambda _dbapi, _record: _pools.change(opened=1))
    event.listen(engine, "close", lambda _dbapi, _record: _pools.change(opened=-1))
    event.listen(engine, "close_detached", lambda _dbapi: _pools.change(opened=-1))
    event.listen(engine, "checkout", lambda _dbapi, _record, _proxy: _pools.change(checked_out=1))
    event.listen(engine, "checkin", lambda _dbapi, _record: _pools.change(checked_out=-1))


# ---- requests ------------------------------------------------------------------------------------------


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method, route, str(status)).inc()
    DURATION.labels(method, route).observe(seconds)


# ---- the scrape ----------------------------------------------------------------------------------------


class JobsCollector(Collector):
    """Jobs by state, counted in the database at scrape time (the queue is shared by every machine)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        counts = dict.fromkeys(JOB_STATES, 0)
        up = 1
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(text("SELECT status, count(*) FROM procrastinate_jobs GROUP BY status"))
                counts.update({str(status): int(count) for status, count in rows})
        except SQLAlchemyError:
            up = 0
        jobs = GaugeMetricFamily("upr_jobs", "Jobs of the task engine, by state.", labels=["state"])
        for state, count in counts.items():
            jobs.add_metric([state], count)
        yield jobs
        yield GaugeMetricFamily("upr_database_up", "1 when the scrape could read the database.", value=up)


class _Local(Collector):
    def collect(self) -> Iterable:
        return _registry.collect()


_DEAD_GAUGE_FILE = re.compile(r"^gauge_live\w*?_(\d+)\.db$")


def _forget_dead_processes(path: str) -> None:
    """uvicorn restarts a worker without telling anyone: drop its live gauges at the next scrape."""
    for pid in {int(m.group(1)) for f in Path(path).iterdir() if (m := _DEAD_GAUGE_FILE.match(f.name))}:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            mark_process_dead(pid, path)
        except PermissionError:
            pass  # alive, someone else's


def render(engine: Engine) -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    path = multiprocess_dir()
    if path:
        _forget_dead_processes(path)
        MultiProcessCollector(registry, path)
    else:
        registry.register(_Local())
    registry.register(JobsCollector(engine))
    return generate_latest(registry)


def metrics_endpoint(request: Request) -> Response:
    """`GET /metrics` (a plain Starlette route: no OpenAPI operation; sync, so it runs in the threadpool)."""
    from api.db import engine_for
    from api.settings import get_settings

    settings = request.app.dependency_overrides.get(get_settings, get_settings)()
    if not may_scrape(request, settings.metrics_token.get_secret_value() if settings.metrics_token else None):
        raise NotFound("No such resource.")  # as any unknown path: /metrics is not advertised to others
    figures = render(engine_for(settings.database_url))
    return Response(figures, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})


def may_scrape(request: Request, token: str | None) -> bool:
    """Who may read the metrics: with METRICS_TOKEN set, a caller sending it as a bearer token; without,
    only a client on this machine (a local Prometheus or agent). The figures tell when and how often each
    route answered (a confidential post's creation among them), so they are not for the public; anyone
    else gets the 404 of a path that does not exist."""
    if token is not None:
        sent = request.headers.get("authorization", "")
        return hmac.compare_digest(sent.encode(), f"Bearer {token}".encode())
    try:
        return request.client is not None and ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:  # not an address (a test transport's name)
        return False
