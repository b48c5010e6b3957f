"""Issue 14, the plan's public history: a government moved an overdue milestone's due date from
2025-03-31 to 2027-03-31 and it left the overdue list without a visible trace, and could erase plan
rows. Those who hold it to account (an NHRI, anyone for the public plan) now see the change — who as
an organisation, when, old → new —, the milestone stays marked rescheduled, and a delete withdraws.
"""

from datetime import date

import pytest
from sqlmodel import select

from api.core.types import utcnow
from api.tracking.models import Indicator, Measurement, Milestone, PlanChange
from tests.factories import OTHER_STATE, OWN_STATE
from tests.helpers import patch_after_read
from tests.tracking.plans.helpers import problem
from tests.tracking_factories import create_action, create_indicator, create_milestone

TODAY = date(2026, 1, 15)


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    from api.core import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


async def history(client, path: str, headers: dict | None = None) -> list[dict]:
    response = await client.get(f"{path}/history", headers=headers or {}, params={"limit": 500})
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["items"])
    return page["items"]


async def ids(client, path: str, **params) -> list[int]:
    response = await client.get(path, params={**params, "limit": 500})
    assert response.status_code == 200, response.text
    return [row["id"] for row in response.json()["items"]]


async def test_a_rescheduled_overdue_milestone_shows_its_old_and_new_due_date_to_everyone(
    client, tracking_world, settings, session, today
):
    w = tracking_world
    gov = w.headers("government", settings)
    created = await client.post(
        "/tracking/milestones",
        headers=gov,
        json={"action_id": w.tracking.actions[OWN_STATE].id, "title": "Law on Roma housing", "due_date": "2025-03-31"},
    )
    assert created.status_code == 201, created.text
    path = f"/tracking/milestones/{created.json()['id']}"
    assert created.json()["id"] in await ids(client, "/tracking/milestones/overdue", state=OWN_STATE)

    moved = await patch_after_read(client, path, headers=gov, json={"due_date": "2027-03-31"})
    assert moved.status_code == 200, moved.text
    assert created.json()["id"] not in await ids(client, "/tracking/milestones/overdue", state=OWN_STATE)
    body = moved.json()
    assert (body["due_date"], body["original_due_date"], body["rescheduled"], body["overdue"]) == (
        "2027-03-31",
        "2025-03-31",
        True,
        False,
    )

    government = w.org("government")
    anonymous: dict[str, str] = {}
    for caller in (anonymous, w.headers("nhri", settings), w.headers("cso", settings, OTHER_STATE)):
        created_entry, change = await history(client, path, caller)
        assert created_entry["kind"] == "created"
        assert {"field": "due_date", "old": None, "new": "2025-03-31"} in created_entry["changes"]
        assert change["kind"] == "changed"
        assert change["changes"] == [{"field": "due_date", "old": "2025-03-31", "new": "2027-03-31"}]
        assert change["summary"] == "due_date 2025-03-31 → 2027-03-31"
        # Who: the organisation, never a person.
        assert change["by"] == {"id": government.id, "name": government.name, "kind": "government"}
        assert change["at"] >= created_entry["at"]
        user = w.user("government")
        assert user.email not in str(change) and f"'user_id': {user.id}" not in str(change)


async def test_only_milestones_moved_later_are_rescheduled_and_the_dashboard_counts_them(
    client, tracking_world, settings, session, today
):
    w = tracking_world
    gov = w.headers("government", settings)
    action = w.tracking.actions[OWN_STATE]
    later, earlier, untouched = (create_milestone(session, action, due_date=date(2025, 3, 31)) for _ in range(3))
    assert (
        await patch_after_read(client, f"/tracking/milestones/{later.id}", headers=gov, json={"due_date": "2027-03-31"})
    ).is_success
    assert (
        await patch_after_read(
            client, f"/tracking/milestones/{earlier.id}", headers=gov, json={"due_date": "2024-12-31"}
        )
    ).is_success
    back = await patch_after_read(
        client, f"/tracking/milestones/{later.id}", headers=gov, json={"due_date": "2025-03-31"}
    )
    assert back.json()["rescheduled"] is True  # moved later once: marked for good

    assert await ids(client, "/tracking/milestones", state=OWN_STATE, rescheduled="true") == [later.id]
    not_rescheduled = await ids(client, "/tracking/milestones", state=OWN_STATE, rescheduled="false")
    assert later.id not in not_rescheduled and {earlier.id, untouched.id} <= set(not_rescheduled)
    read = (await client.get(f"/tracking/milestones/{earlier.id}")).json()
    assert (read["rescheduled"], read["original_due_date"]) == (False, "2025-03-31")

    board = await client.get("/tracking/dashboard", params={"state": OWN_STATE})
    assert board.status_code == 200, board.text
    assert board.json()["milestones"]["rescheduled"] == 1


async def test_a_deleted_milestone_is_withdrawn_and_stays_in_its_history(client, tracking_world, settings, session):
    w = tracking_world
    gov = w.headers("government", settings)
    milestone = w.tracking.milestones[OWN_STATE]
    path = f"/tracking/milestones/{milestone.id}"
    assert (await client.delete(path, headers=gov)).status_code == 204

    kept = session.get(Milestone, milestone.id)
    assert kept is not None and kept.withdrawn_at is not None
    read = await client.get(path)
    assert read.status_code == 200 and read.json()["withdrawn_at"] is not None
    assert milestone.id not in await ids(client, "/tracking/milestones", state=OWN_STATE)
    assert milestone.id not in await ids(client, "/tracking/milestones/overdue", state=OWN_STATE)
    [withdrawal] = await history(client, path, w.headers("nhri", settings))
    assert (withdrawal["kind"], withdrawal["summary"], withdrawal["by"]["id"]) == (
        "withdrawn",
        "withdrawn",
        w.org("government").id,
    )
    problem(await patch_after_read(client, path, headers=gov, json={"title": "Back"}), 409, slug="plan-row-withdrawn")


async def test_deleted_indicators_and_measurements_are_withdrawn_not_erased(client, tracking_world, settings, session):
    w = tracking_world
    indicator = w.tracking.indicators[OWN_STATE]
    measurement = w.tracking.measurements[("nhri", OWN_STATE)]
    nhri = w.org("nhri")
    nhri.public_name = "Equality Watch"  # a pseudonymous poster: shown by its public name
    session.add(nhri)
    session.flush()
    path = f"/tracking/indicators/{indicator.id}/measurements/{measurement.id}"
    assert (await client.delete(path, headers=w.headers("nhri", settings))).status_code == 204
    assert session.get(Measurement, measurement.id).withdrawn_at is not None
    assert measurement.id not in await ids(client, f"/tracking/indicators/{indicator.id}/measurements")
    assert (await client.get(path)).json()["withdrawn_at"] is not None
    [withdrawal] = await history(client, path)
    assert withdrawal["kind"] == "withdrawn"
    assert withdrawal["by"] == {"id": nhri.id, "name": "Equality Watch", "kind": "nhri"}
    assert nhri.name not in str(await history(client, path, w.headers("government", settings)))
    [own_view] = await history(client, path, w.headers("nhri", settings))
    assert own_view["by"]["name"] == nhri.name  # its own members see the real name

    # The admin's measurement is not the government's to remove; the admin withdraws it, then the
    # government may withdraw the indicator, kept with its history.
    admin_measurement = w.tracking.measurements[("admin", OWN_STATE)]
    admin = w.headers("admin", settings)
    assert (
        await client.delete(f"/tracking/indicators/{indicator.id}/measurements/{admin_measurement.id}", headers=admin)
    ).status_code == 204
    assert (
        await client.delete(f"/tracking/indicators/{indicator.id}", headers=w.headers("government", settings))
    ).status_code == 204
    assert session.get(Indicator, indicator.id).withdrawn_at is not None
    assert indicator.id not in await ids(client, "/tracking/indicators", state=OWN_STATE)
    assert [e["kind"] for e in await history(client, f"/tracking/indicators/{indicator.id}")] == ["withdrawn"]


async def test_a_hidden_rows_history_is_a_404_like_a_missing_ones(client, tracking_world, settings, session):
    """Plan rows are public to all, so the only ones hidden are those archived before the history
    existed (deleted while posts referred to them): their history is as missing as a deleted row's."""
    w = tracking_world
    milestone = w.tracking.milestones[OTHER_STATE]
    action = w.tracking.actions[OTHER_STATE]
    for row in (milestone, action):
        row.archived_at = utcnow()
        session.add(row)
    session.flush()
    indicator = w.tracking.indicators[OTHER_STATE]
    for path in (
        f"/tracking/milestones/{milestone.id}",
        f"/tracking/actions/{action.id}",
        f"/tracking/indicators/{indicator.id}",
        f"/tracking/indicators/{indicator.id}/measurements/{w.tracking.measurements[('nhri', OTHER_STATE)].id}",
        f"/tracking/milestones/{2**31 - 1}",
    ):
        anonymous: dict[str, str] = {}
        for caller in (anonymous, w.headers("nhri", settings), w.headers("government", settings)):
            problem(await client.get(f"{path}/history", headers=caller), 404)
    # Another state's public row's history is public, as the row is.
    other = w.tracking.milestones[OWN_STATE]
    other_nhri = w.headers("nhri", settings, OTHER_STATE)
    assert (await client.get(f"/tracking/milestones/{other.id}/history", headers=other_nhri)).status_code == 200
    # The measurement history is reached through its own indicator only.
    own_measurement = w.tracking.measurements[("nhri", OWN_STATE)]
    problem(
        await client.get(
            f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}/measurements/"
            f"{w.tracking.measurements[('nhri', OTHER_STATE)].id}/history"
        ),
        404,
    )
    assert own_measurement.id is not None
    assert session.exec(select(PlanChange)).all() == []  # reading a history writes nothing


# --- the review of issue 14: what left the plan is findable; no personal data in the history ---------


async def feed(client, state: str = OWN_STATE, headers: dict | None = None, **params) -> list[dict]:
    response = await client.get(
        "/tracking/plan-changes", headers=headers or {}, params={"state": state, **params, "limit": 500}
    )
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["items"])
    return page["items"]


async def test_withdrawn_plan_rows_are_listed_with_withdrawn_true_and_in_the_state_wide_feed(
    client, tracking_world, settings, session
):
    """Withdrawing an overdue milestone took it off every list: now `withdrawn=true` lists it (and
    withdrawn actions and indicators), and `/tracking/plan-changes` shows the state's changes without
    knowing any id, to everyone."""
    w = tracking_world
    gov = w.headers("government", settings)
    action = w.tracking.actions[OWN_STATE]
    overdue = create_milestone(session, action, due_date=date(2025, 3, 31))
    spare = create_action(session, OWN_STATE, title="Spare action")
    spare_indicator = create_indicator(session, OWN_STATE, action=spare, name="Spare indicator")
    assert (await client.delete(f"/tracking/milestones/{overdue.id}", headers=gov)).status_code == 204
    assert (await client.delete(f"/tracking/actions/{spare.id}", headers=gov)).status_code == 204

    assert overdue.id not in await ids(client, "/tracking/milestones", state=OWN_STATE)
    assert await ids(client, "/tracking/milestones", state=OWN_STATE, withdrawn="true") == [overdue.id]
    assert await ids(client, "/tracking/milestones", state=OTHER_STATE, withdrawn="true") == []
    assert await ids(client, "/tracking/actions", state=OWN_STATE, withdrawn="true") == [spare.id]
    assert spare.id not in await ids(client, "/tracking/actions", state=OWN_STATE, withdrawn="false")
    assert await ids(client, "/tracking/indicators", state=OWN_STATE, withdrawn="true") == [spare_indicator.id]

    anonymous: dict[str, str] = {}
    for caller in (anonymous, w.headers("nhri", settings), w.headers("cso", settings, OTHER_STATE)):
        entries = await feed(client, headers=caller)
        # Newest first: the action's withdrawal after its indicator's, after the milestone's.
        assert [(e["entity"], e["entity_id"], e["kind"]) for e in entries] == [
            ("action", spare.id, "withdrawn"),
            ("indicator", spare_indicator.id, "withdrawn"),
            ("milestone", overdue.id, "withdrawn"),
        ]
        assert entries[0]["by"]["id"] == w.org("government").id
    assert [e["entity_id"] for e in await feed(client, entity="milestone")] == [overdue.id]
    assert await feed(client, kind="created") == []
    assert await feed(client, OTHER_STATE) == []
    # The feed shows what the rows' histories show, entry for entry.
    [own] = await history(client, f"/tracking/milestones/{overdue.id}")
    assert (await feed(client, entity="milestone"))[0] == own

    for params, field in (({"state": "XX"}, "state"), ({"state": OWN_STATE, "entity": "post"}, "entity")):
        failed = await client.get("/tracking/plan-changes", params=params)
        assert failed.status_code == 422 and field in failed.text, failed.text
    assert (await client.get("/tracking/plan-changes")).status_code == 422


async def test_the_feed_and_the_withdrawn_lists_keep_archived_rows_hidden(client, tracking_world, settings, session):
    """Rows archived before the history existed answer as deleted ones: not listed as withdrawn, not
    in the feed, and moving their action records no entry for them (no gap in the entries' ids)."""
    w = tracking_world
    action = create_action(session, OWN_STATE, title="Moving action")
    create_milestone(session, action, due_date=date(2025, 3, 31))
    archived = create_milestone(session, action, due_date=date(2025, 3, 31))
    archived.archived_at = archived.withdrawn_at = utcnow()
    session.add(archived)
    session.flush()
    moved = await patch_after_read(
        client, f"/tracking/actions/{action.id}", headers=w.headers("admin", settings), json={"state_code": OTHER_STATE}
    )
    assert moved.status_code == 200, moved.text
    assert archived.id not in await ids(client, "/tracking/milestones", state=OTHER_STATE, withdrawn="true")
    entries = await feed(client, OTHER_STATE)
    assert entries and archived.id not in {e["entity_id"] for e in entries}
    stored = session.exec(select(PlanChange).where(PlanChange.entity_id == archived.id)).all()
    assert stored == []
    assert [e["id"] for e in entries] == sorted((e["id"] for e in entries), reverse=True)


async def test_the_dashboard_counts_milestones_withdrawn_and_those_cancelled_or_withdrawn_while_overdue(
    client, tracking_world, settings, session
):
    w = tracking_world
    gov = w.headers("government", settings)
    action = w.tracking.actions[OWN_STATE]
    past, future = date(2025, 3, 31), date(2099, 3, 31)
    cancelled_overdue, withdrawn_overdue, cancelled_early, withdrawn_early, cancelled_then_withdrawn = (
        create_milestone(session, action, due_date=due) for due in (past, past, future, future, past)
    )
    done_then_withdrawn = create_milestone(session, action, due_date=past)
    for m in (cancelled_overdue, cancelled_early, cancelled_then_withdrawn):
        changed = await patch_after_read(
            client, f"/tracking/milestones/{m.id}", headers=gov, json={"status": "cancelled"}
        )
        assert changed.status_code == 200, changed.text
    done = await patch_after_read(
        client, f"/tracking/milestones/{done_then_withdrawn.id}", headers=gov, json={"status": "done"}
    )
    assert done.status_code == 200, done.text
    for m in (withdrawn_overdue, withdrawn_early, cancelled_then_withdrawn, done_then_withdrawn):
        assert (await client.delete(f"/tracking/milestones/{m.id}", headers=gov)).status_code == 204

    board = await client.get("/tracking/dashboard", params={"state": OWN_STATE})
    assert board.status_code == 200, board.text
    counts = board.json()["milestones"]
    assert counts["withdrawn"] == 4
    # cancelled_overdue, withdrawn_overdue, cancelled_then_withdrawn; never the early or done ones.
    assert counts["cancelled_or_withdrawn_while_overdue"] == 3
    assert (await client.get("/tracking/dashboard", params={"state": OTHER_STATE})).json()["milestones"][
        "withdrawn"
    ] == 0


async def test_the_history_keeps_no_personal_data_of_a_focal_point(client, tracking_world, settings, session):
    """`contact` holds a person's name, email and phone: the history says it changed, never the values."""
    w = tracking_world
    gov = w.headers("government", settings)
    first, second = "Ana Novak, ana.novak@gov.si, +386 1 234 5678", "Marko Kralj, marko.kralj@gov.si"
    created = await client.post(
        "/tracking/actions",
        headers=gov,
        json={"state_code": OWN_STATE, "title": "Roma employment", "contact": first},
    )
    assert created.status_code == 201, created.text
    path = f"/tracking/actions/{created.json()['id']}"
    changed = await patch_after_read(
        client, path, headers=gov, json={"contact": second, "title": "Roma employment plan"}
    )
    assert changed.status_code == 200, changed.text

    creation, change = await history(client, path, w.headers("nhri", settings))
    assert {"field": "contact", "old": None, "new": None} in creation["changes"]
    assert {"field": "contact", "old": None, "new": None} in change["changes"]
    assert "contact changed" in change["summary"]
    assert "title Roma employment → Roma employment plan" in change["summary"]
    shown = str(await history(client, path)) + str(await feed(client))
    stored = str([c.changes for c in session.exec(select(PlanChange)).all()])
    for value in ("Novak", "ana.novak", "Kralj", "marko.kralj", "5678"):
        assert value not in shown and value not in stored
