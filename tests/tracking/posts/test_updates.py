"""/tracking/progress-updates: posting rules, revisions, ownership, deletes, filters, pseudonyms."""

from datetime import date

from sqlmodel import select

from api.audit.models import AuditAction
from api.auth.models import OrganisationKind
from api.tracking.models import Evidence, ProgressUpdateRevision, Visibility
from tests.cycle.helpers import audit
from tests.factories import OTHER_STATE, OWN_STATE
from tests.tracking.posts.helpers import ids, new_member, problem, service_token_headers
from tests.tracking_factories import create_action, create_link_evidence, create_update


def new_update(w, state=OWN_STATE, **change):
    return {
        "recommendation_id": w.cycle.recommendations[state].id,
        "action_id": w.tracking.actions[state].id,
        "text": "The programme was adopted in March.",
        "reported_on": "2024-05-01",
        **change,
    }


async def test_a_cso_posts_an_update_for_its_state(client, tracking_world, settings, frozen_today, session):
    w = tracking_world
    created = await client.post("/tracking/progress-updates", headers=w.headers("cso", settings), json=new_update(w))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["state_code"] == OWN_STATE and body["visibility"] == "shared"  # the documented default
    assert body["organisation"] == {"id": w.org("cso").id, "name": "cso org of SVN", "kind": "cso"}
    assert (body["revision"], body["evidence"]) == (1, [])
    assert created.headers["Location"] == f"/tracking/progress-updates/{body['id']}"
    read = await client.get(f"/tracking/progress-updates/{body['id']}", headers=w.headers("cso", settings))
    assert read.json() == body and read.headers["ETag"] == created.headers["ETag"]
    assert len(audit(session, "progress_update", AuditAction.create, str(body["id"]))) == 1


async def test_a_service_token_posts_for_its_organisation(client, tracking_world, session, frozen_today):
    w = tracking_world
    headers = service_token_headers(session, w, "nhri", OWN_STATE)
    created = await client.post(
        "/tracking/progress-updates", headers=headers, json=new_update(w, recommendation_id=None, visibility="public")
    )
    assert created.status_code == 201, created.text
    assert created.json()["organisation"]["id"] == w.org("nhri").id
    assert created.json()["state_code"] == OWN_STATE and created.json()["recommendation_id"] is None


async def test_posting_rules(client, tracking_world, settings, frozen_today, session):
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    post = "/tracking/progress-updates"
    problem(
        await client.post(post, headers=headers, json=new_update(w, recommendation_id=None, action_id=None)),
        422,
        "recommendation_id",
    )
    problem(
        await client.post(post, headers=headers, json=new_update(w, recommendation_id=2_000_000_000)),
        422,
        "recommendation_id",
    )
    problem(await client.post(post, headers=headers, json=new_update(w, action_id=2_000_000_000)), 422, "action_id")
    problem(
        await client.post(post, headers=headers, json=new_update(w, action_id=w.tracking.actions[OTHER_STATE].id)),
        422,
        "action_id",
        "was made to",
    )
    problem(
        await client.post(post, headers=headers, json=new_update(w, reported_on="2024-05-16")),
        422,
        "reported_on",
        "future",
    )
    problem(await client.post(post, headers=headers, json=new_update(w, text="   ")), 422, "text")
    problem(await client.post(post, headers=headers, json=new_update(w, text="x" * 20_001)), 422, "text")
    problem(await client.post(post, headers=headers, json=new_update(w, text="a\x00b")), 422, "text")
    problem(await client.post(post, headers=headers, json=new_update(w, visibility="secret")), 422, "visibility")
    problem(
        await client.post(post, headers=headers, json=new_update(w, OTHER_STATE)),
        403,
        slug="progress-update-not-own-state",
    )
    problem(await client.post(post, headers=w.headers("un", settings), json=new_update(w)), 403)
    problem(await client.post(post, json=new_update(w)), 401)
    admin = await client.post(post, headers=w.headers("admin", settings), json=new_update(w, OTHER_STATE))
    assert admin.status_code == 201 and admin.json()["state_code"] == OTHER_STATE
    assert (await client.post(post, headers=headers, json=new_update(w, reported_on="2024-05-15"))).status_code == 201


async def test_an_action_only_update_takes_the_actions_state(client, tracking_world, settings, frozen_today, session):
    w = tracking_world
    action = create_action(session, OTHER_STATE, title="Hate-crime training")
    body = new_update(w, OTHER_STATE, recommendation_id=None, action_id=action.id)
    created = await client.post(
        "/tracking/progress-updates", headers=w.headers("cso", settings, OTHER_STATE), json=body
    )
    assert created.status_code == 201 and created.json()["state_code"] == OTHER_STATE


async def test_a_correction_appends_a_revision_and_keeps_the_earlier_text(
    client, tracking_world, settings, frozen_today, session
):
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    created = (
        await client.post("/tracking/progress-updates", headers=headers, json=new_update(w, visibility="public"))
    ).json()
    path = f"/tracking/progress-updates/{created['id']}"
    first = await client.patch(path, headers=headers, json={"text": "Adopted on 12 March."})
    assert first.status_code == 200 and first.json()["revision"] == 2 and first.json()["text"] == "Adopted on 12 March."
    second = await client.patch(path, headers=headers, json={"reported_on": "2024-05-10"})
    assert second.json()["revision"] == 3
    unchanged = await client.patch(path, headers=headers, json={"text": "Adopted on 12 March."})
    assert unchanged.json()["revision"] == 3  # nothing changed, nothing appended
    revisions = (await client.get(f"{path}/revisions")).json()
    assert revisions["total"] == 3
    assert [(r["revision"], r["text"], r["reported_on"]) for r in revisions["items"]] == [
        (1, "The programme was adopted in March.", "2024-05-01"),
        (2, "Adopted on 12 March.", "2024-05-01"),
        (3, "Adopted on 12 March.", "2024-05-10"),
    ]
    problem(await client.patch(path, headers=headers, json={"text": None}), 422, "text")
    problem(await client.patch(path, headers=headers, json={"reported_on": "2030-01-01"}), 422, "reported_on")
    stored = session.exec(
        select(ProgressUpdateRevision.revision).where(ProgressUpdateRevision.progress_update_id == created["id"])
    ).all()
    assert sorted(stored) == [1, 2, 3]


async def test_making_a_confidential_update_public_does_not_expose_its_confidential_revisions(
    client, tracking_world, settings, frozen_today
):
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    created = (
        await client.post(
            "/tracking/progress-updates",
            headers=headers,
            json=new_update(w, text="Names of the detained activists: …", visibility="confidential"),
        )
    ).json()
    path = f"/tracking/progress-updates/{created['id']}"
    await client.patch(path, headers=headers, json={"text": "Two activists were detained.", "visibility": "shared"})
    await client.patch(path, headers=headers, json={"visibility": "public"})
    for outsider in ({}, w.headers("government", settings)):
        revisions = (await client.get(f"{path}/revisions", headers=outsider)).json()
        assert "Names" not in str(revisions)
        expected = [1] if outsider == {} else [1, 2]  # numbered among what each may see
        assert [r["revision"] for r in revisions["items"]] == expected and revisions["total"] == len(expected)
        assert (await client.get(path, headers=outsider)).json()["revision"] == len(expected)
    for insider in (headers, w.headers("nhri", settings), w.headers("admin", settings, OTHER_STATE)):
        revisions = (await client.get(f"{path}/revisions", headers=insider)).json()
        assert [r["revision"] for r in revisions["items"]] == [1, 2, 3]
        assert revisions["items"][0]["visibility"] == "confidential"


async def test_only_the_posting_organisation_or_an_admin_changes_an_update(client, tracking_world, settings, session):
    w = tracking_world
    public = w.tracking.updates[("cso", OWN_STATE)]
    confidential = create_update(
        session,
        w.org("cso"),
        recommendation=w.cycle.recommendations[OWN_STATE],
        visibility=Visibility.confidential,
        text="Confidential.",
    )
    shared = create_update(
        session,
        w.org("cso"),
        recommendation=w.cycle.recommendations[OWN_STATE],
        visibility=Visibility.shared,
        text="Shared.",
    )
    nhri, government = w.headers("nhri", settings), w.headers("government", settings)
    body = {"text": "Rewritten by someone else."}
    poster_only = "not-the-poster"
    public_path = f"/tracking/progress-updates/{public.id}"
    problem(await client.patch(public_path, headers=nhri, json=body), 403, slug=poster_only)
    problem(await client.delete(public_path, headers=nhri), 403, slug=poster_only)
    # The NHRI sees the CSO's confidential update but did not post it; the government does not see it at all.
    problem(
        await client.patch(f"/tracking/progress-updates/{confidential.id}", headers=nhri, json=body),
        403,
        slug=poster_only,
    )
    problem(await client.patch(f"/tracking/progress-updates/{confidential.id}", headers=government, json=body), 404)
    problem(await client.delete(f"/tracking/progress-updates/{confidential.id}", headers=government), 404)
    problem(
        await client.patch(f"/tracking/progress-updates/{shared.id}", headers=government, json=body),
        403,
        slug=poster_only,
    )
    problem(
        await client.patch(
            f"/tracking/progress-updates/{shared.id}", headers=w.headers("cso", settings, OTHER_STATE), json=body
        ),
        404,
    )
    _, other_cso = new_member(session, settings, OrganisationKind.cso, OWN_STATE, "Roma Rights Watch")
    problem(await client.patch(f"/tracking/progress-updates/{confidential.id}", headers=other_cso, json=body), 404)
    admin = await client.patch(
        f"/tracking/progress-updates/{confidential.id}",
        headers=w.headers("admin", settings),
        json={"text": "Moderated by an admin."},
    )
    assert admin.status_code == 200 and admin.json()["organisation"]["id"] == w.org("cso").id
    assert (await client.get(f"/tracking/progress-updates/{public.id}")).json()["revision"] == 1


async def test_if_match(client, tracking_world, settings):
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    update = w.tracking.updates[("cso", OWN_STATE)]
    path = f"/tracking/progress-updates/{update.id}"
    etag = (await client.get(path, headers=headers)).headers["ETag"]
    changed = await client.patch(path, headers={**headers, "If-Match": etag}, json={"text": "First."})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    problem(await client.patch(path, headers={**headers, "If-Match": etag}, json={"text": "Second."}), 412)
    assert (await client.get(path)).json()["text"] == "First."


async def test_deleting_a_confidential_update_erases_its_revisions_and_evidence(
    client, tracking_world, settings, session, frozen_today
):
    """A CSO's confidential update is erased, not withdrawn (tests/security/test_withdrawn_posts.py)."""
    w, headers = tracking_world, tracking_world.headers("cso", settings)
    body = new_update(w, visibility="confidential")
    created = (await client.post("/tracking/progress-updates", headers=headers, json=body)).json()
    path = f"/tracking/progress-updates/{created['id']}"
    await client.patch(path, headers=headers, json={"text": "Second revision."})
    upload = await client.post(
        "/tracking/evidence",
        headers=headers,
        data={"progress_update_id": str(created["id"])},
        files={"file": ("minutes.txt", b"Minutes.\n", "text/plain")},
    )
    link = await client.post(
        "/tracking/evidence",
        headers=headers,
        data={"progress_update_id": str(created["id"]), "url": "https://example.org/x"},
    )
    assert upload.status_code == link.status_code == 201
    stored = settings.evidence_dir / session.get(Evidence, upload.json()["id"]).stored_name
    assert stored.is_file()
    assert (await client.delete(path, headers=headers)).status_code == 204
    problem(await client.get(path, headers=headers), 404)
    assert not session.exec(
        select(ProgressUpdateRevision).where(ProgressUpdateRevision.progress_update_id == created["id"])
    ).all()
    assert not session.exec(select(Evidence).where(Evidence.progress_update_id == created["id"])).all()
    assert not stored.exists()
    assert len(audit(session, "progress_update_revision", AuditAction.delete)) == 2
    assert len(audit(session, "evidence", AuditAction.delete)) == 2


async def test_filters(client, tracking_world, session, settings):
    w = tracking_world
    recommendation = w.cycle.recommendations[OWN_STATE]
    action = w.tracking.actions[OWN_STATE]
    early = create_update(
        session,
        w.org("nhri"),
        action=action,
        text="Preschool places grew by 10% (50_% target)",
        reported_on=date(2020, 1, 10),
    )
    late = create_update(
        session,
        w.org("nhri"),
        recommendation=recommendation,
        text="No progress on housing.",
        reported_on=date(2023, 6, 1),
        visibility=Visibility.shared,
    )
    nhri = w.headers("nhri", settings)
    assert await ids(client, f"/tracking/progress-updates?action={action.id}", nhri) == ([early.id], 1)
    found, total = await ids(client, f"/tracking/progress-updates?organisation={w.org('nhri').id}", nhri)
    assert found == [w.tracking.updates[("nhri", OWN_STATE)].id, early.id, late.id] and total == 3  # as posted
    assert await ids(client, "/tracking/progress-updates?q=10%25", nhri) == ([early.id], 1)
    assert await ids(client, "/tracking/progress-updates?q=0_%25", nhri) == ([early.id], 1)  # no wildcards
    assert await ids(client, "/tracking/progress-updates?q=HOUSING", nhri) == ([late.id], 1)
    assert await ids(client, "/tracking/progress-updates?q=housing") == ([], 0)
    assert await ids(client, "/tracking/progress-updates?visibility=shared", nhri) == ([late.id], 1)
    window = "/tracking/progress-updates?reported_from=2020-01-01&reported_to=2020-12-31"
    assert await ids(client, window, nhri) == ([early.id], 1)
    assert (await ids(client, f"/tracking/progress-updates?state={OTHER_STATE.lower()}"))[1] == 4
    problem(
        await client.get("/tracking/progress-updates?reported_from=2021-01-01&reported_to=2020-01-01"),
        422,
        "reported_to",
    )
    page = await client.get("/tracking/progress-updates?limit=2", headers=nhri)
    rest = await client.get(f"/tracking/progress-updates?limit=500&cursor={page.json()['next_cursor']}", headers=nhri)
    everything = await ids(client, "/tracking/progress-updates", nhri)
    assert [u["id"] for u in page.json()["items"] + rest.json()["items"]] == everything[0]


async def test_a_pseudonymous_csos_update_shows_its_public_name_to_others(client, tracking_world, session, settings):
    w = tracking_world
    organisation, own_headers = new_member(
        session, settings, OrganisationKind.cso, OWN_STATE, "Roma Women's Defence Network", public_name="Network A"
    )
    update = create_update(
        session, organisation, recommendation=w.cycle.recommendations[OWN_STATE], visibility=Visibility.shared
    )
    evidence = create_link_evidence(session, organisation, update=update, visibility=Visibility.shared)
    path = f"/tracking/progress-updates/{update.id}"
    for headers, name in (
        (w.headers("government", settings), "Network A"),
        (w.headers("nhri", settings), "Network A"),
        (own_headers, "Roma Women's Defence Network"),
        (w.headers("admin", settings), "Roma Women's Defence Network"),
    ):
        read = (await client.get(path, headers=headers)).json()
        assert read["organisation"]["name"] == name and read["evidence"][0]["organisation"]["name"] == name
        listed = (
            await client.get(f"/tracking/progress-updates?organisation={organisation.id}", headers=headers)
        ).json()
        assert listed["items"][0]["organisation"]["name"] == name
        assert (await client.get(f"/tracking/evidence/{evidence.id}", headers=headers)).json()["organisation"][
            "name"
        ] == name
    government = await client.get(path, headers=w.headers("government", settings))
    assert "Defence" not in government.text
