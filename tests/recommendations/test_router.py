"""Recommendation CRUD over HTTP: the read shape, ETag / If-Match, 422s naming fields, 409 on duplicates."""

import pytest
from sqlmodel import Session, select

from api.audit.models import AuditEntry
from api.recommendations.models import Position, RecommendationTheme
from tests.cycle_factories import create_affected_person, create_sdg_target, create_theme
from tests.factories import OWN_STATE
from tests.helpers import assert_problem, patch_after_read
from tests.recommendations.catalogue import add_states


@pytest.fixture
def admin(cycle_world, settings, session) -> dict[str, str]:
    add_states(session)
    return cycle_world.headers("admin", settings)


def new_body(world, **overrides) -> dict:
    body = {
        "review_id": world.cycle.reviews[OWN_STATE].id,
        "paragraph": "121.8",
        "text": "Continue raising awareness in society of the need to eliminate discrimination, intolerance "
        "and hate speech",
        "recommending_states": ["svk"],
        "themes": [world.cycle.theme.id],
        "affected_persons": [world.cycle.affected_person.id],
        "sdg_targets": ["16.10"],
        "action_category": 3,
        "source_document": "A/HRC/43/15",
    }
    return {**body, **overrides}


async def test_get_shows_the_whole_recommendation(client, cycle_world):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    response = await client.get(f"/recommendations/{rec.id}")
    assert response.status_code == 200, response.text
    assert response.headers["ETag"]
    body = response.json()
    assert {
        k: body[k]
        for k in (
            "id",
            "review_id",
            "state_under_review",
            "session",
            "cycle",
            "paragraph",
            "current_position",
            "sdg_targets",
            "external_key",
        )
    } == {
        "id": rec.id,
        "review_id": rec.review_id,
        "state_under_review": "SVN",
        "session": 34,
        "cycle": 3,
        "paragraph": "121.1",
        "current_position": "supported",
        "sdg_targets": ["16.10"],
        "external_key": "world:SVN",
    }
    assert body["recommending_states"] == [{"code": "FRA", "name": "FRA", "regional_group": "EEG"}]
    assert [t["id"] for t in body["themes"]] == [cycle_world.cycle.theme.id]
    assert body["affected_persons"] == [
        {
            "id": cycle_world.cycle.affected_person.id,
            "name": "Roma",
            "origin": "source",
            "confidence": None,
            "model_version": None,
        }
    ]


@pytest.mark.parametrize("rec_id", ["987654", "0", str(2**70), "abc"])
async def test_get_unknown_or_malformed_id(client, cycle_world, rec_id):
    response = await client.get(f"/recommendations/{rec_id}")
    # Not digits: no route matches (the id routes take digits only, so `/recommendations/analyse` is its own path).
    assert response.status_code == (404 if rec_id in ("987654", "abc") else 422), response.text


async def test_create(client, cycle_world, admin):
    response = await client.post("/recommendations", json=new_body(cycle_world), headers=admin)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["state_under_review"] == "SVN" and body["paragraph"] == "121.8"
    assert [s["code"] for s in body["recommending_states"]] == ["SVK"]
    assert body["recommending_states"][0]["name"] == "Slovakia"
    assert body["sdg_targets"] == ["16.10"] and body["action_category"] == 3
    assert body["current_position"] is None
    assert body["external_key"].startswith("SVN:c3:")
    assert (await client.get(f"/recommendations/{body['id']}")).json() == body


@pytest.mark.parametrize(
    "variant",
    [
        "Continue raising awareness in society of the need to eliminate discrimination, intolerance and hate speech",
        "  continue raising awareness in society of the need to eliminate  discrimination, intolerance and\n"
        "hate speech.",
        "CONTINUE RAISING AWARENESS IN SOCIETY OF THE NEED TO ELIMINATE DISCRIMINATION, INTOLERANCE AND HATE SPEECH;",
    ],
)
async def test_the_same_recommendation_twice_is_409(client, cycle_world, admin, variant):
    assert (await client.post("/recommendations", json=new_body(cycle_world), headers=admin)).status_code == 201
    response = await client.post(
        "/recommendations", json=new_body(cycle_world, text=variant, paragraph="121.9"), headers=admin
    )
    assert assert_problem(response, 409, "already-exists", "external key")["field"] == "external_key"


async def test_same_text_to_another_state_or_session_is_not_a_duplicate(client, cycle_world, admin):
    assert (await client.post("/recommendations", json=new_body(cycle_world), headers=admin)).status_code == 201
    other = new_body(cycle_world, review_id=cycle_world.cycle.reviews["HRV"].id)
    assert (await client.post("/recommendations", json=other, headers=admin)).status_code == 201


async def test_an_explicit_external_key_must_be_unique(client, cycle_world, admin):
    response = await client.post(
        "/recommendations", json=new_body(cycle_world, external_key="world:SVN"), headers=admin
    )
    assert assert_problem(response, 409, "already-exists", "world:SVN")["field"] == "external_key"
    response = await client.post("/recommendations", json=new_body(cycle_world, external_key="mine:1"), headers=admin)
    assert response.json()["external_key"] == "mine:1"


BAD_CREATE = [
    ({"review_id": 987654}, "review_id"),
    ({"review_id": 2**70}, "review_id"),
    ({"recommending_states": ["ZZZ"]}, "recommending_states"),
    ({"recommending_states": ["ZZ"]}, "recommending_states"),
    ({"recommending_states": []}, "recommending_states"),
    ({"themes": [987654]}, "themes"),
    ({"themes": ["x"]}, "themes"),
    ({"affected_persons": [987654]}, "affected_persons"),
    ({"sdg_targets": ["16.99"]}, "sdg_targets"),
    ({"sdg_targets": ["sixteen"]}, "sdg_targets"),
    ({"paragraph": "12a"}, "paragraph"),
    ({"paragraph": "121."}, "paragraph"),
    ({"action_category": 6}, "action_category"),
    ({"text": ""}, "text"),
    ({"text": " \n "}, "text"),
    ({"text": "nul\x00"}, "text"),
]


@pytest.mark.parametrize(("overrides", "field"), BAD_CREATE, ids=[f"{f}={v}"[:40] for v, f in BAD_CREATE])
async def test_create_422_names_the_field(client, cycle_world, admin, overrides, field):
    response = await client.post("/recommendations", json=new_body(cycle_world, **overrides), headers=admin)
    body = assert_problem(response, 422, "validation-error", "")
    assert body["field"].split(".")[0] == field


async def test_update_with_if_match(client, cycle_world, admin, session: Session):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    etag = (await client.get(f"/recommendations/{rec.id}")).headers["ETag"]
    women = create_theme(session, "Women's rights")
    response = await patch_after_read(
        client,
        f"/recommendations/{rec.id}",
        headers={**admin, "If-Match": etag},
        json={
            "text": "Take further measures to combat discrimination against Roma women",
            "themes": [women.id],
            "recommending_states": ["FRA", "SEN"],
            "affected_persons": [],
            "paragraph": None,
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["text"].endswith("Roma women") and body["paragraph"] is None
    assert [t["name"] for t in body["themes"]] == ["Women's rights"]
    assert [s["code"] for s in body["recommending_states"]] == ["FRA", "SEN"]
    assert body["affected_persons"] == [] and body["sdg_targets"] == ["16.10"]  # not sent: unchanged
    assert body["external_key"] == "world:SVN"
    assert response.headers["ETag"] != etag

    stale = await patch_after_read(
        client, f"/recommendations/{rec.id}", headers={**admin, "If-Match": etag}, json={"action_category": 2}
    )
    assert_problem(stale, 412, "precondition-failed", "changed")


async def test_update_touches_only_the_links_that_change(client, cycle_world, admin, session: Session):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    theme = cycle_world.cycle.theme
    link = session.get(RecommendationTheme, (rec.id, theme.id))
    link.source_label = "Roma"
    session.add(link)
    extra = create_theme(session, "Racial discrimination")
    session.commit()
    last_audit = max(session.exec(select(AuditEntry.id)).all())
    response = await patch_after_read(
        client, f"/recommendations/{rec.id}", headers=admin, json={"themes": [theme.id, extra.id]}
    )
    assert response.status_code == 200, response.text
    session.expire_all()
    assert session.get(RecommendationTheme, (rec.id, theme.id)).source_label == "Roma"
    logged = session.exec(
        select(AuditEntry).where(AuditEntry.entity == "recommendation_theme", AuditEntry.id > last_audit)
    ).all()
    assert [(e.action.value, e.entity_id) for e in logged] == [("create", f"{rec.id}:{extra.id}")]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": None}, "text"),
        ({"recommending_states": None}, "recommending_states"),
        ({"themes": None}, "themes"),
        ({"sdg_targets": None}, "sdg_targets"),
        ({"recommending_states": ["QQQ"]}, "recommending_states"),
        ({"themes": [987654]}, "themes"),
        ({"affected_persons": [987654]}, "affected_persons"),
        ({"sdg_targets": ["1.9"]}, "sdg_targets"),
        ({"paragraph": "x"}, "paragraph"),
        ({"action_category": 0}, "action_category"),
    ],
)
async def test_update_422_names_the_field(client, cycle_world, admin, body, field):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    response = await patch_after_read(client, f"/recommendations/{rec.id}", headers=admin, json=body)
    assert assert_problem(response, 422, "validation-error", "")["field"].split(".")[0] == field


async def test_update_unknown_is_404(client, cycle_world, admin):
    response = await patch_after_read(client, "/recommendations/987654", headers=admin, json={"action_category": 2})
    assert_problem(response, 404, "not-found", "987654")


async def test_delete_takes_the_history_along_and_audits_it(client, cycle_world, admin, session: Session):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    position_ids = [p.id for p in session.exec(select(Position).where(Position.recommendation_id == rec.id))]
    assert (await client.delete(f"/recommendations/{rec.id}", headers=admin)).status_code == 204
    assert (await client.get(f"/recommendations/{rec.id}")).status_code == 404
    assert (await client.get(f"/recommendations/{rec.id}/positions")).status_code == 404
    assert (await client.delete(f"/recommendations/{rec.id}", headers=admin)).status_code == 404
    deleted = {(e.entity, e.entity_id) for e in session.exec(select(AuditEntry).where(AuditEntry.action == "delete"))}
    assert ("recommendation", str(rec.id)) in deleted
    assert {("position", str(i)) for i in position_ids} <= deleted


async def test_writes_need_an_admin(client, cycle_world, settings):
    rec = cycle_world.cycle.recommendations[OWN_STATE]
    government = cycle_world.headers("government", settings)
    assert (await client.post("/recommendations", json=new_body(cycle_world), headers=government)).status_code == 403
    assert (
        await patch_after_read(client, f"/recommendations/{rec.id}", json={}, headers=government)
    ).status_code == 403
    assert (await client.delete(f"/recommendations/{rec.id}")).status_code == 401


async def test_create_with_new_vocabulary(client, cycle_world, admin, session: Session):
    person = create_affected_person(session, "Persons with disabilities")
    create_sdg_target(session, "10.2")
    body = new_body(
        cycle_world,
        affected_persons=[person.id],
        sdg_targets=["16.10", "10.2", "10.2"],
        recommending_states=["FRA", "fra", "SVK"],
    )
    response = await client.post("/recommendations", json=body, headers=admin)
    assert response.status_code == 201, response.text
    assert response.json()["sdg_targets"] == ["10.2", "16.10"]
    assert [s["code"] for s in response.json()["recommending_states"]] == ["FRA", "SVK"]
