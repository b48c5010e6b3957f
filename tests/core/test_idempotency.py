"""`Idempotency-Key` on creates: a retry gets the first answer and creates nothing; a different
request under the same key is a 409; keys are per organisation and expire."""

from datetime import timedelta

import pytest
from sqlmodel import func, select

from api.core.types import utcnow
from api.idempotency.deps import idempotency
from api.idempotency.models import IdempotencyKey
from api.tracking.models import Evidence, ProgressUpdate
from tests.factories import OWN_STATE
from tests.matrix.routes import ROUTES

# Creates that must not replay: a login, a password change, and a service token (its secret is shown once).
# Not creations: a login, a password change, a token (shown once), and an analysis that stores nothing.
NOT_IDEMPOTENT = {
    ("POST", "/auth/token"),
    ("POST", "/auth/me/password"),
    ("POST", "/auth/service-tokens"),
    ("POST", "/recommendations/analyse"),
    # An answer to an invitation: repeating it changes nothing (idempotent by nature, no key needed).
    ("POST", "/submissions/{submission_id}/parties/{party_id}/accept"),
    ("POST", "/submissions/{submission_id}/parties/{party_id}/decline"),
    ("POST", "/advocacy/invitations/{coalition_id}/accept"),
    ("POST", "/advocacy/invitations/{coalition_id}/decline"),
    # A recompute: repeating it answers the same suggestions and keeps every decided match.
    ("POST", "/advocacy/briefs/{brief_id}/uptake-suggestions"),
}


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def _update_body(w, text="The law was amended in May."):
    return {
        "recommendation_id": w.cycle.recommendations[OWN_STATE].id,
        "text": text,
        "reported_on": "2021-05-01",
        "visibility": "public",
    }


def test_every_create_takes_an_idempotency_key():
    def uses_key(dependant) -> bool:
        return any(d.call is idempotency or uses_key(d) for d in dependant.dependencies)

    creates = {(m, p) for m, p, route in ROUTES if m == "POST"} - NOT_IDEMPOTENT
    missing = sorted(f"{m} {p}" for m, p, route in ROUTES if (m, p) in creates and not uses_key(route.dependant))
    assert not missing, f"creates without IdempotencyDep: {missing}"


async def test_a_retry_gets_the_first_answer_and_creates_nothing(client, tracking_world, settings, session):
    w = tracking_world
    headers = {**w.headers("cso", settings), "Idempotency-Key": "push-2021-05-01"}
    before = _count(session, ProgressUpdate)
    first = await client.post("/tracking/progress-updates", json=_update_body(w), headers=headers)
    assert first.status_code == 201, first.text
    reordered = dict(reversed(list(_update_body(w).items())))  # the same request, keys in another order
    again = await client.post("/tracking/progress-updates", json=reordered, headers=headers)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert again.headers["location"] == first.headers["location"] and again.headers["etag"] == first.headers["etag"]
    assert _count(session, ProgressUpdate) == before + 1


async def test_the_same_key_for_a_different_request_is_a_409(client, tracking_world, settings, session):
    w = tracking_world
    headers = {**w.headers("cso", settings), "Idempotency-Key": "k-1"}
    assert (await client.post("/tracking/progress-updates", json=_update_body(w), headers=headers)).status_code == 201
    before = _count(session, ProgressUpdate)
    clash = await client.post("/tracking/progress-updates", json=_update_body(w, "Another text."), headers=headers)
    assert clash.status_code == 409 and clash.json()["field"] == "Idempotency-Key"
    assert clash.json()["type"] == "urn:upr-tracker:problem:idempotency-key-reused"
    other_route = await client.post(
        "/tracking/assessments",
        headers=headers,
        json={
            "recommendation_id": w.cycle.recommendations[OWN_STATE].id,
            "rating": "partial",
            "assessed_on": "2021-05-01",
            "visibility": "public",
        },
    )
    assert other_route.status_code == 409
    assert _count(session, ProgressUpdate) == before


async def test_keys_belong_to_an_organisation(client, tracking_world, settings, session):
    w = tracking_world
    before = _count(session, ProgressUpdate)
    for role in ("cso", "nhri"):
        response = await client.post(
            "/tracking/progress-updates",
            json=_update_body(w),
            headers={**w.headers(role, settings), "Idempotency-Key": "shared-name"},
        )
        assert response.status_code == 201 and "idempotent-replayed" not in response.headers
    assert _count(session, ProgressUpdate) == before + 2
    # a service token of the same organisation shares its keys
    token = {"Authorization": f"Bearer {w.service_tokens[('cso', OWN_STATE)][1]}", "Idempotency-Key": "shared-name"}
    replay = await client.post("/tracking/progress-updates", json=_update_body(w), headers=token)
    assert replay.headers.get("idempotent-replayed") == "true"


async def test_a_failed_request_keeps_no_key(client, tracking_world, settings, session):
    w = tracking_world
    headers = {**w.headers("cso", settings), "Idempotency-Key": "fix-and-retry"}
    bad = await client.post(
        "/tracking/progress-updates", json={**_update_body(w), "reported_on": "2999-01-01"}, headers=headers
    )
    assert bad.status_code == 422
    assert _count(session, IdempotencyKey) == 0
    fixed = await client.post("/tracking/progress-updates", json=_update_body(w), headers=headers)
    assert fixed.status_code == 201 and "idempotent-replayed" not in fixed.headers


async def test_multipart_uploads_replay_whatever_the_boundary(client, tracking_world, settings, session):
    w = tracking_world
    update = w.tracking.updates[("cso", OWN_STATE)]
    headers = {**w.headers("cso", settings), "Idempotency-Key": "upload-1"}
    before = _count(session, Evidence)
    answers = []
    for _ in range(2):  # httpx draws a new boundary for each request
        answers.append(
            await client.post(
                "/tracking/evidence",
                headers=headers,
                data={"progress_update_id": str(update.id), "description": "minutes"},
                files={"file": ("minutes.txt", b"Meeting minutes\n", "text/plain")},
            )
        )
    assert [a.status_code for a in answers] == [201, 201] and answers[0].json() == answers[1].json()
    assert _count(session, Evidence) == before + 1
    different = await client.post(
        "/tracking/evidence",
        headers=headers,
        data={"progress_update_id": str(update.id), "description": "minutes"},
        files={"file": ("minutes.txt", b"Other minutes\n", "text/plain")},
    )
    assert different.status_code == 409


async def test_keys_expire_after_a_day(client, tracking_world, settings, session):
    w = tracking_world
    headers = {**w.headers("cso", settings), "Idempotency-Key": "old"}
    assert (await client.post("/tracking/progress-updates", json=_update_body(w), headers=headers)).status_code == 201
    record = session.exec(select(IdempotencyKey)).one()
    record.created_at = utcnow() - timedelta(hours=25)
    session.add(record)
    session.flush()
    again = await client.post("/tracking/progress-updates", json=_update_body(w, "A new week."), headers=headers)
    assert again.status_code == 201 and "idempotent-replayed" not in again.headers


@pytest.mark.parametrize("key", ["", " ", "x" * 256, "tab\there"])
async def test_a_malformed_key_is_a_422(client, tracking_world, settings, key):
    response = await client.post(
        "/tracking/progress-updates",
        json=_update_body(tracking_world),
        headers={**tracking_world.headers("cso", settings), "Idempotency-Key": key},
    )
    assert response.status_code == 422 and response.json()["field"] == "Idempotency-Key"
