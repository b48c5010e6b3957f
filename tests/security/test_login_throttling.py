"""Login throttling locks out attackers, not owners (issue 14): limits per (account, client address)
and per client address, with a backoff that doubles, so guesses from one place never lock the owner
out from another, and a stolen access token cannot lock anyone out. A refused guess is RFC 6749's
400 `invalid_grant` (api/auth/token_errors.py); a lockout, a 429 problem."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any, cast

import httpx
from sqlalchemy import update
from sqlmodel import Session
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.auth import throttle
from api.auth.models import LoginThrottle
from api.core.errors import TooManyRequests
from api.core.types import utcnow
from api.main import app
from api.settings import Settings
from tests.factories import PASSWORD
from tests.helpers import assert_problem, login

ADDRESS_A, ADDRESS_B = "10.0.0.1", "10.0.0.2"


@asynccontextmanager
async def from_address(client: httpx.AsyncClient, host: str, asgi_app: Any = app) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the same app (and the `client` fixture's overrides) whose requests come from `host`."""
    transport = httpx.ASGITransport(app=asgi_app, client=(host, 123))
    async with httpx.AsyncClient(transport=transport, base_url=client.base_url) as other:
        yield other


def end_locks(session: Session, client_address: str) -> None:
    """Let every lock of `client_address` run out, as if its Retry-After had been waited."""
    session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.client == client_address)  # type: ignore[arg-type]
        .values(locked_until=utcnow() - timedelta(seconds=1))
    )
    session.commit()


async def test_six_guesses_from_one_address_do_not_lock_the_owner_out_from_another(client, world, settings):
    email = world.user("admin").email
    async with from_address(client, ADDRESS_A) as attacker, from_address(client, ADDRESS_B) as owner:
        statuses = [
            (await login(attacker, email, "wrong guess")).status_code for _ in range(settings.login_max_failures)
        ]
        assert statuses == [400] * settings.login_max_failures
        locked = await login(attacker, email)  # the right password waits out the lockout there
        assert_problem(locked, 429, "too-many-requests", "Too many failed logins for this account")
        assert 0 < int(locked.headers["retry-after"]) <= settings.login_lockout_seconds
        assert (await login(owner, email)).status_code == 200


async def test_a_success_clears_the_count_of_that_account_from_that_address(client, world, settings, session):
    email = world.user("nhri").email
    async with from_address(client, ADDRESS_A) as caller:
        for _ in range(settings.login_max_failures - 1):
            assert (await login(caller, email, "typo")).status_code == 400
        assert (await login(caller, email)).status_code == 200
        session.expire_all()
        row = session.get(LoginThrottle, (email, ADDRESS_A))
        assert (row.failures, row.lockouts, row.locked_until) == (0, 0, None)
        for _ in range(settings.login_max_failures):  # a fresh allowance, not one left
            assert (await login(caller, email, "typo")).status_code == 400


async def test_spraying_one_password_over_many_accounts_from_one_address_hits_the_per_address_limit(
    client, world, settings
):
    async with from_address(client, ADDRESS_A) as sprayer, from_address(client, ADDRESS_B) as owner:
        statuses = [
            (await login(sprayer, f"someone.{n}@example.org", "Summer2026!")).status_code
            for n in range(settings.login_client_max_failures)
        ]
        assert statuses == [400] * settings.login_client_max_failures  # one guess per account: no account lock
        refused = await login(sprayer, world.user("cso").email)
        assert_problem(refused, 429, "too-many-requests", "from this address")
        assert int(refused.headers["retry-after"]) > 0
        assert (await login(owner, world.user("cso").email)).status_code == 200


async def test_successful_logins_from_a_shared_address_never_add_up_to_its_limit(client, world, settings):
    """An office behind one address logs in all day: only failures count against the address."""
    async with from_address(client, ADDRESS_A) as office:
        for _ in range(settings.login_client_max_failures + 1):
            assert (await login(office, world.user("government").email)).status_code == 200


async def test_logging_in_to_an_own_account_between_guesses_does_not_reset_the_address_count(client, world, settings):
    """An insider spraying from their desk gets one attempt back per window for their own login, not
    one per guess."""
    insider = world.user("government").email
    async with from_address(client, ADDRESS_A) as desk:
        statuses = []
        for n in range(settings.login_client_max_failures):
            statuses.append((await login(desk, f"target.{n}@example.org", "Summer2026!")).status_code)
            statuses.append((await login(desk, insider)).status_code)
        assert 429 in statuses
        assert statuses.count(400) <= settings.login_client_max_failures // 2 + 2


async def test_the_lockout_doubles_each_time_it_is_earned_again(client, world, settings, session):
    email = world.user("un").email
    seen = []
    async with from_address(client, ADDRESS_A) as attacker:
        for _ in range(3):
            for _ in range(settings.login_max_failures):
                assert (await login(attacker, email, "wrong guess")).status_code == 400
            locked = await login(attacker, email, "wrong guess")
            assert locked.status_code == 429
            seen.append(int(locked.headers["retry-after"]))
            end_locks(session, ADDRESS_A)
    first = settings.login_lockout_seconds
    assert first - 2 <= seen[0] <= first
    assert 2 * first - 2 <= seen[1] <= 2 * first
    assert 4 * first - 2 <= seen[2] <= 4 * first


def test_the_backoff_is_capped(engine, settings: Settings):
    """Each lockout doubles up to `login_lockout_max_seconds`, then stays there."""
    account, address, now = f"cap-{utcnow().timestamp()}@example.org", "10.9.9.9", utcnow()
    lockouts = []
    try:
        with Session(engine) as session:
            for _ in range(10):
                for _ in range(settings.login_max_failures):
                    throttle.claim_attempt(session, account, address, now, settings)
                try:
                    throttle.claim_attempt(session, account, address, now, settings)
                    raise AssertionError("the attempt over the limit must be refused")
                except TooManyRequests as refused:
                    lockouts.append(int(refused.headers["Retry-After"]))
                now += timedelta(seconds=lockouts[-1] + 1)
                session.commit()
    finally:
        with Session(engine) as session:
            session.execute(throttle.forget_client(address))
            session.commit()
    expected = [min(settings.login_lockout_seconds * 2**n, settings.login_lockout_max_seconds) for n in range(10)]
    assert lockouts == expected
    assert lockouts[-1] == settings.login_lockout_max_seconds


async def test_wrong_current_passwords_lock_neither_the_owner_elsewhere_nor_anyone_else(client, world, settings):
    """A stolen access token is not a way to lock its owner (or anyone behind the same address) out."""
    victim, bystander = world.user("cso"), world.user("nhri")
    body = {"current_password": "a guess", "new_password": "a fresh long passphrase"}
    async with from_address(client, ADDRESS_A) as thief, from_address(client, ADDRESS_B) as owner:
        headers = world.headers("cso", settings)
        statuses = [
            (await thief.post("/auth/me/password", headers=headers, json=body)).status_code
            for _ in range(settings.login_client_max_failures + 1)
        ]
        assert statuses[: settings.login_max_failures] == [422] * settings.login_max_failures
        assert set(statuses[settings.login_max_failures :]) == {429}
        assert (await login(owner, victim.email)).status_code == 200
        assert (await login(thief, bystander.email)).status_code == 200  # the address itself is not locked
        change = await thief.post(
            "/auth/me/password",
            headers=world.headers("nhri", settings),
            json={"current_password": PASSWORD, "new_password": "a fresh long passphrase"},
        )
        assert change.status_code == 204


async def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client_and_elsewhere_it_is_ignored(
    client, world, settings
):
    """What `upr serve --forwarded-allow-ips` sets up: uvicorn's middleware rewrites the client from
    X-Forwarded-For for the listed proxies only, so a client cannot pick a fresh address per guess."""
    proxy, email = "10.0.0.9", world.user("academic").email
    behind_proxy = ProxyHeadersMiddleware(cast(Any, app), trusted_hosts=proxy)
    async with (
        from_address(client, proxy, behind_proxy) as via_proxy,
        from_address(client, ADDRESS_A, behind_proxy) as direct,
    ):
        for n in range(settings.login_max_failures):  # a new forged address each time: ignored
            assert (
                await direct.post(
                    "/auth/token",
                    data={"username": email, "password": "guess"},
                    headers={"X-Forwarded-For": f"192.0.2.{n}"},
                )
            ).status_code == 400
        assert (await login(direct, email)).status_code == 429
        for _ in range(settings.login_max_failures):
            forwarded = {"X-Forwarded-For": "198.51.100.7"}
            response = await via_proxy.post(
                "/auth/token", data={"username": email, "password": "guess"}, headers=forwarded
            )
            assert response.status_code == 400
        locked = await via_proxy.post(
            "/auth/token", data={"username": email, "password": PASSWORD}, headers={"X-Forwarded-For": "198.51.100.7"}
        )
        assert locked.status_code == 429  # that client, as the proxy told it
        owner = await via_proxy.post(
            "/auth/token", data={"username": email, "password": PASSWORD}, headers={"X-Forwarded-For": "198.51.100.8"}
        )
        assert owner.status_code == 200  # another client behind the same proxy


def test_upr_serve_passes_the_trusted_proxies_to_uvicorn(monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from api.cli import app as cli

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: seen.update(kwargs))
    result = CliRunner().invoke(cli, ["serve", "--forwarded-allow-ips", "10.0.0.9,10.0.1.0/24"])
    assert result.exit_code == 0, result.output
    assert seen["proxy_headers"] is True
    assert seen["forwarded_allow_ips"] == "10.0.0.9,10.0.1.0/24"


def test_an_ipv6_client_is_keyed_on_its_64():
    from api.http.client import throttle_key

    assert throttle_key("2001:db8:1:2:aaaa::1") == throttle_key("2001:db8:1:2:ffff:ffff:ffff:ffff")
    assert throttle_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert throttle_key("2001:db8:1:3::1") != throttle_key("2001:db8:1:2::1")
    assert throttle_key("::ffff:10.0.0.1") == "10.0.0.1"
    assert throttle_key("10.0.0.1") == "10.0.0.1"


async def test_rotating_addresses_within_an_ipv6_64_hits_the_per_address_limit(client, world, settings):
    """Review of 3ec5255: each IPv6 address had its own count, so a client picking a new address of its
    /64 for every guess never hit a limit. Now the /64 is the client; another /64 is not locked."""
    statuses = []
    for n in range(settings.login_client_max_failures):
        async with from_address(client, f"2001:db8:1:2::{n + 1:x}") as guesser:
            statuses.append((await login(guesser, f"someone.{n}@example.org", "Summer2026!")).status_code)
    assert statuses == [400] * settings.login_client_max_failures
    async with from_address(client, "2001:db8:1:2:dead:beef:0:1") as rotated:
        assert_problem(await login(rotated, world.user("cso").email), 429, "too-many-requests", "from this address")
    async with from_address(client, "2001:db8:1:3::1") as neighbour:
        assert (await login(neighbour, world.user("cso").email)).status_code == 200


async def test_forwarding_from_an_untrusted_peer_is_logged_once(client, world, monkeypatch, caplog):
    from api.http import client as client_module

    monkeypatch.setattr(client_module, "_warned_untrusted_forwarding", False)
    async with from_address(client, ADDRESS_A) as peer:
        for _ in range(2):
            form = {"username": world.user("cso").email, "password": PASSWORD}
            await peer.post("/auth/token", data=form, headers={"X-Forwarded-For": "203.0.113.9"})
    warned = [r for r in caplog.records if "X-Forwarded-For" in r.getMessage()]
    assert len(warned) == 1 and ADDRESS_A in warned[0].getMessage()
