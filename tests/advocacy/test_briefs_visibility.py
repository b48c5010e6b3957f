"""Confidentiality of briefs: a government, another coalition's member and an anonymous caller see no
draft or agreed brief — not in lists, not in `total`, 404 by id, by export and for its asks — until
it is published; the coalition's members and admins see every status."""

import httpx
import pytest
from sqlalchemy import update
from sqlmodel import Session, col

from api.advocacy.models import Brief, CoalitionMember, MembershipStatus
from api.core.rows import stored_id
from api.settings import Settings
from tests.cycle.helpers import problem
from tests.factories import OTHER_STATE, OWN_STATE, World
from tests.helpers import patch_after_read

DOCX = {"Accept": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
OUTSIDERS = [("government", OWN_STATE), ("cso", OTHER_STATE), ("anonymous", OWN_STATE)]


async def _listed(client: httpx.AsyncClient, headers: dict[str, str], **params: str | int) -> tuple[list[int], int]:
    response = await client.get("/advocacy/briefs", headers=headers, params=params)
    assert response.status_code == 200, response.text
    page = response.json()
    return [b["id"] for b in page["items"]], page["total"]


async def _hidden(
    client: httpx.AsyncClient, headers: dict[str, str], brief: Brief, ask_id: int | None, brief_coalition: int
) -> None:
    ids, total = await _listed(client, headers)
    assert brief.id not in ids and total == len(ids)
    for status in ("draft", "agreed"):
        ids, total = await _listed(client, headers, status=status)
        assert brief.id not in ids and total == len(ids)
    for status in ("draft", "agreed"):
        assert await _listed(client, headers, coalition=brief_coalition, status=status) == ([], 0)
    problem(await client.get(f"/advocacy/briefs/{brief.id}", headers=headers), 404)
    problem(await client.get(f"/advocacy/briefs/{brief.id}/export", headers=headers), 404)
    problem(await client.get(f"/advocacy/briefs/{brief.id}/export", headers=headers | DOCX), 404)
    problem(await client.get(f"/advocacy/proposed-recommendations/{ask_id}", headers=headers), 404)


@pytest.mark.parametrize(("role", "state"), OUTSIDERS)
async def test_outsiders_see_a_brief_only_once_it_is_published(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, role: str, state: str
) -> None:
    w = advocacy_world
    outsider = w.headers(role, settings, state)
    brief, ask_id = w.advocacy.drafts[OWN_STATE], w.advocacy.asks[OWN_STATE].id
    coalition = stored_id(w.advocacy.coalitions[OWN_STATE])
    before, total_before = await _listed(client, outsider)
    assert w.advocacy.published[OWN_STATE].id in before and total_before == len(before)
    # HRV's CSO sees its own coalition's draft, nobody else's
    assert (w.advocacy.drafts[OTHER_STATE].id in before) is (role == "cso")
    await _hidden(client, outsider, brief, ask_id, coalition)

    chair = w.headers("cso", settings)
    url = f"/advocacy/briefs/{brief.id}"
    agreed = await patch_after_read(client, url, headers=chair, json={"status": "agreed"})
    assert agreed.status_code == 200, agreed.text
    await _hidden(client, outsider, brief, ask_id, coalition)

    assert (await patch_after_read(client, url, headers=chair, json={"status": "published"})).status_code == 200
    ids, total = await _listed(client, outsider)
    assert brief.id in ids and total == total_before + 1
    assert (await _listed(client, outsider, status="published"))[1] == 3
    read = await client.get(url, headers=outsider)
    assert read.status_code == 200 and read.json()["proposed_recommendations"][0]["id"] == ask_id
    assert (await client.get(f"{url}/export", headers=outsider)).json()["title"] == brief.title
    assert (await client.get(f"{url}/export", headers=outsider | DOCX)).status_code == 200
    assert (await client.get(f"/advocacy/proposed-recommendations/{ask_id}", headers=outsider)).status_code == 200


async def test_another_coalitions_member_does_not_see_its_drafts_but_its_own_coalition_does(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings
) -> None:
    w = advocacy_world
    hrv_member = w.headers("nhri", settings, OTHER_STATE)
    ids, total = await _listed(client, hrv_member)
    assert w.advocacy.drafts[OTHER_STATE].id in ids and w.advocacy.drafts[OWN_STATE].id not in ids
    assert total == 3  # its own draft and both published briefs
    svn_member = w.headers("nhri", settings)
    ids, _ = await _listed(client, svn_member, status="draft")
    assert ids == [w.advocacy.drafts[OWN_STATE].id]
    assert (
        await client.get(f"/advocacy/briefs/{w.advocacy.drafts[OWN_STATE].id}", headers=svn_member)
    ).status_code == 200


async def test_a_member_that_left_sees_nothing_and_admins_see_everything(
    client: httpx.AsyncClient, advocacy_world: World, settings: Settings, session: Session
) -> None:
    w = advocacy_world
    session.exec(
        update(CoalitionMember)
        .where(col(CoalitionMember.organisation_id) == w.org("nhri").id)
        .values(status=MembershipStatus.left)
    )
    session.flush()
    left = w.headers("nhri", settings)
    problem(await client.get(f"/advocacy/briefs/{w.advocacy.drafts[OWN_STATE].id}", headers=left), 404)
    assert (await _listed(client, left, status="draft")) == ([], 0)
    ids, total = await _listed(client, w.headers("admin", settings))
    assert total == 4 and {w.advocacy.drafts[OWN_STATE].id, w.advocacy.drafts[OTHER_STATE].id} <= set(ids)
