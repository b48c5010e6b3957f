"""Themes, affected persons, SDG targets: anyone reads, admins write; none belongs to a state."""

from tests.matrix.base import Call, Scenario

TAXONOMY: dict[tuple[str, str], Scenario] = {
    ("GET", "/themes"): Scenario(lambda w, r, s: Call("/themes?q=equality")),
    ("POST", "/themes"): Scenario(lambda w, r, s: Call("/themes", json={"name": "Matrix theme", "code": "M1"})),
    ("GET", "/themes/{theme_id}"): Scenario(lambda w, r, s: Call(f"/themes/{w.cycle.theme.id}")),
    ("PATCH", "/themes/{theme_id}"): Scenario(
        lambda w, r, s: Call(f"/themes/{w.cycle.theme.id}", json={"name": "Renamed theme"})
    ),
    ("GET", "/affected-persons"): Scenario(lambda w, r, s: Call("/affected-persons?q=rom")),
    ("POST", "/affected-persons"): Scenario(lambda w, r, s: Call("/affected-persons", json={"name": "Matrix group"})),
    ("GET", "/affected-persons/{person_id}"): Scenario(
        lambda w, r, s: Call(f"/affected-persons/{w.cycle.affected_person.id}")
    ),
    ("GET", "/sdg-targets"): Scenario(lambda w, r, s: Call("/sdg-targets?goal=16")),
    ("GET", "/sdg-targets/{code}"): Scenario(lambda w, r, s: Call(f"/sdg-targets/{w.cycle.sdg_target}")),
}
