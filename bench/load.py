"""Concurrent GET load: wrk when installed (Debian's `wrk`), else an asyncio + httpx generator.

Both take a list of paths and request them round-robin (one path for most figures, a list of
cursors or queries for the others), through the same Lua script for every figure, so the
per-request overhead of the load generator is the same for the app and the baselines.
"""

import asyncio
import itertools
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

DURATION = 5.0
WARMUP = 1.0
CONNECTIONS = 16
TIMEOUT = 10.0

_LUA = r"""
local paths = {}
local i = 0
function init(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  f:close()
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""
_RESULT = re.compile(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", re.M)


@dataclass
class LoadResult:
    tool: str
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int  # connection errors, timeouts and non-2xx/3xx answers

    def as_dict(self) -> dict:
        return asdict(self)


def tool() -> str:
    return "wrk" if shutil.which("wrk") else "python-httpx"


def measure(
    base_url: str,
    paths: list[str],
    duration: float = DURATION,
    connections: int = CONNECTIONS,
    warmup: float = WARMUP,
    warmup_paths: list[str] | None = None,
) -> LoadResult:
    """Warm up one request at a time (caches, the server's first-request work; concurrent warm-up
    requests to a slow endpoint would still be running when the measurement starts), then measure.
    Cold figures warm up on `warmup_paths` (other URLs), so no measured URL was asked before."""
    if warmup:
        warm(base_url, warmup_paths or paths, warmup, most=len(warmup_paths) if warmup_paths else 200)
    return (_wrk if tool() == "wrk" else _python)(base_url, paths, duration, connections)


def warm(base_url: str, paths: list[str], seconds: float, most: int = 200) -> None:
    """Each path once, then round-robin until `seconds` have passed (or `most` requests)."""
    started = time.perf_counter()
    for n, path in enumerate(itertools.cycle(paths)):
        if n >= most or (n >= len(paths) and time.perf_counter() - started >= seconds):
            return
        try:
            with urllib.request.urlopen(base_url + path, timeout=TIMEOUT) as response:
                response.read()
        except OSError:
            pass  # the measurement will count it


def _wrk(base_url: str, paths: list[str], duration: float, connections: int) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="upr-bench-wrk-") as tmp:
        script, listing = Path(tmp) / "paths.lua", Path(tmp) / "paths.txt"
        script.write_text(_LUA)
        listing.write_text("\n".join(paths) + "\n")
        command = [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            f"--timeout={TIMEOUT:.0f}s",
            "-s",
            str(script),
            base_url + paths[0],
            "--",
            str(listing),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + TIMEOUT + 30)
    found = _RESULT.search(done.stdout)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout[-2000:]} {done.stderr[-2000:]}")
    requests, duration_us, p50, p99, top, io_errors, status_errors = map(int, found.groups())
    seconds = duration_us / 1e6
    return LoadResult(
        "wrk",
        requests,
        seconds,
        requests / seconds if seconds else 0.0,
        p50 / 1000,
        p99 / 1000,
        top / 1000,
        io_errors + status_errors,
    )


def _python(base_url: str, paths: list[str], duration: float, connections: int) -> LoadResult:
    return asyncio.run(_python_async(base_url, paths, duration, connections))


async def _python_async(base_url: str, paths: list[str], duration: float, connections: int) -> LoadResult:
    import httpx

    latencies: list[float] = []
    errors = 0
    turn = itertools.count()
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=TIMEOUT) as client:
        start = time.perf_counter()
        deadline = start + duration

        async def worker() -> None:
            nonlocal errors
            while (sent := time.perf_counter()) < deadline:
                try:
                    response = await client.get(paths[next(turn) % len(paths)])
                    failed = response.status_code >= 400
                except httpx.HTTPError:
                    failed = True
                latencies.append(time.perf_counter() - sent)
                errors += failed

        await asyncio.gather(*(worker() for _ in range(connections)))
        seconds = time.perf_counter() - start
    latencies.sort()
    return LoadResult(
        "python-httpx",
        len(latencies),
        seconds,
        len(latencies) / seconds,
        _percentile(latencies, 50) * 1000,
        _percentile(latencies, 99) * 1000,
        (latencies[-1] if latencies else 0.0) * 1000,
        errors,
    )


def _percentile(ordered: list[float], pct: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]
