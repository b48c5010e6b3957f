"""The read model always equals what the tables say: after API writes, imports, vocabulary edits, and
writes that bypass the application (the triggers mark them; reads build dirty rows fresh). The data
version moves with every commit that changes the data, and validates pages without reading rows."""

from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, event, func, insert, select, text
from sqlmodel import Session, col

from api.cycle.models import Review, State, UprSession
from api.derived import refresh_now
from api.imports.pipeline import run_import
from api.recommendations import derived, read_model
from api.recommendations.derived_models import DerivedDirty, RecommendationReadRow
from api.recommendations.models import Recommendation, RecommendationTheme
from api.seed import seed_states
from api.taxonomy.models import Theme
from api.taxonomy.service import seed_sdg_targets
from tests.cycle_factories import create_cycle, create_theme, create_upr_session
from tests.factories import OWN_STATE, World
from tests.recommendations.catalogue import add_states

FIXTURES = Path(__file__).parent.parent / "imports" / "fixtures"


def assert_current(session: Session) -> None:
    """Nothing left dirty by the last commit, and every stored body equal to one built from the tables now."""
    assert session.scalar(select(func.count()).select_from(DerivedDirty)) == 0, "a commit left rows dirty"
    rows = session.execute(select(col(RecommendationReadRow.recommendation_id), col(RecommendationReadRow.body)))
    stored: dict[int, str] = {rid: body for rid, body in rows}
    ids = [rid for rid in session.scalars(select(col(Recommendation.id))) if rid is not None]
    assert sorted(stored) == sorted(ids)
    assert stored == read_model.build(session, ids)


def body_of(session: Session, rec: Recommendation) -> bytes:
    assert rec.id is not None
    return read_model.bodies(session, [rec.id])[rec.id]


def version(session: Session) -> int:
    found = derived.current_version(session)
    assert found is not None, "rows are dirty"
    return found


@pytest.fixture
def committed(session: Session, cycle_world: World) -> World:
    session.commit()
    return cycle_world


@pytest.fixture
def admin(committed: World, settings, session: Session) -> dict[str, str]:
    add_states(session)
    session.commit()
    return committed.headers("admin", settings)


def test_a_commit_builds_every_body_and_bumps_the_version(session: Session, committed: World):
    assert_current(session)
    before = version(session)
    rec = committed.cycle.recommendations[OWN_STATE]
    rec.text = "Ratify the Optional Protocol to the Convention against Torture"
    session.add(rec)
    session.flush()
    assert derived.current_version(session) is None  # ahead of its version until the commit
    session.commit()
    assert version(session) == before + 1
    assert_current(session)
    assert b"Optional Protocol" in body_of(session, rec)


async def test_api_writes_keep_the_read_model_current(
    client: httpx.AsyncClient, session: Session, committed: World, admin: dict[str, str]
):
    review_id = committed.cycle.reviews[OWN_STATE].id
    created = await client.post(
        "/recommendations",
        headers=admin,
        json={
            "review_id": review_id,
            "text": "Abolish the death penalty",
            "recommending_states": ["SVK"],
            "themes": [],
        },
    )
    assert created.status_code == 201, created.text
    assert_current(session)
    rid = created.json()["id"]
    got = await client.get(f"/recommendations/{rid}")
    assert got.json() == created.json() and got.headers["ETag"] == created.headers["ETag"]

    theme = committed.cycle.theme
    patched = await client.patch(
        f"/recommendations/{rid}",
        headers={**admin, "If-Match": got.headers["ETag"]},
        json={"themes": [theme.id], "recommending_states": ["SVK", "FRA"]},
    )
    assert patched.status_code == 200, patched.text
    assert_current(session)
    again = await client.get(f"/recommendations/{rid}")
    assert [t["id"] for t in again.json()["themes"]] == [theme.id]
    assert again.headers["ETag"] == patched.headers["ETag"]

    deleted = await client.delete(f"/recommendations/{rid}", headers=admin)
    assert deleted.status_code == 204, deleted.text
    assert_current(session)
    assert (await client.get(f"/recommendations/{rid}")).status_code == 404


def test_vocabulary_and_cycle_edits_reach_every_body_they_show_in(session: Session, committed: World):
    rec = committed.cycle.recommendations[OWN_STATE]
    theme = committed.cycle.theme
    theme.name = "Equality and non-discrimination (renamed)"
    session.add(theme)
    session.commit()
    assert_current(session)
    assert b"(renamed)" in body_of(session, rec)

    parent = create_theme(session, name="A broader theme", code="Z9")
    session.commit()
    before = version(session)
    theme.parent_id = parent.id  # moved in the hierarchy: everything is refreshed
    session.add(theme)
    session.commit()
    assert version(session) == before + 1
    assert_current(session)

    recommending = session.get(State, "FRA")  # the world's recommendation is France's
    assert recommending is not None
    recommending.name = "France (renamed)"
    session.add(recommending)
    session.commit()
    assert_current(session)
    assert b"France (renamed)" in body_of(session, rec)

    person = committed.cycle.affected_person
    person.name = "Roma (renamed)"
    session.add(person)
    session.commit()
    assert_current(session)
    assert b"Roma (renamed)" in body_of(session, rec)

    review = session.get(Review, rec.review_id)
    assert review is not None
    upr_session = session.get(UprSession, review.session_number)
    assert upr_session is not None
    create_cycle(session, number=9, start_year=2040, end_year=None)
    upr_session.cycle_number = 9
    session.add(upr_session)
    session.commit()
    assert_current(session)
    assert body_of(session, rec).count(b'"cycle":9') == 1

    create_upr_session(session, number=99, cycle_number=9, year=2041)
    review.session_number = 99
    session.add(review)
    session.commit()
    assert_current(session)


def test_a_new_entry_no_recommendation_shows_still_moves_the_version(session: Session, committed: World):
    """A cached page of `theme=Z8` (empty) must not outlive the theme's arrival."""
    before = version(session)
    create_theme(session, name="Brand new", code="Z8")
    session.commit()
    assert version(session) == before + 1


def test_a_write_that_bypasses_the_application_is_read_fresh_then_refreshed(session: Session, committed: World):
    rec = committed.cycle.recommendations[OWN_STATE]
    session.connection().execute(
        text("UPDATE recommendation SET text = 'Written with psql' WHERE id = :id"), {"id": rec.id}
    )
    assert derived.current_version(session) is None  # the trigger marked it: no cache may answer
    assert b"Written with psql" in body_of(session, rec)
    refresh_now(session)
    assert_current(session)


def test_an_import_is_in_the_read_model_when_it_commits(session: Session, tmp_path: Path):
    seed_states(session)
    seed_sdg_targets(session)
    session.commit()
    path = tmp_path / "upr_info.csv"
    path.write_bytes((FIXTURES / "upr_info_recommendations_excerpt.csv").read_bytes())
    before = version(session)
    report = run_import(session, path)
    session.commit()
    assert report.inserted > 20
    assert version(session) == before + 1
    assert_current(session)
    # a second import of the same file merges (sources added): still current
    run_import(session, path)
    session.commit()
    assert_current(session)


def test_a_vocabulary_edit_that_bypasses_the_application_is_read_fresh(session: Session, committed: World):
    """A theme renamed with psql marks the theme, not its recommendations: until a commit expands the mark,
    no stored body is trusted."""
    rec = committed.cycle.recommendations[OWN_STATE]
    theme = committed.cycle.theme
    session.connection().execute(text("UPDATE theme SET name = 'Renamed with psql' WHERE id = :id"), {"id": theme.id})
    assert derived.current_version(session) is None
    assert b"Renamed with psql" in body_of(session, rec)
    refresh_now(session)
    assert_current(session)


def test_link_rows_written_in_bulk_are_caught_by_the_triggers(session: Session, committed: World):
    rec = committed.cycle.recommendations[OWN_STATE]
    other = create_theme(session, name="Bulk-linked theme", code="Z7")
    session.commit()
    session.execute(insert(RecommendationTheme), [{"recommendation_id": rec.id, "theme_id": other.id}])
    session.commit()
    assert_current(session)
    assert b"Bulk-linked theme" in body_of(session, rec)
    session.execute(delete(RecommendationTheme).where(col(RecommendationTheme.theme_id) == other.id))
    session.commit()
    assert_current(session)
    assert session.scalar(select(func.count()).select_from(Theme).where(col(Theme.id) == other.id)) == 1


class Statements:
    """The SQL a block of code sends."""

    def __init__(self, session: Session) -> None:
        self.engine = session.get_bind().engine
        self.sent: list[str] = []

    def __enter__(self) -> "Statements":
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement: str, *_args) -> None:
        self.sent.append(statement)

    def reading_recommendations(self) -> list[str]:
        return [s for s in self.sent if "recommendation." in s or "recommendation_read" in s]


async def test_a_revalidated_or_repeated_page_reads_no_recommendation_row(
    client: httpx.AsyncClient, session: Session, committed: World
):
    url = "/recommendations?state_under_review=SVN&limit=5"
    first = await client.get(url)
    assert first.status_code == 200 and first.json()["items"]
    tag = first.headers["ETag"]
    assert tag.startswith(f'"v{version(session)}-')
    assert first.headers["Cache-Control"] == "public, no-cache"

    with Statements(session) as sql:
        not_modified = await client.get(url, headers={"If-None-Match": tag})
    assert not_modified.status_code == 304 and not_modified.headers["ETag"] == tag
    assert sql.reading_recommendations() == [] and any("data_version" in s for s in sql.sent)

    with Statements(session) as sql:
        repeated = await client.get(url)
    assert repeated.content == first.content and repeated.headers["ETag"] == tag
    assert sql.reading_recommendations() == []

    rec = committed.cycle.recommendations[OWN_STATE]
    rec.text = "Changed after the page was cached"
    session.add(rec)
    session.commit()
    changed = await client.get(url, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert "Changed after the page was cached" in changed.text


async def test_pages_equal_the_shapes_built_from_the_tables(
    client: httpx.AsyncClient, session: Session, committed: World
):
    page = (await client.get("/recommendations?limit=500")).json()
    ids = [item["id"] for item in page["items"]]
    assert page["total"] == len(ids) == session.scalar(select(func.count()).select_from(Recommendation))
    built = read_model.build(session, ids)
    assert [httpx.Response(200, content=built[i]).json() for i in ids] == page["items"]
