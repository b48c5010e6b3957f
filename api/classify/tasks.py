"""Tagging after an import: what its file left untagged is tagged with the current model (`upr classify
tag` retrains and re-tags everything; this keeps new records from waiting for it).

An upload's import defers `classify:tag_import` in its own transaction
(`api.imports.tasks.register_follow_up`), under the imports' lock, so it never races the next import
over the same rows; `upr import` tags its file before it commits. Without a stored model, nothing is
tagged: `upr classify tag` makes the first one.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import procrastinate
from sqlalchemy import Select, select
from sqlmodel import Session, col

from api.classify.store import current_model
from api.classify.tagging import tag
from api.db import engine_for
from api.imports.tasks import register_follow_up
from api.recommendations.models import RecommendationSource
from api.request_context import writing
from api.settings import get_settings

log = logging.getLogger("api.classify")
blueprint = procrastinate.Blueprint()
TAG_IMPORT = "classify:tag_import"
RETRY = procrastinate.RetryStrategy(max_attempts=4, exponential_wait=2)


@contextmanager
def _session() -> Iterator[Session]:
    with writing(), Session(engine_for(get_settings().database_url), expire_on_commit=False) as session:
        yield session


def tag_imported(session: Session, imported: Select[Any], what: str) -> int | None:
    """Tag the recommendations `imported` selects with the current model (flush, no commit); the number
    of inferred labels, or None without a model."""
    model = current_model(session)
    if model is None:
        log.info("%s: no classifier stored, nothing tagged (run `upr classify tag`)", what)
        return None
    report = tag(session, model, only=imported)
    labels = sum(report.labels.values())
    log.info("%s: %s inferred labels on %s recommendations", what, labels, report.considered)
    return labels


def tag_import(session: Session, import_id: int) -> int | None:
    """`tag_imported` for the records import job `import_id` brought."""
    imported = select(col(RecommendationSource.recommendation_id)).where(
        col(RecommendationSource.import_job_id) == import_id
    )
    return tag_imported(session, imported, f"import {import_id}")


def tag_file(session: Session, file_name: str) -> int | None:
    """`tag_imported` for the records a command-line import of `file_name` brought (no import job)."""
    imported = select(col(RecommendationSource.recommendation_id)).where(
        col(RecommendationSource.file_name) == file_name[:255], col(RecommendationSource.import_job_id).is_(None)
    )
    return tag_imported(session, imported, file_name)


@blueprint.task(name="tag_import", retry=RETRY)
def run(import_id: int) -> None:
    with _session() as session:
        tag_import(session, import_id)
        session.commit()


register_follow_up(TAG_IMPORT)
