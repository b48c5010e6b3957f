"""/tracking/assessments and the side-by-side view: history per organisation, revisions, ownership."""

from datetime import date

from api.auth.models import OrganisationKind
from api.tracking.models import TrafficLight, Visibility
from tests.factories import OTHER_STATE, OWN_STATE
from tests.tracking.posts.helpers import ids, new_member, problem
from tests.tracking_factories import create_assessment


def new_assessment(w, state=OWN_STATE, **change):
    return {
        "recommendation_id": w.cycle.recommendations[state].id,
        "rating": "partial",
        "reasoning": "The programme exists; no budget yet.",
        "assessed_on": "2024-05-01",
        **change,
    }


async def test_each_post_is_a_new_point_in_the_organisations_history(client, tracking_world, settings, frozen_today):
    w, headers = tracking_world, tracking_world.headers("government", settings)
    first = await client.post("/tracking/assessments", headers=headers, json=new_assessment(w, visibility="public"))
    assert first.status_code == 201, first.text
    assert first.json()["visibility"] == "public" and first.json()["organisation"]["kind"] == "government"
    second = await client.post(
        "/tracking/assessments", headers=headers, json=new_assessment(w, rating="implemented", assessed_on="2024-05-10")
    )
    assert second.json()["visibility"] == "shared"  # the documented default
    history, total = await ids(client, f"/tracking/assessments?organisation={w.org('government').id}", headers)
    assert total == 3 and {first.json()["id"], second.json()["id"]} <= set(history)  # ids are random: no order
    current, _ = await ids(client, f"/tracking/assessments?organisation={w.org('government').id}&current=true", headers)
    assert current == [second.json()["id"]]


async def test_posting_rules(client, tracking_world, settings, frozen_today):
    w, headers = tracking_world, tracking_world.headers("nhri", settings)
    post = "/tracking/assessments"
    problem(
        await client.post(post, headers=headers, json=new_assessment(w, recommendation_id=2_000_000_000)),
        422,
        "recommendation_id",
    )
    problem(await client.post(post, headers=headers, json=new_assessment(w, rating="amber")), 422, "rating")
    problem(
        await client.post(post, headers=headers, json=new_assessment(w, assessed_on="2024-06-01")), 422, "assessed_on"
    )
    problem(await client.post(post, headers=headers, json=new_assessment(w, reasoning="x" * 20_001)), 422, "reasoning")
    problem(
        await client.post(post, headers=headers, json=new_assessment(w, OTHER_STATE)),
        403,
        slug="assessment-not-own-state",
    )
    problem(await client.post(post, headers=w.headers("academic", settings), json=new_assessment(w)), 403)
    admin = await client.post(post, headers=w.headers("admin", settings), json=new_assessment(w, OTHER_STATE))
    assert admin.status_code == 201 and admin.json()["state_code"] == OTHER_STATE


async def test_a_correction_appends_a_revision_without_exposing_confidential_ones(
    client, tracking_world, settings, frozen_today
):
    w, cso = tracking_world, tracking_world.headers("cso", settings)
    created = (
        await client.post(
            "/tracking/assessments",
            headers=cso,
            json=new_assessment(
                w, rating="not_started", reasoning="Police harassment of our members.", visibility="confidential"
            ),
        )
    ).json()
    path = f"/tracking/assessments/{created['id']}"
    patched = await client.patch(path, headers=cso, json={"reasoning": "No visible progress.", "visibility": "public"})
    assert patched.status_code == 200 and patched.json()["revision"] == 2
    government = (await client.get(f"{path}/revisions", headers=w.headers("government", settings))).json()
    # Numbered among what the government may see: nothing tells it an earlier version exists.
    assert [(r["revision"], r["reasoning"]) for r in government["items"]] == [(1, "No visible progress.")]
    assert (await client.get(path, headers=w.headers("government", settings))).json()["revision"] == 1
    assert government["total"] == 1 and "harassment" not in str(government)
    own = (await client.get(f"{path}/revisions", headers=cso)).json()
    assert [(r["revision"], r["rating"], r["visibility"]) for r in own["items"]] == [
        (1, "not_started", "confidential"),
        (2, "not_started", "public"),
    ]
    problem(await client.patch(path, headers=cso, json={"rating": None}), 422, "rating")
    assert (await client.patch(path, headers=cso, json={"reasoning": None})).json()["reasoning"] is None


async def test_ownership(client, tracking_world, settings, session):
    w = tracking_world
    public = w.tracking.assessments[("cso", OWN_STATE)]
    confidential = w.tracking.confidential_assessments[OWN_STATE]
    nhri, government = w.headers("nhri", settings), w.headers("government", settings)
    problem(
        await client.patch(f"/tracking/assessments/{public.id}", headers=nhri, json={"rating": "implemented"}),
        403,
        slug="not-the-poster",
    )
    problem(
        await client.patch(f"/tracking/assessments/{confidential.id}", headers=nhri, json={"rating": "partial"}),
        403,
        slug="not-the-poster",
    )
    problem(
        await client.patch(f"/tracking/assessments/{confidential.id}", headers=government, json={"rating": "partial"}),
        404,
    )
    problem(await client.delete(f"/tracking/assessments/{confidential.id}", headers=government), 404)
    problem(await client.delete(f"/tracking/assessments/{public.id}", headers=nhri), 403, slug="not-the-poster")
    assert (
        await client.delete(f"/tracking/assessments/{confidential.id}", headers=w.headers("cso", settings))
    ).status_code == 204
    problem(await client.get(f"/tracking/assessments/{confidential.id}", headers=w.headers("admin", settings)), 404)


async def test_side_by_side_one_entry_per_organisation_never_merged(client, tracking_world, settings, session):
    w = tracking_world
    recommendation = w.cycle.recommendations[OWN_STATE]
    un = create_assessment(
        session, w.org("un"), recommendation, rating=TrafficLight.no_information, assessed_on=date(2021, 2, 1)
    )
    cso_b, _ = new_member(session, settings, OrganisationKind.cso, OWN_STATE, "Real name of B", public_name="CSO B")
    older = create_assessment(session, cso_b, recommendation, rating=TrafficLight.partial, assessed_on=date(2022, 1, 1))
    newer = create_assessment(
        session, cso_b, recommendation, rating=TrafficLight.implemented, assessed_on=date(2022, 3, 1)
    )
    same_day = create_assessment(
        session, w.org("government"), recommendation, rating=TrafficLight.implemented, assessed_on=date(2021, 6, 1)
    )  # same date as the world's one: the later posted wins
    response = await client.get(
        f"/tracking/recommendations/{recommendation.id}/assessments", headers=w.headers("government", settings)
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["recommendation_id"], body["state_code"]) == (recommendation.id, OWN_STATE)
    entries = [
        (e["organisation"]["kind"], e["organisation"]["name"], e["current"]["id"], e["assessments"])
        for e in body["organisations"]
    ]
    admin_org = w.org("admin")
    assert entries == [
        ("government", "government org of SVN", same_day.id, 2),
        ("nhri", "nhri org of SVN", w.tracking.assessments[("nhri", OWN_STATE)].id, 1),
        ("cso", "cso org of SVN", w.tracking.assessments[("cso", OWN_STATE)].id, 1),
        ("cso", "CSO B", newer.id, 2),
        ("un", "un org of SVN", un.id, 1),  # the others by organisation id
        ("other", admin_org.name, w.tracking.assessments[("admin", OWN_STATE)].id, 1),
    ]
    cso_b_entry = body["organisations"][3]
    assert cso_b_entry["current"]["rating"] == "implemented" and older.id != newer.id
    problem(await client.get("/tracking/recommendations/2000000000/assessments"), 404)


async def test_current_is_chosen_before_the_other_filters(client, tracking_world, session, settings):
    """`current=true&rating=partial` is "whose current rating is partial", not "the latest partial one"."""
    w = tracking_world
    recommendation = w.cycle.recommendations[OWN_STATE]
    create_assessment(
        session,
        w.org("nhri"),
        recommendation,
        rating=TrafficLight.implemented,
        assessed_on=date(2022, 1, 1),
        visibility=Visibility.shared,
    )
    nhri = w.headers("nhri", settings)
    found, _ = await ids(client, f"/tracking/assessments?state={OWN_STATE}&current=true&rating=partial", nhri)
    assert w.tracking.assessments[("nhri", OWN_STATE)].id not in found
    assert w.tracking.assessments[("government", OWN_STATE)].id in found
    anonymous, _ = await ids(client, f"/tracking/assessments?state={OWN_STATE}&current=true&rating=partial")
    assert w.tracking.assessments[("nhri", OWN_STATE)].id in anonymous  # the shared one is not theirs to see
