"""The coalition rules that race, on a real deployment (`upr serve --workers 2`, tests/live/harness.py):
someone must always be able to manage a coalition, and a working group has at most two co-chairs. Both
rules read rows, then write; two requests through two worker processes at the same instant must not both
pass the check (the coalition's, or the group's, row is locked first on PostgreSQL; SQLite serialises
writers). Each round starts on fresh rows made through the API as the demo CSO and NHRI would."""

import concurrent.futures
import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.contracts.live_server import live_database
from tests.live.harness import ADMIN, Deployment, deployment

CSO, NHRI = "cso@demo.upr-tracker.org", "nhri@demo.upr-tracker.org"
ROUNDS = 4


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("advocacy")
    with live_database(tmp, suffix="advocacy") as url, deployment(tmp, url) as running:
        yield running


def _ok(response: httpx.Response, status: int = 200) -> dict:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    return response.json() if response.content else {}


def _organisation_id(live: Deployment, email: str) -> int:
    with live.client() as client:
        me = _ok(client.get("/auth/me", headers=live.auth(email)))
    return int(me["organisation"]["id"])


def _at_once(calls: list[tuple[str, str, str, dict | None]], live: Deployment) -> list[httpx.Response]:
    """Each (email, method, path, body) on its own connection, released together."""
    barrier = threading.Barrier(len(calls))

    def send(call: tuple[str, str, str, dict | None]) -> httpx.Response:
        email, method, path, body = call
        headers = live.auth(email)
        with live.client(timeout=30) as client:
            client.get("/livez")  # connected before the barrier: the requests leave together
            barrier.wait()
            return client.request(method, path, headers=headers, json=body)

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(send, calls))


def _coalition_with_two_leads(live: Deployment, cso: int, nhri: int, round_no: int) -> int:
    with live.client() as client:
        coalition = _ok(
            client.post("/advocacy/coalitions", headers=live.auth(CSO), json={"name": f"Race {round_no}"}), 201
        )
        path = f"/advocacy/coalitions/{coalition['id']}"
        _ok(client.post(f"{path}/members", headers=live.auth(CSO), json={"organisation_id": nhri}), 201)
        _ok(client.post(f"/advocacy/invitations/{coalition['id']}/accept", headers=live.auth(NHRI)))
        _ok(client.patch(f"{path}/members/{nhri}", headers=live.auth(CSO), json={"role": "lead"}))
    return int(coalition["id"])


def test_two_leads_leaving_at_once_leave_one_lead(live: Deployment) -> None:
    cso, nhri = _organisation_id(live, CSO), _organisation_id(live, NHRI)
    for round_no in range(ROUNDS):
        coalition = _coalition_with_two_leads(live, cso, nhri, round_no)
        path = f"/advocacy/coalitions/{coalition}/members"
        answers = _at_once([(CSO, "DELETE", f"{path}/{cso}", None), (NHRI, "DELETE", f"{path}/{nhri}", None)], live)
        statuses = sorted(a.status_code for a in answers)
        assert statuses == [204, 409], [a.text for a in answers]
        assert "last-coalition-lead" in next(a for a in answers if a.status_code == 409).json()["type"]
        stayed = CSO if answers[0].status_code == 409 else NHRI
        with live.client() as client:
            members = _ok(client.get(path, headers=live.auth(stayed)))
        leads = [m for m in members["items"] if m["role"] == "lead"]
        assert len(leads) == 1, members


def _third_member(live: Deployment) -> tuple[str, int]:
    """A third CSO with a user, made by the admin as an operator would (the demo has two that may join)."""
    email, password = "third@race.example.org", "a-long-race-password-2026!"
    with live.client() as client:
        org = _ok(
            client.post(
                "/organisations",
                headers=live.auth(ADMIN),
                json={"name": "Third CSO (race)", "kind": "cso", "state_code": "SVN"},
            ),
            201,
        )
        _ok(
            client.post(
                "/users",
                headers=live.auth(ADMIN),
                json={"email": email, "full_name": "Race Tester", "password": password, "organisation_id": org["id"]},
            ),
            201,
        )
    live.passwords[email] = password
    return email, int(org["id"])


def test_two_co_chairs_named_at_once_into_the_last_seat_make_one(live: Deployment) -> None:
    """The CSO chairs the group; the NHRI and a third organisation each take the second (last) seat at the
    same instant: one gets it, the other a 409 `too-many-co-chairs`, and the group has two co-chairs."""
    cso, nhri = _organisation_id(live, CSO), _organisation_id(live, NHRI)
    third_email, third = _third_member(live)
    for round_no in range(ROUNDS):
        coalition = _coalition_with_two_leads(live, cso, nhri, 100 + round_no)
        with live.client() as client:
            path = f"/advocacy/coalitions/{coalition}"
            _ok(client.post(f"{path}/members", headers=live.auth(CSO), json={"organisation_id": third}), 201)
            _ok(client.post(f"/advocacy/invitations/{coalition}/accept", headers=live.auth(third_email)))
            group = _ok(
                client.post(
                    "/advocacy/working-groups",
                    headers=live.auth(CSO),
                    json={"coalition_id": coalition, "name": f"Race group {round_no}"},
                ),
                201,
            )
            members = f"/advocacy/working-groups/{group['id']}/members"
            _ok(client.put(f"{members}/{cso}", headers=live.auth(CSO), json={"is_co_chair": True}))
        answers = _at_once(
            [
                (CSO, "PUT", f"{members}/{nhri}", {"is_co_chair": True}),
                (NHRI, "PUT", f"{members}/{third}", {"is_co_chair": True}),
            ],
            live,
        )
        assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
        assert "too-many-co-chairs" in next(a for a in answers if a.status_code == 409).json()["type"]
        with live.client() as client:
            read = _ok(client.get(f"/advocacy/working-groups/{group['id']}", headers=live.auth(CSO)))
        assert sum(m["is_co_chair"] for m in read["members"]) == 2, read["members"]
