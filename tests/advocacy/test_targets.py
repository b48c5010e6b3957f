"""Targets: suggestions from the champion finder on the brief's themes, and the targets a group chooses.

Suggestions are checked on recommendations built for the purpose: a theme with a narrower one under it,
recommendations to Slovenia (the brief's state under review) in an earlier cycle and to Czechia, with
positions, so the split, the counts, the supported share, the reason in words and the exclusions (the
state under review itself, recommendations on other themes) can be told apart. Targets stay the
coalition's even once the brief is published.
"""

from dataclasses import dataclass

import httpx
from sqlmodel import Session, select

from api.advocacy.models import Brief, BriefTarget, BriefTheme, CoalitionMember, MembershipStatus
from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.recommendations.models import PositionKind
from api.settings import Settings
from api.taxonomy.models import Theme
from tests.cycle_factories import create_recommendation, create_review, create_theme, create_upr_session
from tests.factories import OTHER_STATE, OWN_STATE, World, bearer, create_organisation, create_state, create_user
from tests.helpers import assert_problem

S, P, N = PositionKind.supported, PositionKind.supported_in_part, PositionKind.noted


@dataclass
class Champions:
    roma: Theme
    brief: Brief


def _champions(session: Session, world: World) -> Champions:
    """Recommendations on "Roma rights" (and "Roma children's education" under it), made by:
    FIN: 3 to Slovenia in cycle 2 (on the narrower theme; supported, in part, noted) and 1 to Czechia
    (supported): 4 in all, 75% supported; SWE: 1 to Slovenia (supported); DEU: 2 to Czechia (one
    supported, one without a position); HRV (already a target of the brief): 1 to Czechia, noted;
    Slovenia itself: 1 to Czechia (never suggested); ESP: 1 to Czechia on another theme (not counted).
    The brief (Slovenia's draft) is on "Roma rights" only."""
    roma = create_theme(session, "Roma rights")
    education = Theme(name="Roma children's education", parent_id=roma.id)
    climate = create_theme(session, "Climate change")
    session.add(education)
    session.flush()
    create_state(session, "CZE", "Czechia")
    create_upr_session(session, 20, cycle_number=2, year=2014)
    svn_earlier = create_review(session, OWN_STATE, 20)
    cze = create_review(session, "CZE", 35)
    made = [
        (svn_earlier, "FIN", education, S),
        (svn_earlier, "FIN", education, P),
        (svn_earlier, "FIN", education, N),
        (cze, "FIN", roma, S),
        (svn_earlier, "SWE", roma, S),
        (cze, "DEU", roma, S),
        (cze, "DEU", roma, None),
        (cze, OTHER_STATE, roma, N),
        (cze, OWN_STATE, roma, S),
        (cze, "ESP", climate, S),
    ]
    for i, (review, state, theme, position) in enumerate(made):
        create_recommendation(
            session,
            review,
            f"Recommendation {i} on {theme.name}",
            recommending=(state,),
            paragraph=f"120.{i}",
            themes=(theme,),
            position=position,
            external_key=f"targets-test:{i}",
        )
    brief = world.advocacy.drafts[OWN_STATE]
    for link in session.exec(select(BriefTheme).where(BriefTheme.brief_id == brief.id)):
        session.delete(link)
    session.flush()
    session.add(BriefTheme(brief_id=brief.id or 0, theme_id=roma.id or 0))
    session.flush()
    return Champions(roma=roma, brief=brief)


def _url(brief: Brief) -> str:
    return f"/advocacy/briefs/{brief.id}/target-suggestions"


async def test_suggestions_split_count_and_explain(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = _champions(session, advocacy_world)
    r = await client.get(_url(built.brief), headers=advocacy_world.headers("cso", settings))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["state_under_review"] == OWN_STATE
    assert body["themes"] == [{"id": built.roma.id, "name": "Roma rights"}]

    to_this = {s["state_code"]: s for s in body["to_this_state"]}
    assert [s["state_code"] for s in body["to_this_state"]] == ["FIN", "SWE"]  # most made to Slovenia first
    assert body["to_this_state_total"] == 2
    fin = to_this["FIN"]
    assert (fin["recommendations"], fin["to_this_state"], fin["to_other_states"]) == (4, 3, 1)
    assert (fin["supported"], fin["supported_in_part"], fin["noted"], fin["no_position_yet"]) == (2, 1, 1, 0)
    assert fin["supported_share"] == 0.75
    assert fin["reason"] == "Made 4 recommendations on Roma rights, 3 of them to Slovenia; 75% supported"
    assert fin["latest_cycle"] == 3
    assert to_this["SWE"]["reason"] == "Made 1 recommendation on Roma rights, to Slovenia; 100% supported"

    assert [s["state_code"] for s in body["to_others"]] == ["DEU", OTHER_STATE]  # most first, then by code
    assert body["to_others_total"] == 2
    deu = body["to_others"][0]
    assert (deu["recommendations"], deu["to_this_state"], deu["to_other_states"]) == (2, 0, 2)
    assert deu["reason"] == (
        "Made 2 recommendations on Roma rights, to 1 other state; 50% supported (1 without a position yet)"
    )
    assert deu["already_target"] is False and deu["target_id"] is None
    hrv = body["to_others"][1]
    assert hrv["already_target"] is True
    assert hrv["target_id"] == advocacy_world.advocacy.targets[OWN_STATE].id

    listed = {s["state_code"] for s in body["to_this_state"] + body["to_others"]}
    assert OWN_STATE not in listed  # the state under review, though it recommended on the theme
    assert "ESP" not in listed and "FRA" not in listed  # other themes only


async def test_suggestions_are_the_champion_finders_figures(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = _champions(session, advocacy_world)
    headers = advocacy_world.headers("cso", settings)
    suggested = (await client.get(_url(built.brief), headers=headers)).json()
    champions = (await client.get(f"/champions?theme={built.roma.id}")).json()["items"]
    by_code = {c["code"]: c for c in champions}
    for s in suggested["to_this_state"] + suggested["to_others"]:
        c = by_code[s["state_code"]]
        assert s["state_name"] == c["name"]
        assert (s["recommendations"], s["supported"], s["supported_share"]) == (
            c["recommendations"],
            c["supported"],
            c["supported_share"],
        )
        assert s["to_this_state"] == c["by_state_under_review"].get(OWN_STATE, 0)
        assert s["recommendations_url"] == c["recommendations_url"]


async def test_suggestions_limit_each_list(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = _champions(session, advocacy_world)
    r = await client.get(f"{_url(built.brief)}?limit=1", headers=advocacy_world.headers("nhri", settings))
    body = r.json()
    assert [s["state_code"] for s in body["to_this_state"]] == ["FIN"]
    assert [s["state_code"] for s in body["to_others"]] == ["DEU"]
    assert (body["to_this_state_total"], body["to_others_total"]) == (2, 2)


async def test_a_brief_without_themes_is_a_422_saying_why(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    published = advocacy_world.advocacy.published[OWN_STATE]  # built without themes
    r = await client.get(_url(published), headers=advocacy_world.headers("cso", settings))
    body = assert_problem(r, 422, "brief-without-themes", "has no themes")
    assert body["field"] == "themes"


async def test_suggestions_are_the_coalitions_only_even_for_a_published_brief(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = _champions(session, advocacy_world)
    published = advocacy_world.advocacy.published[OWN_STATE]
    for brief in (built.brief, published):
        r = await client.get(_url(brief), headers=advocacy_world.headers("cso", settings, OTHER_STATE))
        assert_problem(r, 404, "not-found", f"Brief {brief.id} not found")
    assert (
        await client.get(_url(built.brief), headers=advocacy_world.headers("government", settings))
    ).status_code == 403
    assert (await client.get(_url(built.brief))).status_code == 401


# --- targets -------------------------------------------------------------------------------------


async def test_create_a_target_once_per_state_with_idempotency(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    brief = advocacy_world.advocacy.drafts[OWN_STATE]
    headers = advocacy_world.headers("nhri", settings)  # a member of the working group
    body = {"brief_id": brief.id, "state_code": "fra", "reason": "Raised Roma education in 2019."}
    r = await client.post("/advocacy/targets", json=body, headers=headers | {"Idempotency-Key": "t-1"})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["state_code"] == "FRA" and created["reason"] == "Raised Roma education in 2019."
    assert created["coalition_id"] == advocacy_world.advocacy.coalitions[OWN_STATE].id
    assert created["brief_id"] == brief.id and r.headers["etag"]

    replay = await client.post("/advocacy/targets", json=body, headers=headers | {"Idempotency-Key": "t-1"})
    assert replay.status_code == 201 and replay.json()["id"] == created["id"]
    assert replay.headers["idempotent-replayed"] == "true"

    again = await client.post("/advocacy/targets", json=body, headers=headers)
    assert_problem(again, 409, "target-exists", "already a target")


async def test_create_refuses_the_state_under_review_and_unknown_states(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    brief = advocacy_world.advocacy.drafts[OWN_STATE]
    headers = advocacy_world.headers("cso", settings)
    r = await client.post("/advocacy/targets", json={"brief_id": brief.id, "state_code": OWN_STATE}, headers=headers)
    assert assert_problem(r, 422, "target-is-state-under-review", "state under review")["field"] == "state_code"
    r = await client.post("/advocacy/targets", json={"brief_id": brief.id, "state_code": "XYZ"}, headers=headers)
    assert assert_problem(r, 422, "validation-error", "Unknown state XYZ")["field"] == "state_code"


async def test_only_the_working_group_and_leads_choose_targets(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    """A member organisation of the coalition outside the brief's working group reads targets, may not
    choose them (403); another coalition's member does not see the brief (404)."""
    coalition = advocacy_world.advocacy.coalitions[OWN_STATE]
    outsider = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Roma youth network")
    session.add(
        CoalitionMember(
            coalition_id=coalition.id or 0, organisation_id=outsider.id or 0, status=MembershipStatus.active
        )
    )
    user = create_user(session, outsider)
    session.flush()
    headers = bearer(create_access_token(user.id or 0, settings)[0])
    brief = advocacy_world.advocacy.drafts[OWN_STATE]
    body = {"brief_id": brief.id, "state_code": "FRA"}

    r = await client.post("/advocacy/targets", json=body, headers=headers)
    assert_problem(r, 403, "not-working-group-member", "Only members of the working group")
    listed = (await client.get("/advocacy/targets", headers=headers)).json()
    assert [t["id"] for t in listed["items"]] == [advocacy_world.advocacy.targets[OWN_STATE].id]

    r = await client.post("/advocacy/targets", json=body, headers=advocacy_world.headers("cso", settings, OTHER_STATE))
    assert_problem(r, 404, "not-found", f"Brief {brief.id} not found")


async def test_list_filters_and_confidentiality(
    client: httpx.AsyncClient, session: Session, advocacy_world: World, settings: Settings
) -> None:
    built = advocacy_world.advocacy
    own_published = built.published[OWN_STATE]
    on_published = BriefTarget(brief_id=own_published.id or 0, state_code="FRA", reason="Published brief's target")
    session.add(on_published)
    session.flush()
    own_ids = {built.targets[OWN_STATE].id, on_published.id}

    own = (await client.get("/advocacy/targets", headers=advocacy_world.headers("cso", settings))).json()
    assert {t["id"] for t in own["items"]} == own_ids and own["total"] == 2
    by_brief = await client.get(
        f"/advocacy/targets?brief={own_published.id}", headers=advocacy_world.headers("cso", settings)
    )
    assert [t["id"] for t in by_brief.json()["items"]] == [on_published.id]
    by_state = await client.get(
        f"/advocacy/targets?state={OTHER_STATE.lower()}", headers=advocacy_world.headers("cso", settings)
    )
    assert [t["id"] for t in by_state.json()["items"]] == [built.targets[OWN_STATE].id]

    other = advocacy_world.headers("cso", settings, OTHER_STATE)
    theirs = (await client.get("/advocacy/targets", headers=other)).json()
    assert {t["id"] for t in theirs["items"]} == {built.targets[OTHER_STATE].id} and theirs["total"] == 1
    filtered = await client.get(f"/advocacy/targets?coalition={built.coalitions[OWN_STATE].id}", headers=other)
    assert filtered.json() == {"items": [], "total": 0, "next_cursor": None}
    for target_id in own_ids:  # the published brief's target too
        assert_problem(await client.get(f"/advocacy/targets/{target_id}", headers=other), 404, "not-found", "not found")
        r = await client.patch(
            f"/advocacy/targets/{target_id}", json={"reason": "x"}, headers=other | {"If-Match": "*"}
        )
        assert r.status_code == 404
        assert (await client.delete(f"/advocacy/targets/{target_id}", headers=other)).status_code == 404
    assert (
        await client.get("/advocacy/targets", headers=advocacy_world.headers("government", settings))
    ).status_code == 403
    assert (await client.get("/advocacy/targets")).status_code == 401
    assert (await client.get(f"/advocacy/targets/{on_published.id}")).status_code == 401
    admin = (await client.get("/advocacy/targets", headers=advocacy_world.headers("admin", settings))).json()
    assert admin["total"] == 3


async def test_update_needs_if_match_and_delete(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    target = advocacy_world.advocacy.targets[OWN_STATE]
    url, headers = f"/advocacy/targets/{target.id}", advocacy_world.headers("cso", settings)
    assert_problem(await client.patch(url, json={"reason": "x"}, headers=headers), 428, "precondition-required", "")
    read = await client.get(url, headers=headers)
    etag = read.headers["etag"]
    r = await client.patch(url, json={"reason": "Champion of Roma rights"}, headers=headers | {"If-Match": etag})
    assert r.status_code == 200 and r.json()["reason"] == "Champion of Roma rights"
    assert r.headers["etag"] != etag
    stale = await client.patch(url, json={"reason": "y"}, headers=headers | {"If-Match": etag})
    assert stale.status_code == 412
    assert (await client.delete(url, headers=headers)).status_code == 204
    assert (await client.get(url, headers=headers)).status_code == 404
