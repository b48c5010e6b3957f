"""Issue 14, accountability: a post others could see is withdrawn when deleted (kept, marked, out of
current views, its history still readable), never erased — except the posting organisation's own
confidential post, which is erased so that a CSO can take back what endangers it."""

from sqlmodel import select

from api.tracking.models import Assessment, AssessmentRevision, ProgressUpdate, ProgressUpdateRevision
from tests.factories import OWN_STATE
from tests.tracking.posts.helpers import ids, problem


async def post(client, headers, kind: str, body: dict) -> int:
    response = await client.post(f"/tracking/{kind}", headers=headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_a_government_deleting_its_public_update_withdraws_it_and_its_history_stays(
    client, tracking_world, settings, session
):
    w = tracking_world
    government, nhri = w.headers("government", settings), w.headers("nhri", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    update_id = await post(
        client,
        government,
        "progress-updates",
        {
            "recommendation_id": recommendation.id,
            "text": "All Roma settlements have water.",
            "reported_on": "2021-05-01",
            "visibility": "public",
        },
    )
    path = f"/tracking/progress-updates/{update_id}"
    assert (await client.patch(path, headers=government, json={"text": "Most have water."})).status_code == 200

    assert (await client.delete(path, headers=government)).status_code == 204

    kept = await client.get(path)  # anonymous: it was public
    assert kept.status_code == 200 and kept.json()["withdrawn_at"] is not None
    assert kept.json()["text"] == "Most have water." and kept.json()["revision"] == 2
    history = (await client.get(f"{path}/revisions")).json()
    assert [r["text"] for r in history["items"]] == ["All Roma settlements have water.", "Most have water."]
    listed, total = await ids(client, f"/tracking/progress-updates?recommendation={recommendation.id}", nhri)
    assert update_id not in listed and total == len(listed)
    withdrawn, withdrawn_total = await ids(client, "/tracking/progress-updates?withdrawn=true", nhri)
    assert (withdrawn, withdrawn_total) == ([update_id], 1)
    # Kept as it was: no correction, no second delete, no new evidence.
    problem(await client.patch(path, headers=government, json={"text": "Changed."}), 409, slug="post-withdrawn")
    problem(await client.delete(path, headers=government), 409, slug="post-withdrawn")
    evidence = await client.post(
        "/tracking/evidence", headers=government, data={"progress_update_id": str(update_id), "url": "https://e.org/x"}
    )
    problem(evidence, 409, slug="post-withdrawn")
    assert session.get(ProgressUpdate, update_id) is not None


async def test_a_government_cannot_erase_a_published_update_by_making_it_confidential_first(
    client, tracking_world, settings, session
):
    w = tracking_world
    government = w.headers("government", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    update_id = await post(
        client,
        government,
        "progress-updates",
        {
            "recommendation_id": recommendation.id,
            "text": "Evictions stopped.",
            "reported_on": "2021-05-01",
            "visibility": "shared",
        },
    )
    path = f"/tracking/progress-updates/{update_id}"
    assert (await client.patch(path, headers=government, json={"visibility": "confidential"})).status_code == 200
    assert (await client.delete(path, headers=government)).status_code == 204
    session.expire_all()
    assert session.get(ProgressUpdate, update_id).withdrawn_at is not None
    # The state's NHRI, who may see it now, finds it withdrawn with its whole history.
    nhri = w.headers("nhri", settings)
    kept = await client.get(path, headers=nhri)
    assert kept.status_code == 200 and kept.json()["withdrawn_at"] is not None
    history = (await client.get(f"{path}/revisions", headers=nhri)).json()["items"]
    assert [(r["revision"], r["visibility"]) for r in history] == [(1, "shared"), (2, "confidential")]


async def test_a_cso_deleting_its_own_confidential_posts_erases_them(client, tracking_world, settings, session):
    """Even one it had published first: a CSO must be able to take back what endangers it."""
    w = tracking_world
    cso, admin = w.headers("cso", settings), w.headers("admin", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    update_id = await post(
        client,
        cso,
        "progress-updates",
        {
            "recommendation_id": recommendation.id,
            "text": "Our field worker in Maribor was threatened.",
            "reported_on": "2021-05-01",
            "visibility": "confidential",
        },
    )
    assessment_id = await post(
        client,
        cso,
        "assessments",
        {
            "recommendation_id": recommendation.id,
            "rating": "not_started",
            "assessed_on": "2021-05-01",
            "visibility": "public",
        },
    )
    assessment = f"/tracking/assessments/{assessment_id}"
    assert (await client.patch(assessment, headers=cso, json={"visibility": "confidential"})).status_code == 200
    for path in (f"/tracking/progress-updates/{update_id}", assessment):
        assert (await client.delete(path, headers=cso)).status_code == 204
        problem(await client.get(path, headers=admin), 404)
        problem(await client.get(f"{path}/revisions", headers=admin), 404)
    session.expire_all()
    assert session.get(ProgressUpdate, update_id) is None and session.get(Assessment, assessment_id) is None
    assert not session.exec(
        select(ProgressUpdateRevision).where(ProgressUpdateRevision.progress_update_id == update_id)
    ).all()
    assert not session.exec(select(AssessmentRevision).where(AssessmentRevision.assessment_id == assessment_id)).all()


async def test_a_withdrawn_public_assessment_is_no_longer_anyones_current_rating(client, tracking_world, settings):
    """An NHRI's newer public assessment, withdrawn: its earlier one is current again everywhere
    (side by side, current list, matrix), and the withdrawn one stays readable by id."""
    w = tracking_world
    nhri = w.headers("nhri", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    earlier = w.tracking.assessments[("nhri", OWN_STATE)]
    newer = await post(
        client,
        nhri,
        "assessments",
        {
            "recommendation_id": recommendation.id,
            "rating": "implemented",
            "assessed_on": "2022-01-10",
            "visibility": "public",
        },
    )

    async def nhri_current() -> tuple[int, int, str]:
        side = (await client.get(f"/tracking/recommendations/{recommendation.id}/assessments")).json()
        (entry,) = [e for e in side["organisations"] if e["organisation"]["id"] == w.org("nhri").id]
        current, _ = await ids(client, f"/tracking/assessments?current=true&organisation={w.org('nhri').id}")
        matrix = (await client.get(f"/tracking/matrix?state={OWN_STATE}")).json()
        (row,) = [r for r in matrix["items"] if r["recommendation_id"] == recommendation.id]
        (cell,) = [a for a in row["assessments"] if a["organisation"]["id"] == w.org("nhri").id]
        assert current == [entry["current"]["id"]]
        return entry["current"]["id"], entry["assessments"], cell["rating"]

    assert await nhri_current() == (newer, 2, "implemented")
    assert (await client.delete(f"/tracking/assessments/{newer}", headers=nhri)).status_code == 204
    assert await nhri_current() == (earlier.id, 1, earlier.rating.value)
    kept = await client.get(f"/tracking/assessments/{newer}")
    assert kept.status_code == 200 and kept.json()["withdrawn_at"] is not None


async def test_the_evidence_of_a_withdrawn_post_stays_as_it_was_and_leaves_the_lists(
    client, tracking_world, settings, session
):
    """Withdrawn with its post: out of `/evidence` lists, still listed under its post and readable by
    id, and no longer changed or deleted (409 `post-withdrawn`)."""
    w = tracking_world
    government = w.headers("government", settings)
    update_id = await post(
        client,
        government,
        "progress-updates",
        {
            "recommendation_id": w.cycle.recommendations[OWN_STATE].id,
            "text": "The shelter opened.",
            "reported_on": "2021-05-01",
            "visibility": "public",
        },
    )
    attached = await client.post(
        "/tracking/evidence",
        headers=government,
        data={"progress_update_id": str(update_id), "url": "https://example.org/shelter"},
    )
    assert attached.status_code == 201, attached.text
    evidence_id = attached.json()["id"]
    listed, _ = await ids(client, f"/tracking/evidence?state={OWN_STATE}")
    assert evidence_id in listed
    assert (await client.delete(f"/tracking/progress-updates/{update_id}", headers=government)).status_code == 204

    listed, total = await ids(client, f"/tracking/evidence?state={OWN_STATE}")
    assert evidence_id not in listed and total == len(listed)
    assert (await ids(client, f"/tracking/evidence?progress_update={update_id}"))[0] == [evidence_id]
    assert (await client.get(f"/tracking/evidence/{evidence_id}")).status_code == 200
    path = f"/tracking/evidence/{evidence_id}"
    problem(await client.patch(path, headers=government, json={"title": "x"}), 409, slug="post-withdrawn")
    problem(await client.delete(path, headers=government), 409, slug="post-withdrawn")
