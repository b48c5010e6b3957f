"""/tracking/actions: CRUD, the cluster, own-state writes, validation, moves, audit (withdrawal: test_withdrawal)."""

from sqlmodel import select

from api.audit.models import AuditAction
from api.tracking.models import (
    Action,
    ActionRecommendation,
    Evidence,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
)
from tests.cycle_factories import create_recommendation
from tests.factories import OTHER_STATE, OWN_STATE, create_organisation
from tests.helpers import patch_after_read
from tests.tracking.plans.helpers import audit, problem
from tests.tracking_factories import (
    create_action,
    create_indicator,
    create_link_evidence,
    create_measurement,
    create_milestone,
    create_update,
)


def new_action(world, state=OWN_STATE, **change):
    return {
        "state_code": state.lower(),
        "title": "  Roma inclusion programme  ",
        "description": "Preschool places.",
        "responsible_organisation_id": world.org("government", state).id,
        "contact": "focal@gov.si",
        "status": "in_progress",
        "start_date": "2021-01-01",
        "end_date": "2030-12-31",
        "budget_note": "EUR 4.2 million",
        "recommendations": [world.cycle.recommendations[state].id],
        **change,
    }


async def test_government_creates_reads_patches_and_deletes_its_action(client, tracking_world, settings, session):
    w, headers = tracking_world, tracking_world.headers("government", settings)
    created = await client.post("/tracking/actions", headers=headers, json=new_action(w))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["state_code"] == OWN_STATE and body["title"] == "Roma inclusion programme"
    assert body["responsible_organisation"] == {
        "id": w.org("government").id,
        "name": "government org of SVN",
        "kind": "government",
    }
    assert body["recommendations"] == [w.cycle.recommendations[OWN_STATE].id]
    assert (body["indicator_count"], body["milestone_count"], body["overdue_milestone_count"]) == (0, 0, 0)
    read = await client.get(f"/tracking/actions/{body['id']}")
    assert read.json() == body and read.headers["ETag"] == created.headers["ETag"]

    second = create_recommendation(
        session, w.cycle.reviews[OWN_STATE], "Adopt a hate-crime strategy", paragraph="121.2", external_key="second"
    )
    patched = await patch_after_read(
        client,
        f"/tracking/actions/{body['id']}",
        headers=headers,
        json={"status": "completed", "recommendations": [second.id]},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["status"] == "completed" and patched.json()["recommendations"] == [second.id]
    assert patched.json()["updated_at"] > body["updated_at"]
    assert patched.headers["ETag"] != read.headers["ETag"]
    links = session.exec(
        select(ActionRecommendation.recommendation_id).where(ActionRecommendation.action_id == body["id"])
    ).all()
    assert links == [second.id]

    assert (await client.delete(f"/tracking/actions/{body['id']}", headers=headers)).status_code == 204
    withdrawn = await client.get(f"/tracking/actions/{body['id']}")
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"] is not None
    listed = (await client.get("/tracking/actions", params={"state": OWN_STATE, "limit": 500})).json()["items"]
    assert body["id"] not in [a["id"] for a in listed]
    history = (await client.get(f"/tracking/actions/{body['id']}/history")).json()["items"]
    assert [entry["kind"] for entry in history] == ["created", "changed", "withdrawn"]
    first = w.cycle.recommendations[OWN_STATE].id
    assert {"field": "recommendations", "old": None, "new": [first]} in history[0]["changes"]
    assert sorted(history[1]["changes"], key=lambda c: c["field"]) == [
        {"field": "recommendations", "old": [first], "new": [second.id]},
        {"field": "status", "old": "in_progress", "new": "completed"},
    ]


async def test_a_patch_that_changes_nothing_keeps_updated_at(client, tracking_world, settings):
    action = tracking_world.tracking.actions[OWN_STATE]
    before = (await client.get(f"/tracking/actions/{action.id}")).json()
    after = await patch_after_read(
        client,
        f"/tracking/actions/{action.id}",
        headers=tracking_world.headers("government", settings),
        json={"title": before["title"], "recommendations": before["recommendations"]},
    )
    assert after.status_code == 200 and after.json()["updated_at"] == before["updated_at"]


async def test_reads_are_public_with_counts_and_filters(client, tracking_world):
    w = tracking_world
    action = w.tracking.actions[OWN_STATE]
    body = (await client.get(f"/tracking/actions/{action.id}")).json()
    assert (body["indicator_count"], body["milestone_count"], body["overdue_milestone_count"]) == (1, 1, 1)
    assert body["recommendations"] == [w.cycle.recommendations[OWN_STATE].id]
    page = (await client.get("/tracking/actions", params={"state": "svn"})).json()
    assert page["total"] == 1 and [a["id"] for a in page["items"]] == [action.id]
    by_recommendation = await client.get(
        "/tracking/actions", params={"recommendation": w.cycle.recommendations[OTHER_STATE].id}
    )
    assert [a["id"] for a in by_recommendation.json()["items"]] == [w.tracking.actions[OTHER_STATE].id]
    assert (await client.get("/tracking/actions", params={"status": "planned"})).json()["total"] == 0
    by_org = await client.get("/tracking/actions", params={"responsible_organisation": w.org("government").id})
    assert [a["id"] for a in by_org.json()["items"]] == [action.id]
    problem(await client.get("/tracking/actions", params={"status": "finished"}), 422, "status")


async def test_a_pseudonymous_focal_point_shows_its_public_name(client, tracking_world, settings, session):
    w = tracking_world
    agency = create_organisation(session, "government", OWN_STATE, name="Office for Roma", public_name="Office R")
    created = await client.post(
        "/tracking/actions",
        headers=w.headers("admin", settings),
        json=new_action(w, responsible_organisation_id=agency.id),
    )
    assert created.json()["responsible_organisation"]["name"] == "Office for Roma"  # admins see the real name
    anonymous = await client.get(f"/tracking/actions/{created.json()['id']}")
    assert anonymous.json()["responsible_organisation"]["name"] == "Office R"


async def test_government_plans_only_for_its_own_state(client, tracking_world, settings):
    w = tracking_world
    hrv = w.headers("government", settings, OTHER_STATE)
    refused = await client.post("/tracking/actions", headers=hrv, json=new_action(w, OWN_STATE))
    problem(refused, 403, detail="belongs to SVN", slug="plan-not-own-state")
    problem(
        await patch_after_read(
            client, f"/tracking/actions/{w.tracking.actions[OWN_STATE].id}", headers=hrv, json={"title": "Taken over"}
        ),
        403,
        slug="plan-not-own-state",
    )
    problem(
        await client.delete(f"/tracking/actions/{w.tracking.actions[OWN_STATE].id}", headers=hrv),
        403,
        slug="plan-not-own-state",
    )
    problem(await client.post("/tracking/actions", headers=w.headers("nhri", settings), json=new_action(w)), 403)
    problem(await client.post("/tracking/actions", json=new_action(w)), 401)
    admin = await client.post(
        "/tracking/actions", headers=w.headers("admin", settings), json=new_action(w, OTHER_STATE)
    )
    assert admin.status_code == 201 and admin.json()["state_code"] == OTHER_STATE


async def test_a_government_cannot_move_its_action_to_another_state(client, tracking_world, settings):
    w = tracking_world
    action = w.tracking.actions[OWN_STATE]
    problem(
        await patch_after_read(
            client,
            f"/tracking/actions/{action.id}",
            headers=w.headers("government", settings),
            json={"state_code": OTHER_STATE},
        ),
        403,
        slug="plan-not-own-state",
    )


async def test_an_admin_moves_an_action_with_its_indicators_and_milestones(client, tracking_world, settings, session):
    w = tracking_world
    action = w.tracking.actions[OWN_STATE]
    headers = w.headers("admin", settings)
    half = await patch_after_read(
        client, f"/tracking/actions/{action.id}", headers=headers, json={"state_code": OTHER_STATE}
    )
    problem(half, 422, "responsible_organisation_id")  # the SVN ministry cannot run a Croatian action
    moved = await patch_after_read(
        client,
        f"/tracking/actions/{action.id}",
        headers=headers,
        json={
            "state_code": OTHER_STATE,
            "responsible_organisation_id": w.org("government", OTHER_STATE).id,
            "recommendations": [w.cycle.recommendations[OTHER_STATE].id],
        },
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["state_code"] == OTHER_STATE
    assert session.get(Indicator, w.tracking.indicators[OWN_STATE].id).state_code == OTHER_STATE
    assert session.get(Milestone, w.tracking.milestones[OWN_STATE].id).state_code == OTHER_STATE


async def test_validation_names_the_field(client, tracking_world, settings, session):
    w, headers = tracking_world, tracking_world.headers("admin", settings)
    stale_org = create_organisation(session, "government", OWN_STATE, name="Dissolved ministry")
    stale_org.is_active = False
    session.add(stale_org)
    cases = [
        ({"end_date": "2020-12-31"}, "end_date"),
        ({"title": "   "}, "title"),
        ({"state_code": "XYZ"}, "state_code"),
        ({"state_code": "Slovenia"}, "state_code"),
        ({"responsible_organisation_id": w.org("nhri").id}, "responsible_organisation_id"),
        ({"responsible_organisation_id": w.org("government", OTHER_STATE).id}, "responsible_organisation_id"),
        ({"responsible_organisation_id": stale_org.id}, "responsible_organisation_id"),
        ({"responsible_organisation_id": 2**31 - 1}, "responsible_organisation_id"),
        ({"recommendations": [2**31 - 1]}, "recommendations"),
        ({"recommendations": [w.cycle.recommendations[OTHER_STATE].id]}, "recommendations"),
        ({"status": "done"}, "status"),
        ({"start_date": "2021-02-30"}, "start_date"),
    ]
    for change, field in cases:
        problem(await client.post("/tracking/actions", headers=headers, json=new_action(w, **change)), 422, field)
    action = w.tracking.actions[OWN_STATE]
    for change, field in [
        ({"title": None}, "title"),
        ({"status": None}, "status"),
        ({"recommendations": None}, "recommendations"),
        ({"end_date": "2019-12-31"}, "end_date"),
    ]:
        problem(
            await patch_after_read(client, f"/tracking/actions/{action.id}", headers=headers, json=change), 422, field
        )
    problem(await patch_after_read(client, "/tracking/actions/999999", headers=headers, json={"title": "x"}), 404)


async def test_writes_are_audited_with_the_actor(client, tracking_world, settings, session):
    w = tracking_world
    response = await client.post(
        "/tracking/actions",
        headers=w.headers("government", settings) | {"X-Request-ID": "plan-create-1"},
        json=new_action(w),
    )
    assert response.status_code == 201, response.text
    [entry] = audit(session, "action", AuditAction.create, str(response.json()["id"]))
    assert entry.actor_user_id == w.user("government").id
    assert entry.organisation_id == w.org("government").id
    assert entry.request_id == "plan-create-1"
    assert entry.changes["title"] == "Roma inclusion programme" and entry.changes["state_code"] == OWN_STATE
    [link] = [
        e
        for e in audit(session, "action_recommendation", AuditAction.create)
        if e.changes["action_id"] == response.json()["id"]
    ]
    assert link.changes["recommendation_id"] == w.cycle.recommendations[OWN_STATE].id
    patched = await patch_after_read(
        client,
        f"/tracking/actions/{response.json()['id']}",
        headers=w.headers("government", settings),
        json={"status": "cancelled"},
    )
    assert patched.status_code == 200
    [update] = audit(session, "action", AuditAction.update, str(response.json()["id"]))
    assert update.changes["status"] == ["in_progress", "cancelled"]


async def test_a_deactivated_focal_point_does_not_block_other_edits(client, tracking_world, settings, session):
    w = tracking_world
    ministry = w.org("government")
    ministry.is_active = False
    session.add(ministry)
    action = w.tracking.actions[OWN_STATE]
    headers = w.headers("admin", settings)
    assert (
        await patch_after_read(
            client, f"/tracking/actions/{action.id}", headers=headers, json={"budget_note": "Cut by half"}
        )
    ).status_code == 200
    problem(
        await patch_after_read(
            client, f"/tracking/actions/{action.id}", headers=headers, json={"responsible_organisation_id": ministry.id}
        ),
        422,
        "responsible_organisation_id",
    )


async def test_delete_withdraws_milestones_and_indicators_and_keeps_measurements_and_the_cluster(
    client, tracking_world, settings, session
):
    """Nothing is erased: the action, its milestone and indicator are withdrawn, each with its history entry."""
    w = tracking_world
    recommendation = w.cycle.recommendations[OWN_STATE]
    action = create_action(session, OWN_STATE, title="Short-lived", recommendations=(recommendation,))
    indicator = create_indicator(session, OWN_STATE, action=action)
    measurement = create_measurement(session, indicator, w.org("government"), 45.0)
    milestone = create_milestone(session, action)
    response = await client.delete(f"/tracking/actions/{action.id}", headers=w.headers("government", settings))
    assert response.status_code == 204, response.text
    for model, key in ((Action, action.id), (Milestone, milestone.id), (Indicator, indicator.id)):
        assert session.get(model, key).withdrawn_at is not None, model
    assert session.get(Measurement, measurement.id).withdrawn_at is None
    assert session.exec(select(ActionRecommendation).where(ActionRecommendation.action_id == action.id)).all()
    for entity, key in (("action", action.id), ("milestone", milestone.id), ("indicator", indicator.id)):
        assert not audit(session, entity, AuditAction.delete, str(key)), entity
        history = (await client.get(f"/tracking/{entity}s/{key}/history")).json()["items"]
        assert [(e["kind"], e["by"]["id"]) for e in history] == [("withdrawn", w.org("government").id)], entity


async def test_an_admin_moves_an_action_and_posts_keep_their_state(client, tracking_world, settings, session):
    """Whether posts refer to the action never decides a move: the plan rows go, the posts stay where
    they were posted (a `shared` SVN post must not turn into a Croatian one)."""
    w = tracking_world
    action = w.tracking.actions[OWN_STATE]
    milestone = w.tracking.milestones[OWN_STATE]
    update = create_update(session, w.org("cso"), action=action, visibility="confidential")
    evidence = create_link_evidence(session, w.org("government"), milestone=milestone, visibility="shared")
    moved = await patch_after_read(
        client,
        f"/tracking/actions/{action.id}",
        headers=w.headers("admin", settings),
        json={"state_code": OTHER_STATE, "responsible_organisation_id": None, "recommendations": []},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["state_code"] == OTHER_STATE
    assert session.get(Milestone, milestone.id).state_code == OTHER_STATE
    assert session.get(ProgressUpdate, update.id).state_code == OWN_STATE
    assert session.get(Evidence, evidence.id).state_code == OWN_STATE
