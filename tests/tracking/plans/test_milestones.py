"""/tracking/milestones: status and done date kept consistent, overdue computed against today
(deletes that withdraw: test_withdrawal)."""

import secrets
from datetime import timedelta

from api.tracking.models import Evidence, EvidenceKind, Milestone, MilestoneStatus, Visibility
from tests.factories import OTHER_STATE, OWN_STATE
from tests.helpers import patch_after_read
from tests.tracking.plans.helpers import TODAY, problem
from tests.tracking_factories import create_action, create_milestone

DAY = timedelta(days=1)


def new_milestone(world, state=OWN_STATE, **change):
    return {
        "action_id": world.tracking.actions[state].id,
        "title": "Adopt the programme",
        "due_date": "2024-12-31",
        **change,
    }


async def test_crud_with_the_state_taken_from_the_action(client, tracking_world, settings, session, frozen_today):
    w, headers = tracking_world, tracking_world.headers("government", settings)
    created = await client.post("/tracking/milestones", headers=headers, json=new_milestone(w, description="Decree"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["state_code"], body["status"], body["done_date"], body["overdue"]) == (
        OWN_STATE,
        "pending",
        None,
        False,
    )
    read = await client.get(f"/tracking/milestones/{body['id']}")
    assert read.json() == body and read.headers["ETag"] == created.headers["ETag"]
    patched = await patch_after_read(
        client, f"/tracking/milestones/{body['id']}", headers=headers, json={"title": "Adopted"}
    )
    assert patched.status_code == 200 and patched.json()["title"] == "Adopted"
    assert patched.json()["updated_at"] > body["updated_at"]
    assert (await client.delete(f"/tracking/milestones/{body['id']}", headers=headers)).status_code == 204
    assert session.get(Milestone, body["id"]).withdrawn_at is not None


async def test_status_and_done_date_stay_consistent(client, tracking_world, settings, frozen_today):
    w, headers = tracking_world, tracking_world.headers("government", settings)

    async def create(**change) -> dict:
        response = await client.post("/tracking/milestones", headers=headers, json=new_milestone(w, **change))
        assert response.status_code == 201, response.text
        return response.json()

    async def patch(milestone: dict, **change) -> dict:
        response = await patch_after_read(
            client, f"/tracking/milestones/{milestone['id']}", headers=headers, json=change
        )
        assert response.status_code == 200, response.text
        return response.json()

    done_today = await create(status="done")
    assert (done_today["status"], done_today["done_date"]) == ("done", TODAY.isoformat())
    dated = await create(done_date="2024-03-01")
    assert (dated["status"], dated["done_date"]) == ("done", "2024-03-01")
    assert (await patch(dated, title="Kept"))["done_date"] == "2024-03-01"
    assert (await patch(dated, status="done"))["done_date"] == "2024-03-01"  # already done: its date stays
    reopened = await patch(dated, status="in_progress")
    assert (reopened["status"], reopened["done_date"]) == ("in_progress", None)
    redone = await patch(reopened, done_date="2024-04-02")
    assert (redone["status"], redone["done_date"]) == ("done", "2024-04-02")
    cancelled = await patch(redone, status="cancelled")
    assert (cancelled["status"], cancelled["done_date"]) == ("cancelled", None)
    finished = await patch(cancelled, status="done")
    assert finished["done_date"] == TODAY.isoformat()

    for change, field in [
        ({"done_date": (TODAY + DAY).isoformat()}, "done_date"),
        ({"status": "pending", "done_date": "2024-01-01"}, "done_date"),
        ({"status": "cancelled", "done_date": "2024-01-01"}, "done_date"),
        ({"status": "finished"}, "status"),
        ({"due_date": None}, "due_date"),
        ({"action_id": 2**31 - 1}, "action_id"),
        ({"title": " "}, "title"),
    ]:
        problem(await client.post("/tracking/milestones", headers=headers, json=new_milestone(w, **change)), 422, field)
    target = f"/tracking/milestones/{finished['id']}"
    for change, field in [
        ({"done_date": None}, "done_date"),
        ({"status": None}, "status"),
        ({"done_date": (TODAY + DAY).isoformat()}, "done_date"),
        ({"due_date": None}, "due_date"),
    ]:
        problem(await patch_after_read(client, target, headers=headers, json=change), 422, field)
    # Not onto another state's action: that plan is not the caller's to change.
    problem(
        await patch_after_read(client, target, headers=headers, json={"action_id": w.tracking.actions[OTHER_STATE].id}),
        403,
        slug="plan-not-own-state",
    )
    assert (await client.get(target)).json() == finished


async def test_a_milestone_moves_only_between_actions_of_its_state(client, tracking_world, settings, session):
    w = tracking_world
    second = create_action(session, OWN_STATE, title="Second action")
    milestone = w.tracking.milestones[OWN_STATE]
    moved = await patch_after_read(
        client,
        f"/tracking/milestones/{milestone.id}",
        headers=w.headers("government", settings),
        json={"action_id": second.id},
    )
    assert moved.status_code == 200 and moved.json()["action_id"] == second.id
    problem(
        await patch_after_read(
            client,
            f"/tracking/milestones/{milestone.id}",
            headers=w.headers("admin", settings),
            json={"action_id": w.tracking.actions[OTHER_STATE].id},
        ),
        422,
        "action_id",
    )


async def test_overdue_is_past_due_and_neither_done_nor_cancelled(client, tracking_world, session, frozen_today):
    action = tracking_world.tracking.actions[OWN_STATE]
    cases = {
        "past due, pending": (create_milestone(session, action, due_date=TODAY - DAY), True),
        "past due, in progress": (
            create_milestone(session, action, due_date=TODAY - DAY, status=MilestoneStatus.in_progress),
            True,
        ),
        "done yesterday": (
            create_milestone(
                session, action, due_date=TODAY - 2 * DAY, done_date=TODAY - DAY, status=MilestoneStatus.done
            ),
            False,
        ),
        "due today": (create_milestone(session, action, due_date=TODAY), False),
        "cancelled": (create_milestone(session, action, due_date=TODAY - DAY, status=MilestoneStatus.cancelled), False),
        "due tomorrow": (create_milestone(session, action, due_date=TODAY + DAY), False),
    }
    for name, (milestone, overdue) in cases.items():
        body = (await client.get(f"/tracking/milestones/{milestone.id}")).json()
        assert body["overdue"] is overdue, name
    listed = (await client.get("/tracking/milestones", params={"action": action.id, "overdue": True})).json()
    world_milestone = tracking_world.tracking.milestones[OWN_STATE]  # due 2021-01-31, pending
    assert {m["id"] for m in listed["items"]} == {world_milestone.id} | {
        m.id for m, overdue in cases.values() if overdue
    }
    not_overdue = (await client.get("/tracking/milestones", params={"action": action.id, "overdue": False})).json()
    assert {m["id"] for m in not_overdue["items"]} == {m.id for m, overdue in cases.values() if not overdue}
    action_read = (await client.get(f"/tracking/actions/{action.id}")).json()
    assert (action_read["milestone_count"], action_read["overdue_milestone_count"]) == (7, 3)


async def test_the_overdue_list_is_per_state_longest_overdue_first(client, tracking_world, session, frozen_today):
    w = tracking_world
    action = w.tracking.actions[OWN_STATE]
    recent = create_milestone(session, action, due_date=TODAY - DAY)
    oldest = create_milestone(session, action, due_date=TODAY - 3000 * DAY)
    create_milestone(session, action, due_date=TODAY + DAY)
    response = await client.get("/tracking/milestones/overdue", params={"state": "svn", "limit": 2})
    page = response.json()
    assert page["total"] == 3
    rest = (
        await client.get("/tracking/milestones/overdue", params={"state": "SVN", "cursor": page["next_cursor"]})
    ).json()
    assert [m["id"] for m in page["items"] + rest["items"]] == [
        oldest.id,
        w.tracking.milestones[OWN_STATE].id,
        recent.id,
    ]
    assert all(m["overdue"] and m["state_code"] == OWN_STATE for m in page["items"] + rest["items"])
    everywhere = (await client.get("/tracking/milestones/overdue")).json()
    assert w.tracking.milestones[OTHER_STATE].id in {m["id"] for m in everywhere["items"]}


async def test_government_writes_only_its_own_states_milestones(client, tracking_world, settings):
    w = tracking_world
    hrv = w.headers("government", settings, OTHER_STATE)
    problem(
        await client.post("/tracking/milestones", headers=hrv, json=new_milestone(w, OWN_STATE)),
        403,
        slug="plan-not-own-state",
    )
    svn_milestone = f"/tracking/milestones/{w.tracking.milestones[OWN_STATE].id}"
    problem(
        await patch_after_read(client, svn_milestone, headers=hrv, json={"status": "done"}),
        403,
        slug="plan-not-own-state",
    )
    problem(await client.delete(svn_milestone, headers=hrv), 403, slug="plan-not-own-state")
    problem(await client.post("/tracking/milestones", headers=w.headers("nhri", settings), json=new_milestone(w)), 403)


async def test_a_milestone_with_evidence_is_withdrawn_and_the_evidence_and_its_file_kept(
    client, tracking_world, settings, session
):
    """Evidence is a post, the government's own included: the milestone is withdrawn, not deleted, and the
    evidence with its stored file stays readable to its poster."""
    w = tracking_world
    milestone = w.tracking.milestones[OWN_STATE]
    stored_name = secrets.token_hex(16)
    path = settings.evidence_dir / stored_name
    path.write_bytes(b"%PDF-1.4 minutes of the government session")
    evidence = Evidence(
        state_code=OWN_STATE,
        organisation_id=w.org("government").id,
        kind=EvidenceKind.file,
        file_name="minutes.pdf",
        stored_name=stored_name,
        content_type="application/pdf",
        size_bytes=path.stat().st_size,
        visibility=Visibility.shared,
        milestone_id=milestone.id,
    )
    session.add(evidence)
    session.flush()
    headers = w.headers("government", settings)
    response = await client.delete(f"/tracking/milestones/{milestone.id}", headers=headers)
    assert response.status_code == 204, response.text
    assert session.get(Milestone, milestone.id).withdrawn_at is not None
    assert (await client.get(f"/tracking/milestones/{milestone.id}")).json()["withdrawn_at"] is not None
    assert path.read_bytes().startswith(b"%PDF")
    assert (await client.get(f"/tracking/evidence/{evidence.id}", headers=headers)).status_code == 200
    assert (await client.get(f"/tracking/evidence/{evidence.id}/file", headers=headers)).status_code == 200
