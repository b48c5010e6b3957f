"""Matrix scenarios for HTTP imports: governments for their own state, admins for any."""

from api.auth.permissions import Role
from tests.factories import World
from tests.matrix.base import Call, Scenario, _role

CSV = b"To,Text,From,Response,Action,Issue,Session\nSlovenia,Matrix recommendation,France,Accepted,3,Women,34\n"


def _job(w: World, r: Role, s: str) -> str:
    role = _role(r) if _role(r) in (Role.government, Role.admin) else Role.government
    return f"/imports/{w.cycle.imports[(role.value, s)].id}"


IMPORTS: dict[tuple[str, str], Scenario] = {
    ("POST", "/imports"): Scenario(
        lambda w, r, s: Call("/imports", data={"state": s}, files={"file": ("recs.csv", CSV, "text/csv")}),
        targets_row=True,
        row_is_public=True,
    ),
    ("GET", "/imports"): Scenario(lambda w, r, s: Call("/imports")),
    ("GET", "/imports/{import_id}"): Scenario(lambda w, r, s: Call(_job(w, r, s)), targets_row=True),
}
