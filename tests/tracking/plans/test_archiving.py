"""Deleting an action or milestone that posts refer to archives it instead, and nothing a caller can
observe tells the two apart: a CSO's confidential post must stay undetectable to the government.

Each test deletes two rows built alike, one with a post the government cannot see and one without,
and compares what the government gets back, then and afterwards.
"""

import json
import re
from typing import Any

import httpx
import pytest
from sqlmodel import select

from api.audit.models import AuditAction
from api.tracking.models import (
    Action,
    Evidence,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Visibility,
)
from tests.factories import OWN_STATE
from tests.tracking.plans.helpers import audit, problem
from tests.tracking_factories import (
    create_action,
    create_indicator,
    create_link_evidence,
    create_measurement,
    create_milestone,
    create_update,
)

UNCOMPARABLE_HEADERS = {"date", "x-request-id"}


def comparable(response: httpx.Response, row_id: int) -> tuple[int, str, dict[str, str]]:
    """Status, body and headers, with what differs between any two requests (request id, date) and the
    row's own id taken out."""
    body = response.content.decode()
    headers = {k: v for k, v in response.headers.items() if k not in UNCOMPARABLE_HEADERS}
    if response.content and headers.get("content-type", "").endswith("json"):
        problem_body = response.json()
        problem_body.pop("request_id", None)
        body = re.sub(rf"\b{row_id}\b", "<id>", json.dumps(problem_body, sort_keys=True))
        headers.pop("content-length", None)  # the ids' digits may differ in number
    return response.status_code, body, headers


async def answered_alike(
    client: httpx.AsyncClient, method: str, template: str, plain_id: int, hidden_id: int, status: int, **kwargs: Any
) -> None:
    plain = await client.request(method, template.format(id=plain_id), **kwargs)
    hidden = await client.request(method, template.format(id=hidden_id), **kwargs)
    assert plain.status_code == status, (method, template, plain.text)
    assert comparable(plain, plain_id) == comparable(hidden, hidden_id), (method, template)


def plan_action(session, world, title: str) -> tuple[Action, Indicator, Milestone]:
    """An SVN action answering the state's recommendation, with an indicator measured by the government
    only and an overdue milestone: nothing on it stops a real delete."""
    action = create_action(
        session,
        OWN_STATE,
        title=title,
        responsible=world.org("government"),
        recommendations=(world.cycle.recommendations[OWN_STATE],),
    )
    indicator = create_indicator(session, OWN_STATE, action=action)
    create_measurement(session, indicator, world.org("government"), 45.0)
    return action, indicator, create_milestone(session, action)


@pytest.fixture
async def two_deleted_actions(client, tracking_world, settings, session):
    """The government deletes `plain` and `hidden`, alike but for the CSO's confidential progress update
    about `hidden`. Returns the rows, the post and both DELETE responses."""
    w = tracking_world
    plain = plan_action(session, w, "Housing programme")
    hidden = plan_action(session, w, "Housing programme")
    post = create_update(
        session,
        w.org("cso"),
        action=hidden[0],
        visibility=Visibility.confidential,
        text="Police raided the settlement the programme was meant to rehouse.",
    )
    headers = w.headers("government", settings)
    problem(await client.get(f"/tracking/progress-updates/{post.id}", headers=headers), 404)
    responses = [await client.delete(f"/tracking/actions/{rows[0].id}", headers=headers) for rows in (plain, hidden)]
    return plain, hidden, post, responses


async def test_deleting_an_action_answers_alike_with_or_without_a_confidential_post(
    client, tracking_world, settings, session, two_deleted_actions
):
    w = tracking_world
    (plain, plain_indicator, plain_milestone), (hidden, hidden_indicator, hidden_milestone), post, responses = (
        two_deleted_actions
    )
    without_post, with_post = responses
    assert without_post.status_code == 204, without_post.text
    assert comparable(without_post, plain.id) == comparable(with_post, hidden.id)

    # Without a post the action really went, audited as a delete, with its milestone and indicator.
    assert session.get(Action, plain.id) is None
    assert session.get(Milestone, plain_milestone.id) is None and session.get(Indicator, plain_indicator.id) is None
    assert audit(session, "action", AuditAction.delete, str(plain.id))

    # With one it is archived (audited as an update), its milestone with it; the rows stay.
    archived = session.get(Action, hidden.id)
    assert archived is not None and archived.archived_at is not None
    assert session.get(Milestone, hidden_milestone.id).archived_at is not None
    assert session.get(Indicator, hidden_indicator.id) is not None
    assert not audit(session, "action", AuditAction.delete, str(hidden.id))
    [archiving] = audit(session, "action", AuditAction.update, str(hidden.id))
    assert "archived_at" in archiving.changes

    # The CSO's post is untouched, still readable by the CSO and still hidden from the government.
    kept = session.get(ProgressUpdate, post.id)
    assert kept is not None and kept.action_id == hidden.id and kept.visibility == Visibility.confidential
    read = await client.get(f"/tracking/progress-updates/{post.id}", headers=w.headers("cso", settings))
    assert read.status_code == 200, read.text
    assert read.json()["action_id"] == hidden.id and read.json()["text"].startswith("Police raided")
    problem(await client.get(f"/tracking/progress-updates/{post.id}", headers=w.headers("government", settings)), 404)


async def test_an_archived_action_is_gone_from_every_plan_read_like_a_deleted_one(
    client, tracking_world, settings, session, two_deleted_actions
):
    w = tracking_world
    (plain, plain_indicator, plain_milestone), (hidden, hidden_indicator, hidden_milestone), _, _ = two_deleted_actions
    gov, nhri, admin = (w.headers(role, settings) for role in ("government", "nhri", "admin"))
    live = w.tracking.actions[OWN_STATE]  # the world's action: still listed, so absence is not vacuous
    recommendation = w.cycle.recommendations[OWN_STATE]

    for method, kwargs in (
        ("GET", {}),
        ("PATCH", {"headers": gov, "json": {"title": "Revived"}}),
        ("DELETE", {"headers": gov}),
        ("DELETE", {"headers": admin}),
    ):
        await answered_alike(client, method, "/tracking/actions/{id}", plain.id, hidden.id, 404, **kwargs)
        await answered_alike(
            client, method, "/tracking/indicators/{id}", plain_indicator.id, hidden_indicator.id, 404, **kwargs
        )
        await answered_alike(
            client, method, "/tracking/milestones/{id}", plain_milestone.id, hidden_milestone.id, 404, **kwargs
        )
    await answered_alike(
        client, "GET", "/tracking/indicators/{id}/measurements", plain_indicator.id, hidden_indicator.id, 404
    )
    await answered_alike(
        client,
        "POST",
        "/tracking/indicators/{id}/measurements",
        plain_indicator.id,
        hidden_indicator.id,
        404,
        headers=nhri,
        json={"value": 50, "measured_on": "2023-01-01"},
    )

    async def listed(path: str, **params) -> list[int]:
        response = await client.get(path, params={**params, "limit": 500})
        assert response.status_code == 200, response.text
        page = response.json()
        assert page["total"] == len(page["items"])  # counts agree with the items
        return [row["id"] for row in page["items"]]

    assert await listed("/tracking/actions", state="SVN") == [live.id]
    assert await listed("/tracking/actions", recommendation=recommendation.id) == [live.id]
    assert await listed("/tracking/indicators", state="SVN") == [w.tracking.indicators[OWN_STATE].id]
    assert await listed("/tracking/indicators", recommendation=recommendation.id) == [
        w.tracking.indicators[OWN_STATE].id
    ]
    assert await listed("/tracking/indicators", action=hidden.id) == []
    assert await listed("/tracking/milestones", state="SVN") == [w.tracking.milestones[OWN_STATE].id]
    assert await listed("/tracking/milestones", action=hidden.id) == []
    assert await listed("/tracking/milestones", overdue="true") == sorted(m.id for m in w.tracking.milestones.values())
    assert await listed("/tracking/milestones/overdue", state="SVN") == [w.tracking.milestones[OWN_STATE].id]

    # Named in a body, it is an unknown action (422 on the field), as the deleted one is.
    for method, path, body in (
        ("POST", "/tracking/indicators", {"action_id": "{id}", "name": "Rehoused families"}),
        ("POST", "/tracking/milestones", {"action_id": "{id}", "title": "Rehousing", "due_date": "2025-01-01"}),
        ("PATCH", f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}", {"action_id": "{id}"}),
        ("PATCH", f"/tracking/milestones/{w.tracking.milestones[OWN_STATE].id}", {"action_id": "{id}"}),
    ):
        answers = []
        for action_id in (plain.id, hidden.id):
            filled = {k: action_id if v == "{id}" else v for k, v in body.items()}
            response = await client.request(method, path, headers=gov, json=filled)
            problem(response, 422, "action_id")
            answers.append(comparable(response, action_id))
        assert answers[0] == answers[1], (method, path)


async def test_deleting_a_milestone_answers_alike_with_or_without_confidential_evidence(
    client, tracking_world, settings, session
):
    w = tracking_world
    action = w.tracking.actions[OWN_STATE]
    gov, cso = w.headers("government", settings), w.headers("cso", settings)
    plain, hidden = create_milestone(session, action, title="Decree"), create_milestone(session, action, title="Decree")
    evidence = create_link_evidence(
        session,
        w.org("cso"),
        milestone=hidden,
        visibility=Visibility.confidential,
        url="https://example.org/eviction-photos",
    )
    problem(await client.get(f"/tracking/evidence/{evidence.id}", headers=gov), 404)
    before = (await client.get(f"/tracking/actions/{action.id}")).json()
    assert (before["milestone_count"], before["overdue_milestone_count"]) == (3, 3)

    without_evidence = await client.delete(f"/tracking/milestones/{plain.id}", headers=gov)
    with_evidence = await client.delete(f"/tracking/milestones/{hidden.id}", headers=gov)
    assert without_evidence.status_code == 204, without_evidence.text
    assert comparable(without_evidence, plain.id) == comparable(with_evidence, hidden.id)

    assert session.get(Milestone, plain.id) is None
    assert audit(session, "milestone", AuditAction.delete, str(plain.id))
    assert session.get(Milestone, hidden.id).archived_at is not None
    assert not audit(session, "milestone", AuditAction.delete, str(hidden.id))
    assert "archived_at" in audit(session, "milestone", AuditAction.update, str(hidden.id))[0].changes

    for method, kwargs in (
        ("GET", {}),
        ("PATCH", {"headers": gov, "json": {"status": "done"}}),
        ("DELETE", {"headers": gov}),
    ):
        await answered_alike(client, method, "/tracking/milestones/{id}", plain.id, hidden.id, 404, **kwargs)
    after = (await client.get(f"/tracking/actions/{action.id}")).json()
    assert (after["milestone_count"], after["overdue_milestone_count"]) == (1, 1)
    world_milestone = w.tracking.milestones[OWN_STATE].id
    for path, params in (
        ("/tracking/milestones", {"action": action.id}),
        ("/tracking/milestones", {"state": "SVN"}),
        ("/tracking/milestones/overdue", {"state": "SVN"}),
    ):
        page = (await client.get(path, params=params)).json()
        assert ([m["id"] for m in page["items"]], page["total"]) == ([world_milestone], 1), path

    kept = session.get(Evidence, evidence.id)
    assert kept is not None and kept.milestone_id == hidden.id
    read = await client.get(f"/tracking/evidence/{evidence.id}", headers=cso)
    assert read.status_code == 200 and read.json()["url"] == "https://example.org/eviction-photos"
    problem(await client.get(f"/tracking/evidence/{evidence.id}", headers=gov), 404)


@pytest.mark.parametrize("cause", ["own public update", "own evidence on its milestone", "NHRI measurement"])
async def test_any_post_or_other_organisations_measurement_archives_the_action(
    client, tracking_world, settings, session, cause
):
    """Own posts count too: were they deleted with the action, their survival would tell the government
    that someone else's post had turned the delete into an archive."""
    w = tracking_world
    action, indicator, milestone = plan_action(session, w, "Legal aid")
    kept: tuple[type, int] = {
        "own public update": lambda: (ProgressUpdate, create_update(session, w.org("government"), action=action).id),
        "own evidence on its milestone": lambda: (
            Evidence,
            create_link_evidence(session, w.org("government"), milestone=milestone).id,
        ),
        "NHRI measurement": lambda: (Measurement, create_measurement(session, indicator, w.org("nhri"), 30.0).id),
    }[cause]()
    response = await client.delete(f"/tracking/actions/{action.id}", headers=w.headers("government", settings))
    assert response.status_code == 204, response.text
    assert session.get(Action, action.id).archived_at is not None
    assert session.get(*kept) is not None
    problem(await client.get(f"/tracking/actions/{action.id}"), 404)
    assert not session.exec(select(Action).where(Action.id == action.id, Action.archived_at.is_(None))).all()
