"""Matrix scenarios for coalitions, their members and invitations, and working groups.

The matrix's advocacy world makes the state's CSO and NHRI both leads of its coalition and co-chairs of its
group, so every permitted role may act on every row of its own state; another state's coalition is a 404."""

from api.auth.permissions import Role
from tests.advocacy_factories import create_coalition, create_working_group
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.matrix.base import Call, Scenario, _role, world_session

_ROW = {"targets_row": True}


def _coalition(w: World, s: str) -> str:
    return f"/advocacy/coalitions/{w.advocacy.coalitions[s].id}"


def _group(w: World, s: str) -> str:
    return f"/advocacy/working-groups/{w.advocacy.working_groups[s].id}"


def _member_org(r: Role) -> str:
    """The organisation a caller acts as: its own (the NHRI's for roles refused at the gate)."""
    return _role(r).value if _role(r).value in ("cso", "nhri", "admin") else "nhri"


def _empty_coalition(w: World, r: Role, s: str) -> str:
    """A coalition of `s` with nothing in it, led by the caller's organisation of that state."""
    anchor = w.advocacy.coalitions[s]
    session = world_session(anchor)
    coalition = create_coalition(session, w.org(_member_org(r), s), name="Matrix coalition")
    session.commit()
    coalition_id = coalition.id
    session.expunge(coalition)
    return f"/advocacy/coalitions/{coalition_id}"


def _inviting_coalition(w: World, r: Role, s: str) -> int:
    """A coalition of `s` (led by its UN office, as if another organisation) that invited the organisation of
    the caller's role in `s`: the caller's own in its own state; an admin's own wherever (its scope is any)."""
    anchor = w.advocacy.coalitions[s]
    session = world_session(anchor)
    invited = w.org("admin", OWN_STATE) if r is Role.admin else w.org(_member_org(r), s)
    coalition = create_coalition(session, w.org("un", s), invited=(invited,), name="Inviting")
    session.commit()
    coalition_id = coalition.id
    session.expunge(coalition)
    assert coalition_id is not None
    return coalition_id


def _empty_group(w: World, s: str) -> str:
    anchor = w.advocacy.coalitions[s]
    session = world_session(anchor)
    group = create_working_group(session, anchor, name="Matrix group")
    session.commit()
    group_id = group.id
    session.expunge(group)
    return f"/advocacy/working-groups/{group_id}"


def _new_coalition(w: World, r: Role, s: str) -> dict:
    return {"name": "Matrix coalition"} | ({"lead_organisation_id": w.org("cso", s).id} if r is Role.admin else {})


def _other(s: str) -> str:
    return OTHER_STATE if s == OWN_STATE else OWN_STATE


ADVOCACY_COALITIONS = {
    ("GET", "/advocacy/coalitions"): Scenario(lambda w, r, s: Call(f"/advocacy/coalitions?state={s}")),
    ("POST", "/advocacy/coalitions"): Scenario(
        lambda w, r, s: Call("/advocacy/coalitions", json=_new_coalition(w, r, s))
    ),
    ("GET", "/advocacy/coalitions/{coalition_id}"): Scenario(lambda w, r, s: Call(_coalition(w, s)), **_ROW),
    ("PATCH", "/advocacy/coalitions/{coalition_id}"): Scenario(
        lambda w, r, s: Call(_coalition(w, s), json={"description": "Matrix"}), **_ROW
    ),
    ("DELETE", "/advocacy/coalitions/{coalition_id}"): Scenario(
        lambda w, r, s: Call(_empty_coalition(w, r, s)), **_ROW
    ),
    ("GET", "/advocacy/coalitions/{coalition_id}/members"): Scenario(
        lambda w, r, s: Call(f"{_coalition(w, s)}/members"), **_ROW
    ),
    ("POST", "/advocacy/coalitions/{coalition_id}/members"): Scenario(
        lambda w, r, s: Call(f"{_coalition(w, s)}/members", json={"organisation_id": w.org("cso", _other(s)).id}),
        **_ROW,
    ),
    ("PATCH", "/advocacy/coalitions/{coalition_id}/members/{organisation_id}"): Scenario(
        lambda w, r, s: Call(f"{_coalition(w, s)}/members/{w.org('nhri', s).id}", json={"role": "lead"}), **_ROW
    ),
    ("DELETE", "/advocacy/coalitions/{coalition_id}/members/{organisation_id}"): Scenario(
        lambda w, r, s: Call(f"{_coalition(w, s)}/members/{w.org('nhri', s).id}"), **_ROW
    ),
    ("GET", "/advocacy/invitations"): Scenario(lambda w, r, s: Call("/advocacy/invitations")),
    ("POST", "/advocacy/invitations/{coalition_id}/accept"): Scenario(
        lambda w, r, s: Call(f"/advocacy/invitations/{_inviting_coalition(w, r, s)}/accept"), **_ROW
    ),
    ("POST", "/advocacy/invitations/{coalition_id}/decline"): Scenario(
        lambda w, r, s: Call(f"/advocacy/invitations/{_inviting_coalition(w, r, s)}/decline"), **_ROW
    ),
    ("GET", "/advocacy/working-groups"): Scenario(
        lambda w, r, s: Call(f"/advocacy/working-groups?coalition={w.advocacy.coalitions[s].id}")
    ),
    ("POST", "/advocacy/working-groups"): Scenario(
        lambda w, r, s: Call(
            "/advocacy/working-groups", json={"coalition_id": w.advocacy.coalitions[s].id, "name": "Matrix group"}
        ),
        **_ROW,
    ),
    ("GET", "/advocacy/working-groups/{working_group_id}"): Scenario(lambda w, r, s: Call(_group(w, s)), **_ROW),
    ("PATCH", "/advocacy/working-groups/{working_group_id}"): Scenario(
        lambda w, r, s: Call(_group(w, s), json={"description": "Matrix"}), **_ROW
    ),
    ("DELETE", "/advocacy/working-groups/{working_group_id}"): Scenario(
        lambda w, r, s: Call(_empty_group(w, s)), **_ROW
    ),
    ("PUT", "/advocacy/working-groups/{working_group_id}/members/{organisation_id}"): Scenario(
        lambda w, r, s: Call(f"{_group(w, s)}/members/{w.org('nhri', s).id}", json={"is_co_chair": True}), **_ROW
    ),
    ("DELETE", "/advocacy/working-groups/{working_group_id}/members/{organisation_id}"): Scenario(
        lambda w, r, s: Call(f"{_group(w, s)}/members/{w.org('nhri', s).id}"), **_ROW
    ),
}
