"""Every request example in both documents works on the demo data `make run` loads: "Try it out" in
the interactive docs succeeds instead of naming a review, recommendation or action that is not there.

A fresh database is migrated and seeded with the `upr` command, as `make run` does. Each example is
then sent as the demo admin, in the app, inside a savepoint rolled back afterwards (so examples never
see each other's writes): 2xx expected. Path parameters name the demo's rows (the Slovenian review,
its recommendation 121.44, the Roma programme and its preschool indicator, …); a resource the demo
lacks (a submission, evidence) is first created by its own create example and reached through the
create's documented `links`. Passwords are the ones `upr seed` printed. A PATCH sends the `If-Match`
its read answered. Each answer's headers are checked against the document too: every header the
server sends among those documented must be documented for that status, and `X-Request-ID`,
`Location` and a write's `ETag`, where documented, must be sent.
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from api.advocacy.demo import COALITION
from api.advocacy.models import (
    Brief,
    BriefTarget,
    Coalition,
    MissionContact,
    Outreach,
    ProposedRecommendation,
    ReprisalIncident,
    UptakeMatch,
    WorkingGroup,
)
from api.auth.models import Organisation, OrganisationKind, User
from api.contracts import ROOT, apps
from api.cycle.models import Review, ReviewDocument
from api.db import engine_for
from api.main import app
from api.recommendations.models import Recommendation
from api.settings import Settings
from api.taxonomy.models import Theme
from api.tracking.models import Action, Assessment, Indicator, Measurement, Milestone, ProgressUpdate
from tests.contracts.live_server import DEMO_ACCOUNT, live_database
from tests.helpers import app_on_connection, rolled_back_to_savepoint

ADMIN = "admin@demo.upr-tracker.org"
SECRET_KEY = "examples-secret-" + "k3y" * 12
MOUNTS = {"cycle": "", "tracking": "/tracking"}
TRACKED = {"x-request-id", "etag", "cache-control", "link", "location", "retry-after", "idempotent-replayed"}


@dataclass(frozen=True)
class Case:
    document: str
    path: str
    method: str
    media: str
    example: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.document}:{self.method.upper()} {self.path}"


def _examples(media: dict[str, Any], schemas: dict[str, Any]) -> list[dict[str, Any]]:
    if "example" in media:
        return [media["example"]]
    if "examples" in media:
        return [example["value"] for example in media["examples"].values()]
    schema = media.get("schema", {})
    schema = schemas.get(schema.get("$ref", "").rsplit("/", 1)[-1], schema)
    if schema.get("examples"):
        return list(schema["examples"])
    fields = {name: spec["examples"][0] for name, spec in schema.get("properties", {}).items() if spec.get("examples")}
    return [fields] if fields else []


def cases() -> list[Case]:
    found = []
    for name, application in apps().items():
        document = application.openapi()
        schemas = document["components"]["schemas"]
        for path, item in document["paths"].items():
            for method, operation in item.items():
                for media_type, media in operation.get("requestBody", {}).get("content", {}).items():
                    for example in _examples(media, schemas):
                        found.append(Case(name, path, method, media_type, example))
    return found


CASES = cases()


@dataclass
class Demo:
    connection: Connection
    passwords: dict[str, str]
    path_values: dict[str, Any]  # path parameter → the demo row it names
    documents: dict[str, dict[str, Any]]


def _demo_rows(session: Session) -> dict[str, Any]:
    review = session.exec(select(Review).where(Review.state_code == "SVN", Review.session_number == 34)).one()
    roma = session.exec(select(Action).where(col(Action.title).startswith("National Programme"))).one()
    preschool = session.exec(select(Indicator).where(Indicator.name == "Roma children enrolled in preschool")).one()
    cso = session.exec(
        select(Organisation.id)
        .where(Organisation.kind == OrganisationKind.cso, Organisation.state_code == "SVN")
        .order_by(col(Organisation.id))
    ).first()
    return {
        "code": "SVN",
        "number": 34,  # a session's; a cycle's is below
        "/cycles/{number}": 3,
        "review_id": review.id,
        "document_id": session.exec(select(ReviewDocument.id).where(ReviewDocument.review_id == review.id)).first(),
        "organisation_id": cso,
        "user_id": session.exec(select(User.id).where(User.email == "nhri@demo.upr-tracker.org")).one(),
        "theme_id": session.exec(select(Theme.id).where(Theme.code == "B31")).one(),
        "recommendation_id": session.exec(
            select(Recommendation.id).where(Recommendation.review_id == review.id, Recommendation.paragraph == "121.44")
        ).one(),
        "action_id": roma.id,
        "indicator_id": preschool.id,
        "measurement_id": session.exec(select(Measurement.id).where(Measurement.indicator_id == preschool.id)).first(),
        "milestone_id": session.exec(select(Milestone.id).where(Milestone.action_id == roma.id)).first(),
        "update_id": session.exec(select(ProgressUpdate.id).order_by(col(ProgressUpdate.reported_on))).first(),
        "assessment_id": session.exec(select(Assessment.id).order_by(col(Assessment.assessed_on))).first(),
        **_advocacy_rows(session, cso),
    }


def _advocacy_rows(session: Session, cso: int | None) -> dict[str, Any]:
    """The demo coalition's rows (api/advocacy/demo.py), found by what they are, not by their fixed ids."""
    coalition = session.exec(select(Coalition.id).where(Coalition.name == COALITION)).one()
    group = session.exec(
        select(WorkingGroup.id).where(WorkingGroup.coalition_id == coalition, WorkingGroup.name == "Roma rights")
    ).one()
    brief = session.exec(select(Brief.id).where(Brief.working_group_id == group)).one()
    asks = session.exec(
        select(ProposedRecommendation.id)
        .where(ProposedRecommendation.brief_id == brief)
        .order_by(col(ProposedRecommendation.position))
    ).all()
    return {
        "coalition_id": coalition,
        "working_group_id": group,
        "brief_id": brief,
        "proposed_recommendation_id": asks[1],  # the second ask: moving it to position 0 changes the order
        "target_id": session.exec(
            select(BriefTarget.id).where(BriefTarget.brief_id == brief).order_by(col(BriefTarget.state_code))
        ).first(),
        "contact_id": session.exec(select(MissionContact.id).where(MissionContact.coalition_id == coalition)).first(),
        "outreach_id": session.exec(
            select(Outreach.id).where(Outreach.coalition_id == coalition).order_by(col(Outreach.held_on))
        ).first(),
        "match_id": session.exec(  # the first ask's best suggestion
            select(UptakeMatch.id)
            .where(UptakeMatch.proposed_recommendation_id == asks[0])
            .order_by(col(UptakeMatch.similarity).desc())
        ).first(),
        "incident_id": session.exec(select(ReprisalIncident.id).where(ReprisalIncident.organisation_id == cso)).first(),
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    tmp = tmp_path_factory.mktemp("demo")
    with live_database(tmp, "examples") as database_url:
        settings = Settings(
            database_url=database_url,
            upload_dir=tmp / "uploads",
            evidence_dir=tmp / "evidence",
            secret_key=SECRET_KEY,
        )
        env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY, "COLUMNS": "200"}
        outputs = []
        for command in ("migrate", "seed"):  # what `make run` does before it serves
            done = subprocess.run(
                [sys.executable, "-m", "api.cli", command], cwd=ROOT, env=env, capture_output=True, text=True
            )
            assert done.returncode == 0, f"upr {command} failed:\n{done.stdout}{done.stderr}"
            outputs.append(done.stdout)
        passwords = {email: password for email, _, password in DEMO_ACCOUNT.findall(outputs[-1])}
        assert ADMIN in passwords, "`upr seed` printed no demo passwords"
        engine = engine_for(database_url)
        connection = engine.connect()
        outer = connection.begin()
        try:
            with Session(bind=connection) as session:
                rows = _demo_rows(session)
            with app_on_connection(connection, settings):
                documents = {name: application.openapi() for name, application in apps().items()}
                yield Demo(connection, passwords, rows, documents)
        finally:
            outer.rollback()
            connection.close()
            engine.dispose()


async def _token(client: httpx.AsyncClient, demo: Demo) -> str:
    answer = await client.post("/auth/token", data={"username": ADMIN, "password": demo.passwords[ADMIN]})
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["access_token"]
    return token


def _with_passwords(example: dict[str, Any], demo: Demo) -> dict[str, Any]:
    """A demo account's password is the one `upr seed` printed: the example can only name the account
    (and the caller, here the admin, changes its own)."""
    replaced = dict(example)
    if example.get("username") in demo.passwords and "password" in example:
        replaced["password"] = demo.passwords[example["username"]]
    if "current_password" in example:
        replaced["current_password"] = demo.passwords[ADMIN]
    return replaced


def _operation(demo: Demo, case: Case, path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = demo.documents[case.document]["paths"][path][method]
    return operation


async def _send(
    client: httpx.AsyncClient, case: Case, path: str, method: str, example: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    url = MOUNTS[case.document] + path
    if case.media == "application/json":
        return await client.request(method, url, json=example, headers=headers)
    if case.media == "application/x-www-form-urlencoded":
        return await client.request(method, url, data=example, headers=headers)
    assert case.media == "multipart/form-data", case.media
    parts: list[tuple[str, tuple[str | None, str | bytes]]] = [
        (key, (None, str(value).lower() if isinstance(value, bool) else str(value))) for key, value in example.items()
    ]
    if case.path == "/imports":  # the file an import needs, which no example can hold
        parts.append(("file", ("recommendations.csv", b"Recommendation,Position\n")))
    return await client.request(method, url, files=parts, headers=headers)


async def _path_values(client: httpx.AsyncClient, demo: Demo, case: Case, auth: dict[str, str]) -> dict[str, Any]:
    """The demo's rows by parameter name; what the demo lacks, made by the create that links here."""
    names = [part[1:-1] for part in case.path.split("/") if part.startswith("{")]
    rows = {**demo.path_values, "number": demo.path_values.get(f"/{case.path.split('/')[1]}/{{number}}", 34)}
    values = {name: rows[name] for name in names if rows.get(name) is not None}
    if len(values) == len(names):
        return values
    operation_id = _operation(demo, case, case.path, case.method)["operationId"]
    for path, item in demo.documents[case.document]["paths"].items():
        for status, response in item.get("post", {}).get("responses", {}).items():
            link = response.get("links", {}).get(operation_id)
            if link is None:
                continue
            create = next(c for c in CASES if c.document == case.document and c.path == path and c.method == "post")
            example = _with_passwords(create.example, demo)
            made = await _send(client, create, path.format(**values), "post", example, auth)
            assert made.status_code == int(status), f"{create.id} (to reach {case.id}): {made.text}"
            for name, expression in link["parameters"].items():
                values[name] = (
                    made.json()[expression.removeprefix("$response.body#/")]
                    if expression.startswith("$response.body#/")
                    else values[expression.removeprefix("$request.path.")]
                )
            return values
    raise AssertionError(f"{case.id}: no demo row and no create links to it for {set(names) - set(values)}")


def _check_headers(response: httpx.Response, operation: dict[str, Any], where: str) -> None:
    documented = operation["responses"].get(str(response.status_code), {}).get("headers", {})
    names = {name.lower() for name in documented}
    sent = set(response.headers)  # httpx: lower case
    undocumented = (TRACKED & sent) - names
    assert not undocumented, f"{where} {response.status_code} sends undocumented {sorted(undocumented)}"
    missing = ({"x-request-id"} | ({"location", "etag"} & names)) - sent
    assert not missing, f"{where} {response.status_code} documents but does not send {sorted(missing)}"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_the_example_works_on_the_demo_data(demo: Demo, case: Case) -> None:
    with rolled_back_to_savepoint(demo.connection):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            auth = {"Authorization": f"Bearer {await _token(client, demo)}"}
            values = await _path_values(client, demo, case, auth)
            path = case.path.format(**values)
            headers = dict(auth)
            if case.method in ("patch", "delete") and "get" in demo.documents[case.document]["paths"][case.path]:
                read = await client.get(MOUNTS[case.document] + path, headers=auth)
                assert read.status_code == 200, f"GET {path}: {read.text}"
                _check_headers(read, _operation(demo, case, case.path, "get"), f"GET {case.path}")
                headers["If-Match"] = read.headers["ETag"]
            answer = await _send(client, case, path, case.method, _with_passwords(case.example, demo), headers)
            assert 200 <= answer.status_code < 300, f"{case.id} with {case.example}: {answer.text}"
            _check_headers(answer, _operation(demo, case, case.path, case.method), f"{case.method.upper()} {case.path}")


def test_every_example_is_tried() -> None:
    """The cases come from the documents; a document that lost its examples would pass vacuously."""
    assert len(CASES) >= 40
    assert {"auth.login", "imports.create", "evidence.create"} <= {
        apps()[c.document].openapi()["paths"][c.path][c.method]["operationId"] for c in CASES
    }
