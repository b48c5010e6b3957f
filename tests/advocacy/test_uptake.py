"""Uptake: suggestions by text similarity, confirmed or rejected by the group, matches a group adds,
the reports per brief and per state — all the coalition's only, even for a published brief."""

from typing import Any

import httpx
import pytest
from sqlmodel import Session, select

from api.advocacy.models import BriefTarget, ProposedRecommendation, UptakeMatch, UptakeStatus
from api.advocacy.uptake import matching
from api.audit.models import AuditAction
from api.cycle.models import Review
from api.recommendations.models import PositionKind, Recommendation
from api.recommendations.policy import RecommendationTracked, refuse_delete_if_referenced
from api.settings import Settings
from tests.cycle.helpers import audit
from tests.cycle_factories import create_recommendation
from tests.factories import OTHER_STATE, OWN_STATE, World, create_state
from tests.helpers import assert_problem

ASK = "Adopt a law guaranteeing Roma children's enrolment in mainstream schools by 2026"


def _recs(session: Session, review: Review) -> dict[str, Recommendation]:
    """Three recommendations to the own state: one that carries the draft's ask, one on a neighbouring
    subject, one unrelated."""
    return {
        "carrier": create_recommendation(
            session,
            review,
            "Adopt legislation guaranteeing the enrolment of Roma children in mainstream schools",
            recommending=(OTHER_STATE, "FRA"),
            paragraph="122.142",
            position=None,
        ),
        "near": create_recommendation(
            session,
            review,
            "Improve the living conditions of Roma and their access to drinking water",
            recommending=("DEU",),
            paragraph="122.140",
            position=PositionKind.supported,
        ),
        "far": create_recommendation(
            session,
            review,
            "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance",
            recommending=("LTU",),
            paragraph="121.1",
            position=PositionKind.noted,
        ),
    }


def _of(window: dict[str, Any], brief_id: int | None) -> dict[str, Any]:
    """One brief's part of an adoption window."""
    return next(b for b in window["briefs"] if b["brief_id"] == brief_id)


def _suggest(client: httpx.AsyncClient, brief_id: int, headers: dict[str, str]) -> Any:
    return client.post(f"/advocacy/briefs/{brief_id}/uptake-suggestions", headers=headers)


async def test_suggestions_rank_the_carrier_first_and_keep_decisions(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    built = advocacy_world.advocacy
    recs = _recs(session, advocacy_world.cycle.reviews[OWN_STATE])
    draft = built.drafts[OWN_STATE]
    cso = advocacy_world.headers("cso", settings)

    r = await _suggest(client, draft.id or 0, cso)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["threshold"], body["top_n"]) == (matching.THRESHOLD, matching.TOP_N)
    ids = [m["recommendation_id"] for m in body["matches"]]
    assert ids[0] == recs["carrier"].id
    assert recs["far"].id not in ids
    first = body["matches"][0]
    assert first["status"] == "suggested" and 0 < first["similarity"] <= 1
    assert first["recommending_states"] == sorted([OTHER_STATE, "FRA"])
    assert first["proposed_recommendation_text"] == ASK and first["brief_id"] == draft.id
    assert body["added"] == len(ids)

    # Confirm the carrier: If-Match required, the deciding organisation recorded.
    path = f"/advocacy/uptake-matches/{first['id']}"
    assert (await client.patch(path, headers=cso, json={"status": "confirmed"})).status_code == 428
    got = await client.get(path, headers=cso)
    r = await client.patch(path, headers=cso | {"If-Match": got.headers["etag"]}, json={"status": "confirmed"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "confirmed"
    assert r.json()["decided_by"]["id"] == advocacy_world.org("cso").id and r.json()["decided_at"]
    stale = await client.patch(path, headers=cso | {"If-Match": got.headers["etag"]}, json={"status": "rejected"})
    assert stale.status_code == 412
    assert (await client.patch(path, headers=cso | {"If-Match": "*"}, json={"status": "suggested"})).status_code == 422

    # Reject the other suggestions; recomputing touches none of the decided ones, nor suggests them again.
    others = [m for m in body["matches"] if m["id"] != first["id"]]
    for m in others:
        r = await client.patch(
            f"/advocacy/uptake-matches/{m['id']}", headers=cso | {"If-Match": "*"}, json={"status": "rejected"}
        )
        assert r.status_code == 200
    again = (await _suggest(client, draft.id or 0, cso)).json()
    assert again["added"] == 0 and again["removed"] == 0
    assert {(m["id"], m["status"]) for m in again["matches"]} == {(first["id"], "confirmed")} | {
        (m["id"], "rejected") for m in others
    }

    # The list filters by brief, status and ask.
    listed = (await client.get("/advocacy/uptake-matches", headers=cso, params={"status": "confirmed"})).json()
    assert [m["id"] for m in listed["items"]] == [first["id"]] and listed["total"] == 1
    by_ask = await client.get(
        "/advocacy/uptake-matches", headers=cso, params={"proposed_recommendation": built.asks[OWN_STATE].id}
    )
    assert by_ask.json()["total"] == len(body["matches"])
    by_brief = await client.get(
        "/advocacy/uptake-matches", headers=cso, params={"brief": built.published[OWN_STATE].id}
    )
    assert by_brief.json()["total"] == 0


async def test_a_suggestion_that_no_longer_qualifies_is_removed(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    built = advocacy_world.advocacy
    recs = _recs(session, advocacy_world.cycle.reviews[OWN_STATE])
    draft = built.drafts[OWN_STATE]
    cso = advocacy_world.headers("cso", settings)
    first = (await _suggest(client, draft.id or 0, cso)).json()
    carrier = next(m for m in first["matches"] if m["recommendation_id"] == recs["carrier"].id)
    ask = session.get_one(ProposedRecommendation, built.asks[OWN_STATE].id)
    ask.text = "Ratify the Convention on enforced disappearance"  # the group rewrote its ask
    session.add(ask)
    session.flush()
    second = (await _suggest(client, draft.id or 0, cso)).json()
    assert second["removed"] >= 1
    assert carrier["id"] not in {m["id"] for m in second["matches"]}
    assert [m["recommendation_id"] for m in second["matches"]][0] == recs["far"].id


async def test_who_may_write_uptake(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    """The group's members (the NHRI is one, not a co-chair) and the coalition's leads; a member of the
    coalition outside the group gets 403; another coalition's member 404; roles without the permission 403."""
    built = advocacy_world.advocacy
    _recs(session, advocacy_world.cycle.reviews[OWN_STATE])
    draft = built.drafts[OWN_STATE]
    assert (await _suggest(client, draft.id or 0, advocacy_world.headers("nhri", settings))).status_code == 200
    assert (
        await _suggest(client, draft.id or 0, advocacy_world.headers("cso", settings, OTHER_STATE))
    ).status_code == 404
    assert (await _suggest(client, draft.id or 0, advocacy_world.headers("government", settings))).status_code == 403
    assert (await _suggest(client, draft.id or 0, {})).status_code == 401
    assert (await _suggest(client, 10**6, advocacy_world.headers("cso", settings))).status_code == 404

    # The NHRI leaves the group but stays in the coalition: it still reads, no longer writes.
    from api.advocacy.models import WorkingGroupMember

    membership = session.get_one(
        WorkingGroupMember, (built.working_groups[OWN_STATE].id, advocacy_world.org("nhri").id)
    )
    session.delete(membership)
    session.flush()
    nhri = advocacy_world.headers("nhri", settings)
    r = await _suggest(client, draft.id or 0, nhri)
    assert r.status_code == 403 and r.json()["type"].endswith("not-working-group-member")
    match_id = session.exec(select(UptakeMatch.id)).first()
    assert (await client.get(f"/advocacy/uptake-matches/{match_id}", headers=nhri)).status_code == 200
    r = await client.patch(
        f"/advocacy/uptake-matches/{match_id}", headers=nhri | {"If-Match": "*"}, json={"status": "confirmed"}
    )
    assert r.status_code == 403


async def test_a_group_confirms_a_match_the_algorithm_missed(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    built = advocacy_world.advocacy
    recs = _recs(session, advocacy_world.cycle.reviews[OWN_STATE])
    foreign = create_recommendation(
        session, advocacy_world.cycle.reviews[OTHER_STATE], "Something else", paragraph="1.1"
    )
    ask_id = built.asks[OWN_STATE].id
    cso = advocacy_world.headers("cso", settings)

    r = await client.post(
        "/advocacy/uptake-matches",
        headers=cso,
        json={"proposed_recommendation_id": ask_id, "recommendation_id": foreign.id},
    )
    assert r.status_code == 422 and r.json()["field"] == "recommendation_id"
    r = await client.post(
        "/advocacy/uptake-matches", headers=cso, json={"proposed_recommendation_id": ask_id, "recommendation_id": 10**6}
    )
    assert r.status_code == 422 and r.json()["field"] == "recommendation_id"
    other_ask = built.asks[OTHER_STATE].id
    r = await client.post(
        "/advocacy/uptake-matches",
        headers=cso,
        json={"proposed_recommendation_id": other_ask, "recommendation_id": recs["near"].id},
    )
    assert r.status_code == 404
    missing = await client.post(
        "/advocacy/uptake-matches",
        headers=cso,
        json={"proposed_recommendation_id": 10**6, "recommendation_id": recs["near"].id},
    )
    assert missing.status_code == 404 and missing.json()["detail"].replace(str(10**6), "?") == r.json()[
        "detail"
    ].replace(str(other_ask), "?")

    body = {"proposed_recommendation_id": ask_id, "recommendation_id": recs["near"].id}
    key = {"Idempotency-Key": "uptake-near-1"}
    r = await client.post("/advocacy/uptake-matches", headers=cso | key, json=body)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["status"] == "confirmed" and made["decided_by"]["id"] == advocacy_world.org("cso").id
    replay = await client.post("/advocacy/uptake-matches", headers=cso | key, json=body)
    assert replay.status_code == 201 and replay.json() == made
    dup = await client.post("/advocacy/uptake-matches", headers=cso, json=body)
    assert dup.status_code == 409 and dup.json()["type"].endswith("uptake-match-exists")
    # A suggestion run leaves it alone.
    suggested = (await _suggest(client, built.drafts[OWN_STATE].id or 0, cso)).json()
    assert {"id": made["id"], "status": "confirmed"}.items() <= next(
        m for m in suggested["matches"] if m["id"] == made["id"]
    ).items()


async def test_reports_per_brief_per_state_and_the_adoption_window(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    built = advocacy_world.advocacy
    review = advocacy_world.cycle.reviews[OWN_STATE]
    recs = _recs(session, review)
    draft = built.drafts[OWN_STATE]
    session.add(BriefTarget(brief_id=draft.id or 0, state_code="DEU", reason="Champion on water"))
    session.flush()
    cso = advocacy_world.headers("cso", settings)
    ask_id = built.asks[OWN_STATE].id
    for rec in (recs["carrier"], recs["near"]):
        r = await client.post(
            "/advocacy/uptake-matches",
            headers=cso,
            json={"proposed_recommendation_id": ask_id, "recommendation_id": rec.id},
        )
        assert r.status_code == 201

    report = (await client.get(f"/advocacy/briefs/{draft.id}/uptake", headers=cso)).json()
    assert report["targets"] == ["DEU", OTHER_STATE]
    (ask,) = report["asks"]
    assert ask["taken_up"] is True and ask["text"] == ASK
    assert {(s["state_code"], s["targeted"]) for s in ask["states"]} == {
        (OTHER_STATE, True),
        ("FRA", False),
        ("DEU", True),
    }
    positions = {r["recommendation_id"]: r["current_position"] for r in ask["recommendations"]}
    assert positions == {recs["carrier"].id: None, recs["near"].id: "supported"}
    assert report["totals"] == {
        "asks": 1,
        "taken_up": 1,
        "recommendations": 2,
        "states": 3,
        "targeted_states": 2,
        "targeted_states_taking_up": 2,
        "untargeted_states_taking_up": 1,
        "by_position": {"none": 1, "supported": 1},
    }
    published = (await client.get(f"/advocacy/briefs/{built.published[OWN_STATE].id}/uptake", headers=cso)).json()
    assert published["asks"][0]["taken_up"] is False and published["totals"]["taken_up"] == 0

    # Per state: who took up what; a target that took up nothing is listed too.
    create_state(session, "AUT")
    session.add(BriefTarget(brief_id=built.published[OWN_STATE].id or 0, state_code="AUT"))
    session.flush()
    params = {"coalition": built.coalitions[OWN_STATE].id, "review": review.id}
    by_state = (await client.get("/advocacy/uptake/by-state", headers=cso, params=params)).json()
    states = {s["state_code"]: s for s in by_state["states"]}
    assert list(states) == ["DEU", "FRA", OTHER_STATE, "AUT"]
    assert states["FRA"]["targeted"] is False and states["FRA"]["by_position"] == {"none": 1}
    assert states[OTHER_STATE]["targeted_by_briefs"] == [draft.id]
    assert [a["proposed_recommendation_id"] for a in states["DEU"]["asks"]] == [ask_id]
    assert states["AUT"] == {
        "state_code": "AUT",
        "targeted": True,
        "targeted_by_briefs": [built.published[OWN_STATE].id],
        "asks": [],
        "by_position": {},
    }

    # The adoption window: the carrier is still pending, the other one adopted (supported).
    window = (await client.get("/advocacy/adoption-window", headers=cso, params=params)).json()
    assert window["pending"] == window["matched_pending"] == 1  # the review's other recommendations are answered
    assert [b["brief_id"] for b in window["briefs"]] == [
        *sorted([draft.id or 0, built.published[OWN_STATE].id or 0]),
        None,  # last, the review's recommendations matched to no brief
    ]
    first, second = (_of(window, draft.id), _of(window, built.published[OWN_STATE].id))
    assert first["pending"] == 1
    assert [(r["recommendation_id"], r["pending"], r["current_position"]) for r in first["recommendations"]] == [
        (recs["near"].id, False, "supported"),
        (recs["carrier"].id, True, None),
    ]
    assert second == {
        "brief_id": built.published[OWN_STATE].id,
        "title": "Hate speech against Roma",
        "pending": 0,
        "total": 0,
        "next_cursor": None,
        "recommendations": [],
    }
    rest = _of(window, None)
    world_rec = advocacy_world.cycle.recommendations[OWN_STATE]
    assert [
        (r["recommendation_id"], r["current_position"], r["asks"], r["match_status"]) for r in rest["recommendations"]
    ] == [
        (world_rec.id, "supported", [], None),
        (recs["far"].id, "noted", [], None),
    ]
    assert (rest["title"], rest["pending"], rest["total"], rest["next_cursor"]) == (None, 0, 2, None)
    only = (await client.get("/advocacy/adoption-window", headers=cso, params=params | {"pending_only": "true"})).json()
    assert [r["recommendation_id"] for r in _of(only, draft.id)["recommendations"]] == [recs["carrier"].id]
    assert _of(only, None) == {
        "brief_id": None,
        "title": None,
        "pending": 0,
        "total": 0,
        "next_cursor": None,
        "recommendations": [],
    }

    # Suggested matches join only when asked for, flagged as such.
    far = create_recommendation(
        session, review, "Enrol Roma children in mainstream schools", paragraph="122.200", position=None
    )
    session.add(UptakeMatch(proposed_recommendation_id=ask_id or 0, recommendation_id=far.id or 0, similarity=0.5))
    session.flush()
    plain = (await client.get("/advocacy/adoption-window", headers=cso, params=params)).json()
    assert far.id not in {r["recommendation_id"] for r in _of(plain, draft.id)["recommendations"]}
    # Unconfirmed, it is one of the review's other recommendations, pending: counted there.
    assert far.id in {r["recommendation_id"] for r in _of(plain, None)["recommendations"]}
    assert (plain["pending"], plain["matched_pending"], _of(plain, None)["pending"]) == (2, 1, 1)
    wide = (
        await client.get("/advocacy/adoption-window", headers=cso, params=params | {"include_suggested": "true"})
    ).json()
    flagged = {r["recommendation_id"]: r["match_status"] for r in _of(wide, draft.id)["recommendations"]}
    assert flagged[far.id] == "suggested" and flagged[recs["carrier"].id] == "confirmed"
    assert wide["pending"] == wide["matched_pending"] == 2
    assert far.id not in {r["recommendation_id"] for r in _of(wide, None)["recommendations"]}

    # An unknown review is a 422; another coalition's, a 404.
    bad = await client.get("/advocacy/adoption-window", headers=cso, params=params | {"review": 10**6})
    assert bad.status_code == 422
    other = {"coalition": built.coalitions[OTHER_STATE].id, "review": review.id}
    assert (await client.get("/advocacy/adoption-window", headers=cso, params=other)).status_code == 404
    assert (await client.get("/advocacy/uptake/by-state", headers=cso, params=other)).status_code == 404


async def test_only_a_confirmed_match_keeps_a_recommendation_from_deletion(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    """A suggested or rejected match goes with its recommendation (each deletion audited); a confirmed
    one refuses the delete (409), and the refusal deletes nothing."""
    built = advocacy_world.advocacy
    recs = _recs(session, advocacy_world.cycle.reviews[OWN_STATE])
    ask_id = built.asks[OWN_STATE].id or 0
    suggested, rejected, confirmed = (
        UptakeMatch(
            proposed_recommendation_id=ask_id, recommendation_id=recs[key].id or 0, similarity=0.6, status=status
        )
        for key, status in (
            ("carrier", UptakeStatus.suggested),
            ("near", UptakeStatus.rejected),
            ("far", UptakeStatus.confirmed),
        )
    )
    session.add_all([suggested, rejected, confirmed])
    session.flush()
    admin = advocacy_world.headers("admin", settings)

    refused = await client.delete(f"/recommendations/{recs['far'].id}", headers=admin)
    assert_problem(refused, 409, "recommendation-tracked", "confirmed uptake matches")
    session.expire_all()
    assert session.get(Recommendation, recs["far"].id) is not None
    assert session.get(UptakeMatch, confirmed.id) is not None

    for key, match in (("carrier", suggested), ("near", rejected)):
        match_id = match.id
        assert (await client.delete(f"/recommendations/{recs[key].id}", headers=admin)).status_code == 204
        session.expire_all()
        assert session.get(UptakeMatch, match_id) is None
        assert audit(session, "uptake_match", AuditAction.delete, str(match_id))
    assert session.get(UptakeMatch, confirmed.id) is not None  # another recommendation's match stays


async def test_a_refused_delete_keeps_the_suggestions_too(advocacy_world: World, session: Session) -> None:
    """A confirmed match among the recommendations refuses before any suggestion is deleted (were another
    domain's guard to refuse after this one cleared them, the request's rollback would restore them)."""
    built = advocacy_world.advocacy
    recs = _recs(session, advocacy_world.cycle.reviews[OWN_STATE])
    ask_id = built.asks[OWN_STATE].id or 0
    rec_ids = [recs["carrier"].id or 0, recs["far"].id or 0]
    session.add(UptakeMatch(proposed_recommendation_id=ask_id, recommendation_id=rec_ids[0], similarity=0.6))
    session.add(
        UptakeMatch(
            proposed_recommendation_id=ask_id,
            recommendation_id=rec_ids[1],
            similarity=0.6,
            status=UptakeStatus.confirmed,
        )
    )
    session.flush()
    with pytest.raises(RecommendationTracked, match="confirmed uptake matches"):
        refuse_delete_if_referenced(session, rec_ids, "them")
    statuses = sorted(m.status for m in session.exec(select(UptakeMatch)))
    assert statuses == [UptakeStatus.confirmed, UptakeStatus.suggested]  # refused before deleting anything
