"""Tags for what the sources left untagged: the classifier's predictions stored beside the source's own
tags, with `origin: inferred`, the model's version and its confidence.

Per recommendation and per family (OHCHR themes, SDG goals, groups, action category), only a family
with NO source label is inferred: a DIHR record with SDG goals but no OHCHR theme still gets inferred
themes, or a theme filter would never find the DIHR-only reviews. A run first deletes every inferred
row (whichever model made it), so it replaces the previous run; all in the caller's transaction, in
batches with Core bulk inserts. Only labels above their thresholds (`Model.predict`) are stored.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, Table, bindparam, delete, func, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from api.classify.db_examples import examples_from_database, source_labels
from api.classify.examples import Example
from api.classify.model import Model, Params, train
from api.classify.store import current_model, save_model
from api.db import refresh_statistics
from api.recommendations.inferred import family_of_theme_code
from api.recommendations.models import (
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationTheme,
    TagOrigin,
)
from api.taxonomy.models import AffectedPerson, Theme

BATCH = 2_000
TAG_FAMILIES = ("themes", "sdgs", "groups", "action")
ANALYZED = ("recommendation", "recommendation_theme", "recommendation_affected_person")


@dataclass
class TagReport:
    model_version: str
    with_text: int = 0  # recommendations with text
    considered: int = 0  # of those, with at least one family lacking source labels
    tagged: Counter[str] = field(default_factory=Counter)  # recommendations given ≥ 1 inferred label, per family
    labels: Counter[str] = field(default_factory=Counter)  # inferred rows per family
    with_theme: int = 0  # recommendations with text and a theme (source or inferred, SDG goals included)

    @property
    def theme_share(self) -> float:
        return self.with_theme / self.with_text if self.with_text else 0.0


def clear_inferred(session: Session, only: Select[Any] | None = None) -> None:
    """Delete every inferred tag, whichever model made it (of the recommendations `only` selects)."""
    themes = col(RecommendationTheme.origin) == TagOrigin.inferred
    groups = col(RecommendationAffectedPerson.origin) == TagOrigin.inferred
    actions = col(Recommendation.action_category_origin) == TagOrigin.inferred
    if only is not None:
        themes &= col(RecommendationTheme.recommendation_id).in_(only)
        groups &= col(RecommendationAffectedPerson.recommendation_id).in_(only)
        actions &= col(Recommendation.id).in_(only)
    session.execute(delete(RecommendationTheme).where(themes))
    session.execute(delete(RecommendationAffectedPerson).where(groups))
    session.execute(
        update(Recommendation)
        .where(actions)
        .values(
            action_category=None,
            action_category_origin=None,
            action_category_confidence=None,
            action_category_model_version=None,
        )
    )


def tag(session: Session, model: Model, *, only_missing: bool = True, only: Select[Any] | None = None) -> TagReport:
    """Replace the inferred tags with `model`'s predictions (flush, no commit). `only_missing=False`
    infers every family, leaving out only labels a source already gave; `only` (a query of
    recommendation ids, e.g. one import's) limits the run to those recommendations."""
    session.flush()
    clear_inferred(session, only)
    report = TagReport(model.version)
    theme_ids: dict[str, int] = {
        code: tid for tid, code in session.exec(select(Theme.id, Theme.code)) if code is not None and tid is not None
    }
    group_ids: dict[str, int] = {
        code: pid
        for pid, code in session.exec(select(AffectedPerson.id, AffectedPerson.code))
        if code is not None and pid is not None
    }
    labels = source_labels(session, only)
    texts = sa_select(col(Recommendation.id), col(Recommendation.text), col(Recommendation.action_category)).where(
        col(Recommendation.text) != ""
    )
    if only is not None:
        texts = texts.where(col(Recommendation.id).in_(only))
    rows = session.execute(texts.order_by(col(Recommendation.id))).all()
    report.with_text = len(rows)
    wanted: list[tuple[int, str, set[str]]] = []
    for rid, text, action in rows:
        own = labels.get(rid, {})
        missing = {f for f in ("themes", "sdgs", "groups") if only_missing is False or not own.get(f)}
        if action is None:
            missing.add("action")
        if missing:
            wanted.append((rid, text, missing))
    report.considered = len(wanted)
    for start in range(0, len(wanted), BATCH):
        batch = wanted[start : start + BATCH]
        predictions = model.predict([text for _, text, _ in batch])
        themes: list[dict] = []
        groups: list[dict] = []
        actions: list[dict] = []
        for (rid, _, missing), prediction in zip(batch, predictions, strict=True):
            own = labels.get(rid, {})
            given: Counter[str] = Counter()
            for code, confidence in prediction.themes:
                family = family_of_theme_code(code)
                if family in missing and code not in own.get(family, ()) and code in theme_ids:
                    themes.append(_link(rid, confidence, model.version, theme_id=theme_ids[code]))
                    given[family] += 1
            if "groups" in missing:
                for code, confidence in prediction.groups:
                    if code not in own.get("groups", ()) and code in group_ids:
                        groups.append(_link(rid, confidence, model.version, affected_person_id=group_ids[code]))
                        given["groups"] += 1
            if "action" in missing and prediction.action_category is not None:
                category, confidence = prediction.action_category
                actions.append({"rid": rid, "category": category, "confidence": confidence})
                given["action"] += 1
            report.labels.update(given)
            report.tagged.update(given.keys())
        if themes:
            session.execute(insert(RecommendationTheme), themes)
        if groups:
            session.execute(insert(RecommendationAffectedPerson), groups)
        if actions:
            _set_actions(session, actions, model.version)
    report.with_theme = _with_theme(session)
    if sum(report.labels.values()) >= 1_000:
        refresh_statistics(session, ANALYZED)
    return report


def _link(rid: int, confidence: float, version: str, **target: int) -> dict:
    return {
        "recommendation_id": rid,
        "origin": TagOrigin.inferred,
        "confidence": confidence,
        "model_version": version,
        "source_label": None,
        **target,
    }


def _set_actions(session: Session, actions: list[dict], version: str) -> None:
    """One parametrised UPDATE, executed for the whole batch (executemany)."""
    table = _table(Recommendation)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("rid"))
        .values(
            action_category=bindparam("category"),
            action_category_origin=TagOrigin.inferred.value,
            action_category_confidence=bindparam("confidence"),
            action_category_model_version=version,
        )
    )
    session.connection().execute(stmt, actions)


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _with_theme(session: Session) -> int:
    links = _table(RecommendationTheme)
    recommendations = _table(Recommendation)
    tagged = sa_select(links.c.recommendation_id).distinct().subquery()
    return session.execute(
        sa_select(func.count())
        .select_from(recommendations)
        .join(tagged, tagged.c.recommendation_id == recommendations.c.id)
        .where(recommendations.c.text != "")
    ).scalar_one()


class NoModel(LookupError):
    """No usable model is stored (none saved, or saved under other library versions)."""


def labelled_examples(session: Session) -> list[Example]:
    """The database's source-tagged recommendations, to train on (none: `NoModel`)."""
    examples = examples_from_database(session)
    if not examples:
        raise NoModel("no labelled recommendation in the database: import some first")
    return examples


def retag(
    session: Session,
    *,
    retrain: bool = True,
    seed: int = 0,
    params: Params | None = None,
    trained: tuple[Model, int] | None = None,
) -> TagReport:
    """What `upr classify tag` does: train on the database's source-tagged recommendations (or take
    `trained`, a model trained already) and store the model, or take the current one; then replace every
    inferred tag (flush, no commit)."""
    if retrain or trained is not None:
        if trained is None:
            examples = labelled_examples(session)
            trained = train(examples, seed, params), len(examples)
        model, trained_on = trained
        save_model(session, model, trained_on=trained_on)
    else:
        found = current_model(session)
        if found is None:
            raise NoModel("no usable model stored: run `upr classify tag --retrain`")
        model = found
    return tag(session, model)
