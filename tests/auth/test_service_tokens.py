"""Service tokens: shown once, hashed at rest, scoped to an organisation, revocable, usage recorded."""

from datetime import timedelta

from sqlmodel import select

from api.auth.models import ServiceToken
from api.core.types import utcnow
from tests.factories import bearer
from tests.helpers import assert_problem


async def issue(client, headers, name="NHRI nightly sync", **extra):
    return await client.post("/auth/service-tokens", json={"name": name, **extra}, headers=headers)


async def test_issued_once_hashed_at_rest_and_usable(client, world, settings, session):
    response = await issue(client, world.headers("nhri", settings))
    assert response.status_code == 201, response.text
    body = response.json()
    secret = body["token"]
    assert secret.startswith("upr_st_") and len(secret) > 40
    assert body["organisation_id"] == world.org("nhri").id
    assert body["prefix"] == secret[: len(body["prefix"])]

    stored = session.get(ServiceToken, body["id"])
    assert stored.token_hash != secret and secret not in stored.token_hash
    assert len(stored.token_hash) == 64

    listed = await client.get("/auth/service-tokens", headers=world.headers("nhri", settings))
    assert body["id"] in [t["id"] for t in listed.json()["items"]]
    assert "token" not in listed.text.replace('"token_', "")  # the secret is never shown again
    assert secret not in listed.text

    me = await client.get("/auth/me", headers=bearer(secret))
    assert me.status_code == 200
    assert me.json()["kind"] == "service_token"
    assert me.json()["role"] == "nhri"
    assert me.json()["user"] is None
    assert me.json()["organisation"]["id"] == world.org("nhri").id
    session.refresh(stored)
    assert stored.last_used_at is not None


async def test_lifetime_defaults_and_can_be_shortened(client, world, settings):
    default = (await issue(client, world.headers("cso", settings))).json()
    short = (await issue(client, world.headers("cso", settings), expires_in_days=7)).json()
    from datetime import datetime

    created = datetime.fromisoformat(default["created_at"])
    assert datetime.fromisoformat(default["expires_at"]) - created == timedelta(days=settings.service_token_days)
    assert datetime.fromisoformat(short["expires_at"]) - datetime.fromisoformat(short["created_at"]) == timedelta(
        days=7
    )


async def test_revoked_token_is_401(client, world, settings):
    body = (await issue(client, world.headers("nhri", settings))).json()
    revoked = await client.delete(f"/auth/service-tokens/{body['id']}", headers=world.headers("nhri", settings))
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert_problem(await client.get("/auth/me", headers=bearer(body["token"])), 401, "unauthorized", "revoked")
    again = await client.delete(f"/auth/service-tokens/{body['id']}", headers=world.headers("nhri", settings))
    assert again.status_code == 200 and again.json()["revoked_at"] == revoked.json()["revoked_at"]
    listed = await client.get("/auth/service-tokens", headers=world.headers("nhri", settings))
    assert body["id"] not in [t["id"] for t in listed.json()["items"]]
    with_revoked = await client.get(
        "/auth/service-tokens?include_revoked=true", headers=world.headers("nhri", settings)
    )
    assert body["id"] in [t["id"] for t in with_revoked.json()["items"]]


async def test_expired_token_is_401(client, world, session):
    token, secret = world.service_tokens[("nhri", "SVN")]
    token.expires_at = utcnow() - timedelta(minutes=1)
    session.add(token)
    session.flush()
    assert_problem(await client.get("/auth/me", headers=bearer(secret)), 401, "unauthorized", "expired")


async def test_unknown_token_is_401(client):
    assert_problem(
        await client.get("/auth/me", headers=bearer("upr_st_" + "x" * 43)), 401, "unauthorized", "Unknown service token"
    )


async def test_another_organisations_token_is_invisible(client, world, settings, session):
    theirs, _ = world.service_tokens[("cso", "SVN")]
    response = await client.delete(f"/auth/service-tokens/{theirs.id}", headers=world.headers("nhri", settings))
    assert_problem(response, 404, "not-found", "Service token")
    session.refresh(theirs)
    assert theirs.revoked_at is None
    listed = await client.get("/auth/service-tokens", headers=world.headers("nhri", settings))
    organisations = {t["organisation_id"] for t in listed.json()["items"]}
    assert organisations == {world.org("nhri").id}


async def test_admin_sees_and_revokes_every_organisations_tokens(client, world, settings):
    theirs, secret = world.service_tokens[("cso", "HRV")]
    listed = await client.get("/auth/service-tokens?limit=500", headers=world.headers("admin", settings))
    assert theirs.id in [t["id"] for t in listed.json()["items"]]
    response = await client.delete(f"/auth/service-tokens/{theirs.id}", headers=world.headers("admin", settings))
    assert response.status_code == 200
    assert (await client.get("/auth/me", headers=bearer(secret))).status_code == 401


async def test_a_service_token_cannot_mint_tokens(client, world):
    _, secret = world.service_tokens[("nhri", "SVN")]
    response = await issue(client, bearer(secret))
    assert_problem(response, 403, "forbidden", "service-tokens:manage")


async def test_last_used_is_recorded_at_most_once_a_minute(client, world, session):
    token, secret = world.service_tokens[("government", "SVN")]
    await client.get("/auth/me", headers=bearer(secret))
    session.refresh(token)
    first = token.last_used_at
    await client.get("/auth/me", headers=bearer(secret))
    session.refresh(token)
    assert token.last_used_at == first
    token.last_used_at = first - timedelta(minutes=5)
    session.add(token)
    session.flush()
    await client.get("/auth/me", headers=bearer(secret))
    session.refresh(token)
    assert token.last_used_at > first


async def test_deactivated_organisation_disables_its_tokens(client, world, session):
    _, secret = world.service_tokens[("cso", "SVN")]
    org = world.org("cso")
    org.is_active = False
    session.add(org)
    session.flush()
    assert_problem(await client.get("/auth/me", headers=bearer(secret)), 401, "unauthorized", "deactivated")
    assert session.exec(select(ServiceToken).where(ServiceToken.organisation_id == org.id)).first() is not None
