"""`make bench` (`python -m bench`): build the data, serve the app and the baselines, load them, print
one table and write it to bench/results/<timestamp>.{json,md}.

Everything runs on this machine in this one run, so the ratios compare like with like; the absolute
numbers mean little elsewhere. Servers and the load generator share the machine's cores: one uvicorn
worker (then four, for the list pages) and one wrk thread, each on 127.0.0.1, one server loaded at a
time. SQLite by default; `--db postgresql` starts a throw-away cluster (bench/postgres.py), or
BENCH_DATABASE_URL names an empty database to use.
"""

import argparse
import contextlib
import csv
import http.client
import json
import math
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import cold, dataset, load, postgres, tagging, tracking
from bench.report import Figure, text_table, write
from bench.servers import ROOT, Server, get, process_only

LATENCY_GOAL_MS = 20.0
EXPORT_GOAL_S = 5.0  # for ~100k rows: a rate, so the limit scales with the rows actually exported
EXPORT_GOAL_ROWS = 100_000
EXPORT_FLAT_MB = 50.0  # our reading of "memory that stays flat": the export adds less than this at its peak
DEEP_OFFSET = 20_000
CURSOR_PAGES = 20
SEARCHES = ("torture", "discrimination women")
WORKERS = 4  # the second list-page run: uvicorn --workers 4
WORKERS_GOAL = 3.0  # 4 workers ≥ 3× one worker on list pages, judged on PostgreSQL
COLD_GOAL = 0.25  # cold (distinct) pages ≥ 0.25× baseline_dict
MATRIX_GOAL_MS = 50.0
CURSOR_PROBES = 300  # distinct cursors spread over the list, for the cold pages

_T0 = time.perf_counter()


def say(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:6.1f} s] {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=load.DURATION, help="seconds of load per figure")
    parser.add_argument("--connections", type=int, default=load.CONNECTIONS, help="concurrent connections")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=dataset.default_data_dir(),
        help="the shared data folder (default ../shared/data, or BENCH_DATA_DIR)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and server logs")
    parser.add_argument(
        "--db",
        choices=("sqlite", "postgresql"),
        default=os.environ.get("BENCH_DB") or "sqlite",
        help="sqlite (a fresh file) or postgresql (a throw-away cluster; BENCH_DATABASE_URL names a database instead)",
    )
    parser.add_argument("--workers", type=int, default=WORKERS, help="workers of the second list-page run (0: skip it)")
    args = parser.parse_args(argv)

    started = datetime.now()
    stamp = started.strftime("%Y%m%d-%H%M%S")
    tmp = Path(tempfile.mkdtemp(prefix="upr-bench-"))
    given = os.environ.get("BENCH_DATABASE_URL")
    if given:
        args.db = "postgresql" if given.startswith("postgresql") else "sqlite"
    stack = contextlib.ExitStack()
    cluster = None
    if args.db == "postgresql" and not given:
        cluster = stack.enter_context(postgres.Cluster(say))
    database_url = given or (cluster.url if cluster else f"sqlite:///{tmp / 'bench.db'}")
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ENV": "development",
        "UPLOAD_DIR": str(tmp / "uploads"),
        "CORS_ORIGINS": "[]",
    }
    os.environ.update(env)  # before anything imports api.settings
    # Training the classifier (`retag`, as `upr classify tag` does) keeps its PostgreSQL transaction open
    # while it trains, which takes over the default 2 minutes on a busy machine: a longer limit for this
    # process only; the servers keep the default.
    process_only("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", str(30 * 60 * 1000))
    figures: list[Figure] = []
    meta: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        **_machine(),
        "load": load.tool(),
        "load_settings": f"{args.duration:g} s per figure after a 1 s warm-up, {args.connections} connections",
        "database": (
            f"BENCH_DATABASE_URL ({args.db})"
            if given
            else f"{cluster.version()}, a throw-away cluster on 127.0.0.1"
            if cluster
            else "SQLite (fresh, in a temporary directory)"
        ),
        "cores": os.cpu_count(),
        "load_average_start": _loadavg(),
    }
    failed = False
    if meta["load"] != "wrk":
        say(
            "note: wrk is not installed (apt-get install wrk); the Python load generator saturates at a few "
            "hundred requests/s, so it understates the baselines"
        )
    if float(meta["load_average_start"].split()[0] if meta["load_average_start"] != "?" else 0) > 0.5:
        say(f"note: the machine is busy (load average {meta['load_average_start']}): figures will be slower")
    try:
        say(f"database: {env['DATABASE_URL']}")
        dataset.migrate(env["DATABASE_URL"])
        dataset.require_empty(env["DATABASE_URL"])
        say("migrated; seeding reference data")
        dataset.seed(env["DATABASE_URL"])
        if not args.data_dir.is_dir():
            say(f"no data folder at {args.data_dir}: the import figures are skipped, the rest runs on the demo data")
        imported = dataset.import_files(env["DATABASE_URL"], args.data_dir, say)
        figures += _import_figures(imported)
        meta["data"] = ", ".join(f"{i.path.name}" + (" (skipped)" if i.skipped else "") for i in imported)
        figures += tagging.tag_figures(env["DATABASE_URL"], say)
        targets = dataset.targets(env["DATABASE_URL"])
        meta["recommendations"] = targets.recommendations
        meta["big_review"] = f"{targets.big_review} ({targets.big_review_label}, {targets.big_review_size} recs)"
        meta["common_theme"] = f"{targets.common_theme} ({targets.common_theme_label}, {targets.common_theme_size})"
        say(
            f"{targets.recommendations:,} recommendations; big review {meta['big_review']}; "
            f"common theme {meta['common_theme']}"
        )
        catalogue = cold.catalogue(env["DATABASE_URL"])
        say(f"cold pages: {len(catalogue.combos):,} filter sets, {len(catalogue.themes)} themes")
        built = _tracking_data(env["DATABASE_URL"], figures)
        if built:
            meta["tracking"] = f"{built.state} cycle {built.cycle} ({built.recommendations} recs): " + ", ".join(
                f"{v:,} {k}" for k, v in built.counts.items()
            )
        _http_figures(env, tmp, targets, catalogue, built, args, figures)
    except BaseException as exc:
        failed = True
        say(f"stopped by {type(exc).__name__}: {exc}")
        if not isinstance(exc, Exception):
            raise
    finally:
        meta["seconds"] = round(time.perf_counter() - _T0, 1)
        meta["load_average_end"] = _loadavg()
        if figures:
            print()
            print(text_table(figures))
            as_json, as_md = write(figures, meta, stamp)
            print(f"\nwritten: {as_json.relative_to(ROOT)}, {as_md.relative_to(ROOT)}")
        if args.keep:
            say(f"kept {tmp}" + (" (the PostgreSQL cluster is stopped and deleted all the same)" if cluster else ""))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
        stack.close()  # the PostgreSQL cluster, if this run started one
    return 1 if failed else 0


def _machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except OSError:
        commit = "?"
    return {"machine": f"{os.cpu_count()} × {cpu}", "python": platform.python_version(), "commit": commit or "?"}


def _loadavg() -> str:
    """Other work on the machine slows every figure: a run on a busy machine says so."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _import_figures(imported: list[dataset.Imported]) -> list[Figure]:
    out = []
    for item in imported:
        goal = item.name == "import_upr_info"
        figure = Figure(
            item.name,
            item.seconds,
            "s",
            goal=f"≤ {dataset.IMPORT_GOAL_S:g} s" if goal else "",
            limit=dataset.IMPORT_GOAL_S if goal else None,
            skipped=item.skipped,
            data=item.counts,
        )
        if item.counts:
            c = item.counts
            figure.detail = (
                f"{c['rows']:,} rows: {c['inserted']:,} new, {c['merged']:,} merged, "
                f"{c['updated'] + c['unchanged']:,} updated/unchanged, {c['rejected']:,} rejected"
            )
            if c["rows"] and item.seconds:
                figure.detail += f"; {c['rows'] / item.seconds:,.0f} rows/s, {item.cpu_seconds:.1f} s CPU"
        out.append(figure)
    return out


# -- HTTP ----------------------------------------------------------------------------------------------


def _tracking_data(database_url: str, figures: list[Figure]) -> tracking.TrackingData | None:
    """Hundreds of actions, thousands of measurements and assessments for the state and cycle with the
    most recommendations, through the tracking services; timed (shown, not judged)."""
    from sqlmodel import Session

    from api.db import engine_for

    with Session(engine_for(database_url)) as session:
        try:
            state, cycle = tracking.busiest_review(session)
        except LookupError as error:
            figures.append(Figure("tracking_data", None, "s", skipped=str(error)))
            return None
        say(f"  building tracking data for {state}, cycle {cycle}, through the tracking services …")
        started = time.perf_counter()
        built = tracking.build(session, state, cycle)
        session.commit()
        seconds = time.perf_counter() - started
    say(f"  tracking_data: {seconds:.1f} s, " + ", ".join(f"{v:,} {k}" for k, v in built.counts.items()))
    figures.append(
        Figure(
            "tracking_data",
            seconds,
            "s",
            detail=f"{built.state} cycle {built.cycle}, {built.recommendations} recs: "
            + ", ".join(f"{v:,} {k}" for k, v in built.counts.items() if k != "action_recommendations"),
            data={"state": built.state, "cycle": built.cycle, **built.counts},
        )
    )
    return built


def _http_figures(
    env: dict[str, str],
    tmp: Path,
    targets: dataset.Targets,
    catalogue: cold.Catalogue,
    built: tracking.TrackingData | None,
    args,
    figures: list[Figure],
) -> None:
    """Appends as it goes, so an error midway still leaves the figures measured before it."""

    def measure(
        server: Server,
        name: str,
        paths: list[str],
        connections: int | None = None,
        warmup_paths: list[str] | None = None,
    ) -> load.LoadResult | str:
        """The load figure, or why there is none (the endpoint does not answer 200)."""
        connections = connections or args.connections
        if warmup_paths is None:  # a cold figure checks on its warm-up URLs, never on a measured one
            status, body = get(server.url + paths[0])
            if status != 200:
                say(f"  {name}: {paths[0]} answered {status}: {body[:300]!r}")
                return f"HTTP {status}"
        else:
            probe, warmup_paths = warmup_paths[0], warmup_paths[1:]
            status, body = get(server.url + probe)
            if status != 200:
                say(f"  {name}: {probe} answered {status}: {body[:300]!r}")
                return f"HTTP {status}"
        say(f"  {name}, {connections} conn.: {paths[0]}" + (f" (+{len(paths) - 1} more)" if len(paths) > 1 else ""))
        result = load.measure(server.url, paths, args.duration, connections, warmup_paths=warmup_paths)
        waited = server.wait_idle()
        say(
            f"    {result.rps:,.0f} req/s, p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms"
            + (f", {result.errors} errors" if result.errors else "")
            + (f"; the server was busy {waited:.1f} s more with abandoned requests" if waited > 1 else "")
        )
        return result

    def cold_measure(server: Server, name: str, stream: cold.Distinct, expected_rps: float, connections: int):
        """Enough fresh URLs for `expected_rps` twice over; the figure says so if they ran out."""
        need = int(max(expected_rps, 50) * 2 * args.duration) + connections
        warm_up = stream.take(20)
        paths = stream.take(need)
        if not paths or not warm_up:
            return "no cold URLs left", 0
        return measure(server, name, paths, connections, warmup_paths=warm_up), len(paths)

    say("starting the app")
    with Server("app", "api.main:app", env, tmp, ready_path="/healthz") as app:
        status, first_page = get(app.url + "/recommendations")
        if status != 200:
            raise RuntimeError(f"GET /recommendations answered {status}: {first_page[:500]!r}")
        page_file = tmp / "first_page.json"
        page_file.write_bytes(first_page)
        say(f"first page: {len(first_page):,} bytes; it is also the baselines' body")
        cursors = _probe_cursors(app.url, catalogue.total)
        pages = cold.list_pages(catalogue, cursors)
        say(f"  {len(cursors)} distinct cursors probed for the cold pages")

        baseline: dict[str, load.LoadResult | str] = {}
        for name, target in (
            ("baseline_bytes", "bench.baselines:bytes_app"),
            ("baseline_dict", "bench.baselines:dict_app"),
        ):
            with Server(name, target, {**env, "BENCH_PAGE_FILE": str(page_file)}, tmp) as server:
                baseline[name] = measure(server, name, ["/"])
        limit = baseline["baseline_dict"]
        limit_rps = limit.rps if isinstance(limit, load.LoadResult) else None
        for name, result in baseline.items():
            figures.append(_throughput(name, result, None, "the limit" if name == "baseline_dict" else ""))

        deep = min(DEEP_OFFSET, max(0, targets.recommendations - 100))
        lists = [
            ("list_first_page", ["/recommendations"]),
            (
                f"list_{targets.filter_state.lower()}_noted",
                [f"/recommendations?state_under_review={targets.filter_state}&position=noted"],
            ),
        ]
        if targets.common_theme:
            lists.append(("list_theme_cycle2", [f"/recommendations?theme={targets.common_theme}&cycle=2"]))
        lists += [
            (f"list_offset_{deep}", [f"/recommendations?offset={deep}"]),
            ("list_cursor_deep", _cursor_paths(app.url, deep)),
        ]
        one_worker: dict[str, load.LoadResult | str] = {}
        for name, paths in lists:
            one_worker[name] = measure(app, name, paths)
            figures.append(_throughput(name, one_worker[name], limit_rps))
        warm_best = max((r.rps for r in one_worker.values() if isinstance(r, load.LoadResult)), default=0.0)
        result, offered = cold_measure(app, "list_cold", pages, warm_best, args.connections)
        figures.append(
            _cold("list_cold", result, offered, limit_rps, "distinct filter sets, offsets and cursors, none repeated")
        )

        timed = [(f"search_{'_'.join(q.split())}", [f"/recommendations?{urlencode({'q': q})}"]) for q in SEARCHES]
        if targets.big_review:
            timed.append(("review_summary", [f"/reviews/{targets.big_review}/summary"]))
        if targets.common_theme:
            timed.append(("champions", [f"/champions?theme={targets.common_theme}"]))
        champions_rps = 0.0
        for name, paths in timed:  # the goal is a latency: judged one request at a time, shown under load too
            alone = measure(app, name, paths, connections=1)
            loaded = measure(app, name, paths) if isinstance(alone, load.LoadResult) else alone
            figures.append(_latency(name, alone, loaded, args.connections))
            if name == "champions":
                champions_rps = max(r.rps for r in (alone, loaded) if isinstance(r, load.LoadResult))
        if catalogue.themes:  # cold: distinct themes round-robin (then narrower questions), none repeated
            champions_stream = cold.champions(catalogue)
            alone, offered = cold_measure(app, "champions_cold", champions_stream, champions_rps, 1)
            loaded, _ = (
                cold_measure(app, "champions_cold", champions_stream, champions_rps, args.connections)
                if isinstance(alone, load.LoadResult)
                else (alone, 0)
            )
            figure = _latency("champions_cold", alone, loaded, args.connections)
            if isinstance(alone, load.LoadResult) and alone.requests > offered:
                figure.failed = f"{alone.requests:,} requests over {offered:,} URLs: some repeated"
            figures.append(figure)

        if built:
            figures += _tracking_figures(app, built, measure)

        figures += _export(app)

    if args.workers and args.workers > 1:
        _worker_figures(env, tmp, lists, one_worker, pages, args, figures, measure, cold_measure, limit_rps)


def _tracking_figures(app: Server, built: tracking.TrackingData, measure) -> list[Figure]:
    """The matrix (judged: p99 ≤ 50 ms, one connection), the dashboard and the mid-term report of the
    state with the tracking data, as the public sees them (anonymous: they are public reads)."""
    state, cycle = built.state, built.cycle
    out = []
    for name, path, goal, loaded_too in (
        ("tracking_matrix", f"/tracking/matrix?state={state}&cycle={cycle}", MATRIX_GOAL_MS, True),
        ("tracking_dashboard", f"/tracking/dashboard?state={state}", None, False),
        ("tracking_mid_term", f"/tracking/reports/mid-term?state={state}&cycle={cycle}", None, False),
    ):
        alone = measure(app, name, [path], connections=1)
        loaded = measure(app, name, [path]) if loaded_too and isinstance(alone, load.LoadResult) else alone
        figure = _latency(name, alone, loaded if loaded_too else None, load.CONNECTIONS, goal_ms=goal)
        out.append(figure)
    return out


def _worker_figures(env, tmp, lists, one_worker, pages, args, figures, measure, cold_measure, limit_rps) -> None:
    """The list pages again against `--workers` uvicorn workers, and their ratio to one worker: the
    goal (≥ 3×) is judged on PostgreSQL; SQLite's is shown (one writer, but reads scale too)."""
    workers = args.workers
    judged = args.db == "postgresql"
    say(f"starting the app with {workers} workers ({os.cpu_count()} cores, shared with wrk)")
    ratios = []
    with Server(f"app_{workers}w", "api.main:app", env, tmp, ready_path="/healthz", workers=workers) as app:
        best = 0.0
        for name, paths in lists:
            result = measure(app, f"{name}_{workers}w", paths)
            base = one_worker.get(name)
            figure = _throughput(f"{name}_{workers}w", result, None)
            if isinstance(result, load.LoadResult) and isinstance(base, load.LoadResult) and base.rps:
                ratio = result.rps / base.rps
                ratios.append(ratio)
                figure.detail = f"{ratio:.2f}× 1 worker; " + figure.detail
                figure.data["ratio_to_one_worker"] = ratio
                best = max(best, result.rps)
            figures.append(figure)
        result, offered = cold_measure(app, f"list_cold_{workers}w", pages, best, args.connections)
        figures.append(_cold(f"list_cold_{workers}w", result, offered, limit_rps, f"{workers} workers"))
    if ratios:
        mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        figures.append(
            Figure(
                f"list_{workers}w_over_1w",
                mean,
                "×",
                goal=f"≥ {WORKERS_GOAL:g}× (PostgreSQL)" if judged else f"shown (goal {WORKERS_GOAL:g}× on PostgreSQL)",
                limit=WORKERS_GOAL if judged else None,
                higher_is_better=True,
                detail=f"geometric mean over {len(ratios)} list figures; {os.cpu_count()} cores shared by the "
                f"server and wrk: {workers} workers cannot use more than {os.cpu_count()}",
                data={"ratios": ratios, "cores": os.cpu_count()},
            )
        )


def _probe_cursors(base_url: str, total: int) -> list[str]:
    """Distinct keyset cursors spread over the list: `next_cursor` of one-row pages at spread offsets."""
    out = []
    for offset in cold.probe_offsets(total, CURSOR_PROBES):
        status, body = get(base_url + cold.cursor_probe(offset))
        cursor = json.loads(body).get("next_cursor") if status == 200 else None
        if cursor:
            out.append(cursor)
    return list(dict.fromkeys(out))


def _cursor_paths(base_url: str, offset: int) -> list[str]:
    """The cursors of CURSOR_PAGES pages after the deep page, followed one from the other."""
    paths: list[str] = []
    status, body = get(f"{base_url}/recommendations?offset={offset}")
    cursor = json.loads(body).get("next_cursor") if status == 200 else None
    while cursor and len(paths) < CURSOR_PAGES:
        path = f"/recommendations?cursor={quote(cursor)}"
        paths.append(path)
        status, body = get(base_url + path)
        cursor = json.loads(body).get("next_cursor") if status == 200 else None
    return paths or [f"/recommendations?offset={offset}"]


def _detail(result: load.LoadResult, connections: int | None = None) -> str:
    text = (
        f"{result.rps:,.0f} req/s, p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, {result.requests:,} requests"
    )
    if connections:
        text = f"{connections} conn.: " + text
    return text + (f", {result.errors:,} ERRORS" if result.errors else "")


def _no_answer(result: load.LoadResult) -> str | None:
    if result.requests == 0:
        return f"no request completed in {result.seconds:.0f} s"
    if result.errors:
        return f"{result.errors:,} of {result.requests:,} requests failed"
    return None


def _throughput(name: str, result: load.LoadResult | str, limit_rps: float | None, note: str = "") -> Figure:
    if isinstance(result, str):
        return Figure(name, None, "req/s", skipped=result)
    goal = f"≥ baseline_dict {limit_rps:,.0f}/s" if limit_rps else note
    return Figure(
        name,
        result.rps,
        "req/s",
        goal=goal,
        limit=limit_rps,
        higher_is_better=True,
        detail=_detail(result),
        data=result.as_dict(),
        failed=_no_answer(result),
    )


def _latency(
    name: str,
    alone: load.LoadResult | str,
    loaded: load.LoadResult | str | None,
    connections: int,
    goal_ms: float | None = LATENCY_GOAL_MS,
) -> Figure:
    if isinstance(alone, str):
        return Figure(f"{name} p99", None, "ms", skipped=alone)
    detail = f"1 conn.: p50 {alone.p50_ms:.1f} ms, {alone.rps:,.0f} req/s, {alone.requests:,} requests"
    if isinstance(loaded, load.LoadResult):
        detail += "; " + _detail(loaded, connections)
    data: dict = {"one_connection": alone.as_dict()}
    if loaded is not None:
        data[f"{connections}_connections"] = loaded.as_dict() if isinstance(loaded, load.LoadResult) else loaded
    return Figure(
        f"{name} p99",
        alone.p99_ms,
        "ms",
        goal=f"≤ {goal_ms:g} ms (1 conn.)" if goal_ms else "shown",
        limit=goal_ms,
        detail=detail,
        data=data,
        failed=_no_answer(alone),
    )


def _cold(name: str, result: load.LoadResult | str, offered: int, limit_rps: float | None, what: str) -> Figure:
    """Requests/s over URLs none of which was asked before; ≥ 0.25× baseline_dict."""
    figure = _throughput(name, result, limit_rps * COLD_GOAL if limit_rps else None)
    if isinstance(result, load.LoadResult):
        if limit_rps:
            figure.goal = f"≥ {COLD_GOAL:g}× baseline_dict {limit_rps * COLD_GOAL:,.0f}/s"
        figure.detail = f"{what}; {offered:,} URLs offered; " + figure.detail
        figure.data["urls"] = offered
        if result.requests > offered:
            figure.failed = f"{result.requests:,} requests over {offered:,} URLs: some repeated"
    return figure


def _export(app: Server) -> list[Figure]:
    """Every row as CSV, timed to the last byte; the server's peak RSS over the export alone."""
    say("  csv_export: GET /recommendations, Accept: text/csv")
    before = app.memory_kb()
    reset = app.reset_peak()
    connection = http.client.HTTPConnection("127.0.0.1", app.port, timeout=600)
    size = 0
    out_path = Path(tempfile.gettempdir()) / f"upr-bench-export-{os.getpid()}.csv"
    try:
        started = time.perf_counter()
        connection.request("GET", "/recommendations", headers={"Accept": "text/csv"})
        response = connection.getresponse()
        with out_path.open("wb") as out:
            while chunk := response.read(1 << 16):
                out.write(chunk)
                size += len(chunk)
        seconds = time.perf_counter() - started
        status = response.status
        after = app.memory_kb()
        if status != 200:
            say(f"    answered {status}: {out_path.read_bytes()[:300]!r}")
            return [Figure("csv_export", None, "s", skipped=f"HTTP {status}")]
        with out_path.open(newline="", encoding="utf-8-sig") as text:
            rows = sum(1 for _ in csv.reader(text)) - 1
    finally:
        connection.close()
        out_path.unlink(missing_ok=True)
    limit_s = EXPORT_GOAL_S * max(rows, 1) / EXPORT_GOAL_ROWS
    per_goal = seconds * EXPORT_GOAL_ROWS / max(rows, 1)
    peak_base = before["VmRSS"] if reset else before["VmHWM"]
    growth_mb = max(0, after["VmHWM"] - peak_base) / 1024
    say(
        f"    {rows:,} rows, {size / 2**20:,.1f} MB in {seconds:.1f} s; RSS {before['VmRSS'] / 1024:,.0f} MB before, "
        f"peak {after['VmHWM'] / 1024:,.0f} MB during"
    )
    memory = {
        "rss_before_mb": before["VmRSS"] / 1024,
        "hwm_before_mb": before["VmHWM"] / 1024,
        "hwm_after_mb": after["VmHWM"] / 1024,
        "rss_after_mb": after["VmRSS"] / 1024,
        "peak_reset": reset,
    }
    return [
        Figure(
            "csv_export",
            seconds,
            "s",
            goal=f"≤ {limit_s:.2f} s ({EXPORT_GOAL_S:g} s per {EXPORT_GOAL_ROWS:,})",
            limit=limit_s,
            detail=f"{rows:,} rows, {size / 2**20:,.1f} MB, {rows / seconds:,.0f} rows/s "
            f"(≈ {per_goal:.1f} s per {EXPORT_GOAL_ROWS:,})",
            data={"rows": rows, "bytes": size, "seconds_per_100k": per_goal},
        ),
        Figure(
            "csv_export_rss_growth",
            growth_mb,
            "MB",
            goal=f"flat: ≤ {EXPORT_FLAT_MB:g} MB",
            limit=EXPORT_FLAT_MB,
            detail=(
                f"server RSS {before['VmRSS'] / 1024:,.0f} MB before, peak {after['VmHWM'] / 1024:,.0f} MB "
                f"during, {after['VmRSS'] / 1024:,.0f} MB after"
            ),
            data=memory,
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
