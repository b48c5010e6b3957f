"""The workspace is private by default: walked over every advocacy route of the app.

A marker is planted in every private row of Slovenia's coalition (its description, the draft brief, its
ask, the target, the contact, the outreach, the incidents). A government of that state, another coalition's
member (Croatia's CSO), other members of the state's civil society that are not in the coalition, and
anonymous callers then call every GET route under `/advocacy` — lists (also filtered by the coalition's
ids), counts, exports, rows by id — and every write on those rows: none of them ever answers the marker,
reads by id are refusals, and writes change nothing. Once the draft is published, its content (and nothing
else) is theirs to read.
"""

from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import update
from sqlmodel import Session, col, select

from api.advocacy.models import (
    Brief,
    BriefStatus,
    Coalition,
    CoalitionMember,
    MissionContact,
    Outreach,
    ProposedRecommendation,
    UptakeMatch,
    WorkingGroup,
)
from api.audit.models import AuditEntry
from api.auth.models import OrganisationKind
from api.auth.permissions import Role, grants_for
from api.auth.security import create_access_token
from api.main import app
from api.settings import Settings
from tests.factories import OTHER_STATE, OWN_STATE, World, create_organisation, create_user
from tests.matrix.routes import gates_of, iter_routes

MARKER = "zq-secret-7f3a"

ADVOCACY_ROUTES = sorted(
    (
        (method, path, route)
        for path, route in iter_routes(app)
        if path.startswith("/advocacy")
        for method in route.methods or ()
    ),
    key=lambda r: (r[1], r[0]),
)


def _plant(session: Session, world: World) -> dict[str, Any]:
    """The marker in every private row of the own state's coalition; the ids the routes take."""
    built = world.advocacy
    coalition, group, draft = built.coalitions[OWN_STATE], built.working_groups[OWN_STATE], built.drafts[OWN_STATE]
    ask, target = built.asks[OWN_STATE], built.targets[OWN_STATE]
    contact, outreach = built.contacts[OWN_STATE], built.outreach[OWN_STATE]
    for model, row_id, values in [
        (Coalition, coalition.id, {"description": f"Members only {MARKER}"}),
        (WorkingGroup, group.id, {"description": f"Members only {MARKER}"}),
        (Brief, draft.id, {"title": f"Draft {MARKER}", "issues": f"Issues {MARKER}", "questions": [MARKER]}),
        (ProposedRecommendation, ask.id, {"text": f"Adopt a law {MARKER} by 2026"}),
        (MissionContact, contact.id, {"person": f"Counsellor {MARKER}", "notes": MARKER}),
        (Outreach, outreach.id, {"outcome": f"Agreed to raise it {MARKER}", "attendees": MARKER}),
    ]:
        session.exec(update(model).where(col(model.id) == row_id).values(**values))  # type: ignore[attr-defined, arg-type]
    target.reason = f"Championed it {MARKER}"
    for role in ("cso", "nhri"):
        incident = built.incidents[(role, OWN_STATE)]
        incident.description = f"Threats {MARKER}"
    assert ask.id is not None
    match = UptakeMatch(
        proposed_recommendation_id=ask.id,
        recommendation_id=world.cycle.recommendations[OWN_STATE].id or 0,
        similarity=0.9,
    )
    session.add(match)
    session.flush()
    return {
        "coalition": coalition.id,
        "working-group": group.id,
        "brief": draft.id,
        "proposed-recommendation": ask.id,
        "target": target.id,
        "contact": contact.id,
        "outreach": outreach.id,
        "reprisal-incident": built.incidents[("cso", OWN_STATE)].id,
        "uptake-match": match.id,
        "organisation": world.org("cso", OWN_STATE).id,
    }


# The path segment before a `{…}` parameter names the row it takes; other parameters name themselves.
_SEGMENT_ROW = {
    "coalitions": "coalition",
    "invitations": "coalition",
    "working-groups": "working-group",
    "briefs": "brief",
    "proposed-recommendations": "proposed-recommendation",
    "targets": "target",
    "contacts": "contact",
    "outreach": "outreach",
    "reprisal-incidents": "reprisal-incident",
    "uptake-matches": "uptake-match",
    "members": "organisation",
}


def _fill(path: str, ids: dict[str, Any]) -> str:
    segments = path.split("/")
    for i, segment in enumerate(segments):
        if segment.startswith("{"):
            segments[i] = str(ids[_SEGMENT_ROW[segments[i - 1]]])
    return "/".join(segments)


def _list_queries(ids: dict[str, Any]) -> list[str]:
    """Filters naming the coalition's rows: an outsider must not learn anything from them either."""
    return [
        "",
        f"?coalition={ids['coalition']}",
        f"?brief={ids['brief']}",
        f"?working_group={ids['working-group']}",
        f"?state={OWN_STATE}",
    ]


# (role, state, how it stands to the own state's coalition)
OUTSIDERS = [
    ("anonymous", OWN_STATE, "anonymous"),
    ("government", OWN_STATE, "the state's government"),
    ("cso", OTHER_STATE, "another coalition's lead"),
    ("nhri", OTHER_STATE, "another coalition's member"),
    ("un", OWN_STATE, "a UN body of the state"),
    ("cso", OWN_STATE, "a CSO of the state not in the coalition"),
    ("cso", OWN_STATE, "a CSO of the state invited, not yet a member"),
]
IDS = [who for _, _, who in OUTSIDERS]


def _headers(session: Session, world: World, settings: Settings, role: str, state: str, who: str) -> dict[str, str]:
    """A bearer for the outsider; the state's own CSO outside the coalition is one more organisation."""
    if "not in the coalition" not in who and "invited" not in who:
        return world.headers(role, settings, state)
    org = create_organisation(session, OrganisationKind.cso, state, name=f"Outside CSO ({who})")
    user = create_user(session, org, email=f"outside-{len(who)}@{state.lower()}.example.org")
    if "invited" in who:
        coalition = world.advocacy.coalitions[OWN_STATE]
        session.add(CoalitionMember(coalition_id=coalition.id or 0, organisation_id=org.id or 0))
    session.commit()
    assert user.id is not None
    token, _ = create_access_token(user.id, settings)
    return {"Authorization": f"Bearer {token}"}


def _assert_nothing(response: httpx.Response, what: str) -> None:
    assert MARKER not in response.text, f"{what} answered the coalition's private content: {response.text[:300]}"
    assert response.status_code != 500, what


def _expected_read(route: APIRoute, role: str) -> int:
    """A row the caller may not see: 404 where it passes the gate (exactly the answer to a missing id), else
    the gate's refusal."""
    (gate,) = gates_of(route)
    if gate.permission is None:
        return 404
    if role == "anonymous":
        return 401
    return 404 if gate.permission in grants_for(Role(role)) else 403


@pytest.mark.parametrize(("role", "state", "who"), OUTSIDERS, ids=IDS)
async def test_outsiders_see_nothing_of_a_coalition(
    client: httpx.AsyncClient,
    advocacy_world: World,
    session: Session,
    settings: Settings,
    role: str,
    state: str,
    who: str,
) -> None:
    ids = _plant(session, advocacy_world)
    headers = _headers(session, advocacy_world, settings, role, state, who)
    reads_by_id = 0
    for method, path, route in ADVOCACY_ROUTES:
        if method != "GET":
            continue
        if "{" in path:
            response = await client.get(_fill(path, ids), headers=headers)
            _assert_nothing(response, f"GET {path}")
            # An invited organisation reads the coalition's name and state, to answer: nothing more.
            invited_reads_coalition = "invited" in who and path == "/advocacy/coalitions/{coalition_id}"
            want = 200 if invited_reads_coalition else _expected_read(route, role)
            assert response.status_code == want, f"GET {path}: {response.status_code} {response.text[:200]}"
            reads_by_id += 1
            continue
        for query in _list_queries(ids):
            response = await client.get(path + query, headers=headers)
            _assert_nothing(response, f"GET {path}{query}")
            if response.status_code == 200 and response.headers["content-type"].startswith("application/json"):
                body: Any = response.json()
                # Filtered by the coalition's own rows, nothing is counted (unfiltered, an outsider's own
                # coalition has rows of its own: the marker says none of them is this coalition's).
                names_coalition_row = query.startswith(("?coalition=", "?brief=", "?working_group="))
                if names_coalition_row and isinstance(body, dict) and "total" in body and path != "/advocacy/briefs":
                    assert body["total"] == 0, f"GET {path}{query} counted {body['total']} rows"
    assert reads_by_id >= 8, "the walk found too few routes by id: is the advocacy router included?"


WRITERS = [o for o in OUTSIDERS if "invited" not in o[2]]  # an invitee may, of course, accept


@pytest.mark.parametrize(("role", "state", "who"), WRITERS, ids=[who for _, _, who in WRITERS])
async def test_outsiders_change_nothing_of_a_coalition(
    client: httpx.AsyncClient,
    advocacy_world: World,
    session: Session,
    settings: Settings,
    role: str,
    state: str,
    who: str,
) -> None:
    ids = _plant(session, advocacy_world)
    headers = _headers(session, advocacy_world, settings, role, state, who) | {"If-Match": "*"}
    session.commit()
    audit_before = len(session.exec(select(AuditEntry.id)).all())
    for method, path, _route in ADVOCACY_ROUTES:
        if method in ("GET", "HEAD") or "{" not in path:
            continue
        response = await client.request(method, _fill(path, ids), headers=headers, json={})
        _assert_nothing(response, f"{method} {path}")
        assert response.status_code in (401, 403, 404, 422), (
            f"{method} {path}: {response.status_code} {response.text[:200]}"
        )
    assert len(session.exec(select(AuditEntry.id)).all()) == audit_before, (
        "an outsider's write was audited: it changed a row"
    )


async def test_a_published_brief_is_public_and_nothing_else_becomes(
    client: httpx.AsyncClient, advocacy_world: World, session: Session, settings: Settings
) -> None:
    ids = _plant(session, advocacy_world)
    session.exec(update(Brief).where(col(Brief.id) == ids["brief"]).values(status=BriefStatus.published))
    session.commit()
    for role, state, who in OUTSIDERS:
        headers = _headers(session, advocacy_world, settings, role, state, who)
        brief = await client.get(f"/advocacy/briefs/{ids['brief']}", headers=headers)
        assert brief.status_code == 200, brief.text
        assert MARKER in brief.json()["issues"]
        listed = await client.get("/advocacy/briefs", headers=headers)
        assert ids["brief"] in [item["id"] for item in listed.json()["items"]]
        for path in (
            f"/advocacy/targets/{ids['target']}",
            f"/advocacy/contacts/{ids['contact']}",
            f"/advocacy/outreach/{ids['outreach']}",
        ):
            response = await client.get(path, headers=headers)
            assert response.status_code in (401, 403, 404), f"{role}: {path} {response.status_code}"
            assert MARKER not in response.text
