"""POST /imports and GET /imports/{id}: background jobs whose state lives in the database.

The reader is a small fake here (its formats have their own tests): these tests are about the job:
202 and Location, the report, one transaction, dry runs, failures, and who may import what."""

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from sqlmodel import func, select

from api.imports import detect
from api.imports.limits import UnreadableFile
from api.imports.models import ImportJob
from api.imports.records import ImportFormat, ImportRecord, Reject
from api.recommendations.models import PositionKind, Recommendation
from tests.factories import OTHER_STATE, OWN_STATE
from tests.helpers import assert_problem

CSV = b"state,text,by\nSVN,Ratify the Convention,FRA\nSVN,Combat discrimination against Roma,BRA\n"


def _fake_read(path, *, state=None, session=None) -> Iterator[ImportRecord | Reject]:
    lines = path.read_bytes().decode().splitlines()[1:]
    for number, line in enumerate(lines, start=2):
        if line == "boom":
            raise UnreadableFile("line 3 is not UTF-8")
        sur, text, by = line.split(",")
        if by == "??":
            yield Reject(number, "by", "Unknown state '??'.")
            continue
        yield ImportRecord(
            line=number,
            source=ImportFormat.upr_info,
            state_under_review=sur,
            text=text,
            recommending_states=[by],
            key_parts=(text,),
            session=34,
            position=PositionKind.supported,
            position_label="Accepted",
        )


@pytest.fixture(autouse=True)
def fake_reader(monkeypatch):
    monkeypatch.setattr(detect, "reader_for", lambda fmt: SimpleNamespace(read=_fake_read))


async def upload(client, headers, content=CSV, name="recs.csv", **form):
    data = {"format": "upr-info", **{k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in form.items()}}
    return await client.post("/imports", headers=headers, data=data, files={"file": (name, content, "text/csv")})


def recommendations(session) -> int:
    return session.exec(select(func.count()).select_from(Recommendation)).one()


async def test_admin_import_runs_in_the_background_and_reports(client, cycle_world, settings, session):
    before = recommendations(session)
    response = await upload(client, cycle_world.headers("admin", settings))
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/imports/{job['id']}"
    done = (await client.get(f"/imports/{job['id']}", headers=cycle_world.headers("admin", settings))).json()
    assert done["status"] == "succeeded", done
    assert done["report"]["inserted"] == 2 and done["report"]["rejected"] == 0, str(done["report"])
    assert recommendations(session) == before + 2
    assert session.get(ImportJob, job["id"]).content is None  # the upload is not kept once imported


async def test_dry_run_and_failures_write_nothing(client, cycle_world, settings, session):
    admin = cycle_world.headers("admin", settings)
    before = recommendations(session)
    dry = (await upload(client, admin, dry_run=True)).json()
    assert (await client.get(f"/imports/{dry['id']}", headers=admin)).json()["report"]["inserted"] == 2
    assert recommendations(session) == before
    broken = (await upload(client, admin, content=CSV + b"boom\n")).json()
    failed = (await client.get(f"/imports/{broken['id']}", headers=admin)).json()
    assert failed["status"] == "failed" and "not UTF-8" in failed["error"]
    assert recommendations(session) == before  # the two good rows before the failure are gone too
    rejected = (await upload(client, admin, content=CSV + b"SVN,Third one,??\n")).json()
    report = (await client.get(f"/imports/{rejected['id']}", headers=admin)).json()["report"]
    assert report["rejects"] == [{"line": 4, "column": "by", "reason": "Unknown state '??'."}]
    strict = (await upload(client, admin, content=CSV + b"SVN,Third one,??\n", strict=True)).json()
    assert (await client.get(f"/imports/{strict['id']}", headers=admin)).json()["status"] == "failed"


async def test_a_government_imports_for_its_own_state_only(client, cycle_world, settings, session):
    government = cycle_world.headers("government", settings)
    assert_problem(await upload(client, government), 403, "import-not-own-state", "SVN only")  # no state given
    assert_problem(await upload(client, government, state=OTHER_STATE), 403, "import-not-own-state", "SVN only")
    own = await upload(
        client, government, state=OWN_STATE, content=CSV + f"{OTHER_STATE},Not theirs to import,FRA\n".encode()
    )
    assert own.status_code == 202
    report = (await client.get(f"/imports/{own.json()['id']}", headers=government)).json()["report"]
    assert report["inserted"] == 2 and report["rejected"] == 1
    assert "SVN only" in report["rejects"][0]["reason"]
    other_org = await client.get(
        f"/imports/{own.json()['id']}", headers=cycle_world.headers("government", settings, OTHER_STATE)
    )
    assert other_org.status_code == 404
    listed = (await client.get("/imports", headers=cycle_world.headers("admin", settings))).json()
    assert own.json()["id"] in [j["id"] for j in listed["items"]]


async def test_a_file_that_is_not_importable_is_422(client, cycle_world, settings):
    response = await upload(client, cycle_world.headers("admin", settings), name="notes.pdf")
    assert response.status_code == 422 and response.json()["field"] == "file"
