"""Matrix scenarios for briefs and their asks, targets, mission contacts, outreach and uptake.

A published brief (and its asks) is public: the Public reads take the world's published brief. Everything
else is the coalition's: another state's coalition is a 404 to a caller scoped to its own organisation."""

from sqlmodel import col, select

from api.advocacy.models import ProposedRecommendation, UptakeMatch
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.matrix.base import Call, Scenario, world_session

_ROW = {"targets_row": True}


def _draft(w: World, s: str) -> str:
    return f"/advocacy/briefs/{w.advocacy.drafts[s].id}"


def _published(w: World, s: str) -> str:
    return f"/advocacy/briefs/{w.advocacy.published[s].id}"


def _published_ask(w: World, s: str) -> str:
    brief = w.advocacy.published[s]
    ask_id = (
        world_session(brief)
        .exec(
            select(ProposedRecommendation.id)
            .where(ProposedRecommendation.brief_id == brief.id)
            .order_by(col(ProposedRecommendation.position))
        )
        .first()
    )
    return f"/advocacy/proposed-recommendations/{ask_id}"


def _ask(w: World, s: str) -> str:
    return f"/advocacy/proposed-recommendations/{w.advocacy.asks[s].id}"


def _match(w: World, s: str) -> str:
    """A suggested match of the draft's ask, committed as if an earlier request had suggested it."""
    ask = w.advocacy.asks[s]
    session = world_session(ask)
    match = UptakeMatch(
        proposed_recommendation_id=ask.id or 0, recommendation_id=w.cycle.recommendations[s].id or 0, similarity=0.5
    )
    session.add(match)
    session.commit()
    match_id = match.id
    session.expunge(match)
    return f"/advocacy/uptake-matches/{match_id}"


def _other(s: str) -> str:
    return OTHER_STATE if s == OWN_STATE else OWN_STATE


def _coalition_id(w: World, s: str) -> int | None:
    return w.advocacy.coalitions[s].id


def _review_query(w: World, s: str) -> str:
    return f"coalition={_coalition_id(w, s)}&review={w.cycle.reviews[s].id}"


def _new_brief(w: World, s: str) -> dict:
    return {"working_group_id": w.advocacy.working_groups[s].id, "review_id": w.cycle.reviews[s].id, "title": "Matrix"}


def _new_outreach(w: World, s: str) -> dict:
    return {"coalition_id": _coalition_id(w, s), "state_code": _other(s), "kind": "meeting", "held_on": "2019-09-01"}


def _new_contact(w: World, s: str) -> dict:
    return {"coalition_id": _coalition_id(w, s), "state_code": _other(s), "mission": "Embassy", "person": "Counsellor"}


def _new_match(w: World, s: str) -> dict:
    return {"proposed_recommendation_id": w.advocacy.asks[s].id, "recommendation_id": w.cycle.recommendations[s].id}


ADVOCACY_BRIEFS = {
    ("GET", "/advocacy/briefs"): Scenario(lambda w, r, s: Call(f"/advocacy/briefs?state={s}")),
    ("POST", "/advocacy/briefs"): Scenario(lambda w, r, s: Call("/advocacy/briefs", json=_new_brief(w, s)), **_ROW),
    ("GET", "/advocacy/briefs/{brief_id}"): Scenario(lambda w, r, s: Call(_published(w, s))),
    ("PATCH", "/advocacy/briefs/{brief_id}"): Scenario(lambda w, r, s: Call(_draft(w, s), json={"title": "M"}), **_ROW),
    ("DELETE", "/advocacy/briefs/{brief_id}"): Scenario(lambda w, r, s: Call(_draft(w, s)), **_ROW),
    ("GET", "/advocacy/briefs/{brief_id}/export"): Scenario(lambda w, r, s: Call(f"{_published(w, s)}/export")),
    ("POST", "/advocacy/briefs/{brief_id}/proposed-recommendations"): Scenario(
        lambda w, r, s: Call(f"{_draft(w, s)}/proposed-recommendations", json={"text": "Ratify the Convention"}), **_ROW
    ),
    ("GET", "/advocacy/proposed-recommendations/{proposed_recommendation_id}"): Scenario(
        lambda w, r, s: Call(_published_ask(w, s))
    ),
    ("PATCH", "/advocacy/proposed-recommendations/{proposed_recommendation_id}"): Scenario(
        lambda w, r, s: Call(_ask(w, s), json={"text": "Ratify the Convention by 2026"}), **_ROW
    ),
    ("DELETE", "/advocacy/proposed-recommendations/{proposed_recommendation_id}"): Scenario(
        lambda w, r, s: Call(_ask(w, s)), **_ROW
    ),
    ("GET", "/advocacy/briefs/{brief_id}/target-suggestions"): Scenario(
        lambda w, r, s: Call(f"{_draft(w, s)}/target-suggestions"), **_ROW
    ),
    ("GET", "/advocacy/targets"): Scenario(lambda w, r, s: Call(f"/advocacy/targets?coalition={_coalition_id(w, s)}")),
    ("POST", "/advocacy/targets"): Scenario(
        lambda w, r, s: Call("/advocacy/targets", json={"brief_id": w.advocacy.drafts[s].id, "state_code": "FRA"}),
        **_ROW,
    ),
    ("GET", "/advocacy/targets/{target_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/targets/{w.advocacy.targets[s].id}"), **_ROW
    ),
    ("PATCH", "/advocacy/targets/{target_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/targets/{w.advocacy.targets[s].id}", json={"reason": "Matrix"}), **_ROW
    ),
    ("DELETE", "/advocacy/targets/{target_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/targets/{w.advocacy.targets[s].id}"), **_ROW
    ),
    ("GET", "/advocacy/contacts"): Scenario(
        lambda w, r, s: Call(f"/advocacy/contacts?coalition={_coalition_id(w, s)}")
    ),
    ("POST", "/advocacy/contacts"): Scenario(
        lambda w, r, s: Call("/advocacy/contacts", json=_new_contact(w, s)), **_ROW
    ),
    ("GET", "/advocacy/contacts/{contact_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/contacts/{w.advocacy.contacts[s].id}"), **_ROW
    ),
    ("PATCH", "/advocacy/contacts/{contact_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/contacts/{w.advocacy.contacts[s].id}", json={"notes": "Matrix"}), **_ROW
    ),
    ("DELETE", "/advocacy/contacts/{contact_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/contacts/{w.advocacy.contacts[s].id}"), **_ROW
    ),
    ("GET", "/advocacy/outreach"): Scenario(
        lambda w, r, s: Call(f"/advocacy/outreach?coalition={_coalition_id(w, s)}")
    ),
    ("GET", "/advocacy/outreach/follow-ups-due"): Scenario(
        lambda w, r, s: Call(f"/advocacy/outreach/follow-ups-due?coalition={_coalition_id(w, s)}")
    ),
    ("POST", "/advocacy/outreach"): Scenario(
        lambda w, r, s: Call("/advocacy/outreach", json=_new_outreach(w, s)), **_ROW
    ),
    ("GET", "/advocacy/outreach/{outreach_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/outreach/{w.advocacy.outreach[s].id}"), **_ROW
    ),
    ("PATCH", "/advocacy/outreach/{outreach_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/outreach/{w.advocacy.outreach[s].id}", json={"follow_up_done": True}), **_ROW
    ),
    ("DELETE", "/advocacy/outreach/{outreach_id}"): Scenario(
        lambda w, r, s: Call(f"/advocacy/outreach/{w.advocacy.outreach[s].id}"), **_ROW
    ),
    ("POST", "/advocacy/briefs/{brief_id}/uptake-suggestions"): Scenario(
        lambda w, r, s: Call(f"{_draft(w, s)}/uptake-suggestions"), **_ROW
    ),
    ("GET", "/advocacy/briefs/{brief_id}/uptake"): Scenario(lambda w, r, s: Call(f"{_draft(w, s)}/uptake"), **_ROW),
    ("GET", "/advocacy/uptake-matches"): Scenario(
        lambda w, r, s: Call(f"/advocacy/uptake-matches?brief={w.advocacy.drafts[s].id}")
    ),
    ("POST", "/advocacy/uptake-matches"): Scenario(
        lambda w, r, s: Call("/advocacy/uptake-matches", json=_new_match(w, s)), **_ROW
    ),
    ("GET", "/advocacy/uptake-matches/{uptake_match_id}"): Scenario(lambda w, r, s: Call(_match(w, s)), **_ROW),
    ("PATCH", "/advocacy/uptake-matches/{uptake_match_id}"): Scenario(
        lambda w, r, s: Call(_match(w, s), json={"status": "confirmed"}), **_ROW
    ),
    ("GET", "/advocacy/uptake/by-state"): Scenario(
        lambda w, r, s: Call(f"/advocacy/uptake/by-state?{_review_query(w, s)}"), **_ROW
    ),
    ("GET", "/advocacy/adoption-window"): Scenario(
        lambda w, r, s: Call(f"/advocacy/adoption-window?{_review_query(w, s)}"), **_ROW
    ),
}
