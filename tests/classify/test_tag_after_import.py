"""Tagging after an import (api/classify/tasks.py): the import job defers `classify:tag_import` in its own
transaction, and that task tags the records the import brought — only those — with the stored model."""

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, col, func, select

from api.classify import store
from api.classify.examples import load_examples
from api.classify.model import Model, Params, train
from api.classify.tagging import tag
from api.classify.tasks import TAG_IMPORT, tag_import
from api.imports import jobs
from api.imports.models import ImportJob, JobStatus
from api.imports.tasks import defer_follow_ups
from api.recommendations.models import Recommendation, RecommendationSource, RecommendationTheme, TagOrigin
from api.seed import seed_states
from api.taxonomy.service import seed_sdg_targets

FIXTURE = Path(__file__).parent / "fixtures" / "data"
DIHR = sorted((FIXTURE / "dihr_sdg_explorer").glob("*.csv"))
SMALL = Params(min_positives=10, min_true_positives=3, validation_share=0.3, wilson_z=0.0)


@pytest.fixture(scope="module")
def model() -> Model:
    return train(load_examples(FIXTURE), seed=0, params=SMALL)


@pytest.fixture
def reference(session: Session) -> None:
    seed_states(session)
    seed_sdg_targets(session)
    store.clear_cache()


def _job(session: Session, path: Path, **options: object) -> int:
    job = ImportJob(filename=path.name, format="dihr", content=path.read_bytes(), options=dict(options))
    session.add(job)
    session.flush()
    assert job.id is not None
    return job.id


def _run(session: Session, job_id: int) -> None:
    class Sessions:
        def __call__(self):
            return self

        def __enter__(self) -> Session:
            return session

        def __exit__(self, *exc: object) -> None:
            return None

    jobs.run_job(job_id, Sessions(), after_import=defer_follow_ups)


def _deferred(session: Session) -> list[dict]:
    rows = session.execute(
        text("SELECT args FROM procrastinate_jobs WHERE task_name = :name"), {"name": TAG_IMPORT}
    ).all()
    return [json.loads(args) if isinstance(args, str) else args for (args,) in rows]


def _inferred(session: Session, import_id: int | None = None) -> int:
    stmt = (
        select(func.count())
        .select_from(RecommendationTheme)
        .where(col(RecommendationTheme.origin) == TagOrigin.inferred)
    )
    if import_id is not None:
        imported = select(RecommendationSource.recommendation_id).where(
            col(RecommendationSource.import_job_id) == import_id
        )
        stmt = stmt.where(col(RecommendationTheme.recommendation_id).in_(imported))
    return session.exec(stmt).one()


def test_an_import_defers_its_tagging_and_a_dry_run_does_not(session, reference):
    first = _job(session, DIHR[0])
    _run(session, first)
    assert session.get(ImportJob, first).status == JobStatus.succeeded
    assert _deferred(session) == [{"import_id": first}]
    dry = _job(session, DIHR[-1], dry_run=True)
    _run(session, dry)
    assert session.get(ImportJob, dry).status == JobStatus.succeeded
    assert _deferred(session) == [{"import_id": first}]  # nothing written, nothing to tag


def test_the_task_tags_only_what_its_import_brought(session, reference, model):
    first, second = _job(session, DIHR[0]), _job(session, DIHR[-1])
    _run(session, first)
    assert tag_import(session, first) is None  # no stored model yet: nothing, and no error
    assert _inferred(session) == 0
    store.save_model(session, model)
    tag(session, model)  # everything there is now (the first file) gets inferred tags
    before = _inferred(session, first)
    assert before > 0
    _run(session, second)
    new = session.exec(
        select(func.count()).select_from(RecommendationSource).where(col(RecommendationSource.import_job_id) == second)
    ).one()
    assert new > 0 and _inferred(session, second) == 0  # the import itself guesses nothing
    labels = tag_import(session, second)
    assert labels is not None and labels > 0
    assert _inferred(session, first) == before  # the first import's tags were left alone
    tagged = session.exec(
        select(RecommendationTheme.model_version)
        .join(
            RecommendationSource, col(RecommendationSource.recommendation_id) == RecommendationTheme.recommendation_id
        )
        .where(col(RecommendationSource.import_job_id) == second, col(RecommendationTheme.origin) == TagOrigin.inferred)
    ).all()
    assert tagged and set(tagged) == {model.version}
    # Run twice (the engine retries): the same rows, not doubled.
    count = _inferred(session)
    tag_import(session, second)
    assert _inferred(session) == count
    assert session.exec(select(func.count()).select_from(Recommendation)).one() > 0


def test_the_import_command_tags_its_file_with_the_stored_model(session, reference, model, monkeypatch):
    """`upr import` tags what its file brought before it commits, and says so; without a model it says
    how to get one; a dry run neither writes nor tags."""
    from collections.abc import Iterator
    from contextlib import contextmanager

    from typer.testing import CliRunner

    import api.cli

    @contextmanager
    def test_session(*, writes: bool = True) -> Iterator[Session]:
        yield session

    monkeypatch.setattr(api.cli, "_session", test_session)
    first, second = DIHR[0], DIHR[-1]
    without = CliRunner().invoke(api.cli.app, ["import", str(first)])
    assert without.exit_code == 0, without.output
    assert "No classifier is stored" in without.output and _inferred(session) == 0
    store.save_model(session, model)
    session.commit()  # (into the test's outer transaction) as `upr classify tag` would: the dry run rolls back
    dry = CliRunner().invoke(api.cli.app, ["import", str(second), "--dry-run"])
    assert dry.exit_code == 0 and "inferred labels" not in dry.output and _inferred(session) == 0
    result = CliRunner().invoke(api.cli.app, ["import", str(second)])
    assert result.exit_code == 0, result.output
    assert "inferred labels" in result.output
    of_second = select(RecommendationSource.recommendation_id).where(col(RecommendationSource.file_name) == second.name)
    of_first = select(RecommendationSource.recommendation_id).where(col(RecommendationSource.file_name) == first.name)
    inferred = (
        select(func.count())
        .select_from(RecommendationTheme)
        .where(col(RecommendationTheme.origin) == TagOrigin.inferred)
    )
    assert session.exec(inferred.where(col(RecommendationTheme.recommendation_id).in_(of_second))).one() > 0
    assert session.exec(inferred.where(col(RecommendationTheme.recommendation_id).in_(of_first))).one() == 0
