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
    review = cycle_world.cycle.reviews[OWN_STATE]
    submission = add_submission(
        session,
        review.id,
        "LGBTI persons in Slovenia",
        ((REAL, org.id, SubmissionRole.author), ("Peace Institute", None, SubmissionRole.co_signer)),
    )
    return {"org": org, "member": member, "submission": submission, "review": review}


def reads(hidden):
    s, org, review = hidden["submission"], hidden["org"], hidden["review"]
    return [
        f"/submissions/{s.id}",
        "/submissions",
        f"/submissions?organisation={org.id}",
        "/submissions?state=svn",
        f"/submissions?review={review.id}",
        "/submissions?cited_in_summary=false",
    ]


@pytest.mark.parametrize(
    ("role", "state"),
    [
        ("anonymous", OWN_STATE),
        ("government", OWN_STATE),
        ("government", OTHER_STATE),
        ("cso", OWN_STATE),
        ("nhri", OWN_STATE),
        ("un", OTHER_STATE),
    ],
)
async def test_outsiders_see_only_the_public_name(client, cycle_world, settings, hidden, role, state):
    headers = cycle_world.headers(role, settings, state)
    for url in reads(hidden):
        response = await client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        assert REAL not in response.text, url
        assert PUBLIC in response.text, url
    party = (await client.get(f"/submissions/{hidden['submission'].id}", headers=headers)).json()["parties"][0]
    assert party == {"name": PUBLIC, "organisation_id": hidden["org"].id, "role": "author", "consent": "accepted"}


async def test_admins_and_members_see_the_real_name(client, cycle_world, settings, session, hidden):
    member_token = create_service_token(session, hidden["member"])[1]
    member_jwt = create_access_token(hidden["member"].id, settings)[0]
    for headers in (
        cycle_world.headers("admin", settings),
        cycle_world.headers("admin", settings, OTHER_STATE),
        bearer(member_jwt),
        bearer(member_token),
    ):
        for url in reads(hidden):
            response = await client.get(url, headers=headers)
            assert REAL in response.text, url
        party = (await client.get(f"/submissions/{hidden['submission'].id}", headers=headers)).json()["parties"][0]
        assert party["name"] == REAL


async def test_a_typed_guess_at_a_real_name_is_never_confirmed(client, cycle_world, settings, hidden):
    """Another CSO types the hidden one's real name: the answer must not differ from a wrong guess's
    (no link, no pseudonym swapped in, no duplicate-party error), or it would confirm the guess."""
    headers = cycle_world.headers("cso", settings)

    async def post(parties):
        return await client.post(
            "/submissions",
            headers=headers,
            json={
                "review_id": hidden["review"].id,
                "title": "Coalition submission",
                "parties": [{"organisation_id": cycle_world.org("cso").id}, *parties],
            },
        )

    right = await post([{"name": REAL.lower(), "role": "co_signer"}])
    wrong = await post([{"name": "some other coalition", "role": "co_signer"}])
    assert right.status_code == wrong.status_code == 201
    assert right.json()["parties"][1] == {
        "name": REAL.lower(),
        "organisation_id": None,
        "role": "co_signer",
        "consent": "invited",
    }
    assert wrong.json()["parties"][1] == {**right.json()["parties"][1], "name": "some other coalition"}
    both = await post([{"organisation_id": hidden["org"].id, "role": "endorser"}, {"name": REAL, "role": "co_signer"}])
    assert both.status_code == 201  # not "appears more than once": that too would confirm the guess
    assert PUBLIC in both.text


async def test_a_linked_party_never_shows_a_typed_name(client, cycle_world, settings, hidden):
    response = await client.post(
        "/submissions",
        headers=cycle_world.headers("cso", settings),
        json={
            "review_id": hidden["review"].id,
            "title": "T",
            "parties": [
                {"organisation_id": cycle_world.org("cso").id},
                {"organisation_id": hidden["org"].id, "name": REAL, "role": "co_signer"},
            ],
        },
    )
    assert response.status_code == 201
    assert REAL.lower() not in response.text.lower()
    assert REAL.lower() not in (await client.get(f"/submissions/{response.json()['id']}")).text.lower()


async def test_party_linked_by_id_only_takes_the_organisation_name(client, cycle_world, settings, hidden):
    admin = cycle_world.headers("admin", settings)
    response = await client.post(
        "/submissions",
        headers=admin,
        json={"review_id": hidden["review"].id, "title": "Solo", "parties": [{"organisation_id": hidden["org"].id}]},
    )
    assert response.status_code == 201, response.text
    assert response.json()["parties"][0]["name"] == REAL
    assert REAL not in (await client.get(f"/submissions/{response.json()['id']}")).text
    problem(await client.get("/submissions/987654"), 404)


async def test_a_deactivated_organisation_is_as_unknown_as_a_missing_one(client, cycle_world, settings, session):
    gone = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Dissolved Watchdog Group")
    gone.is_active = False
    session.add(gone)
    session.flush()
    headers = cycle_world.headers("cso", settings)

    async def post(org_id):
        return await client.post(
            "/submissions",
            headers=headers,
            json={
                "review_id": cycle_world.cycle.reviews[OWN_STATE].id,
                "title": "T",
                "parties": [
                    {"organisation_id": cycle_world.org("cso").id},
                    {"organisation_id": org_id, "role": "endorser"},
                ],
            },
        )

    hidden, missing = await post(gone.id), await post(987654)
    assert hidden.status_code == missing.status_code == 422
    assert "Dissolved" not in hidden.text
    assert hidden.json()["detail"].replace(str(gone.id), "N") == missing.json()["detail"].replace("987654", "N")
