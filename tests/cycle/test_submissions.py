"""/submissions: parties and joint submissions, themes, filters, own-state writes for NHRIs and CSOs."""

import pytest
from sqlmodel import select

from api.audit.models import AuditAction
from api.cycle.models import SubmissionParty, SubmissionRole, SubmissionTheme
from tests.cycle.helpers import add_submission, audit, ids, problem
from tests.cycle_factories import create_theme
from tests.factories import OTHER_STATE, OWN_STATE
from tests.helpers import patch_after_read

A = SubmissionRole.author


def new(world, state=OWN_STATE, **change):
    return {
        "review_id": world.cycle.reviews[state].id,
        "title": "Joint submission on the rights of Roma",
        "symbol": "JS3",
        "url": "https://uprdoc.ohchr.org/js3.pdf",
        "parties": [
            {"organisation_id": world.org("cso", state).id},
            {"name": "Amnesty International", "role": "co_signer"},
            {"name": "Roma Union", "role": "endorser"},
        ],
        "themes": [world.cycle.theme.id],
        **change,
    }


@pytest.mark.parametrize("role", ["cso", "admin"])
async def test_own_state_creates_a_joint_submission(client, cycle_world, settings, session, role):
    response = await client.post("/submissions", headers=cycle_world.headers(role, settings), json=new(cycle_world))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["state_under_review"] == OWN_STATE and body["session"] == 34
    # Names matching no organisation wait for an admin when a non-admin types them (an oracle otherwise).
    typed = "accepted" if role == "admin" else "invited"
    assert body["joint"] is (role == "admin") and body["cited_in_summary"] is False
    assert body["parties"] == [
        {
            "name": "cso org of SVN",
            "organisation_id": cycle_world.org("cso").id,
            "role": "author",
            # An admin naming the CSO invites it; the CSO naming itself asks nobody.
            "consent": "invited" if role == "admin" else "accepted",
        },
        {"name": "Amnesty International", "organisation_id": None, "role": "co_signer", "consent": typed},
        {"name": "Roma Union", "organisation_id": None, "role": "endorser", "consent": typed},
    ]
    assert [t["id"] for t in body["themes"]] == [cycle_world.cycle.theme.id]
    logged = audit(session, "submission_party", AuditAction.create)
    assert len([e for e in logged if e.changes["submission_id"] == body["id"]]) == 3
    public = body | {"parties": body["parties"][1:]} if role == "admin" else body | {"parties": body["parties"][:1]}
    assert (await client.get(f"/submissions/{body['id']}")).json() == public


async def test_an_nhri_records_only_submissions_it_signed(client, cycle_world, settings):
    headers = cycle_world.headers("nhri", settings)
    others = await client.post("/submissions", headers=headers, json=new(cycle_world))
    assert problem(others, 403, slug="submission-not-signatory")["detail"].startswith(
        "Only an organisation that authored or co-signed"
    )
    signed = new(cycle_world)
    signed["parties"].append({"organisation_id": cycle_world.org("nhri").id, "role": "co_signer"})
    assert (await client.post("/submissions", headers=headers, json=signed)).status_code == 201
    cso_submission = cycle_world.cycle.submissions[OWN_STATE].id
    assert problem(
        await patch_after_read(client, f"/submissions/{cso_submission}", headers=headers, json={"title": "Taken over"}),
        403,
        slug="submission-not-signatory",
    )


async def test_joint_means_several_authors_or_a_co_signer(client, cycle_world, settings):
    headers = cycle_world.headers("admin", settings)
    cases = [
        ([("X", "author")], False),
        ([("X", "author"), ("Y", "endorser")], False),
        ([("X", "author"), ("Y", "author")], True),
        ([("X", "author"), ("Y", "co_signer")], True),
    ]
    for parties, joint in cases:
        response = await client.post(
            "/submissions", headers=headers, json=new(cycle_world, parties=[{"name": n, "role": r} for n, r in parties])
        )
        assert response.status_code == 201, response.text
        assert response.json()["joint"] is joint, parties


@pytest.mark.parametrize(
    ("change", "field", "detail"),
    [
        ({"themes": [987654]}, "themes", "987654"),
        ({"parties": [{"name": "X", "role": "endorser"}]}, "parties", "at least one author"),
        ({"parties": []}, "parties", ""),
        ({"parties": [{"role": "author"}]}, "parties.0", "name"),
        ({"parties": [{"organisation_id": 987654}]}, "parties", "987654"),
        ({"parties": [{"name": "X", "role": "sponsor"}]}, "parties.0.role", ""),
        ({"review_id": 987654}, "review_id", "987654"),
        ({"title": "  "}, "title", ""),
        ({"url": "ftp://example.org/x"}, "url", ""),
    ],
)
async def test_invalid_input_is_422_naming_the_field(client, cycle_world, settings, change, field, detail):
    problem(
        await client.post(
            "/submissions", headers=cycle_world.headers("cso", settings), json=new(cycle_world, **change)
        ),
        422,
        field,
        detail,
    )


async def test_the_same_organisation_twice_is_422(client, cycle_world, settings):
    org = cycle_world.org("cso")
    by_id_and_name = [{"organisation_id": org.id}, {"name": org.name.upper(), "role": "co_signer"}]
    problem(
        await client.post(
            "/submissions", headers=cycle_world.headers("cso", settings), json=new(cycle_world, parties=by_id_and_name)
        ),
        422,
        "parties",
        "more than once",
    )


async def test_other_states_and_other_roles_may_not_write(client, cycle_world, settings, session):
    other = cycle_world.cycle.submissions[OTHER_STATE]
    cso = cycle_world.headers("cso", settings)
    not_own_state = "submission-not-own-state"
    problem(
        await client.post("/submissions", headers=cso, json=new(cycle_world, OTHER_STATE)),
        403,
        detail="HRV",
        slug=not_own_state,
    )
    problem(
        await patch_after_read(client, f"/submissions/{other.id}", headers=cso, json={"title": "Hijacked"}),
        403,
        slug=not_own_state,
    )
    problem(await client.delete(f"/submissions/{other.id}", headers=cso), 403, slug=not_own_state)
    problem(
        await client.post("/submissions", headers=cycle_world.headers("government", settings), json=new(cycle_world)),
        403,
    )
    problem(await client.post("/submissions", json=new(cycle_world)), 401)
    own = cycle_world.cycle.submissions[OWN_STATE]
    problem(
        await patch_after_read(
            client, f"/submissions/{own.id}", headers=cso, json={"review_id": cycle_world.cycle.reviews[OTHER_STATE].id}
        ),
        403,
        slug=not_own_state,
    )
    assert (await client.get(f"/submissions/{other.id}")).json()["title"].startswith("Joint submission")


async def test_each_filter_excludes_the_rest(client, cycle_world, session):
    svn, hrv = cycle_world.cycle.reviews[OWN_STATE], cycle_world.cycle.reviews[OTHER_STATE]
    base_svn, base_hrv = cycle_world.cycle.submissions[OWN_STATE], cycle_world.cycle.submissions[OTHER_STATE]
    for extra in cycle_world.cycle.nhri_submissions.values():  # keep to one submission per state here
        for party in session.exec(select(SubmissionParty).where(SubmissionParty.submission_id == extra.id)):
            session.delete(party)
        session.flush()
        session.delete(extra)
        session.flush()
    prisons = create_theme(session, "Conditions of detention")
    nhri = cycle_world.org("nhri")
    cited = add_submission(session, svn.id, "NHRI report", ((nhri.name, nhri.id, A),), cited_in_summary=True)
    session.add(SubmissionTheme(submission_id=cited.id, theme_id=prisons.id))
    session.flush()

    assert ids(await client.get("/submissions")) == [base_svn.id, base_hrv.id, cited.id]
    assert ids(await client.get(f"/submissions?review={svn.id}")) == [base_svn.id, cited.id]
    assert ids(await client.get(f"/submissions?review={hrv.id}")) == [base_hrv.id]
    assert ids(await client.get("/submissions?state=hrv")) == [base_hrv.id]
    assert ids(await client.get(f"/submissions?theme={prisons.id}")) == [cited.id]
    assert ids(await client.get(f"/submissions?organisation={nhri.id}")) == [cited.id]
    assert ids(await client.get(f"/submissions?organisation={cycle_world.org('cso', OTHER_STATE).id}")) == [base_hrv.id]
    assert ids(await client.get("/submissions?cited_in_summary=true")) == [cited.id]
    assert ids(await client.get("/submissions?cited_in_summary=false")) == [base_svn.id, base_hrv.id]
    assert ids(await client.get(f"/submissions?state=SVN&theme={prisons.id}&cited_in_summary=false")) == []
    problem(await client.get("/submissions?state=12"), 422, "state")
    page = (await client.get("/submissions?limit=2")).json()
    assert page["total"] == 3 and page["next_cursor"]
    assert ids(await client.get(f"/submissions?limit=2&cursor={page['next_cursor']}")) == [cited.id]


async def test_patch_replaces_parties_and_themes(client, cycle_world, settings, session):
    submission = cycle_world.cycle.submissions[OWN_STATE]
    prisons = create_theme(session, "Conditions of detention")
    headers = cycle_world.headers("cso", settings)
    response = await patch_after_read(
        client,
        f"/submissions/{submission.id}",
        headers=headers,
        json={
            "cited_in_summary": True,
            "themes": [prisons.id],
            "parties": [
                {"name": "Peace Institute", "organisation_id": cycle_world.org("cso").id},
                {"name": "Legal-Informational Centre for NGOs"},
            ],
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["cited_in_summary"] is True and body["joint"] is False  # the typed name is pending
    assert [p["name"] for p in body["parties"]] == [cycle_world.org("cso").name, "Legal-Informational Centre for NGOs"]
    assert [t["name"] for t in body["themes"]] == ["Conditions of detention"]
    problem(
        await patch_after_read(client, f"/submissions/{submission.id}", headers=headers, json={"themes": [987654]}),
        422,
        "themes",
    )
    problem(
        await patch_after_read(client, f"/submissions/{submission.id}", headers=headers, json={"parties": None}),
        422,
        "parties",
    )
    problem(await patch_after_read(client, "/submissions/987654", headers=headers, json={"title": "X"}), 404)
    etag = (await client.get(f"/submissions/{submission.id}", headers=headers)).headers["etag"]
    assert (
        await patch_after_read(
            client, f"/submissions/{submission.id}", headers={**headers, "If-Match": etag}, json={"title": "First"}
        )
    ).status_code == 200
    problem(
        await patch_after_read(
            client, f"/submissions/{submission.id}", headers={**headers, "If-Match": etag}, json={"title": "Second"}
        ),
        412,
    )


async def test_delete(client, cycle_world, settings, session):
    submission = cycle_world.cycle.submissions[OWN_STATE]
    response = await client.delete(f"/submissions/{submission.id}", headers=cycle_world.headers("cso", settings))
    assert response.status_code == 204, response.text
    problem(await client.get(f"/submissions/{submission.id}"), 404)
    assert audit(session, "submission", AuditAction.delete, str(submission.id))
    assert audit(session, "submission_party", AuditAction.delete)
    problem(await client.delete(f"/submissions/{submission.id}", headers=cycle_world.headers("cso", settings)), 404)
