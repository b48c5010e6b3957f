"""Consent (issue 14): a submission could name another organisation as co-signer without its consent.
Now the named organisation is invited: nobody but the two sees it as a party until it accepts, and
a declined one is hidden again."""

from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from tests.factories import OWN_STATE, bearer, create_organisation, create_user


async def test_a_cso_named_as_co_signer_by_another_is_shown_as_party_only_once_it_accepts(
    client, cycle_world, settings, session
):
    named = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Roma Defenders")
    named_user = create_user(session, named, email="roma.defenders@example.org")
    author = cycle_world.headers("cso", settings)
    assert named_user.id is not None
    invited = bearer(create_access_token(named_user.id, settings)[0])
    bystanders = {"anonymous": {}, "nhri": cycle_world.headers("nhri", settings)}

    created = await client.post(
        "/submissions",
        headers=author,
        json={
            "review_id": cycle_world.cycle.reviews[OWN_STATE].id,
            "title": "Joint submission on Roma housing",
            "parties": [
                {"organisation_id": cycle_world.org("cso").id, "role": "author"},
                {"organisation_id": named.id, "role": "co_signer"},
            ],
        },
    )
    assert created.status_code == 201, created.text
    submission_id = created.json()["id"]
    url = f"/submissions/{submission_id}"

    async def consent_shown(headers: dict[str, str]) -> str | None:
        """The named organisation's consent as the caller sees it; None when it is no party to it."""
        body = (await client.get(url, headers=headers)).json()
        found = [p["consent"] for p in body["parties"] if p["organisation_id"] == named.id]
        return found[0] if found else None

    async def listed_under_named(headers: dict[str, str]) -> bool:
        response = await client.get(f"/submissions?organisation={named.id}", headers=headers)
        assert response.status_code == 200, response.text
        return submission_id in [s["id"] for s in response.json()["items"]]

    # Invited: the public, and everyone but the author and the named organisation, see no co-signer.
    for name, headers in bystanders.items():
        assert await consent_shown(headers) is None, name
        assert (await client.get(url, headers=headers)).json()["joint"] is False, name
        assert not await listed_under_named(headers), name
    assert await consent_shown(author) == "invited"
    assert await consent_shown(invited) == "invited"
    invitations = (await client.get("/submissions/invitations?consent=invited", headers=invited)).json()["items"]
    assert [(i["submission"]["id"], i["role"], i["invited_by"]) for i in invitations] == [
        (submission_id, "co_signer", cycle_world.org("cso").name)
    ]
    party_id = invitations[0]["party_id"]

    # Accepted: shown to everyone.
    accepted = await client.post(f"{url}/parties/{party_id}/accept", headers=invited)
    assert accepted.status_code == 200, accepted.text
    for name, headers in bystanders.items():
        assert await consent_shown(headers) == "accepted", name
        assert (await client.get(url, headers=headers)).json()["joint"] is True, name
        assert await listed_under_named(headers), name

    # Declined (a change of mind): hidden again from all but the two.
    declined = await client.post(f"{url}/parties/{party_id}/decline", headers=invited)
    assert declined.status_code == 200, declined.text
    for name, headers in bystanders.items():
        assert await consent_shown(headers) is None, name
        assert (await client.get(url, headers=headers)).json()["joint"] is False, name
        assert not await listed_under_named(headers), name
    assert await consent_shown(author) == "declined"
    assert await consent_shown(invited) == "declined"
