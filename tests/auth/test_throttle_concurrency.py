"""The login throttle under concurrency: separate connections racing, as separate workers would."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import delete
from sqlmodel import Session

from api.auth import throttle
from api.auth.models import LoginThrottle
from api.core.errors import TooManyRequests
from api.core.types import utcnow

CLIENT = "10.1.2.3"


def test_concurrent_attempts_never_exceed_the_limit(engine, settings):
    account = f"race-{uuid.uuid4().hex}@example.org"
    start = threading.Barrier(12)

    def attempt(_: int) -> str:
        with Session(engine) as session:
            start.wait()
            try:
                throttle.claim_attempt(session, account, CLIENT, utcnow(), settings)
                outcome = "checked"
            except TooManyRequests:
                outcome = "throttled"
            session.commit()
            return outcome

    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            outcomes = list(pool.map(attempt, range(12)))
        assert outcomes.count("checked") == settings.login_max_failures
        assert outcomes.count("throttled") == 12 - settings.login_max_failures
        with Session(engine) as session:
            row = session.get(LoginThrottle, (account, CLIENT))
            assert row.locked_until is not None and row.locked_until > utcnow()
    finally:
        with Session(engine) as session:
            session.execute(delete(LoginThrottle).where(LoginThrottle.account == account))
            session.commit()


def test_concurrent_sprays_from_one_address_never_exceed_its_limit(engine, settings):
    address = f"10.7.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    attempts = settings.login_client_max_failures + 5
    start = threading.Barrier(attempts)

    def attempt(n: int) -> str:
        with Session(engine) as session:
            start.wait()
            try:
                throttle.claim_login(session, f"spray-{n}@example.org", address, utcnow(), settings)
                outcome = "checked"
            except TooManyRequests:
                outcome = "throttled"
            session.commit()
            return outcome

    try:
        with ThreadPoolExecutor(max_workers=attempts) as pool:
            outcomes = list(pool.map(attempt, range(attempts)))
        assert outcomes.count("checked") == settings.login_client_max_failures
        assert outcomes.count("throttled") == 5
    finally:
        with Session(engine) as session:
            session.execute(throttle.forget_client(address))
            session.commit()
