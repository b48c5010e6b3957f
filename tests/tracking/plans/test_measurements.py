"""/tracking/indicators/{id}/measurements: who posts, who corrects, dates, order."""

from datetime import timedelta

from api.audit.models import AuditAction
from api.auth.security import create_access_token
from api.tracking.models import Measurement
from tests.factories import OTHER_STATE, OWN_STATE, bearer, create_organisation, create_user
from tests.helpers import patch_after_read
from tests.tracking.plans.helpers import audit, problem
from tests.tracking_factories import create_measurement


def path(world, state=OWN_STATE) -> str:
    return f"/tracking/indicators/{world.tracking.indicators[state].id}/measurements"


async def test_nhri_posts_for_its_own_state_only(client, tracking_world, settings, session):
    w = tracking_world
    headers = w.headers("nhri", settings)
    posted = await client.post(
        path(w),
        headers=headers,
        json={"value": 57.5, "measured_on": "2023-09-30", "source": "NHRI monitoring", "note": "Sample of 40"},
    )
    assert posted.status_code == 201, posted.text
    body = posted.json()
    assert body["posted_by"] == {"id": w.org("nhri").id, "name": "nhri org of SVN", "kind": "nhri"}
    assert session.get(Measurement, body["id"]).posted_by_user_id == w.user("nhri").id
    [entry] = audit(session, "measurement", AuditAction.create, str(body["id"]))
    assert entry.organisation_id == w.org("nhri").id and entry.changes["value"] == 57.5
    problem(
        await client.post(path(w, OTHER_STATE), headers=headers, json={"value": 1, "measured_on": "2023-01-01"}),
        403,
        detail="belongs to HRV",
        slug="measurement-not-own-state",
    )
    indicator = await client.get(f"/tracking/indicators/{w.tracking.indicators[OWN_STATE].id}")
    assert indicator.json()["latest_value"] == 57.5


async def test_cso_and_anonymous_cannot_post(client, tracking_world, settings):
    w = tracking_world
    payload = {"value": 1, "measured_on": "2023-01-01"}
    problem(
        await client.post(path(w), headers=w.headers("cso", settings), json=payload), 403, detail="measurements:post"
    )
    problem(await client.post(path(w), json=payload), 401)


async def test_only_the_poster_or_an_admin_corrects_or_withdraws(client, tracking_world, settings, session):
    w = tracking_world
    governments = w.tracking.measurements[("government", OWN_STATE)]
    target = f"{path(w)}/{governments.id}"
    nhri = w.headers("nhri", settings)
    problem(
        await patch_after_read(client, target, headers=nhri, json={"value": 1}),
        403,
        detail="Only the organisation",
        slug="not-the-poster",
    )
    problem(await client.delete(target, headers=nhri), 403, slug="not-the-poster")
    colleague = create_user(session, w.org("government"), email="second@gov.si")
    token_headers = bearer(create_access_token(colleague.id, settings)[0])  # the organisation owns it, not the user
    corrected = await patch_after_read(client, target, headers=token_headers, json={"value": 51.5, "note": "Revised"})
    assert corrected.status_code == 200 and corrected.json()["value"] == 51.5
    admin = await patch_after_read(client, target, headers=w.headers("admin", settings), json={"source": "Eurostat"})
    assert admin.status_code == 200 and admin.json()["source"] == "Eurostat"
    assert (await client.delete(target, headers=token_headers)).status_code == 204
    assert (await client.get(target)).json()["withdrawn_at"] is not None  # withdrawn, not erased
    problem(
        await patch_after_read(client, target, headers=token_headers, json={"value": 2}), 409, slug="plan-row-withdrawn"
    )
    history = (await client.get(f"{target}/history")).json()["items"]
    # The world's row predates its history; each correction names the organisation that made it.
    assert [(e["kind"], e["by"]["id"]) for e in history] == [
        ("changed", w.org("government").id),
        ("changed", w.org("admin").id),
        ("withdrawn", w.org("government").id),
    ]
    assert history[0]["summary"] == "value 50.0 → 51.5; note null → Revised"


async def test_a_measurement_belongs_to_its_indicator_in_the_path(client, tracking_world, settings):
    w = tracking_world
    other = w.tracking.measurements[("government", OTHER_STATE)]
    problem(await client.get(f"{path(w)}/{other.id}"), 404)
    problem(
        await patch_after_read(
            client, f"{path(w)}/{other.id}", headers=w.headers("admin", settings), json={"value": 1}
        ),
        404,
    )
    problem(await client.get("/tracking/indicators/999999/measurements"), 404)


async def test_validation_names_the_field(client, tracking_world, settings, frozen_today):
    w = tracking_world
    headers = w.headers("government", settings)
    tomorrow = (frozen_today + timedelta(days=1)).isoformat()
    cases = [
        ({"value": 1, "measured_on": tomorrow}, "measured_on"),
        ({"value": "NaN", "measured_on": "2023-01-01"}, "value"),
        ({"measured_on": "2023-01-01"}, "value"),
        ({"value": 1}, "measured_on"),
        ({"value": 1, "measured_on": "2023-01-01", "source": "x" * 501}, "source"),
    ]
    for payload, field in cases:
        problem(await client.post(path(w), headers=headers, json=payload), 422, field)
    assert (
        await client.post(path(w), headers=headers, json={"value": 1, "measured_on": frozen_today.isoformat()})
    ).status_code == 201
    own = f"{path(w)}/{w.tracking.measurements[('government', OWN_STATE)].id}"
    problem(await patch_after_read(client, own, headers=headers, json={"measured_on": tomorrow}), 422, "measured_on")
    problem(await patch_after_read(client, own, headers=headers, json={"value": None}), 422, "value")


async def test_newest_first_by_measured_on_then_id(client, tracking_world, session):
    w = tracking_world
    indicator = w.tracking.indicators[OWN_STATE]
    gov = w.org("government")
    late = create_measurement(session, indicator, gov, 70.0, measured_on=indicator.target_date)
    early = create_measurement(session, indicator, gov, 41.0, measured_on=indicator.baseline_date)
    page = (await client.get(path(w), params={"limit": 2})).json()
    assert page["total"] == 5 and [m["id"] for m in page["items"]][0] == late.id
    posted = sorted(
        (m for k, m in w.tracking.measurements.items() if k[1] == OWN_STATE), key=lambda m: (m.created_at, m.id)
    )
    world_ones = [m.id for m in posted]  # in the order posted (ids are random: api/core/ids.py)
    assert page["items"][1]["id"] == world_ones[-1]  # same day: the later posted first
    rest = (await client.get(path(w), params={"cursor": page["next_cursor"]})).json()
    assert [m["id"] for m in rest["items"]] == [*reversed(world_ones[:-1]), early.id]


async def test_a_pseudonymous_poster_shows_its_public_name(client, tracking_world, settings, session):
    w = tracking_world
    institute = create_organisation(session, "nhri", OWN_STATE, name="Ombudsman Office", public_name="Ombuds")
    create_user(session, institute, email="staff@ombuds.si")
    posted = await client.post(
        path(w), headers=w.headers("admin", settings), json={"value": 3, "measured_on": "2022-01-01"}
    )
    measurement = session.get(Measurement, posted.json()["id"])
    measurement.organisation_id = institute.id
    session.add(measurement)
    session.commit()
    shown = (await client.get(f"{path(w)}/{measurement.id}")).json()["posted_by"]
    assert shown == {"id": institute.id, "name": "Ombuds", "kind": "nhri"}
