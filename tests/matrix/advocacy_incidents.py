"""Matrix scenarios for reprisal incidents and the review calendar.

An incident is its recording organisation's: each caller targets the one its own role recorded in the
state (the NHRI's for roles that record none, refused at the gate anyway); another state's is a 404."""

from api.auth.permissions import Role
from tests.factories import World
from tests.matrix.base import Call, Scenario, _role

_ROW = {"targets_row": True}
RECORDING_ROLES = ("cso", "nhri")


def _incident(w: World, r: Role, s: str) -> str:
    role = _role(r).value if _role(r).value in RECORDING_ROLES else "nhri"
    return f"/advocacy/reprisal-incidents/{w.advocacy.incidents[(role, s)].id}"


def _new_incident(w: World, r: Role, s: str) -> dict:
    body = {"occurred_on": "2019-10-02", "kind": "threat", "description": "Matrix incident."}
    # An admin records for an organisation it names; anyone else for its own.
    return body | ({"organisation_id": w.org("cso", s).id} if r is Role.admin else {})


CALENDAR_CSV = b"session,state,submission_deadline,dialogue_date\n34,SVN,2019-03-28,2019-11-12\n"

ADVOCACY_INCIDENTS = {
    # A list: another state named gives no rows (scoped to the caller's state in SQL), not a refusal.
    ("GET", "/advocacy/reprisal-incidents/counts"): Scenario(
        lambda w, r, s: Call(f"/advocacy/reprisal-incidents/counts?state={s}")
    ),
    ("GET", "/advocacy/reprisal-incidents"): Scenario(lambda w, r, s: Call(f"/advocacy/reprisal-incidents?state={s}")),
    ("POST", "/advocacy/reprisal-incidents"): Scenario(
        lambda w, r, s: Call("/advocacy/reprisal-incidents", json=_new_incident(w, r, s))
    ),
    ("GET", "/advocacy/reprisal-incidents/{incident_id}"): Scenario(lambda w, r, s: Call(_incident(w, r, s)), **_ROW),
    ("PATCH", "/advocacy/reprisal-incidents/{incident_id}"): Scenario(
        lambda w, r, s: Call(_incident(w, r, s), json={"reported_to_un": True}), **_ROW
    ),
    ("DELETE", "/advocacy/reprisal-incidents/{incident_id}"): Scenario(
        lambda w, r, s: Call(_incident(w, r, s)), **_ROW
    ),
    ("GET", "/calendar"): Scenario(lambda w, r, s: Call("/calendar?year=2019")),
    ("GET", "/calendar/upcoming"): Scenario(
        lambda w, r, s: Call("/calendar/upcoming?day_from=2019-01-01&day_to=2019-12-31")
    ),
    ("POST", "/calendar/import"): Scenario(
        lambda w, r, s: Call("/calendar/import", files={"file": ("calendar.csv", CALENDAR_CSV, "text/csv")})
    ),
}
