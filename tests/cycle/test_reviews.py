"""/reviews: filters, stable order, troika rules, dates, duplicates, If-Match."""

import pytest

from api.audit.models import AuditAction
from api.cycle.models import Review
from tests.cycle.helpers import audit, ids, problem
from tests.cycle_factories import create_cycle, create_recommendation, create_review, create_upr_session
from tests.factories import create_state


@pytest.fixture
def reviews(session, world):
    """SVN and HRV at session 34 (cycle 3), AUT at 34, ZAF at 28 (cycle 3), SVN again at 41 (cycle 4)."""
    for code in ("AUT", "ZAF", "FRA", "BRA", "JPN"):
        create_state(session, code)
    create_cycle(session, 4, start_year=2022, end_year=None)
    create_upr_session(session, 28, 3, 2017)
    create_upr_session(session, 41, 4, 2022)
    made = {
        "SVN34": create_review(session, "SVN", 34, troika=("FRA", "BRA", "JPN")),
        "HRV34": create_review(session, "HRV", 34),
        "AUT34": create_review(session, "AUT", 34),
        "ZAF28": create_review(session, "ZAF", 28),
        "SVN41": create_review(session, "SVN", 41),
    }
    return {k: v.id for k, v in made.items()}


async def test_list_orders_by_session_then_state(client, reviews):
    response = await client.get("/reviews")
    assert ids(response) == [reviews[k] for k in ("ZAF28", "AUT34", "HRV34", "SVN34", "SVN41")]
    assert response.json()["total"] == 5


async def test_each_filter_excludes_the_rest(client, reviews):
    assert ids(await client.get("/reviews?state=svn")) == [reviews["SVN34"], reviews["SVN41"]]
    assert ids(await client.get("/reviews?session=34")) == [reviews[k] for k in ("AUT34", "HRV34", "SVN34")]
    assert ids(await client.get("/reviews?cycle=4")) == [reviews["SVN41"]]
    assert ids(await client.get("/reviews?cycle=3&state=SVN")) == [reviews["SVN34"]]
    assert ids(await client.get("/reviews?state=ESP")) == []
    problem(await client.get("/reviews?state=SLOVENIA"), 422, "state")


async def test_read_shape(client, session, reviews):
    review_id = reviews["SVN34"]
    create_recommendation(session, session.get(Review, review_id))
    response = await client.get(f"/reviews/{review_id}")
    assert response.status_code == 200
    assert response.headers["etag"]
    assert response.json() == {
        "id": review_id,
        "state_under_review": "SVN",
        "session": 34,
        "cycle": 3,
        "dialogue_date": "2019-11-11",
        "adoption_date": None,
        "submission_deadline": None,
        "troika": ["BRA", "FRA", "JPN"],
        "recommendation_count": 1,
    }
    listed = (await client.get("/reviews?session=34")).json()["items"]
    assert [r["recommendation_count"] for r in listed] == [0, 0, 1]
    problem(await client.get("/reviews/987654"), 404, detail="Review 987654")


async def test_admin_creates_a_review_with_its_troika(client, world, settings, session):
    create_upr_session(session, 34)
    for code in ("FRA", "BRA", "JPN"):
        create_state(session, code)
    response = await client.post(
        "/reviews",
        headers=world.headers("admin", settings),
        json={
            "state_under_review": "svn",
            "session": 34,
            "dialogue_date": "2019-11-11",
            "adoption_date": "2020-03-12",
            "troika": ["jpn", "FRA", "BRA", "FRA"],
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["state_under_review"] == "SVN" and body["cycle"] == 3
    assert body["troika"] == ["BRA", "FRA", "JPN"]
    assert body["recommendation_count"] == 0
    assert len(audit(session, "review_troika", AuditAction.create)) == 3


@pytest.mark.parametrize(
    ("change", "field", "detail"),
    [
        ({"state_under_review": "XXX"}, "state_under_review", "XXX"),
        ({"state_under_review": "Slovenia"}, "state_under_review", ""),
        ({"troika": ["FRA", "QQQ"]}, "troika", "QQQ"),
        ({"troika": ["FRA", "SVN"]}, "troika", "state under review"),
        ({"troika": ["FRA", "BRA", "JPN", "HRV"]}, "troika", "at most three"),
        ({"troika": ["FR"]}, "troika.0", ""),
        ({"session": 99}, "session", "Session 99"),
        ({"adoption_date": "2019-01-01"}, "adoption_date", "before"),
    ],
)
async def test_create_refusals_name_the_field(client, world, settings, session, change, field, detail):
    create_upr_session(session, 34)
    for code in ("FRA", "BRA", "JPN"):
        create_state(session, code)
    body = {"state_under_review": "SVN", "session": 34, "dialogue_date": "2019-11-11", "troika": ["FRA"], **change}
    problem(await client.post("/reviews", headers=world.headers("admin", settings), json=body), 422, field, detail)


async def test_duplicate_state_and_session_is_409(client, world, settings, session):
    existing = create_review(session, "SVN", 34)
    body = problem(
        await client.post(
            "/reviews", headers=world.headers("admin", settings), json={"state_under_review": "SVN", "session": 34}
        ),
        409,
        "session",
        slug="already-exists",
    )
    assert str(existing.id) in body["detail"]


async def test_patch_replaces_the_troika_and_audits_the_change(client, world, settings, session, reviews):
    review_id = reviews["SVN34"]
    admin = world.headers("admin", settings)
    response = await client.patch(
        f"/reviews/{review_id}", headers=admin, json={"troika": ["FRA", "AUT"], "adoption_date": "2020-03-12"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["troika"] == ["AUT", "FRA"]
    assert response.json()["adoption_date"] == "2020-03-12"
    left = audit(session, "review_troika", AuditAction.delete)
    assert sorted(e.entity_id for e in left) == [f"{review_id}:BRA", f"{review_id}:JPN"]
    assert [e.entity_id for e in audit(session, "review_troika", AuditAction.create, f"{review_id}:AUT")]
    cleared = await client.patch(f"/reviews/{review_id}", headers=admin, json={"troika": []})
    assert cleared.json()["troika"] == []


async def test_patch_refusals(client, world, settings, reviews):
    admin = world.headers("admin", settings)
    url = f"/reviews/{reviews['SVN34']}"
    problem(await client.patch(url, headers=admin, json={"troika": ["SVN"]}), 422, "troika")
    problem(await client.patch(url, headers=admin, json={"troika": ["ZZZ"]}), 422, "troika")
    problem(await client.patch(url, headers=admin, json={"troika": None}), 422, "troika")
    problem(await client.patch(url, headers=admin, json={"adoption_date": "2019-11-01"}), 422, "adoption_date")
    problem(await client.patch("/reviews/987654", headers=admin, json={"troika": []}), 404)
    problem(await client.patch(url, headers=world.headers("nhri", settings), json={"troika": []}), 403)
    etag = (await client.get(url)).headers["etag"]
    assert (await client.patch(url, headers={**admin, "If-Match": etag}, json={"troika": ["FRA"]})).status_code == 200
    problem(await client.patch(url, headers={**admin, "If-Match": etag}, json={"troika": ["BRA"]}), 412, "If-Match")
    assert (await client.get(url)).json()["troika"] == ["FRA"]
