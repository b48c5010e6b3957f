"""Consent to be named on a submission: who is invited, who sees an invitation, how it is answered,
and what a PATCH of the parties does to the answers (the regression itself is in
tests/security/test_submission_consent.py)."""

import pytest
from alembic import command
from sqlalchemy import create_engine
from sqlmodel import select

from api.auth.models import OrganisationKind
from api.auth.security import create_access_token
from api.cli import alembic_config
from api.cycle.models import PartyConsent, SubmissionParty
from tests.cycle.helpers import problem
from tests.factories import OWN_STATE, bearer, create_organisation, create_user
from tests.helpers import patch_after_read, scratch_database


@pytest.fixture
def named(session, settings):
    """A second CSO of the own state, and the headers of one of its members."""
    org = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Roma Defenders")
    user = create_user(session, org, email="member@roma-defenders.example.org")
    assert user.id is not None
    return org, bearer(create_access_token(user.id, settings)[0])


async def _create(client, world, settings, *others, role="cso"):
    response = await client.post(
        "/submissions",
        headers=world.headers(role, settings),
        json={
            "review_id": world.cycle.reviews[OWN_STATE].id,
            "title": "Joint submission",
            "parties": [{"organisation_id": world.org(role).id, "role": "author"}, *others],
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


def _party(session, submission_id: int, organisation_id: int) -> SubmissionParty:
    stmt = select(SubmissionParty).where(
        SubmissionParty.submission_id == submission_id, SubmissionParty.organisation_id == organisation_id
    )
    party = session.exec(stmt.execution_options(populate_existing=True)).one()
    return party


def _consents(body: dict) -> dict:
    return {(p["organisation_id"], p["name"]): p["consent"] for p in body["parties"]}


async def test_only_other_organisations_are_invited_and_the_invitation_says_who_and_when(
    client, cycle_world, settings, session, named
):
    org, _ = named
    body = await _create(
        client,
        cycle_world,
        settings,
        {"organisation_id": org.id, "role": "co_signer"},
        {"name": "Roma Union", "role": "endorser"},
    )
    own = cycle_world.org("cso")
    assert _consents(body) == {
        (own.id, own.name): "accepted",
        (org.id, org.name): "invited",
        # A name matching no organisation waits for an admin too (else its being shown is an oracle).
        (None, "Roma Union"): "invited",
    }
    invited = _party(session, body["id"], org.id)
    assert (
        invited.invited_by_organisation_id == own.id and invited.invited_at is not None and invited.decided_at is None
    )
    mine = _party(session, body["id"], own.id)
    assert mine.invited_by_organisation_id is None and mine.invited_at is None
    # An invited co-signer does not make it joint: no shown party is a co-signer or a second author.
    assert body["joint"] is False


async def test_an_invited_organisation_writes_the_submission_only_once_it_accepts(client, cycle_world, settings, named):
    org, headers = named
    body = await _create(client, cycle_world, settings, {"organisation_id": org.id, "role": "co_signer"})
    url = f"/submissions/{body['id']}"
    problem(
        await patch_after_read(client, url, headers=headers, json={"title": "Ours now"}),
        403,
        slug="submission-not-signatory",
    )
    (invitation,) = (await client.get("/submissions/invitations", headers=headers)).json()["items"]
    assert (await client.post(f"{url}/parties/{invitation['party_id']}/accept", headers=headers)).status_code == 200
    assert (await patch_after_read(client, url, headers=headers, json={"title": "Ours too"})).status_code == 200


async def test_answers_are_idempotent_and_an_organisation_may_change_its_mind(client, cycle_world, settings, named):
    org, headers = named
    body = await _create(client, cycle_world, settings, {"organisation_id": org.id, "role": "co_signer"})
    (invitation,) = (await client.get("/submissions/invitations", headers=headers)).json()["items"]
    url = f"/submissions/{body['id']}/parties/{invitation['party_id']}"
    first = (await client.post(f"{url}/accept", headers=headers)).json()
    again = (await client.post(f"{url}/accept", headers=headers)).json()
    assert first["consent"] == again["consent"] == "accepted"
    assert first["decided_at"] == again["decided_at"] is not None
    assert first["submission"]["joint"] is True
    declined = (await client.post(f"{url}/decline", headers=headers)).json()
    assert declined["consent"] == "declined" and declined["submission"]["joint"] is False
    assert declined["decided_at"] >= first["decided_at"]
    listed = (await client.get("/submissions/invitations?consent=declined", headers=headers)).json()
    assert [i["party_id"] for i in listed["items"]] == [invitation["party_id"]]
    assert (await client.get("/submissions/invitations?consent=invited", headers=headers)).json()["items"] == []
    assert (await client.post(f"{url}/accept", headers=headers)).json()["consent"] == "accepted"


async def test_another_organisations_party_is_a_404_and_admins_may_answer_for_any(client, cycle_world, settings, named):
    org, headers = named
    body = await _create(client, cycle_world, settings, {"organisation_id": org.id, "role": "co_signer"})
    (invitation,) = (await client.get("/submissions/invitations", headers=headers)).json()["items"]
    url = f"/submissions/{body['id']}/parties/{invitation['party_id']}"
    for role in ("cso", "nhri", "un"):  # the author that invited it, too: the answer is the invited one's
        problem(await client.post(f"{url}/accept", headers=cycle_world.headers(role, settings)), 404)
        listed = (await client.get("/submissions/invitations", headers=cycle_world.headers(role, settings))).json()
        assert invitation["party_id"] not in [i["party_id"] for i in listed["items"]]
    other_submission = cycle_world.cycle.nhri_submissions[OWN_STATE].id
    problem(
        await client.post(f"/submissions/{other_submission}/parties/{invitation['party_id']}/accept", headers=headers),
        404,
    )
    problem(await client.post(f"/submissions/{body['id']}/parties/987654/decline", headers=headers), 404)
    problem(await client.post(f"{url}/accept"), 401)
    problem(await client.get("/submissions/invitations?consent=maybe", headers=headers), 422)
    admin = cycle_world.headers("admin", settings)
    assert (await client.post(f"{url}/accept", headers=admin)).json()["consent"] == "accepted"
    by_admin = (await client.get(f"/submissions/invitations?submission={body['id']}", headers=admin)).json()
    assert {i["organisation_id"] for i in by_admin["items"]} == {org.id, cycle_world.org("cso").id}


async def test_a_service_token_may_not_consent_for_its_organisation(client, cycle_world, settings):
    _, secret = cycle_world.service_tokens[("cso", OWN_STATE)]
    problem(await client.get("/submissions/invitations", headers=bearer(secret)), 403)


async def test_signatories_see_pending_parties_others_see_only_their_own(client, cycle_world, settings, session, named):
    org, headers = named
    nhri = cycle_world.org("nhri")
    body = await _create(
        client,
        cycle_world,
        settings,
        {"organisation_id": org.id, "role": "co_signer"},
        {"organisation_id": nhri.id, "role": "endorser"},
    )
    url = f"/submissions/{body['id']}"
    as_named = (await client.get(url, headers=headers)).json()
    assert [p["organisation_id"] for p in as_named["parties"]] == [cycle_world.org("cso").id, org.id]
    (invitation,) = (await client.get("/submissions/invitations", headers=headers)).json()["items"]
    await client.post(f"{url}/parties/{invitation['party_id']}/accept", headers=headers)
    # Now a co-signer, it may replace the parties: it sees the NHRI's pending invitation.
    as_signatory = (await client.get(url, headers=headers)).json()
    assert _consents(as_signatory)[(nhri.id, nhri.name)] == "invited"
    as_government = (await client.get(url, headers=cycle_world.headers("government", settings))).json()
    assert nhri.id not in [p["organisation_id"] for p in as_government["parties"]]


async def test_a_patch_keeps_each_answer_while_the_role_stays_and_asks_again_for_a_new_role(
    client, cycle_world, settings, session, named
):
    org, headers = named
    author = cycle_world.headers("cso", settings)
    own = {"organisation_id": cycle_world.org("cso").id, "role": "author"}
    body = await _create(client, cycle_world, settings, {"organisation_id": org.id, "role": "co_signer"})
    url = f"/submissions/{body['id']}"
    (invitation,) = (await client.get("/submissions/invitations", headers=headers)).json()["items"]
    await client.post(f"{url}/parties/{invitation['party_id']}/accept", headers=headers)
    accepted = _party(session, body["id"], org.id)
    invited_at, party_id = accepted.invited_at, accepted.id

    same_role = [own, {"organisation_id": org.id, "role": "co_signer"}, {"name": "Roma Union", "role": "endorser"}]
    patched = await patch_after_read(client, url, headers=author, json={"parties": same_role})
    assert _consents(patched.json())[(org.id, org.name)] == "accepted"
    kept = _party(session, body["id"], org.id)
    assert (kept.id, kept.consent, kept.invited_at) == (party_id, PartyConsent.accepted, invited_at)

    new_role = [own, {"organisation_id": org.id, "role": "author"}]
    patched = await patch_after_read(client, url, headers=author, json={"parties": new_role})
    assert _consents(patched.json())[(org.id, org.name)] == "invited"
    assert patched.json()["joint"] is False
    asked_again = _party(session, body["id"], org.id)
    assert asked_again.invited_at is not None and invited_at is not None
    assert asked_again.consent is PartyConsent.invited and asked_again.invited_at > invited_at
    assert asked_again.decided_at is None

    await client.post(f"{url}/parties/{party_id}/decline", headers=headers)
    patched = await patch_after_read(client, url, headers=author, json={"parties": new_role})
    assert _consents(patched.json())[(org.id, org.name)] == "declined"  # listing it again presses nobody
    anonymous = (await client.get(url)).json()
    assert org.id not in [p["organisation_id"] for p in anonymous["parties"]]


async def test_an_organisation_withdraws_from_a_party_it_never_was_asked_about(client, cycle_world, settings, session):
    """Parties recorded before consent existed (or by the organisation itself) are accepted; the
    organisation may still decline, and is then no longer shown."""
    submission = cycle_world.cycle.nhri_submissions[OWN_STATE]
    headers = cycle_world.headers("nhri", settings)
    (listed,) = (await client.get(f"/submissions/invitations?submission={submission.id}", headers=headers)).json()[
        "items"
    ]
    assert (listed["consent"], listed["invited_by"], listed["invited_at"]) == ("accepted", None, None)
    url = f"/submissions/{submission.id}/parties/{listed['party_id']}/decline"
    assert (await client.post(url, headers=headers)).status_code == 200
    assert (await client.get(f"/submissions/{submission.id}")).json()["parties"] == []


def test_0014_keeps_every_existing_party_shown_and_its_downgrade_drops_the_unanswered(database_url, tmp_path):
    """Parties recorded before consent were published: they become `accepted`. Going back, parties
    that never accepted go rather than appear as parties."""
    with scratch_database(database_url, tmp_path, "consent") as url:
        config = alembic_config(url)
        config.attributes["configure_logger"] = False
        command.upgrade(config, "0013")
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                for statement in (
                    "INSERT INTO state (code, name, un_status) VALUES ('SVN', 'Slovenia', 'member')",
                    "INSERT INTO cycle (number, start_year) VALUES (3, 2017)",
                    "INSERT INTO upr_session (number, cycle_number, year) VALUES (34, 3, 2019)",
                    "INSERT INTO review (id, state_code, session_number, created_at) "
                    "VALUES (1, 'SVN', 34, '2026-01-02 10:00:00')",
                    "INSERT INTO submission (id, review_id, title, cited_in_summary, created_at) "
                    "VALUES (1, 1, 'JS3', false, '2026-01-02 10:00:00')",
                    "INSERT INTO submission_party (id, submission_id, name, role) VALUES (1, 1, 'A', 'author')",
                ):
                    conn.exec_driver_sql(statement)
            command.upgrade(config, "0014")
            with engine.begin() as conn:
                assert conn.exec_driver_sql("SELECT consent FROM submission_party").all() == [("accepted",)]
                conn.exec_driver_sql(
                    "INSERT INTO submission_party (id, submission_id, name, role, consent) "
                    "VALUES (2, 1, 'B', 'co_signer', 'invited')"
                )
            command.downgrade(config, "0013")
            with engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT id FROM submission_party").all() == [(1,)]
        finally:
            engine.dispose()
