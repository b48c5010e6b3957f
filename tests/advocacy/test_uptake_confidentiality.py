"""Uptake is the coalition's, even for a published brief: the state's government, another coalition's
member (Croatia's CSO) and anonymous callers get nothing — not in lists, not by id, not in reports."""

import httpx
import pytest
from sqlmodel import Session, select

from api.advocacy.models import ProposedRecommendation, UptakeMatch, UptakeStatus
from api.settings import Settings
from tests.cycle_factories import create_recommendation
from tests.factories import OTHER_STATE, OWN_STATE, World


@pytest.fixture
def matched(advocacy_world: World, session: Session) -> dict[str, int]:
    """A confirmed match on the draft's ask and a suggested one on the published brief's."""
    built = advocacy_world.advocacy
    review = advocacy_world.cycle.reviews[OWN_STATE]
    rec = create_recommendation(session, review, "Enrol Roma children in mainstream schools", paragraph="122.142")
    published_ask = session.exec(
        select(ProposedRecommendation.id).where(ProposedRecommendation.brief_id == built.published[OWN_STATE].id)
    ).one()
    confirmed = UptakeMatch(
        proposed_recommendation_id=built.asks[OWN_STATE].id or 0,
        recommendation_id=rec.id or 0,
        similarity=0.7,
        status=UptakeStatus.confirmed,
    )
    suggested = UptakeMatch(
        proposed_recommendation_id=published_ask or 0, recommendation_id=rec.id or 0, similarity=0.5
    )
    session.add_all([confirmed, suggested])
    session.flush()
    return {"confirmed": confirmed.id or 0, "suggested": suggested.id or 0, "recommendation": rec.id or 0}


OUTSIDERS = [("government", OWN_STATE, 403), ("cso", OTHER_STATE, 404), ("anonymous", OWN_STATE, 401)]


@pytest.mark.parametrize(("role", "state", "refusal"), OUTSIDERS)
async def test_outsiders_see_no_uptake(
    client: httpx.AsyncClient,
    advocacy_world: World,
    settings: Settings,
    matched: dict[str, int],
    role: str,
    state: str,
    refusal: int,
) -> None:
    built = advocacy_world.advocacy
    headers = advocacy_world.headers(role, settings, state)
    draft, published = built.drafts[OWN_STATE].id, built.published[OWN_STATE].id
    params = {"coalition": built.coalitions[OWN_STATE].id, "review": advocacy_world.cycle.reviews[OWN_STATE].id}

    listed = await client.get("/advocacy/uptake-matches", headers=headers)
    if refusal == 404:  # a role with the permission: an empty list, whatever the filter
        assert listed.status_code == 200 and listed.json() == {"items": [], "total": 0, "next_cursor": None}
        for filt in (
            {"brief": draft},
            {"brief": published},
            {"status": "confirmed"},
            {"proposed_recommendation": built.asks[OWN_STATE].id},
        ):
            r = await client.get("/advocacy/uptake-matches", headers=headers, params=filt)
            assert r.json()["total"] == 0, filt
    else:
        assert listed.status_code == refusal
    reads = [
        f"/advocacy/uptake-matches/{matched['confirmed']}",
        f"/advocacy/uptake-matches/{matched['suggested']}",
        f"/advocacy/briefs/{draft}/uptake",
        f"/advocacy/briefs/{published}/uptake",  # published: the brief is public, its uptake is not
    ]
    for path in reads:
        r = await client.get(path, headers=headers)
        assert r.status_code == refusal, path
        assert "Roma" not in r.text
    for path in ("/advocacy/uptake/by-state", "/advocacy/adoption-window"):
        r = await client.get(path, headers=headers, params=params)
        assert r.status_code == refusal, path
    writes = [
        client.post(f"/advocacy/briefs/{published}/uptake-suggestions", headers=headers),
        client.patch(
            f"/advocacy/uptake-matches/{matched['suggested']}",
            headers=headers | {"If-Match": "*"},
            json={"status": "rejected"},
        ),
    ]
    for call in writes:
        assert (await call).status_code == refusal
    created = await client.post(
        "/advocacy/uptake-matches",
        headers=headers,
        json={"proposed_recommendation_id": built.asks[OWN_STATE].id, "recommendation_id": matched["recommendation"]},
    )
    # Naming another coalition's ask is the 404 a missing one gets, as every create naming its parent row.
    assert created.status_code == refusal
    assert "Roma" not in created.text


async def test_a_missing_match_and_another_coalitions_answer_alike(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, matched: dict[str, int]
) -> None:
    croatian = advocacy_world.headers("cso", settings, OTHER_STATE)
    theirs = await client.get(f"/advocacy/uptake-matches/{matched['confirmed']}", headers=croatian)
    missing = await client.get("/advocacy/uptake-matches/999999", headers=croatian)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json()["detail"].replace(str(matched["confirmed"]), "?") == missing.json()["detail"].replace(
        "999999", "?"
    )
    # The admin sees it; the coalition's NHRI (a member) too.
    for headers in (advocacy_world.headers("admin", settings), advocacy_world.headers("nhri", settings)):
        r = await client.get(f"/advocacy/uptake-matches/{matched['confirmed']}", headers=headers)
        assert r.status_code == 200 and r.json()["status"] == "confirmed"
