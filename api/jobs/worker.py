"""`upr worker`: runs the engine's jobs until stopped, or with `once` what is due now, then exits.

The worker outlives its database: when the connection is lost (PostgreSQL restarted) or the engine
stops on its own, it waits and starts again under a new worker id; what the old one was running is
then found stalled and retried by `api.jobs.recovery`. Only SIGTERM or SIGINT end it (gracefully:
running jobs get `SHUTDOWN_GRACE_SECONDS` to finish, then they are retried elsewhere).
"""

import asyncio
import contextlib
import logging
import signal
import time

import procrastinate

from api.jobs.engine import job_app
from api.jobs.recovery import recover
from api.settings import get_settings

log = logging.getLogger("api.jobs")
RESTART_DELAY_SECONDS = 2.0
POLL_SECONDS = 1.0  # SQLite has no LISTEN/NOTIFY: a new job waits this long at most
SHUTDOWN_GRACE_SECONDS = 30.0


async def _run(app: procrastinate.App, *, once: bool, concurrency: int, stop: asyncio.Event | None) -> None:
    settings = get_settings()
    async with app.open_async():
        await recover(app)
        worker = asyncio.create_task(
            app.run_worker_async(
                wait=not once,
                concurrency=concurrency,
                install_signal_handlers=False,
                update_heartbeat_interval=settings.job_heartbeat_seconds,
                stalled_worker_timeout=settings.job_stalled_seconds,
                fetch_job_polling_interval=POLL_SECONDS,
                shutdown_graceful_timeout=SHUTDOWN_GRACE_SECONDS,
            )
        )
        if stop is None:
            await worker
            return
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({worker, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not worker.done():  # a signal: procrastinate finishes (or hands back) what it runs
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker
        stopping.cancel()
        if not worker.cancelled():
            worker.result()  # re-raises what stopped it on its own


def run_worker(*, once: bool = False, concurrency: int = 1) -> None:
    app = job_app()
    if once:
        asyncio.run(_run(app, once=True, concurrency=concurrency, stop=None))
        return
    signalled = False

    async def supervised() -> None:
        nonlocal signalled
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()

        def on_signal() -> None:
            nonlocal signalled
            signalled = True
            stop.set()

        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, on_signal)
        await _run(app, once=False, concurrency=concurrency, stop=stop)

    while not signalled:
        started = time.monotonic()
        try:
            asyncio.run(supervised())
            if not signalled:
                log.error("worker stopped on its own; starting again in %.0f s", RESTART_DELAY_SECONDS)
        except Exception as exc:  # the database went away, or the engine failed: a worker never stays down
            log.exception("worker stopped (%s); starting again in %.0f s", exc, RESTART_DELAY_SECONDS)
        if not signalled and time.monotonic() - started < RESTART_DELAY_SECONDS:
            time.sleep(RESTART_DELAY_SECONDS)
