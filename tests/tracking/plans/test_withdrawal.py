"""Deleting an action or milestone withdraws it (issue 14), whatever refers to it, so nothing a caller
can observe tells a row with a post apart from one without: a CSO's confidential post must stay
undetectable to the government. Withdrawn rows leave every current view but are read by id and in
their history; rows archived before the history existed stay hidden, as deleted ones.

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
from api.core.types import utcnow
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
    only and an overdue milestone."""
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

    # Both are withdrawn alike, their milestone and indicator with them; nothing is erased.
    for action, indicator, milestone in (
        (plain, plain_indicator, plain_milestone),
        (hidden, hidden_indicator, hidden_milestone),
    ):
        for model, row_id in ((Action, action.id), (Indicator, indicator.id), (Milestone, milestone.id)):
            kept = session.get(model, row_id)
            assert kept is not None and kept.withdrawn_at is not None, model
            assert getattr(kept, "archived_at", None) is None, model
        assert not audit(session, "action", AuditAction.delete, str(action.id))
        [withdrawing] = audit(session, "action", AuditAction.update, str(action.id))
        assert "withdrawn_at" in withdrawing.changes

    # The CSO's post is untouched, still readable by the CSO and still hidden from the government.
    kept_post = session.get(ProgressUpdate, post.id)
    assert (
        kept_post is not None and kept_post.action_id == hidden.id and kept_post.visibility == Visibility.confidential
    )
    read = await client.get(f"/tracking/progress-updates/{post.id}", headers=w.headers("cso", settings))
    assert read.status_code == 200, read.text
    assert read.json()["action_id"] == hidden.id and read.json()["text"].startswith("Police raided")
    problem(await client.get(f"/tracking/progress-updates/{post.id}", headers=w.headers("government", settings)), 404)


def shape(response: httpx.Response) -> tuple[int, list[str], bool]:
    body = response.json()
    return response.status_code, sorted(body), body.get("withdrawn_at") is not None


async def test_a_withdrawn_action_is_out_of_every_current_view_but_read_by_id(
    client, tracking_world, settings, session, two_deleted_actions
):
    w = tracking_world
    (plain, plain_indicator, plain_milestone), (hidden, hidden_indicator, hidden_milestone), _, _ = two_deleted_actions
    gov, nhri, admin = (w.headers(role, settings) for role in ("government", "nhri", "admin"))
    live = w.tracking.actions[OWN_STATE]  # the world's action: still listed, so absence is not vacuous
    recommendation = w.cycle.recommendations[OWN_STATE]

    for template, plain_id, hidden_id in (
        ("/tracking/actions/{id}", plain.id, hidden.id),
        ("/tracking/indicators/{id}", plain_indicator.id, hidden_indicator.id),
        ("/tracking/milestones/{id}", plain_milestone.id, hidden_milestone.id),
    ):
        read_plain = await client.get(template.format(id=plain_id))
        read_hidden = await client.get(template.format(id=hidden_id))
        assert shape(read_plain) == shape(read_hidden) and shape(read_plain)[::2] == (200, True), template
        history = (await client.get(template.format(id=hidden_id) + "/history")).json()["items"]
        assert [entry["kind"] for entry in history] == ["withdrawn"], template
        for method, kwargs in (
            ("PATCH", {"headers": gov, "json": {"title": "Revived"}}),
            ("DELETE", {"headers": gov}),
            ("DELETE", {"headers": admin}),
        ):
            await answered_alike(client, method, template, plain_id, hidden_id, 409, **kwargs)
    await answered_alike(
        client,
        "POST",
        "/tracking/indicators/{id}/measurements",
        plain_indicator.id,
        hidden_indicator.id,
        409,
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
    assert sorted(await listed("/tracking/milestones", overdue="true")) == sorted(
        m.id for m in w.tracking.milestones.values()
    )
    assert await listed("/tracking/milestones/overdue", state="SVN") == [w.tracking.milestones[OWN_STATE].id]

    # Named in a body, it is an unknown action (422 on the field), whatever referred to it.
    for method, path, body in (
        ("POST", "/tracking/indicators", {"action_id": "{id}", "name": "Rehoused families"}),
        ("POST", "/tracking/milestones", {"action_id": "{id}", "title": "Rehousing", "due_date": "2025-01-01"}),
        ("PATCH", f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}", {"action_id": "{id}"}),
        ("PATCH", f"/tracking/milestones/{w.tracking.milestones[OWN_STATE].id}", {"action_id": "{id}"}),
    ):
        answers = []
        for action_id in (plain.id, hidden.id):
            filled = {k: action_id if v == "{id}" else v for k, v in body.items()}
            if_match = {"If-Match": "*"} if method == "PATCH" else {}  # these PATCHes require one (any version)
            response = await client.request(method, path, headers=gov | if_match, json=filled)
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

    for milestone in (plain, hidden):
        assert session.get(Milestone, milestone.id).withdrawn_at is not None
        assert not audit(session, "milestone", AuditAction.delete, str(milestone.id))
        assert "withdrawn_at" in audit(session, "milestone", AuditAction.update, str(milestone.id))[0].changes

    assert shape(await client.get(f"/tracking/milestones/{plain.id}")) == shape(
        await client.get(f"/tracking/milestones/{hidden.id}")
    )
    for method, kwargs in (("PATCH", {"headers": gov, "json": {"status": "done"}}), ("DELETE", {"headers": gov})):
        await answered_alike(client, method, "/tracking/milestones/{id}", plain.id, hidden.id, 409, **kwargs)
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


@pytest.mark.parametrize("cause", ["nothing", "own public update", "own evidence on its milestone", "NHRI measurement"])
async def test_an_action_is_withdrawn_whatever_refers_to_it_and_posts_stay(
    client, tracking_world, settings, session, cause
):
    w = tracking_world
    action, indicator, milestone = plan_action(session, w, "Legal aid")
    kept: tuple[type, int] | None = {
        "nothing": lambda: None,
        "own public update": lambda: (ProgressUpdate, create_update(session, w.org("government"), action=action).id),
        "own evidence on its milestone": lambda: (
            Evidence,
            create_link_evidence(session, w.org("government"), milestone=milestone).id,
        ),
        "NHRI measurement": lambda: (Measurement, create_measurement(session, indicator, w.org("nhri"), 30.0).id),
    }[cause]()
    response = await client.delete(f"/tracking/actions/{action.id}", headers=w.headers("government", settings))
    assert response.status_code == 204, response.text
    assert session.get(Action, action.id).withdrawn_at is not None
    assert kept is None or session.get(*kept) is not None
    read = await client.get(f"/tracking/actions/{action.id}")
    assert read.status_code == 200 and read.json()["withdrawn_at"] is not None
    assert not session.exec(select(Action).where(Action.id == action.id, Action.withdrawn_at.is_(None))).all()


async def test_rows_archived_before_the_history_stay_hidden_as_deleted_ones(client, tracking_world, settings, session):
    """Archived rows were promised to answer as deleted ones (showing them now would betray which had
    hidden posts): a 404 by id and for their history, out of every list."""
    w = tracking_world
    action, indicator, milestone = plan_action(session, w, "Housing programme")
    now = utcnow()
    action.archived_at = milestone.archived_at = now
    session.add_all([action, milestone])
    session.flush()
    for path in (
        f"/tracking/actions/{action.id}",
        f"/tracking/milestones/{milestone.id}",
        f"/tracking/indicators/{indicator.id}",
    ):
        problem(await client.get(path), 404)
        problem(await client.get(f"{path}/history"), 404)
    listed = (await client.get("/tracking/milestones", params={"state": OWN_STATE, "limit": 500})).json()["items"]
    assert milestone.id not in [m["id"] for m in listed]
