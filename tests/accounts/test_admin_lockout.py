"""No self-lockout: some active admin of an active organisation always remains.

The standard world has two admins, each in an organisation of their own (one per state); most
tests first take the other state's admin out so that the own-state one is the last."""

from sqlmodel import Session

from api.auth.models import Organisation, User
from tests.factories import PASSWORD, bearer, create_user

LAST_ADMIN = "urn:upr-tracker:problem:last-admin"


def deactivate(session: Session, row: User | Organisation) -> None:
    row.is_active = False
    session.add(row)
    session.flush()


def assert_last_admin(response) -> None:
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == LAST_ADMIN
    assert body["title"] == "Last admin"
    assert "last active admin" in body["detail"]


async def test_the_last_admin_cannot_be_deactivated(client, world, settings, session):
    deactivate(session, world.user("admin", "HRV"))
    admin = world.user("admin")
    headers = world.headers("admin", settings)

    assert_last_admin(await client.patch(f"/users/{admin.id}", headers=headers, json={"is_active": False}))

    session.refresh(admin)
    assert admin.is_active and admin.token_version == 0
    assert (await client.get("/auth/me", headers=headers)).status_code == 200


async def test_the_last_admin_cannot_be_de_admined(client, world, settings, session):
    deactivate(session, world.user("admin", "HRV"))
    admin = world.user("admin")
    headers = world.headers("admin", settings)

    assert_last_admin(await client.patch(f"/users/{admin.id}", headers=headers, json={"is_admin": False}))

    session.refresh(admin)
    assert admin.is_admin
    assert (await client.get("/auth/me", headers=headers)).json()["role"] == "admin"


async def test_the_admins_organisation_cannot_be_deactivated(client, world, settings, session):
    deactivate(session, world.user("admin", "HRV"))
    org = world.org("admin")

    assert_last_admin(
        await client.patch(
            f"/organisations/{org.id}", headers=world.headers("admin", settings), json={"is_active": False}
        )
    )

    session.refresh(org)
    assert org.is_active


async def test_an_admin_in_a_deactivated_organisation_does_not_count(client, world, settings, session):
    deactivate(session, world.org("admin", "HRV"))  # its admin stays active but cannot log in
    admin = world.user("admin")
    response = await client.patch(
        f"/users/{admin.id}", headers=world.headers("admin", settings), json={"is_active": False}
    )
    assert_last_admin(response)


async def test_a_second_admin_makes_deactivating_the_first_allowed(client, world, settings, session):
    deactivate(session, world.user("admin", "HRV"))
    first = world.user("admin")
    headers = world.headers("admin", settings)
    assert_last_admin(await client.patch(f"/users/{first.id}", headers=headers, json={"is_active": False}))

    second = await client.post(
        "/users",
        headers=headers,
        json={
            "email": "second.admin@example.org",
            "full_name": "Second admin",
            "password": PASSWORD,
            "organisation_id": world.org("nhri").id,
            "is_admin": True,
        },
    )
    assert second.status_code == 201, second.text
    response = await client.patch(f"/users/{first.id}", headers=headers, json={"is_active": False})

    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False
    # ... and the second one is now the last, wherever their organisation is.
    login = await client.post("/auth/token", data={"username": "second.admin@example.org", "password": PASSWORD})
    second_headers = bearer(login.json()["access_token"])
    assert_last_admin(
        await client.patch(f"/organisations/{world.org('nhri').id}", headers=second_headers, json={"is_active": False})
    )
    assert_last_admin(
        await client.patch(f"/users/{second.json()['id']}", headers=second_headers, json={"is_admin": False})
    )


async def test_any_organisation_holding_all_the_admins_is_protected(client, world, settings, session):
    other_admin = world.user("admin", "HRV")
    own_org = world.org("admin")
    create_user(session, own_org, email="colleague@example.org", is_admin=True)
    deactivate(session, other_admin)
    response = await client.patch(
        f"/organisations/{own_org.id}", headers=world.headers("admin", settings), json={"is_active": False}
    )
    assert_last_admin(response)


async def test_other_removals_are_not_refused(client, world, settings, session):
    """The rule refuses only what would leave no admin: here the other state's admin remains."""
    headers = world.headers("admin", settings)
    own_org = world.org("admin")
    de_admined = await client.patch(f"/users/{world.user('admin').id}", headers=headers, json={"is_admin": False})
    assert de_admined.status_code == 200 and de_admined.json()["is_admin"] is False
    # The caller is no admin any more: act as the remaining one.
    headers = world.headers("admin", settings, "HRV")
    org_off = await client.patch(f"/organisations/{own_org.id}", headers=headers, json={"is_active": False})
    assert org_off.status_code == 200 and org_off.json()["is_active"] is False
    user_off = await client.patch(f"/users/{world.user('cso').id}", headers=headers, json={"is_active": False})
    assert user_off.status_code == 200
