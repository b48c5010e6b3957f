"""The audit trail: every flushed write leaves a row with who, what and which request; failed ones leave none."""

import httpx
import pytest
from sqlmodel import Session, func, select

from api.audit.listener import REDACTED
from api.audit.models import AuditAction, AuditEntry
from api.auth.models import Organisation, ServiceToken, User
from api.auth.permissions import Role
from api.auth.principal import Principal, PrincipalKind
from api.core.types import utcnow
from api.settings import Settings
from tests.factories import OWN_STATE, PASSWORD, World, bearer


def entries(session: Session, **where) -> list[AuditEntry]:
    stmt = select(AuditEntry).order_by(AuditEntry.id)
    for key, value in where.items():
        stmt = stmt.where(getattr(AuditEntry, key) == value)
    return list(session.exec(stmt))


def audit_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(AuditEntry)).one()


@pytest.fixture
def committed_world(session: Session, world: World) -> World:
    """The world released into the outer transaction, so a failing request's rollback keeps it."""
    session.commit()
    return world


async def test_create_through_the_api_is_audited(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    admin = world.user("admin")
    response = await client.post(
        "/organisations",
        headers=world.headers("admin", settings) | {"X-Request-ID": "audit-create-1"},
        json={"name": "Peace Institute", "kind": "cso", "state_code": OWN_STATE.lower(), "public_name": "PI"},
    )
    assert response.status_code == 201, response.text
    org_id = response.json()["id"]

    [entry] = entries(session, entity="organisation", entity_id=str(org_id))
    assert entry.action is AuditAction.create
    assert entry.actor_user_id == admin.id
    assert entry.actor_service_token_id is None
    assert entry.organisation_id == world.org("admin").id
    assert entry.request_id == "audit-create-1"
    assert entry.changes["name"] == "Peace Institute"
    assert entry.changes["kind"] == "cso"
    assert entry.changes["state_code"] == OWN_STATE
    assert entry.changes["public_name"] == "PI"
    assert entry.changes["id"] == org_id
    assert entry.at is not None


async def test_update_records_old_and_new_and_redacts_secrets(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    target = world.user("cso")
    old_hash = target.password_hash
    response = await client.patch(
        f"/users/{target.id}",
        headers=world.headers("admin", settings) | {"X-Request-ID": "audit-update-1"},
        json={"full_name": "Renamed Person", "password": "a brand new passphrase"},
    )
    assert response.status_code == 200, response.text
    session.refresh(target)
    assert target.password_hash != old_hash  # the password really changed...

    [entry] = entries(session, entity="user", entity_id=str(target.id), action=AuditAction.update)
    assert entry.actor_user_id == world.user("admin").id
    assert entry.organisation_id == world.org("admin").id
    assert entry.request_id == "audit-update-1"
    assert entry.changes == {
        "full_name": ["Test user", "Renamed Person"],
        "password_hash": [REDACTED, REDACTED],  # ...but neither hash is in the log
        "token_version": [0, 1],  # the new password ended the user's access tokens
    }


async def test_creating_a_user_redacts_the_password_hash(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    response = await client.post(
        "/users",
        headers=world.headers("admin", settings),
        json={
            "email": "New.Person@Example.org",
            "full_name": "New Person",
            "password": PASSWORD,
            "organisation_id": world.org("nhri").id,
        },
    )
    assert response.status_code == 201, response.text
    [entry] = entries(session, entity="user", entity_id=str(response.json()["id"]))
    assert entry.action is AuditAction.create
    assert entry.changes["password_hash"] == REDACTED
    assert entry.changes["email"] == "new.person@example.org"
    assert PASSWORD not in str(entry.changes)


async def test_issuing_a_service_token_redacts_its_hash(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    response = await client.post(
        "/auth/service-tokens", headers=world.headers("nhri", settings), json={"name": "nightly sync"}
    )
    assert response.status_code == 201, response.text
    issued = response.json()
    [entry] = entries(session, entity="service_token", entity_id=str(issued["id"]))
    assert entry.changes["token_hash"] == REDACTED
    assert entry.changes["name"] == "nightly sync"
    assert issued["token"] not in str(entry.changes)
    assert session.get(ServiceToken, issued["id"]).token_hash not in str(entry.changes)


def test_a_service_token_principal_is_recorded(session: Session, world: World) -> None:
    """No route lets a service token write yet; the listener must still say which token acted."""
    token, _ = world.service_tokens[("government", OWN_STATE)]
    session.info["principal"] = Principal(
        PrincipalKind.service_token, Role.government, organisation_id=token.organisation_id, service_token_id=token.id
    )
    session.info["request_id"] = "script-run-7"
    try:
        session.add(Organisation(name="Made by a script", kind="cso", state_code=OWN_STATE))
        session.flush()
    finally:
        session.info.pop("principal")
        session.info.pop("request_id")
    [entry] = entries(session, entity="organisation", action=AuditAction.create, request_id="script-run-7")
    assert entry.actor_user_id is None
    assert entry.actor_service_token_id == token.id
    assert entry.organisation_id == token.organisation_id
    assert entry.changes["name"] == "Made by a script"


async def test_failed_request_leaves_no_row_and_no_audit(
    client: httpx.AsyncClient, session: Session, committed_world: World, settings: Settings
) -> None:
    world = committed_world
    before = audit_count(session)
    users_before = session.exec(select(func.count()).select_from(User)).one()
    headers = world.headers("admin", settings)

    duplicate = await client.post(
        "/users",
        headers=headers,
        json={
            "email": world.user("cso").email.upper(),
            "full_name": "Twin",
            "password": PASSWORD,
            "organisation_id": world.org("cso").id,
        },
    )
    assert duplicate.status_code == 409
    assert duplicate.json()["field"] == "email"

    orphan = await client.post(
        "/users",
        headers=headers,
        json={"email": "orphan@example.org", "full_name": "Orphan", "password": PASSWORD, "organisation_id": 987654},
    )
    assert orphan.status_code == 422
    assert orphan.json()["field"] == "organisation_id"

    assert session.exec(select(func.count()).select_from(User)).one() == users_before
    assert session.exec(select(User).where(User.email == "orphan@example.org")).first() is None
    assert audit_count(session) == before


def test_a_flushed_write_and_its_audit_roll_back_together(session: Session, committed_world: World) -> None:
    """The audit row is written inside the same flush, so it shares the write's fate."""
    before = audit_count(session)
    session.add(Organisation(name="Short-lived", kind="cso", state_code=OWN_STATE))
    session.flush()
    assert audit_count(session) == before + 1
    session.rollback()
    assert audit_count(session) == before
    assert session.exec(select(Organisation).where(Organisation.name == "Short-lived")).first() is None


async def test_audit_log_filters_by_entity_and_actor(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    admin_headers = world.headers("admin", settings)
    other_admin = world.user("admin", "HRV")
    org = await client.post(
        "/organisations",
        headers=admin_headers,
        json={"name": "Filter Org", "kind": "academic", "state_code": OWN_STATE},
    )
    assert org.status_code == 201
    patched = await client.patch(
        f"/users/{world.user('un').id}",
        headers=world.headers("admin", settings, "HRV"),
        json={"full_name": "UN person"},
    )
    assert patched.status_code == 200

    by_entity = await client.get("/audit-log", headers=admin_headers, params={"entity": "organisation"})
    assert by_entity.status_code == 200
    items = by_entity.json()["items"]
    assert items and {i["entity"] for i in items} == {"organisation"}
    assert (
        by_entity.json()["total"]
        == session.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "organisation")).one()
    )
    assert items[0]["entity_id"] == str(org.json()["id"])  # newest first

    by_actor = await client.get("/audit-log", headers=admin_headers, params={"actor": other_admin.id})
    assert by_actor.status_code == 200
    [only] = by_actor.json()["items"]
    assert only["actor_user_id"] == other_admin.id
    assert (only["entity"], only["entity_id"], only["action"]) == ("user", str(world.user("un").id), "update")
    assert only["changes"] == {"full_name": ["Test user", "UN person"]}

    both = await client.get(
        "/audit-log", headers=admin_headers, params={"actor": other_admin.id, "entity": "organisation"}
    )
    assert both.json() == {"items": [], "total": 0, "next_cursor": None}


@pytest.mark.parametrize("cursor", ["WyJ4Il0", "WzEwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDBd"])  # ["x"], [10**30]
async def test_audit_log_rejects_a_tampered_cursor(
    client: httpx.AsyncClient, world: World, settings: Settings, cursor: str
) -> None:
    response = await client.get("/audit-log", headers=world.headers("admin", settings), params={"cursor": cursor})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "cursor"


async def test_audit_log_is_newest_first_and_pages(
    client: httpx.AsyncClient, session: Session, world: World, settings: Settings
) -> None:
    ids = [e.id for e in entries(session)]
    assert len(ids) > 3
    headers = world.headers("admin", settings)
    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        body = (await client.get("/audit-log", headers=headers, params=params)).json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(ids, reverse=True)


@pytest.mark.parametrize("role", ["government", "nhri", "cso", "un", "academic", "other"])
async def test_audit_log_is_for_admins_only(
    client: httpx.AsyncClient, world: World, settings: Settings, role: str
) -> None:
    response = await client.get("/audit-log", headers=world.headers(role, settings))
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_audit_log_needs_a_login(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/audit-log")
    assert response.status_code == 401


async def test_service_token_use_alone_is_not_audited(
    client: httpx.AsyncClient, session: Session, world: World
) -> None:
    token, secret = world.service_tokens[("nhri", OWN_STATE)]
    assert token.last_used_at is None
    before = audit_count(session)
    response = await client.get("/auth/me", headers=bearer(secret))
    assert response.status_code == 200, response.text
    session.refresh(token)
    assert token.last_used_at is not None  # the bump happened and was flushed...
    assert audit_count(session) == before  # ...without an audit row
    assert entries(session, entity="service_token", action=AuditAction.update) == []


def test_ignored_field_is_still_logged_alongside_a_real_change(session: Session, world: World) -> None:
    token, _ = world.service_tokens[("cso", OWN_STATE)]
    token.last_used_at = utcnow()
    token.revoked_at = utcnow()
    session.flush()
    [entry] = entries(session, entity="service_token", entity_id=str(token.id), action=AuditAction.update)
    assert set(entry.changes) == {"last_used_at", "revoked_at"}
    assert entry.actor_user_id is None and entry.request_id is None  # a system write


def test_delete_is_audited_with_the_last_values(session: Session, world: World) -> None:
    token, _ = world.service_tokens[("un", OWN_STATE)]
    token_id = token.id
    session.delete(token)
    session.flush()
    [entry] = entries(session, entity="service_token", entity_id=str(token_id), action=AuditAction.delete)
    assert entry.changes["name"] == "script"
    assert entry.changes["token_hash"] == REDACTED
