"""The adoption window: the coalition's matched recommendations still `pending` are what it campaigns
on; once the state records its position at the adoption, the window shows that final position."""

import httpx
from sqlmodel import Session

from api.advocacy.models import UptakeMatch, UptakeStatus
from api.recommendations.models import PositionKind
from api.settings import Settings
from tests.cycle_factories import create_recommendation
from tests.factories import OWN_STATE, World


async def test_a_pending_recommendation_leaves_the_window_with_its_final_position(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    built = advocacy_world.advocacy
    review = advocacy_world.cycle.reviews[OWN_STATE]
    rec = create_recommendation(
        session,
        review,
        "Guarantee Roma children's enrolment in mainstream schools",
        paragraph="122.142",
        position=PositionKind.pending,
    )
    session.add(
        UptakeMatch(
            proposed_recommendation_id=built.asks[OWN_STATE].id or 0,
            recommendation_id=rec.id or 0,
            similarity=0.8,
            status=UptakeStatus.confirmed,
        )
    )
    session.flush()
    cso = advocacy_world.headers("cso", settings)
    params = {"coalition": built.coalitions[OWN_STATE].id, "review": review.id, "pending_only": "true"}

    window = (await client.get("/advocacy/adoption-window", headers=cso, params=params)).json()
    draft = next(b for b in window["briefs"] if b["brief_id"] == built.drafts[OWN_STATE].id)
    assert draft["pending"] == 1 and window["pending"] == 1
    assert [(r["recommendation_id"], r["current_position"]) for r in draft["recommendations"]] == [(rec.id, "pending")]

    # The state notes it at the adoption (its government records the position).
    government = advocacy_world.headers("government", settings)
    r = await client.post(
        f"/recommendations/{rec.id}/positions",
        headers=government,
        json={"position": "noted", "date": "2020-03-12", "source_document": "A/HRC/43/15/Add.1"},
    )
    assert r.status_code == 201, r.text

    window = (await client.get("/advocacy/adoption-window", headers=cso, params=params)).json()
    assert window["pending"] == 0 and all(b["recommendations"] == [] for b in window["briefs"])
    everything = (
        await client.get("/advocacy/adoption-window", headers=cso, params=params | {"pending_only": "false"})
    ).json()
    draft = next(b for b in everything["briefs"] if b["brief_id"] == built.drafts[OWN_STATE].id)
    assert [(r["current_position"], r["pending"]) for r in draft["recommendations"]] == [("noted", False)]
    assert draft["pending"] == 0


async def test_the_reviews_other_recommendations_come_last_paged_and_counted(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    """The window holds every recommendation of the review: those matched to a brief in its group, the
    others in a last group (`brief_id` null) paged by `unmatched_limit`/`unmatched_cursor` (50 by
    default) while its `total` and `pending` count all its pages. A rejected match leaves a
    recommendation there."""
    built = advocacy_world.advocacy
    review = advocacy_world.cycle.reviews[OWN_STATE]
    world_rec = advocacy_world.cycle.recommendations[OWN_STATE]  # supported: not pending
    pending = [
        create_recommendation(
            session,
            review,
            f"Recommendation number {i} on the rights of minorities",
            paragraph=f"122.{i}",
            position=PositionKind.pending if i % 2 else None,
        )
        for i in range(1, 54)
    ]
    noted = create_recommendation(
        session, review, "Ratify the Convention", paragraph="121.9", position=PositionKind.noted
    )
    ask = built.asks[OWN_STATE].id or 0
    session.add_all(
        [
            UptakeMatch(
                proposed_recommendation_id=ask,
                recommendation_id=pending[0].id or 0,
                similarity=0.9,
                status=UptakeStatus.confirmed,
            ),
            UptakeMatch(
                proposed_recommendation_id=ask,
                recommendation_id=pending[1].id or 0,
                similarity=0.6,
                status=UptakeStatus.rejected,
            ),
        ]
    )
    session.flush()
    cso = advocacy_world.headers("cso", settings)
    params = {"coalition": built.coalitions[OWN_STATE].id, "review": review.id, "pending_only": "true"}
    unmatched_pending = [r.id for r in pending[1:]]  # 52: the rejected one included

    first = (await client.get("/advocacy/adoption-window", headers=cso, params=params)).json()
    assert first["briefs"][-1]["brief_id"] is None and first["briefs"][-1]["title"] is None
    rest = first["briefs"][-1]
    assert (rest["total"], rest["pending"], len(rest["recommendations"])) == (52, 52, 50)
    assert rest["next_cursor"] is not None
    assert all(r["pending"] and r["asks"] == [] and r["match_status"] is None for r in rest["recommendations"])
    draft = next(b for b in first["briefs"] if b["brief_id"] == built.drafts[OWN_STATE].id)
    assert [r["recommendation_id"] for r in draft["recommendations"]] == [pending[0].id]
    assert (draft["total"], draft["next_cursor"]) == (1, None)  # a brief's group is never paged
    assert (first["pending"], first["matched_pending"]) == (53, 1)  # every pending recommendation of the review

    second = (
        await client.get(
            "/advocacy/adoption-window", headers=cso, params=params | {"unmatched_cursor": rest["next_cursor"]}
        )
    ).json()
    last = second["briefs"][-1]
    assert (last["total"], last["pending"], last["next_cursor"]) == (52, 52, None)
    assert second["pending"] == 53  # the counts do not depend on the page
    listed = [r["recommendation_id"] for g in (rest, last) for r in g["recommendations"]]
    assert listed == unmatched_pending  # by id, each once, none missing

    # Without the filter: the answered ones too, still counted apart.
    small = (
        await client.get(
            "/advocacy/adoption-window",
            headers=cso,
            params=params | {"pending_only": "false", "unmatched_limit": "3"},
        )
    ).json()["briefs"][-1]
    assert (small["total"], small["pending"]) == (54, 52)
    assert [r["recommendation_id"] for r in small["recommendations"]] == [world_rec.id, pending[1].id, pending[2].id]
    everything = (
        await client.get(
            "/advocacy/adoption-window",
            headers=cso,
            params=params | {"pending_only": "false", "unmatched_limit": "100"},
        )
    ).json()["briefs"][-1]
    ids = [r["recommendation_id"] for r in everything["recommendations"]]
    assert len(ids) == 54 and everything["next_cursor"] is None
    assert noted.id in ids and world_rec.id in ids and pending[0].id not in ids  # matched: in its brief's group

    bads: list[dict[str, str | int | None]] = [{"unmatched_cursor": "bm90LWEtY3Vyc29y"}, {"unmatched_limit": "0"}]
    for bad in bads:
        r = await client.get("/advocacy/adoption-window", headers=cso, params=params | bad)
        assert r.status_code == 422, bad
    r = await client.get("/advocacy/adoption-window", headers=cso, params=params | {"unmatched_cursor": "bm90"})
    assert r.json()["field"] == "unmatched_cursor"
