"""Issue 14, "existence oracles": what a caller may not see leaves no trace in what it may see.

Two worlds: world A holds something hidden from an outside reader (a post once confidential, a
CSO's confidential update and assessment, a plan row that hidden posts refer to), world B does not;
the same reads by the same outsiders must answer alike. Each world is built in a savepoint of the
test's transaction and rolled back, so both start from the same tracking world. Ids are random
(`api.core.ids`): the test seeds their draws per world, so rows both worlds create get the same ids.
Request ids and report times are normalised away; the posts' timestamps are reduced to which of them
are equal (`ordinal_times`), since a hidden earlier version would show as a time of its own.
"""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, cast

import pytest
from sqlalchemy.engine import Connection
from sqlmodel import Session

from api.auth.models import OrganisationKind
from api.core import ids
from api.tracking.models import Action, Milestone, ProgressUpdate, Visibility
from tests.factories import OTHER_STATE, OWN_STATE
from tests.tracking.posts.helpers import new_member
from tests.tracking_factories import create_link_evidence, create_update

# What two equal worlds may still differ in: when a report was made, request ids.
CHANGING = {"generated_at", "request_id"}
# When things happened: compared as which of them are equal (`ordinal_times`), or blanked (null or not
# still compared) where a world's own writes make them differ anyway.
TIMES = {"created_at", "updated_at", "withdrawn_at"}


class SeededDraws:
    """Stands in for `secrets` in `api.core.ids`: the same draws in each world."""

    def __init__(self) -> None:
        self.rng = random.Random()

    def randbelow(self, n: int) -> int:
        return self.rng.randrange(n)

    def reseed(self) -> None:
        self.rng.seed(14)


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> SeededDraws:
    seeded = SeededDraws()
    monkeypatch.setattr(ids, "secrets", seeded)
    return seeded


@contextmanager
def world(session: Session, draws: SeededDraws | None = None) -> Iterator[None]:
    """What the body writes (through the API or the session) is undone afterwards."""
    session.commit()
    before = set(session.identity_map.keys())
    connection = cast(Connection, session.get_bind())  # the test's connection, in its outer transaction
    connection.exec_driver_sql("SAVEPOINT two_worlds")
    if draws is not None:
        draws.reseed()
    try:
        yield
    finally:
        session.rollback()
        connection.exec_driver_sql("ROLLBACK TO SAVEPOINT two_worlds")
        connection.exec_driver_sql("RELEASE SAVEPOINT two_worlds")
        for key in list(session.identity_map.keys()):  # the world's rows are gone: forget them
            if key not in before:
                session.expunge(session.identity_map[key])
        session.expire_all()


def normalised(value: Any, *, keep_times: bool = False) -> Any:
    blanked = CHANGING if keep_times else CHANGING | TIMES
    if isinstance(value, dict):
        return {
            k: "…" if k in blanked and v is not None else normalised(v, keep_times=keep_times) for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [normalised(v, keep_times=keep_times) for v in value]
    return value


def ordinal_times(value: Any, seen: dict[str, int] | None = None) -> Any:
    """Every timestamp replaced by the order in which it first appears: what is left is which are equal."""
    seen = {} if seen is None else seen
    if isinstance(value, dict):
        return {
            k: f"@{seen.setdefault(v, len(seen))}" if k in TIMES and isinstance(v, str) else ordinal_times(v, seen)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [ordinal_times(v, seen) for v in value]
    return value


async def answer(
    client, method: str, path: str, headers: dict[str, str], *, keep_times: bool = False, **kwargs
) -> tuple[int, str, Any]:
    response = await client.request(method, path, headers=headers, **kwargs)
    body = response.json() if response.content else None
    return response.status_code, response.headers.get("content-type", ""), normalised(body, keep_times=keep_times)


def outsiders(tracking_world, session, settings) -> dict[str, dict[str, str]]:
    """Callers who may see the world's public posts but not a CSO's confidential ones."""
    w = tracking_world
    _, other_cso = new_member(session, settings, OrganisationKind.cso, OWN_STATE, "Roma Rights Watch")
    return {
        "anonymous": {},
        "government of another state": w.headers("government", settings, OTHER_STATE),
        "another cso of the state": other_cso,
        "the state's government": w.headers("government", settings),
    }


def ordinal_ids(value: Any, seen: dict[int, int] | None = None) -> Any:
    """Every id replaced by the order in which it first appears: what is left is which ids are equal."""
    seen = {} if seen is None else seen
    if isinstance(value, dict):
        return {
            k: (
                f"#{seen.setdefault(v, len(seen))}"
                if (k == "id" or k.endswith("_id")) and isinstance(v, int)
                else ordinal_ids(v, seen)
            )
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [ordinal_ids(v, seen) for v in value]
    return value


async def test_outsiders_read_the_same_posts_counts_and_refusals_whether_or_not_hidden_posts_exist(
    client, tracking_world, session, settings, draws
):
    """Finding (b), with counts and delete answers: a post that was confidential and is now public shows
    the revisions an outsider may see (1), not 2, and the times of those (created and last updated when
    its public version was written, as its only visible revision); a CSO's confidential update and newer assessment
    change no list, total, count, current rating or matrix cell; asking for, correcting or deleting
    them answers exactly as for ids that never existed."""
    w = tracking_world
    callers = outsiders(w, session, settings)
    cso = w.headers("cso", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    reads = (
        "/tracking/progress-updates?limit=500",
        f"/tracking/progress-updates?state={OWN_STATE}&recommendation={recommendation.id}",
        "/tracking/assessments?limit=500",
        "/tracking/assessments?current=true&limit=500",
        f"/tracking/recommendations/{recommendation.id}/assessments",
        f"/tracking/dashboard?state={OWN_STATE}",
        f"/tracking/matrix?state={OWN_STATE}",
        f"/tracking/reports/mid-term?state={OWN_STATE}",
    )
    final = {"text": "The municipality rehoused 14 Roma families.", "visibility": "public"}
    hidden: dict[str, int] = {}

    async def observe(published: int) -> list[Any]:
        seen: list[Any] = []
        for name, headers in callers.items():
            for path in (
                *reads,
                f"/tracking/progress-updates/{published}",
                f"/tracking/progress-updates/{published}/revisions",
            ):
                seen.append((name, path, await answer(client, "GET", path, headers, keep_times=True)))
            for kind, hidden_id in hidden.items():
                path = f"/tracking/{kind}/{hidden_id}"
                for method, body in (("GET", None), ("PATCH", {"visibility": "public"}), ("DELETE", None)):
                    seen.append((name, method, path, await answer(client, method, path, headers, json=body)))
        return ordinal_times(seen)

    with world(session, draws):  # A: first confidential, then published; then hidden posts
        created = await client.post(
            "/tracking/progress-updates",
            headers=cso,
            json={
                "recommendation_id": recommendation.id,
                "text": "Named activists were threatened by the police in Maribor.",
                "reported_on": "2021-05-01",
                "visibility": "confidential",
            },
        )
        assert created.status_code == 201, created.text
        published = created.json()["id"]
        corrected = await client.patch(f"/tracking/progress-updates/{published}", headers=cso, json=final)
        assert corrected.status_code == 200 and corrected.json()["revision"] == 2  # the poster sees both
        update = await client.post(
            "/tracking/progress-updates",
            headers=cso,
            json={
                "recommendation_id": recommendation.id,
                "text": "Confidential.",
                "reported_on": "2021-06-01",
                "visibility": "confidential",
            },
        )
        assessment = await client.post(
            "/tracking/assessments",
            headers=cso,
            json={
                "recommendation_id": recommendation.id,
                "rating": "implemented",
                "assessed_on": "2021-12-01",
                "visibility": "confidential",
            },
        )
        assert update.status_code == assessment.status_code == 201
        hidden = {"progress-updates": update.json()["id"], "assessments": assessment.json()["id"]}
        seen_in_a = await observe(published)

    with world(session, draws):  # B: published from the start; nothing hidden
        created = await client.post(
            "/tracking/progress-updates",
            headers=cso,
            json={"recommendation_id": recommendation.id, "reported_on": "2021-05-01", **final},
        )
        assert created.status_code == 201 and created.json()["id"] == published  # the same draw
        seen_in_b = await observe(published)

    assert seen_in_a == seen_in_b
    by_anonymous = {entry[1]: entry[2] for entry in seen_in_a if entry[0] == "anonymous" and len(entry) == 3}
    shown = by_anonymous[f"/tracking/progress-updates/{published}"][2]
    assert shown["revision"] == 1
    revisions = by_anonymous[f"/tracking/progress-updates/{published}/revisions"][2]
    assert [r["revision"] for r in revisions["items"]] == [1] and revisions["total"] == 1
    assert shown["created_at"] == shown["updated_at"] == revisions["items"][0]["created_at"]
    refused = [entry[3] for entry in seen_in_a if len(entry) == 4 and entry[0] != "anonymous"]
    assert refused and all(status == 404 for status, _, _ in refused)


async def test_deleting_the_newest_plan_row_gives_its_id_to_no_one(client, tracking_world, session, settings):
    """Finding (a): on SQLite a truly deleted newest action or milestone had its id handed to the next
    one, an archived one (hidden posts refer to it) did not, so the government learnt whether hidden
    posts referred to it. World A: nothing refers to them; world B: a CSO's confidential update refers
    to the action and its confidential evidence to the milestone. The government's answers, ids
    reduced to which of them are equal, are the same."""
    w = tracking_world
    government = w.headers("government", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]

    async def government_view(refer: bool) -> list[Any]:
        seen: list[Any] = []
        action = await client.post(
            "/tracking/actions",
            headers=government,
            json={"state_code": OWN_STATE, "title": "Rehousing programme", "recommendations": [recommendation.id]},
        )
        milestone = await client.post(
            "/tracking/milestones",
            headers=government,
            json={
                "action_id": w.tracking.actions[OWN_STATE].id,
                "title": "Rehouse 14 families",
                "due_date": "2025-01-01",
            },
        )
        assert action.status_code == milestone.status_code == 201, (action.text, milestone.text)
        action_id, milestone_id = action.json()["id"], milestone.json()["id"]
        seen += [action.json(), milestone.json()]
        if refer:
            create_update(
                session, w.org("cso"), action=session.get(Action, action_id), visibility=Visibility.confidential
            )
            create_link_evidence(
                session,
                w.org("cso"),
                milestone=session.get(Milestone, milestone_id),
                visibility=Visibility.confidential,
            )
            session.commit()
        for path in (f"/tracking/milestones/{milestone_id}", f"/tracking/actions/{action_id}"):
            seen.append(await answer(client, "DELETE", path, government))
            seen.append(await answer(client, "GET", path, government))
        again = await client.post(
            "/tracking/actions",
            headers=government,
            json={"state_code": OWN_STATE, "title": "Rehousing programme", "recommendations": [recommendation.id]},
        )
        again_milestone = await client.post(
            "/tracking/milestones",
            headers=government,
            json={
                "action_id": w.tracking.actions[OWN_STATE].id,
                "title": "Rehouse 14 families",
                "due_date": "2025-01-01",
            },
        )
        seen += [again.json(), again_milestone.json()]
        assert again.json()["id"] != action_id and again_milestone.json()["id"] != milestone_id
        return ordinal_ids(normalised(seen))

    with world(session):
        nothing_refers = await government_view(refer=False)
    with world(session):
        hidden_posts_refer = await government_view(refer=True)
    assert nothing_refers == hidden_posts_refer


async def test_ids_of_consecutive_creations_are_not_consecutive(client, tracking_world, settings):
    """Finding (c): sequential ids counted, in their gaps, the posts a reader may not see (in every
    state). Posts, evidence and plan rows now take random ids: no order, no gaps to count."""
    w = tracking_world
    cso, government = w.headers("cso", settings), w.headers("government", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    created: dict[str, list[int]] = {}
    for kind, headers, body in (
        (
            "progress-updates",
            cso,
            {"recommendation_id": recommendation.id, "text": "Update.", "reported_on": "2021-05-01"},
        ),
        (
            "assessments",
            cso,
            {"recommendation_id": recommendation.id, "rating": "partial", "assessed_on": "2021-05-01"},
        ),
        ("actions", government, {"state_code": OWN_STATE, "title": "Programme"}),
        (
            "milestones",
            government,
            {"action_id": w.tracking.actions[OWN_STATE].id, "title": "Step", "due_date": "2025-01-01"},
        ),
        (
            "evidence",
            cso,
            {"progress_update_id": w.tracking.updates[("cso", OWN_STATE)].id, "url": "https://example.org/r"},
        ),
    ):
        for _ in range(4):
            if kind == "evidence":
                response = await client.post(f"/tracking/{kind}", headers=headers, data=body)
            else:
                response = await client.post(f"/tracking/{kind}", headers=headers, json=body)
            assert response.status_code == 201, response.text
            created.setdefault(kind, []).append(response.json()["id"])
    for kind, made in created.items():
        steps = {later - earlier for earlier, later in zip(made, made[1:], strict=False)}
        assert 1 not in steps and len(steps) == len(made) - 1, (kind, made)  # no +1, no fixed stride
        assert all(ids.LOWEST <= i <= ids.HIGHEST for i in made), (kind, made)


def test_a_taken_random_id_is_drawn_again_before_the_insert(session, tracking_world):
    """A draw that hits a stored id, or another new row's in the same flush, is replaced before the
    INSERT, so a collision never fails a request."""
    w = tracking_world
    taken = w.tracking.updates[("cso", OWN_STATE)]
    taken_id = taken.id
    rows = [
        ProgressUpdate(
            id=taken_id,  # as if the draw had hit a stored id
            state_code=OWN_STATE,
            organisation_id=w.org("cso").id,
            recommendation_id=w.cycle.recommendations[OWN_STATE].id,
            text=f"Update {n}.",
            reported_on=date(2021, 1, 1),
            visibility=Visibility.public,
        )
        for n in range(3)
    ]
    session.add_all(rows)
    session.flush()
    stored = [row.id or 0 for row in rows]
    assert taken_id not in stored and len(set(stored)) == 3
    assert all(ids.LOWEST <= i <= ids.HIGHEST for i in stored)
    assert session.get(ProgressUpdate, taken_id).text == taken.text
