"""Themes, affected persons and SDG targets over HTTP: public reads, admin writes, named errors."""

from sqlmodel import select

from api.audit.models import AuditEntry
from api.taxonomy.models import Theme
from api.taxonomy.service import seed_sdg_targets
from tests.cycle_factories import create_affected_person, create_theme
from tests.helpers import assert_problem


async def test_anyone_lists_themes_filtered_by_name_or_code(client, session):
    create_theme(session, "Right to health", code="E41")
    create_theme(session, "Right to education", code="E51")
    create_theme(session, "Rights of the child 100%", code="F31")
    create_theme(session, "Right to health_care")

    everything = (await client.get("/themes")).json()
    assert everything["total"] == 4
    assert [t["name"] for t in everything["items"]] == sorted(t["name"] for t in everything["items"])

    by_name = (await client.get("/themes", params={"q": "HEALTH"})).json()
    assert [t["name"] for t in by_name["items"]] == ["Right to health", "Right to health_care"]
    by_code = (await client.get("/themes", params={"q": "e5"})).json()
    assert [t["code"] for t in by_code["items"]] == ["E51"]
    # LIKE wildcards in the query are literal characters.
    assert [t["name"] for t in (await client.get("/themes", params={"q": "100%"})).json()["items"]] == [
        "Rights of the child 100%"
    ]
    assert [t["name"] for t in (await client.get("/themes", params={"q": "h_c"})).json()["items"]] == [
        "Right to health_care"
    ]
    assert (await client.get("/themes", params={"q": "%"})).json()["total"] == 1


async def test_theme_list_pages_and_filters_children(client, session):
    parent = create_theme(session, "Children")
    for n in range(3):
        child = Theme(name=f"Children {n}", parent_id=parent.id)
        session.add(child)
    session.flush()
    first = (await client.get("/themes", params={"parent_id": parent.id, "limit": 2})).json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["next_cursor"]
    rest = (await client.get("/themes", params={"parent_id": parent.id, "cursor": first["next_cursor"]})).json()
    assert [t["name"] for t in first["items"] + rest["items"]] == ["Children 0", "Children 1", "Children 2"]
    assert rest["next_cursor"] is None


async def test_admin_creates_a_theme_under_a_parent(client, world, settings, session):
    parent = create_theme(session, "Children")
    response = await client.post(
        "/themes",
        headers=world.headers("admin", settings),
        json={"name": "Children: family environment", "code": "F32", "parent_id": parent.id},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["parent_id"] == parent.id and body["code"] == "F32"
    got = await client.get(f"/themes/{body['id']}")
    assert got.json() == body and got.headers["ETag"]
    assert session.exec(
        select(AuditEntry).where(AuditEntry.entity == "theme", AuditEntry.entity_id == str(body["id"]))
    ).one()


async def test_duplicate_theme_name_or_code_is_409_naming_the_field(client, world, settings, session):
    create_theme(session, "Right to health", code="E41")
    headers = world.headers("admin", settings)
    name = await client.post("/themes", headers=headers, json={"name": "RIGHT TO HEALTH"})
    assert assert_problem(name, 409, "already-exists", "already exists")["field"] == "name"
    code = await client.post("/themes", headers=headers, json={"name": "Health", "code": "e41"})
    assert assert_problem(code, 409, "already-exists", "already exists")["field"] == "code"


async def test_unknown_parent_and_bad_input_are_422_naming_the_field(client, world, settings):
    headers = world.headers("admin", settings)
    parent = await client.post("/themes", headers=headers, json={"name": "Orphan", "parent_id": 999_999})
    assert assert_problem(parent, 422, "validation-error", "999999")["field"] == "parent_id"
    blank = await client.post("/themes", headers=headers, json={"name": ""})
    assert assert_problem(blank, 422, "validation-error", "name")["field"] == "name"
    long_code = await client.post("/themes", headers=headers, json={"name": "X", "code": "C" * 17})
    assert assert_problem(long_code, 422, "validation-error", "code")["field"] == "code"


async def test_only_admins_write_themes(client, world, settings, session):
    theme = create_theme(session)
    for role in ("government", "nhri", "cso", "un"):
        refused = await client.post("/themes", headers=world.headers(role, settings), json={"name": "Mine"})
        assert_problem(refused, 403, "forbidden", "taxonomy:write")
    anonymous = await client.patch(f"/themes/{theme.id}", json={"name": "Mine"})
    assert_problem(anonymous, 401, "unauthorized", "")


async def test_admin_renames_a_theme_with_if_match(client, world, settings, session):
    theme = create_theme(session, "Equality")
    headers = world.headers("admin", settings)
    etag = (await client.get(f"/themes/{theme.id}")).headers["ETag"]
    renamed = await client.patch(
        f"/themes/{theme.id}",
        headers={**headers, "If-Match": etag},
        json={"name": "Equality & non-discrimination", "code": "B31"},
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Equality & non-discrimination" and renamed.headers["ETag"] != etag
    stale = await client.patch(f"/themes/{theme.id}", headers={**headers, "If-Match": etag}, json={"code": "B32"})
    assert_problem(stale, 412, "precondition-failed", "changed")
    # Same name in another case is a rename of itself, not a duplicate.
    recased = await client.patch(f"/themes/{theme.id}", headers=headers, json={"name": "EQUALITY & non-discrimination"})
    assert recased.status_code == 200, recased.text
    cleared = await client.patch(f"/themes/{theme.id}", headers=headers, json={"code": None})
    assert cleared.json()["code"] is None


async def test_theme_update_errors_name_the_field(client, world, settings, session):
    top = create_theme(session, "Top")
    middle = Theme(name="Middle", parent_id=top.id)
    session.add(middle)
    session.flush()
    other = create_theme(session, "Other")
    headers = world.headers("admin", settings)

    null_name = await client.patch(f"/themes/{top.id}", headers=headers, json={"name": None})
    assert assert_problem(null_name, 422, "validation-error", "name")["field"] == "name"
    taken = await client.patch(f"/themes/{top.id}", headers=headers, json={"name": "other"})
    assert assert_problem(taken, 409, "already-exists", "already exists")["field"] == "name"
    itself = await client.patch(f"/themes/{top.id}", headers=headers, json={"parent_id": top.id})
    assert assert_problem(itself, 422, "validation-error", "cycle")["field"] == "parent_id"
    loop = await client.patch(f"/themes/{top.id}", headers=headers, json={"parent_id": middle.id})
    assert assert_problem(loop, 422, "validation-error", "cycle")["field"] == "parent_id"
    unknown = await client.patch(f"/themes/{top.id}", headers=headers, json={"parent_id": 999_999})
    assert assert_problem(unknown, 422, "validation-error", "Unknown parent")["field"] == "parent_id"
    moved = await client.patch(f"/themes/{middle.id}", headers=headers, json={"parent_id": other.id})
    assert moved.json()["parent_id"] == other.id
    detached = await client.patch(f"/themes/{middle.id}", headers=headers, json={"parent_id": None})
    assert detached.json()["parent_id"] is None


async def test_unknown_theme_is_404(client, world, settings):
    assert_problem(await client.get("/themes/999999"), 404, "not-found", "Theme 999999")
    missing = await client.patch("/themes/999999", headers=world.headers("admin", settings), json={"name": "X"})
    assert_problem(missing, 404, "not-found", "Theme 999999")


async def test_affected_persons_list_create_get(client, world, settings, session):
    create_affected_person(session, "Roma, Gypsies, Sinti & Travellers")
    create_affected_person(session, "Women")
    listed = (await client.get("/affected-persons", params={"q": "ROMA"})).json()
    assert [p["name"] for p in listed["items"]] == ["Roma, Gypsies, Sinti & Travellers"]
    assert (await client.get("/affected-persons")).json()["total"] == 2

    headers = world.headers("admin", settings)
    created = await client.post("/affected-persons", headers=headers, json={"name": "Older persons"})
    assert created.status_code == 201, created.text
    got = await client.get(f"/affected-persons/{created.json()['id']}")
    assert got.json() == created.json() and got.headers["ETag"]

    duplicate = await client.post("/affected-persons", headers=headers, json={"name": "women"})
    assert assert_problem(duplicate, 409, "already-exists", "already exists")["field"] == "name"
    refused = await client.post("/affected-persons", headers=world.headers("cso", settings), json={"name": "Youth"})
    assert_problem(refused, 403, "forbidden", "taxonomy:write")
    assert_problem(await client.get("/affected-persons/999999"), 404, "not-found", "999999")


async def test_the_169_sdg_targets_by_goal(client, session):
    assert seed_sdg_targets(session) == 169
    assert seed_sdg_targets(session) == 0
    everything = (await client.get("/sdg-targets", params={"limit": 500})).json()
    assert everything["total"] == 169
    assert [t["goal"] for t in everything["items"]] == sorted(t["goal"] for t in everything["items"])
    goal16 = (await client.get("/sdg-targets", params={"goal": 16})).json()
    assert goal16["total"] == 12
    assert {t["code"] for t in goal16["items"]} == {f"16.{n}" for n in range(1, 11)} | {"16.a", "16.b"}
    assert (await client.get("/sdg-targets", params={"goal": 17})).json()["total"] == 19

    target = (await client.get("/sdg-targets/16.10")).json()
    assert target["goal"] == 16 and target["title"].startswith("Ensure public access to information")
    assert (await client.get("/sdg-targets/1.A")).json()["code"] == "1.a"


async def test_sdg_target_errors(client, session):
    seed_sdg_targets(session)
    bad_goal = await client.get("/sdg-targets", params={"goal": 18})
    assert assert_problem(bad_goal, 422, "validation-error", "goal")["field"] == "goal"
    assert_problem(await client.get("/sdg-targets/16.99"), 404, "not-found", "16.99")
    assert_problem(await client.get("/sdg-targets/not-a-target"), 404, "not-found", "not-a-target")
