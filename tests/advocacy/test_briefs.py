"""/advocacy/briefs and /advocacy/proposed-recommendations: create, edit, status steps, who may do what,
asks with their SMART analysis, filters, deletes (visibility: test_briefs_visibility; exports:
test_briefs_export)."""

from typing import Any

import httpx
from sqlmodel import Session, select

from api.advocacy.models import (
    Brief,
    BriefTarget,
    CoalitionMember,
    MembershipStatus,
    OutreachBrief,
    ProposedRecommendation,
    UptakeMatch,
    UptakeStatus,
)
from api.audit.models import AuditAction
from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.core.rows import stored_id
from api.settings import Settings
from tests.cycle.helpers import audit, problem
from tests.cycle_factories import create_theme
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation, create_user
from tests.helpers import patch_after_read

ASK = "Amend the Primary School Act by 2026 to prohibit separate classes for Roma children."


def new_brief(world: World, state: str = OWN_STATE, **change: Any) -> dict[str, Any]:
    return {
        "working_group_id": world.advocacy.working_groups[state].id,
        "review_id": world.cycle.reviews[state].id,
        "title": "  Segregated schooling  ",
        "issues": "Roma children are placed in separate classes.",
        "questions": ["When will separate classes end?"],
        "themes": [world.cycle.theme.id],
        "affected_persons": [world.cycle.affected_person.id],
        "submissions": [world.cycle.submissions[state].id],
        **change,
    }


async def _create(client: httpx.AsyncClient, world: World, settings: Settings, role: str = "cso") -> dict[str, Any]:
    created = await client.post("/advocacy/briefs", headers=world.headers(role, settings), json=new_brief(world))
    assert created.status_code == 201, created.text
    body: dict[str, Any] = created.json()
    return body


async def _patch(
    client: httpx.AsyncClient, world: World, settings: Settings, brief_id: int | None, role: str, **body: Any
) -> httpx.Response:
    return await patch_after_read(
        client, f"/advocacy/briefs/{brief_id}", headers=world.headers(role, settings), json=body
    )


async def test_a_member_creates_a_brief_answered_with_its_links_and_no_member_organisation(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    headers = w.headers("cso", settings) | {"Idempotency-Key": "brief-1"}
    created = await client.post("/advocacy/briefs", headers=headers, json=new_brief(w))
    assert created.status_code == 201, created.text
    body = created.json()
    coalition, group, review = (
        w.advocacy.coalitions[OWN_STATE],
        w.advocacy.working_groups[OWN_STATE],
        w.cycle.reviews[OWN_STATE],
    )
    assert body["coalition"] == {"id": coalition.id, "name": coalition.name}
    assert body["working_group"] == {"id": group.id, "name": group.name}
    assert body["review"] == {"id": review.id, "state_code": OWN_STATE, "session": 34}
    assert body["title"] == "Segregated schooling" and body["status"] == "draft" and body["published_at"] is None
    assert body["questions"] == ["When will separate classes end?"]
    assert body["themes"] == [{"id": w.cycle.theme.id, "code": None, "name": w.cycle.theme.name}]
    assert [p["id"] for p in body["affected_persons"]] == [w.cycle.affected_person.id]
    assert body["submissions"] == [
        {"id": w.cycle.submissions[OWN_STATE].id, "title": w.cycle.submissions[OWN_STATE].title}
    ]
    assert body["proposed_recommendations"] == []
    for role in ("cso", "nhri"):  # the members stay unnamed
        assert w.org(role).name not in created.text
    replay = await client.post("/advocacy/briefs", headers=headers, json=new_brief(w))
    assert replay.status_code == 201 and replay.json()["id"] == body["id"]
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert len(session.exec(select(Brief).where(Brief.title == "Segregated schooling")).all()) == 1
    read = await client.get(f"/advocacy/briefs/{body['id']}", headers=w.headers("nhri", settings))
    assert read.json() == body and read.headers["ETag"] == created.headers["ETag"]
    assert audit(session, "brief", AuditAction.create, str(body["id"]))


async def test_the_review_must_be_of_the_coalitions_state_and_the_links_must_exist(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w, headers = advocacy_world, advocacy_world.headers("cso", settings)
    cases: dict[str, dict[str, Any]] = {
        "review_id": {"review_id": w.cycle.reviews[OTHER_STATE].id},
        "submissions": {"submissions": [w.cycle.submissions[OTHER_STATE].id]},
        "themes": {"themes": [w.cycle.theme.id, 999_999]},
        "affected_persons": {"affected_persons": [999_999]},
    }
    for field, change in cases.items():
        problem(await client.post("/advocacy/briefs", headers=headers, json=new_brief(w, **change)), 422, field)
    problem(
        await client.post("/advocacy/briefs", headers=headers, json=new_brief(w, review_id=999_999)), 422, "review_id"
    )


async def test_who_may_create_a_brief(client: httpx.AsyncClient, advocacy_world: World, settings: Settings) -> None:
    w, body = advocacy_world, new_brief(advocacy_world)
    other_member = w.headers("cso", settings, OTHER_STATE)
    problem(await client.post("/advocacy/briefs", headers=other_member, json=body), 404)  # another coalition's group
    problem(await client.post("/advocacy/briefs", headers=w.headers("government", settings), json=body), 403)
    problem(await client.post("/advocacy/briefs", json=body), 401)
    assert (await client.post("/advocacy/briefs", headers=w.headers("nhri", settings), json=body)).status_code == 201
    assert (await client.post("/advocacy/briefs", headers=w.headers("admin", settings), json=body)).status_code == 201


async def test_the_status_moves_one_step_at_a_time_by_co_chairs_only(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    brief_id = w.advocacy.drafts[OWN_STATE].id
    refused = await _patch(client, w, settings, brief_id, "nhri", status="agreed")  # a member, not a co-chair
    problem(refused, 403, slug="not-co-chair")
    problem(
        await _patch(client, w, settings, brief_id, "cso", status="published"), 409, "status", slug="brief-status-step"
    )
    agreed = await _patch(client, w, settings, brief_id, "cso", status="agreed")
    assert agreed.status_code == 200 and agreed.json()["status"] == "agreed" and agreed.json()["published_at"] is None
    published = await _patch(client, w, settings, brief_id, "cso", status="published")
    assert published.json()["status"] == "published" and published.json()["published_at"] is not None
    problem(await _patch(client, w, settings, brief_id, "cso", status="draft"), 409, "status", slug="brief-status-step")
    back = await _patch(client, w, settings, brief_id, "cso", status="agreed")
    assert back.json()["status"] == "agreed" and back.json()["published_at"] is None


async def test_an_agreed_briefs_content_changes_only_by_co_chairs_and_leads(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    brief_id = w.advocacy.drafts[OWN_STATE].id
    edited = await _patch(client, w, settings, brief_id, "nhri", title="Segregation in schools", questions=[])
    assert edited.status_code == 200, edited.text
    assert edited.json()["title"] == "Segregation in schools" and edited.json()["questions"] == []
    assert (await _patch(client, w, settings, brief_id, "cso", status="agreed")).status_code == 200
    problem(await _patch(client, w, settings, brief_id, "nhri", issues="Changed."), 403, slug="not-co-chair")
    ask_id = w.advocacy.asks[OWN_STATE].id
    nhri = w.headers("nhri", settings)
    problem(
        await client.post(f"/advocacy/briefs/{brief_id}/proposed-recommendations", headers=nhri, json={"text": ASK}),
        403,
        slug="not-co-chair",
    )
    problem(
        await patch_after_read(
            client, f"/advocacy/proposed-recommendations/{ask_id}", headers=nhri, json={"text": ASK}
        ),
        403,
        slug="not-co-chair",
    )
    problem(await client.delete(f"/advocacy/proposed-recommendations/{ask_id}", headers=nhri), 403, slug="not-co-chair")
    by_chair = await _patch(client, w, settings, brief_id, "cso", issues="Changed.", themes=[])
    assert by_chair.status_code == 200 and by_chair.json()["issues"] == "Changed." and by_chair.json()["themes"] == []
    problem(await _patch(client, w, settings, brief_id, "cso", title=None), 422, "title")
    problem(await _patch(client, w, settings, brief_id, "cso", status=None), 422, "status")


async def test_a_coalition_member_outside_the_working_group_may_read_but_not_write(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    outsider = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Roma Youth Network")
    user = create_user(session, outsider, email="youth@svn.example.org")
    session.add(
        CoalitionMember(
            coalition_id=stored_id(w.advocacy.coalitions[OWN_STATE]),
            organisation_id=stored_id(outsider),
            status=MembershipStatus.active,
        )
    )
    session.flush()
    assert user.id is not None
    headers = bearer(create_access_token(user.id, settings)[0])
    brief_id = w.advocacy.drafts[OWN_STATE].id
    assert (await client.get(f"/advocacy/briefs/{brief_id}", headers=headers)).status_code == 200
    patched = await patch_after_read(client, f"/advocacy/briefs/{brief_id}", headers=headers, json={"title": "x"})
    problem(patched, 403, slug="not-working-group-member")
    created = await client.post("/advocacy/briefs", headers=headers, json=new_brief(w))
    problem(created, 403, slug="not-working-group-member")


async def test_writes_to_another_coalitions_brief_are_404_even_once_published(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w, other = advocacy_world, advocacy_world.headers("cso", settings, OTHER_STATE)
    published = w.advocacy.published[OWN_STATE].id
    patched = await patch_after_read(client, f"/advocacy/briefs/{published}", headers=other, json={"title": "Mine now"})
    problem(patched, 404)
    problem(await client.delete(f"/advocacy/briefs/{published}", headers=other), 404)
    problem(
        await client.post(f"/advocacy/briefs/{published}/proposed-recommendations", headers=other, json={"text": ASK}),
        404,
    )


async def test_a_patch_needs_the_current_etag(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w, headers = advocacy_world, advocacy_world.headers("cso", settings)
    url = f"/advocacy/briefs/{w.advocacy.drafts[OWN_STATE].id}"
    problem(await client.patch(url, headers=headers, json={"title": "x"}), 428, slug="precondition-required")
    etag = (await client.get(url, headers=headers)).headers["ETag"]
    assert (await client.patch(url, headers=headers | {"If-Match": etag}, json={"title": "First"})).status_code == 200
    problem(await client.patch(url, headers=headers | {"If-Match": etag}, json={"title": "Second"}), 412)


async def test_only_a_draft_is_deleted_with_its_asks_targets_and_outreach_links(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w, headers = advocacy_world, advocacy_world.headers("nhri", settings)
    draft = w.advocacy.drafts[OWN_STATE]
    problem(
        await client.delete(f"/advocacy/briefs/{w.advocacy.published[OWN_STATE].id}", headers=headers),
        409,
        slug="brief-not-draft",
    )
    problem(await client.delete(f"/advocacy/briefs/{draft.id}", headers=w.headers("government", settings)), 403)
    assert (await client.delete(f"/advocacy/briefs/{draft.id}", headers=headers)).status_code == 204
    problem(await client.get(f"/advocacy/briefs/{draft.id}", headers=headers), 404)
    assert (
        session.exec(select(ProposedRecommendation).where(ProposedRecommendation.brief_id == draft.id)).first() is None
    )
    assert session.exec(select(BriefTarget).where(BriefTarget.brief_id == draft.id)).first() is None
    assert session.exec(select(OutreachBrief).where(OutreachBrief.brief_id == draft.id)).first() is None
    assert audit(session, "brief", AuditAction.delete, str(draft.id))
    assert audit(session, "proposed_recommendation", AuditAction.delete)


async def test_asks_keep_their_order_and_carry_their_smart_analysis(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w, headers = advocacy_world, advocacy_world.headers("nhri", settings)
    brief_id = w.advocacy.drafts[OWN_STATE].id
    first_id = w.advocacy.asks[OWN_STATE].id
    url = f"/advocacy/briefs/{brief_id}/proposed-recommendations"
    appended = await client.post(url, headers=headers | {"Idempotency-Key": "ask-1"}, json={"text": ASK})
    assert appended.status_code == 201, appended.text
    ask = appended.json()
    assert ask["position"] == 1 and ask["brief_id"] == brief_id
    smart = ask["smart"]
    assert smart["action"]["strength"] == "specific" and smart["time_bound"]["present"] is True
    assert smart["smart_score"] >= 3 and isinstance(smart["suggestions"], list)
    weak = await client.post(url, headers=headers, json={"text": "Consider improving education.", "position": 0})
    assert weak.json()["position"] == 0 and weak.json()["smart"]["action"]["strength"] == "weak"
    assert weak.json()["smart"]["suggestions"]
    problem(await client.post(url, headers=headers, json={"text": ASK, "position": 9}), 422, "position")
    listed = (await client.get(f"/advocacy/briefs/{brief_id}", headers=headers)).json()["proposed_recommendations"]
    assert [(a["id"], a["position"]) for a in listed] == [(weak.json()["id"], 0), (first_id, 1), (ask["id"], 2)]
    assert listed[2]["smart"] == smart
    moved = await patch_after_read(
        client,
        f"/advocacy/proposed-recommendations/{ask['id']}",
        headers=headers,
        json={"position": 0, "text": ASK + " "},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["position"] == 0 and moved.json()["text"] == ASK
    problem(
        await patch_after_read(
            client, f"/advocacy/proposed-recommendations/{ask['id']}", headers=headers, json={"position": 3}
        ),
        422,
        "position",
    )
    assert (
        await client.delete(f"/advocacy/proposed-recommendations/{weak.json()['id']}", headers=headers)
    ).status_code == 204
    listed = (await client.get(f"/advocacy/briefs/{brief_id}", headers=headers)).json()["proposed_recommendations"]
    assert [(a["id"], a["position"]) for a in listed] == [(ask["id"], 0), (first_id, 1)]
    assert audit(session, "proposed_recommendation", AuditAction.create, str(ask["id"]))


async def test_an_ask_with_confirmed_uptake_is_not_deleted(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    ask = w.advocacy.asks[OWN_STATE]
    recommendation = w.cycle.recommendations[OWN_STATE]
    session.add(
        UptakeMatch(
            proposed_recommendation_id=stored_id(ask),
            recommendation_id=stored_id(recommendation),
            similarity=0.8,
            status=UptakeStatus.confirmed,
        )
    )
    session.flush()
    problem(
        await client.delete(f"/advocacy/proposed-recommendations/{ask.id}", headers=w.headers("cso", settings)),
        409,
        slug="ask-taken-up",
    )


async def test_the_list_filters(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w, headers = advocacy_world, advocacy_world.headers("cso", settings)
    drafts, published = w.advocacy.drafts, w.advocacy.published

    async def ids(**params: Any) -> list[int]:
        page = (await client.get("/advocacy/briefs", headers=headers, params=params)).json()
        assert page["total"] == len(page["items"])
        return [b["id"] for b in page["items"]]

    # the SVN member sees its drafts and every published brief
    assert await ids() == [drafts[OWN_STATE].id, published[OWN_STATE].id, published[OTHER_STATE].id]
    assert await ids(state="hrv") == [published[OTHER_STATE].id]
    assert await ids(status="draft") == [drafts[OWN_STATE].id]
    assert await ids(coalition=w.advocacy.coalitions[OTHER_STATE].id) == [published[OTHER_STATE].id]
    assert await ids(working_group=w.advocacy.working_groups[OWN_STATE].id) == [
        drafts[OWN_STATE].id,
        published[OWN_STATE].id,
    ]
    assert await ids(review=w.cycle.reviews[OWN_STATE].id) == [drafts[OWN_STATE].id, published[OWN_STATE].id]
    assert await ids(theme=w.cycle.theme.id) == [drafts[OWN_STATE].id]
    assert await ids(theme=create_theme(session, "Education").id) == []
    problem(await client.get("/advocacy/briefs", params={"status": "secret"}), 422)
