"""Login, access tokens and throttling: exact statuses and problem bodies."""

from datetime import timedelta

import pytest
from jose import jwt

from api.auth.security import create_access_token
from api.core.types import utcnow
from tests.factories import PASSWORD, bearer, create_organisation, create_user
from tests.helpers import assert_problem, login

CLIENT = "127.0.0.1"  # httpx.ASGITransport's client address


def claims(settings, **overrides) -> dict:
    now = int(utcnow().timestamp())
    base = {"sub": "1", "iss": settings.jwt_issuer, "aud": settings.jwt_audience, "iat": now, "exp": now + 600}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


async def test_login_issues_a_jwt_that_me_accepts(client, world, settings):
    user = world.user("nhri")
    response = await login(client, user.email.upper())  # email is case-insensitive
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == settings.access_token_minutes * 60
    decoded = jwt.decode(
        body["access_token"],
        settings.secret_key,
        algorithms=["HS256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
    )
    assert decoded["sub"] == str(user.id)
    me = await client.get("/auth/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["user"]["email"] == user.email
    assert me.json()["role"] == "nhri"
    assert me.json()["state_code"] == "SVN"
    assert "assessments:post" in me.json()["permissions"]


def assert_oauth_error(response, error: str, description_part: str) -> None:
    """RFC 6749 §5.2, not a problem: the token endpoint speaks OAuth (api/auth/token_errors.py)."""
    assert response.status_code == 400, response.text
    assert response.json()["error"] == error
    assert description_part in response.json()["error_description"]


async def test_wrong_password_is_invalid_grant(client, world):
    response = await login(client, world.user("cso").email, "not the password")
    assert_oauth_error(response, "invalid_grant", "Incorrect email or password")


async def test_unknown_email_is_the_same_invalid_grant(client, world):
    response = await login(client, "nobody@example.org")
    assert_oauth_error(response, "invalid_grant", "Incorrect email or password")


async def test_missing_form_field_is_invalid_request_naming_it(client):
    response = await client.post("/auth/token", data={"username": "a@example.org"})
    assert_oauth_error(response, "invalid_request", "password")


async def test_deactivated_user_cannot_log_in_and_loses_existing_tokens(client, world, settings, session):
    user = world.user("government")
    headers = world.headers("government", settings)
    user.is_active = False
    session.add(user)
    session.flush()
    assert_oauth_error(await login(client, user.email), "invalid_grant", "deactivated")
    assert_problem(await client.get("/auth/me", headers=headers), 401, "unauthorized", "deactivated")


async def test_throttles_repeated_failures_with_429_and_retry_after(client, world, settings):
    email = world.user("cso").email
    for _ in range(settings.login_max_failures):
        assert (await login(client, email, "wrong")).status_code == 400
    locked = await login(client, email)  # even the right password waits out the lockout
    body = assert_problem(locked, 429, "too-many-requests", "Too many failed logins")
    retry_after = int(locked.headers["retry-after"])
    assert 0 < retry_after <= settings.login_lockout_seconds
    assert body["status"] == 429
    # Another account is not affected.
    assert (await login(client, world.user("nhri").email)).status_code == 200


async def test_failures_are_counted_in_the_database_across_requests(client, world, session):
    from api.auth.models import ANY_ACCOUNT, LoginThrottle

    email = world.user("un").email
    await login(client, email, "wrong")
    await login(client, email, "wrong")
    row = session.get(LoginThrottle, (email, CLIENT))
    session.refresh(row)
    assert row.failures == 2
    assert session.get(LoginThrottle, (ANY_ACCOUNT, CLIENT)).failures == 2  # the address's count
    assert (await login(client, email)).status_code == 200
    session.expire_all()
    assert session.get(LoginThrottle, (email, CLIENT)).failures == 0  # success resets the count
    assert session.get(LoginThrottle, (ANY_ACCOUNT, CLIENT)).failures == 2  # a success is not a failure


async def test_lockout_expires(client, world, session):
    from api.auth.models import LoginThrottle

    email = world.user("academic").email
    session.add(
        LoginThrottle(
            account=email,
            client=CLIENT,
            failures=0,
            window_started_at=utcnow(),
            locked_until=utcnow() - timedelta(seconds=1),
            lockouts=1,
        )
    )
    session.flush()
    assert (await login(client, email)).status_code == 200


async def test_expired_token_is_401(client, world, settings):
    token, _ = create_access_token(world.user("nhri").id, settings, now=utcnow() - timedelta(hours=2))
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", "expired")


@pytest.mark.parametrize(
    ("override", "detail"),
    [
        ({"iss": "someone-else"}, "issuer"),
        ({"aud": "another-api"}, "audience"),
        ({"exp": None}, "exp"),
    ],
)
async def test_wrong_claims_are_401(client, world, settings, override, detail):
    token = jwt.encode(
        claims(settings, sub=str(world.user("nhri").id), **override), settings.secret_key, algorithm="HS256"
    )
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", detail)


async def test_wrong_signature_is_401(client, world, settings):
    token = jwt.encode(claims(settings, sub=str(world.user("nhri").id)), "another-key-" + "y" * 40, algorithm="HS256")
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", "Signature")


async def test_alg_none_is_rejected(client, world, settings):
    import base64
    import json

    def b64(obj) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims(settings, sub=str(world.user('admin').id)))}."
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", "'none'")


async def test_other_algorithm_with_same_key_is_rejected(client, world, settings):
    token = jwt.encode(claims(settings, sub=str(world.user("admin").id)), settings.secret_key, algorithm="HS512")
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", "'HS512'")


@pytest.mark.parametrize("token", ["not-a-jwt", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30"])
async def test_malformed_token_is_401(client, token):
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", "malformed")


async def test_token_for_a_deleted_subject_is_401(client, settings):
    token, _ = create_access_token(999_999, settings)
    assert_problem(await client.get("/auth/me", headers=bearer(token)), 401, "unauthorized", "no longer exists")


async def test_deactivated_organisation_locks_out_its_users(client, session, world, settings):
    org = create_organisation(session, world.org("cso").kind, name="Closed CSO")
    user = create_user(session, org, email="closed@example.org")
    org.is_active = False
    session.add(org)
    session.flush()
    assert_oauth_error(await login(client, user.email), "invalid_grant", "deactivated")


async def test_users_change_their_own_password(client, world, settings):
    user = world.user("cso")
    headers = world.headers("cso", settings)
    wrong = await client.post(
        "/auth/me/password",
        headers=headers,
        json={"current_password": "not it", "new_password": "a fresh long passphrase"},
    )
    assert assert_problem(wrong, 422, "validation-error", "current password")["field"] == "current_password"
    same = await client.post(
        "/auth/me/password", headers=headers, json={"current_password": PASSWORD, "new_password": PASSWORD}
    )
    assert assert_problem(same, 422, "validation-error", "differ")["field"] == "new_password"
    ok = await client.post(
        "/auth/me/password",
        headers=headers,
        json={"current_password": PASSWORD, "new_password": "a fresh long passphrase"},
    )
    assert ok.status_code == 204
    assert (await login(client, user.email)).status_code == 400
    assert (await login(client, user.email, "a fresh long passphrase")).status_code == 200
