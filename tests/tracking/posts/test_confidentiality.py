"""Done means: a CSO's confidential post is absent for those who may not see it — in every list,
`total`, `q` search, the side-by-side view, revisions, by id (a 404 like a missing id's) and the
evidence attached to it — and visible to the CSO itself, its state's NHRI and admins."""

import pytest

from api.auth.models import OrganisationKind
from api.tracking.models import Visibility
from tests.factories import OTHER_STATE, OWN_STATE
from tests.tracking.posts.helpers import ids, new_member, problem, service_token_headers
from tests.tracking_factories import create_link_evidence, create_update

SEES_CONFIDENTIAL = ["cso itself", "cso service token", "nhri of the state", "admin", "admin of another state"]
BLIND_TO_CONFIDENTIAL = [
    "anonymous",
    "government",
    "government service token",
    "another cso of the state",
    "un of the state",
    "nhri of another state",
    "cso of another state",
]
SEES_SHARED = [
    "government",
    "government service token",
    "nhri of the state",
    "un of the state",
    "academic of the state",
    "another cso of the state",
    "cso itself",
    "admin",
    "admin of another state",
]
BLIND_TO_SHARED = ["anonymous", "nhri of another state", "government of another state", "cso of another state"]


@pytest.fixture
def callers(tracking_world, session, settings) -> dict[str, dict[str, str]]:
    w = tracking_world
    _, other_cso = new_member(session, settings, OrganisationKind.cso, OWN_STATE, "Roma Rights Watch")
    return {
        "anonymous": {},
        "government": w.headers("government", settings),
        "government service token": service_token_headers(session, w, "government", OWN_STATE),
        "cso itself": w.headers("cso", settings),
        "cso service token": service_token_headers(session, w, "cso", OWN_STATE),
        "nhri of the state": w.headers("nhri", settings),
        "un of the state": w.headers("un", settings),
        "academic of the state": w.headers("academic", settings),
        "admin": w.headers("admin", settings),
        "admin of another state": w.headers("admin", settings, OTHER_STATE),
        "another cso of the state": other_cso,
        "nhri of another state": w.headers("nhri", settings, OTHER_STATE),
        "government of another state": w.headers("government", settings, OTHER_STATE),
        "cso of another state": w.headers("cso", settings, OTHER_STATE),
    }


@pytest.fixture
def confidential(tracking_world, session):
    """The world's confidential CSO assessment, with a public link on it, and a confidential CSO update."""
    w = tracking_world
    assessment = w.tracking.confidential_assessments[OWN_STATE]
    cso = w.org("cso")
    evidence = create_link_evidence(session, cso, assessment=assessment, url="https://example.org/witness.pdf")
    update = create_update(
        session,
        cso,
        recommendation=w.cycle.recommendations[OWN_STATE],
        text="Confidential: two activists were detained after the hearing.",
        visibility=Visibility.confidential,
    )
    return {"assessment": assessment, "evidence": evidence, "update": update}


async def _assessment_views(client, w, headers, assessment_id):
    recommendation = w.cycle.recommendations[OWN_STATE].id
    views = {
        "list": await ids(client, "/tracking/assessments", headers),
        "state": await ids(client, f"/tracking/assessments?state={OWN_STATE}", headers),
        "recommendation": await ids(client, f"/tracking/assessments?recommendation={recommendation}", headers),
        "q": await ids(client, f"/tracking/assessments?state={OWN_STATE}&q=POLICE%20harassment", headers),
        "rating": await ids(client, f"/tracking/assessments?state={OWN_STATE}&rating=not_started", headers),
        "current": await ids(client, f"/tracking/assessments?current=true&organisation={w.org('cso').id}", headers),
        "confidential": await ids(client, "/tracking/assessments?state=svn&visibility=confidential", headers),
    }
    return {name: (assessment_id in found, total) for name, (found, total) in views.items()}


@pytest.mark.parametrize("caller", BLIND_TO_CONFIDENTIAL)
async def test_a_confidential_assessment_is_absent_everywhere_for_others(
    client, tracking_world, callers, confidential, caller
):
    w, headers = tracking_world, callers[caller]
    assessment, evidence = confidential["assessment"], confidential["evidence"]
    views = await _assessment_views(client, w, headers, assessment.id)
    assert not any(found for found, _ in views.values()), views
    assert views["q"] == (False, 0) and views["rating"] == (False, 0) and views["confidential"] == (False, 0)
    public_cso = w.tracking.assessments[("cso", OWN_STATE)]
    current, _ = await ids(client, f"/tracking/assessments?current=true&organisation={w.org('cso').id}", headers)
    assert current == [public_cso.id]  # the CSO's current is its latest one the caller may see

    side = await client.get(
        f"/tracking/recommendations/{w.cycle.recommendations[OWN_STATE].id}/assessments", headers=headers
    )
    cso_entry = next(e for e in side.json()["organisations"] if e["organisation"]["id"] == w.org("cso").id)
    assert cso_entry["current"]["id"] == public_cso.id and cso_entry["assessments"] == 1
    assert "harassment" not in side.text

    missing = 2_000_000_000
    for suffix in ("", "/revisions"):
        hidden = problem(await client.get(f"/tracking/assessments/{assessment.id}{suffix}", headers=headers), 404)
        absent = problem(await client.get(f"/tracking/assessments/{missing}{suffix}", headers=headers), 404)
        for body, key in ((hidden, assessment.id), (absent, missing)):
            body["detail"] = body["detail"].replace(str(key), "ID")
            body["instance"] = body["instance"].replace(str(key), "ID")
            body.pop("request_id", None)
        assert hidden == absent

    assert evidence.id not in (await ids(client, "/tracking/evidence", headers))[0]
    assert await ids(client, f"/tracking/evidence?assessment={assessment.id}", headers) == ([], 0)
    problem(await client.get(f"/tracking/evidence/{evidence.id}", headers=headers), 404)
    problem(await client.get(f"/tracking/evidence/{evidence.id}/file", headers=headers), 404)

    update = confidential["update"]
    assert update.id not in (await ids(client, "/tracking/progress-updates", headers))[0]
    assert await ids(client, "/tracking/progress-updates?q=detained", headers) == ([], 0)
    problem(await client.get(f"/tracking/progress-updates/{update.id}", headers=headers), 404)
    problem(await client.get(f"/tracking/progress-updates/{update.id}/revisions", headers=headers), 404)


@pytest.mark.parametrize("caller", SEES_CONFIDENTIAL)
async def test_the_cso_its_nhri_and_admins_see_it(client, tracking_world, callers, confidential, caller):
    w, headers = tracking_world, callers[caller]
    assessment, evidence = confidential["assessment"], confidential["evidence"]
    views = await _assessment_views(client, w, headers, assessment.id)
    assert all(found for found, _ in views.values()), views
    assert views["q"] == (True, 1)
    side = await client.get(
        f"/tracking/recommendations/{w.cycle.recommendations[OWN_STATE].id}/assessments", headers=headers
    )
    cso_entry = next(e for e in side.json()["organisations"] if e["organisation"]["id"] == w.org("cso").id)
    assert cso_entry["current"]["id"] == assessment.id and cso_entry["assessments"] == 2
    read = await client.get(f"/tracking/assessments/{assessment.id}", headers=headers)
    assert read.status_code == 200 and [e["id"] for e in read.json()["evidence"]] == [evidence.id]
    revisions = await client.get(f"/tracking/assessments/{assessment.id}/revisions", headers=headers)
    assert [r["revision"] for r in revisions.json()["items"]] == [1]
    assert (await client.get(f"/tracking/evidence/{evidence.id}", headers=headers)).status_code == 200
    assert confidential["update"].id in (await ids(client, "/tracking/progress-updates?q=DETAINED", headers))[0]


@pytest.fixture
def shared(tracking_world, session):
    w = tracking_world
    cso = w.org("cso")
    update = create_update(
        session,
        cso,
        recommendation=w.cycle.recommendations[OWN_STATE],
        text="Shared: the ministry met Roma organisations.",
        visibility=Visibility.shared,
    )
    evidence = create_link_evidence(session, cso, update=update, visibility=Visibility.shared)
    return update, evidence


@pytest.mark.parametrize("caller", SEES_SHARED)
async def test_shared_is_seen_by_registered_users_of_the_state(client, callers, shared, caller):
    update, evidence = shared
    headers = callers[caller]
    assert update.id in (await ids(client, "/tracking/progress-updates?q=ministry%20met", headers))[0]
    read = await client.get(f"/tracking/progress-updates/{update.id}", headers=headers)
    assert read.status_code == 200 and [e["id"] for e in read.json()["evidence"]] == [evidence.id]
    assert evidence.id in (await ids(client, "/tracking/evidence", headers))[0]


@pytest.mark.parametrize("caller", BLIND_TO_SHARED)
async def test_shared_is_hidden_from_anonymous_and_other_states(client, callers, shared, caller):
    update, evidence = shared
    headers = callers[caller]
    assert await ids(client, "/tracking/progress-updates?q=ministry%20met", headers) == ([], 0)
    problem(await client.get(f"/tracking/progress-updates/{update.id}", headers=headers), 404)
    assert evidence.id not in (await ids(client, "/tracking/evidence", headers))[0]
    problem(await client.get(f"/tracking/evidence/{evidence.id}", headers=headers), 404)


async def test_public_evidence_on_a_hidden_update_stays_hidden(client, tracking_world, confidential, settings):
    """The parent's visibility wins: a public document must not reveal a confidential post exists."""
    w = tracking_world
    update = confidential["update"]
    cso = await client.post(
        "/tracking/evidence",
        headers=w.headers("cso", settings),
        data={"progress_update_id": str(update.id), "url": "https://example.org/a.pdf", "visibility": "public"},
    )
    assert cso.status_code == 201 and cso.json()["visibility"] == "public"
    for headers in ({}, w.headers("government", settings)):
        problem(await client.get(f"/tracking/evidence/{cso.json()['id']}", headers=headers), 404)
        assert await ids(client, f"/tracking/evidence?progress_update={update.id}", headers) == ([], 0)
    nhri = await ids(client, f"/tracking/evidence?progress_update={update.id}", w.headers("nhri", settings))
    assert nhri == ([cso.json()["id"]], 1)


async def test_confidential_evidence_on_a_public_update_is_left_out_of_its_read(
    client, tracking_world, session, settings
):
    w = tracking_world
    update = w.tracking.updates[("cso", OWN_STATE)]
    hidden = create_link_evidence(session, w.org("cso"), update=update, visibility=Visibility.confidential)
    public = w.tracking.evidence[("cso", OWN_STATE)]
    government = await client.get(f"/tracking/progress-updates/{update.id}", headers=w.headers("government", settings))
    assert [e["id"] for e in government.json()["evidence"]] == [public.id]
    nhri = await client.get(f"/tracking/progress-updates/{update.id}", headers=w.headers("nhri", settings))
    assert sorted(e["id"] for e in nhri.json()["evidence"]) == sorted([public.id, hidden.id])
