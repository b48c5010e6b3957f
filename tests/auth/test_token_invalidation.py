"""Access tokens end when they should: after a password change or reset, and after a deactivation
(of the user or their organisation) even once reactivated. Service tokens are separate credentials:
a password change leaves them alone; they only pause while their creator is deactivated."""

import pytest
from jose import jwt
from sqlmodel import select

from api.audit.models import AuditAction, AuditEntry
from api.auth.security import create_access_token
from api.core.types import utcnow
from tests.factories import PASSWORD, bearer

NEW_PASSWORD = "a brand new passphrase"
PROBLEM = "application/problem+json"


async def log_in(client, email: str, password: str = PASSWORD) -> str:
    response = await client.post("/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


async def me_status(client, token: str) -> int:
    return (await client.get("/auth/me", headers=bearer(token))).status_code


async def assert_refused(client, token: str, detail_part: str) -> None:
    response = await client.get("/auth/me", headers=bearer(token))
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["www-authenticate"] == "Bearer"
    body = response.json()
    assert body["type"] == "urn:upr-tracker:problem:unauthorized"
    assert detail_part in body["detail"]


async def test_changing_ones_password_ends_every_access_token_of_the_account(client, world, settings):
    user = world.user("nhri")
    caller, other_session = await log_in(client, user.email), await log_in(client, user.email)
    bystander = await log_in(client, world.user("cso").email)
    assert await me_status(client, caller) == 200 and await me_status(client, other_session) == 200

    changed = await client.post(
        "/auth/me/password", headers=bearer(caller), json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )

    assert changed.status_code == 204 and changed.content == b""
    await assert_refused(client, caller, "revoked")
    await assert_refused(client, other_session, "revoked")
    assert await me_status(client, bystander) == 200
    fresh = await log_in(client, user.email, NEW_PASSWORD)
    assert (await client.get("/auth/me", headers=bearer(fresh))).json()["user"]["id"] == user.id


async def test_a_refused_password_change_ends_nothing(client, world, settings):
    user = world.user("nhri")
    token = await log_in(client, user.email)
    wrong = await client.post(
        "/auth/me/password",
        headers=bearer(token),
        json={"current_password": "not the password", "new_password": NEW_PASSWORD},
    )
    assert wrong.status_code == 422
    assert await me_status(client, token) == 200


async def test_an_admin_password_reset_ends_the_users_access_tokens(client, world, settings):
    user = world.user("un")
    token = await log_in(client, user.email)
    admin = world.headers("admin", settings)

    reset = await client.patch(f"/users/{user.id}", headers=admin, json={"password": NEW_PASSWORD})

    assert reset.status_code == 200, reset.text
    await assert_refused(client, token, "revoked")
    assert (await client.get("/auth/me", headers=admin)).status_code == 200
    assert await me_status(client, await log_in(client, user.email, NEW_PASSWORD)) == 200


async def test_other_changes_to_a_user_leave_their_tokens_alone(client, world, settings):
    user = world.user("un")
    token = await log_in(client, user.email)
    renamed = await client.patch(
        f"/users/{user.id}", headers=world.headers("admin", settings), json={"full_name": "Renamed"}
    )
    assert renamed.status_code == 200
    assert await me_status(client, token) == 200


async def test_a_reactivated_user_must_log_in_again(client, world, settings):
    user = world.user("government")
    token = await log_in(client, user.email)
    admin = world.headers("admin", settings)

    off = await client.patch(f"/users/{user.id}", headers=admin, json={"is_active": False})
    assert off.status_code == 200 and off.json()["is_active"] is False
    await assert_refused(client, token, "deactivated")
    on = await client.patch(f"/users/{user.id}", headers=admin, json={"is_active": True})
    assert on.status_code == 200 and on.json()["is_active"] is True

    await assert_refused(client, token, "revoked")
    assert await me_status(client, await log_in(client, user.email)) == 200


async def test_a_reactivated_organisations_users_must_log_in_again(client, world, settings, session):
    org, user = world.org("academic"), world.user("academic")
    token = await log_in(client, user.email)
    bystander = await log_in(client, world.user("academic", "HRV").email)
    admin = world.headers("admin", settings)

    off = await client.patch(f"/organisations/{org.id}", headers=admin, json={"is_active": False})
    assert off.status_code == 200 and off.json()["is_active"] is False
    on = await client.patch(f"/organisations/{org.id}", headers=admin, json={"is_active": True})
    assert on.status_code == 200 and on.json()["is_active"] is True

    await assert_refused(client, token, "revoked")
    assert await me_status(client, bystander) == 200
    assert await me_status(client, await log_in(client, user.email)) == 200
    # Every write is audited: the version raise of each of the organisation's users too.
    audited = session.exec(
        select(AuditEntry).where(
            AuditEntry.entity == "user", AuditEntry.entity_id == str(user.id), AuditEntry.action == AuditAction.update
        )
    ).all()
    assert [e.changes["token_version"] for e in audited if "token_version" in e.changes] == [[0, 1]]
    assert all(e.actor_user_id == world.user("admin").id for e in audited)


async def test_a_token_must_carry_the_current_version(client, world, settings):
    user = world.user("cso")
    ahead, _ = create_access_token(user.id, settings, version=1)
    await assert_refused(client, ahead, "revoked")
    current, _ = create_access_token(user.id, settings, version=0)
    assert await me_status(client, current) == 200


@pytest.mark.parametrize("version", [None, "0", 0.0, True])
async def test_a_token_without_an_integer_version_is_refused(client, world, settings, version):
    now = int(utcnow().timestamp())
    claims = {
        "sub": str(world.user("cso").id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
    }
    if version is not None:
        claims["ver"] = version
    token = jwt.encode(claims, settings.secret_key, algorithm=settings.jwt_algorithm)
    await assert_refused(client, token, "version")
    assert (
        await me_status(client, jwt.encode({**claims, "ver": 0}, settings.secret_key, algorithm=settings.jwt_algorithm))
        == 200
    )


async def test_a_password_change_or_reset_leaves_service_tokens_working(client, world, settings):
    user = world.user("nhri")
    _, secret = world.service_tokens[("nhri", "SVN")]
    token = await log_in(client, user.email)
    changed = await client.post(
        "/auth/me/password", headers=bearer(token), json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert changed.status_code == 204
    assert await me_status(client, secret) == 200
    reset = await client.patch(
        f"/users/{user.id}", headers=world.headers("admin", settings), json={"password": "yet another passphrase"}
    )
    assert reset.status_code == 200
    assert await me_status(client, secret) == 200


async def test_service_tokens_pause_while_their_creator_is_deactivated(client, world, settings):
    user = world.user("cso")
    _, secret = world.service_tokens[("cso", "SVN")]
    admin = world.headers("admin", settings)
    assert (await client.patch(f"/users/{user.id}", headers=admin, json={"is_active": False})).status_code == 200
    await assert_refused(client, secret, "created this service token is deactivated")
    assert (await client.patch(f"/users/{user.id}", headers=admin, json={"is_active": True})).status_code == 200
    # Decided: a service token follows its creator's current state; to end it for good, revoke it.
    assert await me_status(client, secret) == 200
