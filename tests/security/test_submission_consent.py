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


async def test_a_pseudonymous_csos_real_name_typed_as_co_signer_is_an_invitation_and_no_oracle(
    client, cycle_world, settings, session
):
    """Review of 3ec5255: a party given by name only was stored `accepted` and shown at once, so typing
    a pseudonymous CSO's real name showed it as co-signer to anonymous readers (`joint: true`). Now the
    typed name (case, punctuation and spacing ignored) invites that organisation, and the answer looks
    the same as for a name matching nothing, before and after the organisation answers."""
    hidden = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Roma Defenders", public_name="Alias")
    member = create_user(session, hidden, email="jana@romadefenders.si")
    assert member.id is not None
    invited = bearer(create_access_token(member.id, settings)[0])
    author = cycle_world.headers("cso", settings)
    nhri = cycle_world.headers("nhri", settings)

    async def post(name: str) -> dict:
        response = await client.post(
            "/submissions",
            headers=author,
            json={
                "review_id": cycle_world.cycle.reviews[OWN_STATE].id,
                "title": "Joint submission on Roma housing",
                "parties": [
                    {"organisation_id": cycle_world.org("cso").id, "role": "author"},
                    {"name": name, "role": "co_signer"},
                ],
            },
        )
        assert response.status_code == 201, response.text
        return response.json()

    guess, wrong = await post("roma-defenders."), await post("Roma Guardians")

    def typed_party(body: dict) -> dict:
        return {k: v for k, v in body["parties"][1].items() if k != "name"}

    async def read(body: dict, headers: dict[str, str]) -> dict:
        response = await client.get(f"/submissions/{body['id']}", headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    async def same_worlds() -> None:
        headers: dict[str, str]
        for headers in ({}, nhri):
            right_read, wrong_read = await read(guess, headers), await read(wrong, headers)
            assert "Roma Defenders" not in str(right_read) and "roma-defenders" not in str(right_read)
            assert right_read["joint"] is wrong_read["joint"] is False
            assert right_read["parties"] == wrong_read["parties"]
        mine, theirs = await read(guess, author), await read(wrong, author)
        pending = {"organisation_id": None, "role": "co_signer", "consent": "invited"}
        assert typed_party(mine) == typed_party(theirs) == pending

    assert typed_party(guess) == typed_party(wrong)
    await same_worlds()

    # The organisation is asked, and nothing shows until it accepts; a decline looks like no answer.
    (invitation,) = (await client.get("/submissions/invitations", headers=invited)).json()["items"]
    assert invitation["submission"]["id"] == guess["id"]
    url = f"/submissions/{guess['id']}/parties/{invitation['party_id']}"
    assert (await client.post(f"{url}/decline", headers=invited)).status_code == 200
    await same_worlds()

    # Accepted: shown under its public name, never its real one.
    assert (await client.post(f"{url}/accept", headers=invited)).status_code == 200
    headers: dict[str, str]
    for headers in ({}, nhri, author):
        body = await read(guess, headers)
        assert body["joint"] is True and "Roma Defenders" not in str(body) and "roma-defenders" not in str(body)
        assert body["parties"][1] == {
            "name": "Alias",
            "organisation_id": hidden.id,
            "role": "co_signer",
            "consent": "accepted",
        }
