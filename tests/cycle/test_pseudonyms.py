"""CSOs at risk of reprisal publish under a public name: a submission party linked to such an organisation
shows that name to everyone but admins and the organisation's own members, in every read and filter."""

import pytest

from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.cycle.models import SubmissionRole
from tests.cycle.helpers import add_submission, problem
from tests.factories import OTHER_STATE, OWN_STATE, bearer, create_organisation, create_service_token, create_user

REAL, PUBLIC = "Rainbow Defenders of Maribor", "Partner organisation A"


@pytest.fixture
def hidden(session, cycle_world):
    """A pseudonymous CSO of the own state, a member of it, and a submission it authored."""
    org = create_organisation(session, OrganisationKind.cso, OWN_STATE, name=REAL, public_name=PUBLIC)
    member = create_user(session, org, email="member@rainbow.example.org")
    review = cycle_world.cycle["reviews"][OWN_STATE]
    submission = add_submission(session, review.id, "LGBTI persons in Slovenia",
                                ((REAL, org.id, SubmissionRole.author), ("Peace Institute", None,
                                                                         SubmissionRole.co_signer)))
    return {"org": org, "member": member, "submission": submission, "review": review}


def reads(hidden):
    s, org, review = hidden["submission"], hidden["org"], hidden["review"]
    return [f"/submissions/{s.id}", "/submissions", f"/submissions?organisation={org.id}", "/submissions?state=svn",
            f"/submissions?review={review.id}", "/submissions?cited_in_summary=false"]


@pytest.mark.parametrize(("role", "state"), [
    ("anonymous", OWN_STATE), ("government", OWN_STATE), ("government", OTHER_STATE), ("cso", OWN_STATE),
    ("nhri", OWN_STATE), ("un", OTHER_STATE),
])
async def test_outsiders_see_only_the_public_name(client, cycle_world, settings, hidden, role, state):
    headers = cycle_world.headers(role, settings, state)
    for url in reads(hidden):
        response = await client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        assert REAL not in response.text, url
        assert PUBLIC in response.text, url
    party = (await client.get(f"/submissions/{hidden['submission'].id}", headers=headers)).json()["parties"][0]
    assert party == {"name": PUBLIC, "organisation_id": hidden["org"].id, "role": "author"}


async def test_admins_and_members_see_the_real_name(client, cycle_world, settings, session, hidden):
    member_token = create_service_token(session, hidden["member"])[1]
    member_jwt = create_access_token(hidden["member"].id, settings)[0]
    for headers in (cycle_world.headers("admin", settings), cycle_world.headers("admin", settings, OTHER_STATE),
                    bearer(member_jwt), bearer(member_token)):
        for url in reads(hidden):
            response = await client.get(url, headers=headers)
            assert REAL in response.text, url
        party = (await client.get(f"/submissions/{hidden['submission'].id}", headers=headers)).json()["parties"][0]
        assert party["name"] == REAL


async def test_a_non_member_writer_gets_the_public_name_back(client, cycle_world, settings, hidden):
    """Another CSO lists the hidden one as co-signer, even by its real name: its own answer shows the pseudonym."""
    response = await client.post("/submissions", headers=cycle_world.headers("cso", settings), json={
        "review_id": hidden["review"].id, "title": "Coalition submission",
        "parties": [{"organisation_id": cycle_world.org("cso").id},
                    {"name": REAL.lower(), "role": "co_signer"}]})
    assert response.status_code == 201, response.text
    assert REAL.lower() not in response.text.lower()
    assert response.json()["parties"][1] == {"name": PUBLIC, "organisation_id": hidden["org"].id, "role": "co_signer"}
    anonymous = await client.get(f"/submissions/{response.json()['id']}")
    assert REAL.lower() not in anonymous.text.lower()


async def test_party_linked_by_id_only_takes_the_organisation_name(client, cycle_world, settings, hidden):
    admin = cycle_world.headers("admin", settings)
    response = await client.post("/submissions", headers=admin, json={
        "review_id": hidden["review"].id, "title": "Solo", "parties": [{"organisation_id": hidden["org"].id}]})
    assert response.status_code == 201, response.text
    assert response.json()["parties"][0]["name"] == REAL
    assert REAL not in (await client.get(f"/submissions/{response.json()['id']}")).text
    problem(await client.get("/submissions/987654"), 404)
