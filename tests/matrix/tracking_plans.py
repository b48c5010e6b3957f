"""Matrix scenarios for the tracking API's plans routes (under /tracking).

Plan rows (actions, indicators, measurements, milestones) are public: a caller permitted for its
own state that reaches another state's row gets a 403, never a 404.
"""

from api.auth.permissions import Role
from tests.factories import World
from tests.matrix.base import Call, Scenario, _role, commit_row, world_session
from tests.tracking_factories import create_indicator

_PLAN_ROW = {"targets_row": True, "row_is_public": True}
MEASURING_ROLES = (Role.government, Role.nhri, Role.admin)


def _action(w: World, s: str) -> str:
    return f"/tracking/actions/{w.tracking.actions[s].id}"


def _indicator(w: World, s: str) -> str:
    return f"/tracking/indicators/{w.tracking.indicators[s].id}"


def _unmeasured_indicator(w: World, s: str) -> str:
    """An indicator of `s` with no measurements: the world's has the NHRI's, whose measurements block a
    government's delete (409) whatever the permission."""
    action = w.tracking.actions[s]
    indicator = create_indicator(world_session(action), s, action=action, name="Unmeasured")
    return f"/tracking/indicators/{commit_row(action, indicator)}"


def _milestone(w: World, s: str) -> str:
    return f"/tracking/milestones/{w.tracking.milestones[s].id}"


def _measurement(w: World, r: Role, s: str) -> str:
    """The measurement the caller's organisation posted (roles that post none are refused at the gate)."""
    role = _role(r) if _role(r) in MEASURING_ROLES else Role.government
    measurement = w.tracking.measurements[(role.value, s)]
    return f"{_indicator(w, s)}/measurements/{measurement.id}"


def _new_action(w: World, s: str) -> dict:
    return {
        "state_code": s,
        "title": "Matrix action",
        "responsible_organisation_id": w.org("government", s).id,
        "recommendations": [w.cycle.recommendations[s].id],
        "start_date": "2022-01-01",
    }


TRACKING_PLANS: dict[tuple[str, str], Scenario] = {
    ("GET", "/tracking/actions"): Scenario(lambda w, r, s: Call(f"/tracking/actions?state={s}")),
    ("POST", "/tracking/actions"): Scenario(
        lambda w, r, s: Call("/tracking/actions", json=_new_action(w, s)), **_PLAN_ROW
    ),
    ("GET", "/tracking/actions/{action_id}"): Scenario(lambda w, r, s: Call(_action(w, s)), **_PLAN_ROW),
    ("PATCH", "/tracking/actions/{action_id}"): Scenario(
        lambda w, r, s: Call(_action(w, s), json={"status": "completed", "end_date": "2024-06-30"}), **_PLAN_ROW
    ),
    ("DELETE", "/tracking/actions/{action_id}"): Scenario(lambda w, r, s: Call(_action(w, s)), **_PLAN_ROW),
    ("GET", "/tracking/indicators"): Scenario(lambda w, r, s: Call(f"/tracking/indicators?state={s}")),
    ("POST", "/tracking/indicators"): Scenario(
        lambda w, r, s: Call(
            "/tracking/indicators",
            json={
                "recommendation_id": w.cycle.recommendations[s].id,
                "name": "Hate crimes prosecuted",
                "baseline_value": 12,
                "target_value": 30,
            },
        ),
        **_PLAN_ROW,
    ),
    ("GET", "/tracking/indicators/{indicator_id}"): Scenario(lambda w, r, s: Call(_indicator(w, s)), **_PLAN_ROW),
    ("PATCH", "/tracking/indicators/{indicator_id}"): Scenario(
        lambda w, r, s: Call(_indicator(w, s), json={"target_value": 90}), **_PLAN_ROW
    ),
    ("DELETE", "/tracking/indicators/{indicator_id}"): Scenario(
        lambda w, r, s: Call(_unmeasured_indicator(w, s)), **_PLAN_ROW
    ),
    ("GET", "/tracking/indicators/{indicator_id}/measurements"): Scenario(
        lambda w, r, s: Call(f"{_indicator(w, s)}/measurements"), **_PLAN_ROW
    ),
    ("POST", "/tracking/indicators/{indicator_id}/measurements"): Scenario(
        lambda w, r, s: Call(f"{_indicator(w, s)}/measurements", json={"value": 61.5, "measured_on": "2023-09-30"}),
        **_PLAN_ROW,
    ),
    ("GET", "/tracking/indicators/{indicator_id}/measurements/{measurement_id}"): Scenario(
        lambda w, r, s: Call(_measurement(w, r, s)), **_PLAN_ROW
    ),
    ("PATCH", "/tracking/indicators/{indicator_id}/measurements/{measurement_id}"): Scenario(
        lambda w, r, s: Call(_measurement(w, r, s), json={"value": 55.0, "note": "Corrected"}), **_PLAN_ROW
    ),
    ("DELETE", "/tracking/indicators/{indicator_id}/measurements/{measurement_id}"): Scenario(
        lambda w, r, s: Call(_measurement(w, r, s)), **_PLAN_ROW
    ),
    ("GET", "/tracking/milestones"): Scenario(lambda w, r, s: Call(f"/tracking/milestones?state={s}&overdue=true")),
    ("GET", "/tracking/milestones/overdue"): Scenario(lambda w, r, s: Call(f"/tracking/milestones/overdue?state={s}")),
    ("POST", "/tracking/milestones"): Scenario(
        lambda w, r, s: Call(
            "/tracking/milestones",
            json={
                "action_id": w.tracking.actions[s].id,
                "title": "First report to parliament",
                "due_date": "2025-06-30",
            },
        ),
        **_PLAN_ROW,
    ),
    ("GET", "/tracking/milestones/{milestone_id}"): Scenario(lambda w, r, s: Call(_milestone(w, s)), **_PLAN_ROW),
    ("PATCH", "/tracking/milestones/{milestone_id}"): Scenario(
        lambda w, r, s: Call(_milestone(w, s), json={"status": "done", "done_date": "2021-02-15"}), **_PLAN_ROW
    ),
    ("DELETE", "/tracking/milestones/{milestone_id}"): Scenario(lambda w, r, s: Call(_milestone(w, s)), **_PLAN_ROW),
    # The public history of plan rows (issue 14): read by whoever sees the row.
    ("GET", "/tracking/actions/{action_id}/history"): Scenario(
        lambda w, r, s: Call(f"{_action(w, s)}/history"), **_PLAN_ROW
    ),
    ("GET", "/tracking/indicators/{indicator_id}/history"): Scenario(
        lambda w, r, s: Call(f"{_indicator(w, s)}/history"), **_PLAN_ROW
    ),
    ("GET", "/tracking/indicators/{indicator_id}/measurements/{measurement_id}/history"): Scenario(
        lambda w, r, s: Call(f"{_measurement(w, r, s)}/history"), **_PLAN_ROW
    ),
    ("GET", "/tracking/milestones/{milestone_id}/history"): Scenario(
        lambda w, r, s: Call(f"{_milestone(w, s)}/history"), **_PLAN_ROW
    ),
    # The state-wide feed of plan changes (issue 14 review): public, as the rows are.
    ("GET", "/tracking/plan-changes"): Scenario(lambda w, r, s: Call(f"/tracking/plan-changes?state={s}")),
}
