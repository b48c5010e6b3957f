"""Organisations and users: admin management, unique emails, pseudonyms, deactivation."""

from sqlmodel import select

from api.auth.models import OrganisationKind, User
from api.auth.security import create_access_token
from tests.factories import bearer, create_organisation, create_user
from tests.helpers import assert_problem, login


async def test_admin_creates_a_user_who_can_log_in(client, world, settings):
    response = await client.post(
        "/users",
        headers=world.headers("admin", settings),
        json={
            "email": "New.Person@Example.org",
            "full_name": "New Person",
            "password": "a long enough password",
            "organisation_id": world.org("nhri").id,
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["email"] == "new.person@example.org"
    assert "password" not in response.text
    assert (await login(client, "NEW.PERSON@example.org", "a long enough password")).status_code == 200


async def test_duplicate_email_is_409_whatever_the_case(client, world, settings, session):
    existing = world.user("cso").email
    response = await client.post(
        "/users",
        headers=world.headers("admin", settings),
        json={
            "email": existing.upper(),
            "full_name": "Twin",
            "password": "a long enough password",
            "organisation_id": world.org("cso").id,
        },
    )
    body = assert_problem(response, 409, "already-exists", "already exists")
    assert body["field"] == "email"
    assert len(session.exec(select(User).where(User.email == existing)).all()) == 1


async def test_short_password_and_bad_email_are_422_naming_the_field(client, world, settings):
    headers = world.headers("admin", settings)
    base = {
        "email": "x@example.org",
        "full_name": "X",
        "password": "a long enough password",
        "organisation_id": world.org("cso").id,
    }
    short = await client.post("/users", headers=headers, json={**base, "password": "short"})
    assert assert_problem(short, 422, "validation-error", "password")["field"] == "password"
    bad = await client.post("/users", headers=headers, json={**base, "email": "not-an-email"})
    assert assert_problem(bad, 422, "validation-error", "email")["field"] == "email"
    unknown_org = await client.post("/users", headers=headers, json={**base, "organisation_id": 987654})
    assert assert_problem(unknown_org, 422, "validation-error", "organisation")["field"] == "organisation_id"


async def test_deactivating_a_user_revokes_access_at_once(client, world, settings):
    target = world.user("government")
    headers = world.headers("government", settings)
    assert (await client.get("/auth/me", headers=headers)).status_code == 200
    response = await client.patch(
        f"/users/{target.id}", headers=world.headers("admin", settings), json={"is_active": False}
    )
    assert response.status_code == 200 and response.json()["is_active"] is False
    assert (await client.get("/auth/me", headers=headers)).status_code == 401


async def test_changed_password_replaces_the_old_one(client, world, settings):
    target = world.user("un")
    response = await client.patch(
        f"/users/{target.id}", headers=world.headers("admin", settings), json={"password": "a brand new passphrase"}
    )
    assert response.status_code == 200
    assert (await login(client, target.email)).status_code == 400  # invalid_grant
    assert (await login(client, target.email, "a brand new passphrase")).status_code == 200


async def test_users_list_filters_by_organisation(client, world, settings):
    org = world.org("nhri", "HRV")
    response = await client.get(f"/users?organisation_id={org.id}", headers=world.headers("admin", settings))
    assert response.status_code == 200
    assert [u["id"] for u in response.json()["items"]] == [world.user("nhri", "HRV").id]
    assert response.json()["total"] == 1


async def test_pseudonymous_cso_shows_its_real_name_only_to_admins_and_itself(client, world, settings, session):
    cso = create_organisation(
        session, OrganisationKind.cso, "SVN", name="Roma Rights Defenders Maribor", public_name="Coalition A"
    )
    member = create_user(session, cso, email="member@roma.example.org")
    url = f"/organisations/{cso.id}"
    anonymous = await client.get(url)
    government = await client.get(url, headers=world.headers("government", settings))
    admin = await client.get(url, headers=world.headers("admin", settings))
    token, _ = create_access_token(member.id, settings)
    itself = await client.get(url, headers=bearer(token))
    assert anonymous.json()["name"] == "Coalition A"
    assert government.json()["name"] == "Coalition A"
    assert admin.json()["name"] == "Roma Rights Defenders Maribor"
    assert itself.json()["name"] == "Roma Rights Defenders Maribor"
    listing = await client.get(
        "/organisations?state=SVN&kind=cso&limit=500", headers=world.headers("government", settings)
    )
    assert "Roma Rights Defenders" not in listing.text
    assert "Coalition A" in listing.text


async def test_organisation_needs_a_known_state_and_a_unique_name(client, world, settings):
    headers = world.headers("admin", settings)
    unknown = await client.post(
        "/organisations", headers=headers, json={"name": "Somewhere NHRI", "kind": "nhri", "state_code": "XXX"}
    )
    assert assert_problem(unknown, 422, "validation-error", "XXX")["field"] == "state_code"
    duplicate = await client.post(
        "/organisations",
        headers=headers,
        json={"name": world.org("cso").name.upper(), "kind": "cso", "state_code": "svn"},
    )
    assert assert_problem(duplicate, 409, "already-exists", "already exists")["field"] == "name"
    bad_kind = await client.post(
        "/organisations", headers=headers, json={"name": "X", "kind": "church", "state_code": "SVN"}
    )
    assert assert_problem(bad_kind, 422, "validation-error", "kind")["field"] == "kind"


async def test_deactivated_organisations_are_hidden_from_non_admins(client, world, settings):
    org = world.org("academic", "HRV")
    await client.patch(f"/organisations/{org.id}", headers=world.headers("admin", settings), json={"is_active": False})
    assert (await client.get(f"/organisations/{org.id}")).status_code == 404
    assert (await client.get(f"/organisations/{org.id}", headers=world.headers("admin", settings))).json()[
        "is_active"
    ] is False
