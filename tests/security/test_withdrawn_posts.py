"""Issue 14, accountability: a post others could see is withdrawn when deleted (kept, marked, out of
current views, its history still readable), never erased — except the posting organisation's own
confidential post, which is erased so that a CSO can take back what endangers it."""

from alembic import command
from sqlalchemy import create_engine, text
from sqlmodel import Session, col, select

from api.cli import alembic_config
from api.core.types import utcnow
from api.tracking.models import (
    Assessment,
    AssessmentRevision,
    Evidence,
    ProgressUpdate,
    ProgressUpdateRevision,
    Visibility,
)
from tests.cycle_factories import build_cycle_world
from tests.factories import OWN_STATE, build_world
from tests.helpers import scratch_database
from tests.tracking.posts.helpers import ids, problem
from tests.tracking_factories import build_tracking_world, create_assessment, create_link_evidence, create_update


async def post(client, headers, kind: str, body: dict) -> int:
    response = await client.post(f"/tracking/{kind}", headers=headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_a_government_deleting_its_public_update_withdraws_it_and_its_history_stays(
    client, tracking_world, settings, session
):
    w = tracking_world
    government, nhri = w.headers("government", settings), w.headers("nhri", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    update_id = await post(
        client,
        government,
        "progress-updates",
        {
            "recommendation_id": recommendation.id,
            "text": "All Roma settlements have water.",
            "reported_on": "2021-05-01",
            "visibility": "public",
        },
    )
    path = f"/tracking/progress-updates/{update_id}"
    assert (await client.patch(path, headers=government, json={"text": "Most have water."})).status_code == 200

    assert (await client.delete(path, headers=government)).status_code == 204

    kept = await client.get(path)  # anonymous: it was public
    assert kept.status_code == 200 and kept.json()["withdrawn_at"] is not None
    assert kept.json()["text"] == "Most have water." and kept.json()["revision"] == 2
    history = (await client.get(f"{path}/revisions")).json()
    assert [r["text"] for r in history["items"]] == ["All Roma settlements have water.", "Most have water."]
    listed, total = await ids(client, f"/tracking/progress-updates?recommendation={recommendation.id}", nhri)
    assert update_id not in listed and total == len(listed)
    withdrawn, withdrawn_total = await ids(client, "/tracking/progress-updates?withdrawn=true", nhri)
    assert (withdrawn, withdrawn_total) == ([update_id], 1)
    # Kept as it was: no correction, no second delete, no new evidence.
    problem(await client.patch(path, headers=government, json={"text": "Changed."}), 409, slug="post-withdrawn")
    problem(await client.delete(path, headers=government), 409, slug="post-withdrawn")
    evidence = await client.post(
        "/tracking/evidence", headers=government, data={"progress_update_id": str(update_id), "url": "https://e.org/x"}
    )
    problem(evidence, 409, slug="post-withdrawn")
    assert session.get(ProgressUpdate, update_id) is not None


async def test_a_government_cannot_hide_a_published_update_by_making_it_less_visible(
    client, tracking_world, settings, session
):
    """Made confidential, a public statement was a 404 to anonymous readers, post and revisions alike:
    erased in all but name. A government's post once public stays public, once shared at least shared."""
    w = tracking_world
    government = w.headers("government", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    paths = {}
    for visibility in ("public", "shared"):
        update_id = await post(
            client,
            government,
            "progress-updates",
            {
                "recommendation_id": recommendation.id,
                "text": f"Evictions stopped ({visibility}).",
                "reported_on": "2021-05-01",
                "visibility": visibility,
            },
        )
        paths[visibility] = f"/tracking/progress-updates/{update_id}"
    assessment_id = await post(
        client,
        government,
        "assessments",
        {
            "recommendation_id": recommendation.id,
            "rating": "implemented",
            "assessed_on": "2021-05-01",
            "visibility": "public",
        },
    )
    assessment = f"/tracking/assessments/{assessment_id}"
    for path, lower in (
        (paths["public"], "confidential"),
        (paths["public"], "shared"),
        (paths["shared"], "confidential"),
        (assessment, "confidential"),
    ):
        hidden = await client.patch(path, headers=government, json={"visibility": lower})
        problem(hidden, 409, "visibility", slug="published-post-stays-visible")
    # Wider, and corrections of the text, are fine; and once public it stays public.
    assert (await client.patch(paths["shared"], headers=government, json={"visibility": "public"})).status_code == 200
    problem(
        await client.patch(paths["shared"], headers=government, json={"visibility": "shared"}),
        409,
        "visibility",
        slug="published-post-stays-visible",
    )
    assert (await client.patch(paths["public"], headers=government, json={"text": "Most stopped."})).status_code == 200
    for path in (paths["public"], paths["shared"], assessment):
        assert (await client.get(path)).status_code == 200  # anonymous
        assert (await client.get(f"{path}/revisions")).status_code == 200


async def test_a_government_post_once_shared_and_now_confidential_is_withdrawn_not_erased(
    client, tracking_world, settings, session
):
    """A row from before the rule above (shared, then made confidential): deleting it withdraws it."""
    w = tracking_world
    government = w.headers("government", settings)
    update_id = await post(
        client,
        government,
        "progress-updates",
        {
            "recommendation_id": w.cycle.recommendations[OWN_STATE].id,
            "text": "Evictions stopped.",
            "reported_on": "2021-05-01",
            "visibility": "shared",
        },
    )
    update = session.get(ProgressUpdate, update_id)
    update.visibility, update.revision = Visibility.confidential, 2
    session.add(update)
    session.add(
        ProgressUpdateRevision(
            progress_update_id=update_id,
            revision=2,
            text=update.text,
            reported_on=update.reported_on,
            visibility=Visibility.confidential,
        )
    )
    session.commit()
    path = f"/tracking/progress-updates/{update_id}"
    assert (await client.delete(path, headers=government)).status_code == 204
    session.expire_all()
    assert session.get(ProgressUpdate, update_id).withdrawn_at is not None
    # The state's NHRI, who may see it now, finds it withdrawn with its whole history.
    nhri = w.headers("nhri", settings)
    kept = await client.get(path, headers=nhri)
    assert kept.status_code == 200 and kept.json()["withdrawn_at"] is not None
    history = (await client.get(f"{path}/revisions", headers=nhri)).json()["items"]
    assert [(r["revision"], r["visibility"]) for r in history] == [(1, "shared"), (2, "confidential")]


async def test_a_cso_can_take_back_a_public_post_it_withdrew_by_deleting_it_again(
    client, tracking_world, settings, session, tmp_path
):
    """Its first delete withdrew it (it was public), and a withdrawn post took no change: it stayed public
    forever. Deleted again by the CSO (or by an admin), it is erased with its revisions and evidence; a
    government's withdrawn post stays."""
    w = tracking_world
    cso, government, admin = (w.headers(role, settings) for role in ("cso", "government", "admin"))
    recommendation = w.cycle.recommendations[OWN_STATE]

    async def withdrawn_post(headers: dict[str, str], kind: str) -> str:
        body = (
            {"text": "Our member Ana was beaten at the police station in Maribor.", "reported_on": "2021-05-01"}
            if kind == "progress-updates"
            else {"rating": "not_started", "reasoning": "Ana was beaten.", "assessed_on": "2021-05-01"}
        )
        post_id = await post(
            client, headers, kind, {"recommendation_id": recommendation.id, "visibility": "public", **body}
        )
        path = f"/tracking/{kind}/{post_id}"
        key = "progress_update_id" if kind == "progress-updates" else "assessment_id"
        attached = await client.post(
            "/tracking/evidence", headers=headers, data={key: str(post_id), "url": "https://example.org/ana"}
        )
        assert attached.status_code == 201, attached.text
        assert (await client.delete(path, headers=headers)).status_code == 204
        assert (await client.get(path)).json()["withdrawn_at"] is not None  # public, withdrawn
        problem(
            await client.patch(path, headers=headers, json={"visibility": "confidential"}), 409, slug="post-withdrawn"
        )
        return path

    erased = [await withdrawn_post(cso, "progress-updates"), await withdrawn_post(cso, "assessments")]
    for path in erased:
        assert (await client.delete(path, headers=cso)).status_code == 204
    by_admin = await withdrawn_post(government, "progress-updates")
    kept = await withdrawn_post(government, "assessments")
    problem(await client.delete(kept, headers=government), 409, slug="post-withdrawn")
    assert (await client.delete(by_admin, headers=admin)).status_code == 204
    for path in (*erased, by_admin):
        problem(await client.get(path, headers=admin), 404)
        problem(await client.get(f"{path}/revisions", headers=admin), 404)
    assert (await client.get(kept)).status_code == 200
    session.expire_all()
    left = session.exec(select(Evidence).where(Evidence.url == "https://example.org/ana")).all()
    assert [e.assessment_id for e in left] == [int(kept.rsplit("/", 1)[1])]
    assert not session.exec(
        select(ProgressUpdateRevision).where(
            col(ProgressUpdateRevision.progress_update_id).in_(
                [int(p.rsplit("/", 1)[1]) for p in (erased[0], by_admin)]
            )
        )
    ).all()
    assert not session.exec(
        select(AssessmentRevision).where(AssessmentRevision.assessment_id == int(erased[1].rsplit("/", 1)[1]))
    ).all()


async def test_a_cso_deleting_its_own_confidential_posts_erases_them(client, tracking_world, settings, session):
    """Even one it had published first: a CSO must be able to take back what endangers it."""
    w = tracking_world
    cso, admin = w.headers("cso", settings), w.headers("admin", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    update_id = await post(
        client,
        cso,
        "progress-updates",
        {
            "recommendation_id": recommendation.id,
            "text": "Our field worker in Maribor was threatened.",
            "reported_on": "2021-05-01",
            "visibility": "confidential",
        },
    )
    assessment_id = await post(
        client,
        cso,
        "assessments",
        {
            "recommendation_id": recommendation.id,
            "rating": "not_started",
            "assessed_on": "2021-05-01",
            "visibility": "public",
        },
    )
    assessment = f"/tracking/assessments/{assessment_id}"
    assert (await client.patch(assessment, headers=cso, json={"visibility": "confidential"})).status_code == 200
    for path in (f"/tracking/progress-updates/{update_id}", assessment):
        assert (await client.delete(path, headers=cso)).status_code == 204
        problem(await client.get(path, headers=admin), 404)
        problem(await client.get(f"{path}/revisions", headers=admin), 404)
    session.expire_all()
    assert session.get(ProgressUpdate, update_id) is None and session.get(Assessment, assessment_id) is None
    assert not session.exec(
        select(ProgressUpdateRevision).where(ProgressUpdateRevision.progress_update_id == update_id)
    ).all()
    assert not session.exec(select(AssessmentRevision).where(AssessmentRevision.assessment_id == assessment_id)).all()


async def test_a_withdrawn_public_assessment_is_no_longer_anyones_current_rating(client, tracking_world, settings):
    """An NHRI's newer public assessment, withdrawn: its earlier one is current again everywhere
    (side by side, current list, matrix), and the withdrawn one stays readable by id."""
    w = tracking_world
    nhri = w.headers("nhri", settings)
    recommendation = w.cycle.recommendations[OWN_STATE]
    earlier = w.tracking.assessments[("nhri", OWN_STATE)]
    newer = await post(
        client,
        nhri,
        "assessments",
        {
            "recommendation_id": recommendation.id,
            "rating": "implemented",
            "assessed_on": "2022-01-10",
            "visibility": "public",
        },
    )

    async def nhri_current() -> tuple[int, int, str]:
        side = (await client.get(f"/tracking/recommendations/{recommendation.id}/assessments")).json()
        (entry,) = [e for e in side["organisations"] if e["organisation"]["id"] == w.org("nhri").id]
        current, _ = await ids(client, f"/tracking/assessments?current=true&organisation={w.org('nhri').id}")
        matrix = (await client.get(f"/tracking/matrix?state={OWN_STATE}")).json()
        (row,) = [r for r in matrix["items"] if r["recommendation_id"] == recommendation.id]
        (cell,) = [a for a in row["assessments"] if a["organisation"]["id"] == w.org("nhri").id]
        assert current == [entry["current"]["id"]]
        return entry["current"]["id"], entry["assessments"], cell["rating"]

    assert await nhri_current() == (newer, 2, "implemented")
    assert (await client.delete(f"/tracking/assessments/{newer}", headers=nhri)).status_code == 204
    assert await nhri_current() == (earlier.id, 1, earlier.rating.value)
    kept = await client.get(f"/tracking/assessments/{newer}")
    assert kept.status_code == 200 and kept.json()["withdrawn_at"] is not None


async def test_the_evidence_of_a_withdrawn_post_stays_as_it_was_and_leaves_the_lists(
    client, tracking_world, settings, session
):
    """Withdrawn with its post: out of `/evidence` lists, still listed under its post and readable by
    id, and no longer changed or deleted (409 `post-withdrawn`)."""
    w = tracking_world
    government = w.headers("government", settings)
    update_id = await post(
        client,
        government,
        "progress-updates",
        {
            "recommendation_id": w.cycle.recommendations[OWN_STATE].id,
            "text": "The shelter opened.",
            "reported_on": "2021-05-01",
            "visibility": "public",
        },
    )
    attached = await client.post(
        "/tracking/evidence",
        headers=government,
        data={"progress_update_id": str(update_id), "url": "https://example.org/shelter"},
    )
    assert attached.status_code == 201, attached.text
    evidence_id = attached.json()["id"]
    listed, _ = await ids(client, f"/tracking/evidence?state={OWN_STATE}")
    assert evidence_id in listed
    assert (await client.delete(f"/tracking/progress-updates/{update_id}", headers=government)).status_code == 204

    listed, total = await ids(client, f"/tracking/evidence?state={OWN_STATE}")
    assert evidence_id not in listed and total == len(listed)
    assert (await ids(client, f"/tracking/evidence?progress_update={update_id}"))[0] == [evidence_id]
    assert (await client.get(f"/tracking/evidence/{evidence_id}")).status_code == 200
    path = f"/tracking/evidence/{evidence_id}"
    problem(await client.patch(path, headers=government, json={"title": "x"}), 409, slug="post-withdrawn")
    problem(await client.delete(path, headers=government), 409, slug="post-withdrawn")


def test_downgrading_0016_erases_withdrawn_posts_instead_of_making_them_current_again(database_url, tmp_path):
    """Without `withdrawn_at` a withdrawn post would be current again (a CSO's deleted public post back
    in every list): the downgrade deletes withdrawn posts, their revisions and evidence rows first."""
    with scratch_database(database_url, tmp_path, "withdrawn") as url:
        config = alembic_config(url)
        config.attributes["configure_logger"] = False
        # Built at head (the models are head's), then downgraded through every later revision to 0016's.
        command.upgrade(config, "head")
        engine = create_engine(url)
        try:
            with Session(engine) as session:
                w = build_tracking_world(session, build_cycle_world(session, build_world(session)))
                recommendation = w.cycle.recommendations[OWN_STATE]
                withdrawn = create_update(session, w.org("cso"), recommendation=recommendation, text="Ana was beaten.")
                create_link_evidence(session, w.org("cso"), update=withdrawn, url="https://example.org/ana")
                rating = create_assessment(session, w.org("cso"), recommendation)
                kept = create_update(session, w.org("cso"), recommendation=recommendation, text="Kept.")
                for row in (withdrawn, rating):
                    row.withdrawn_at = utcnow()
                    session.add(row)
                session.commit()
                gone = {"progress_update": withdrawn.id, "assessment": rating.id}
                kept_id = kept.id
            command.downgrade(config, "0015")
            with engine.connect() as conn:

                def count(sql: str, row_id: int | None) -> int:
                    return conn.execute(text(sql), {"id": row_id}).scalar_one()

                for table, row_id in gone.items():
                    assert count(f"SELECT count(*) FROM {table} WHERE id = :id", row_id) == 0
                    assert count(f"SELECT count(*) FROM {table}_revision WHERE {table}_id = :id", row_id) == 0
                    assert count(f"SELECT count(*) FROM evidence WHERE {table}_id = :id", row_id) == 0
                assert count("SELECT count(*) FROM progress_update WHERE id = :id", kept_id) == 1
                assert conn.execute(text("SELECT count(*) FROM evidence")).scalar_one() > 0  # the others stay
        finally:
            engine.dispose()
