"""How checked records become rows: matched to the recommendations the database already holds,
merged into them, their links and positions added.

A chunk's existing recommendations and their links are fetched in a handful of queries, so a
re-import costs about as much as a first import; link and position rows go in with one multi-row
INSERT per table and chunk. Nothing here commits.

Matching: a recommendation's external key is its state under review, cycle and normalised text
(`derive_external_key`). Rows with the same key are one recommendation: the rows of a joint
recommendation (one per recommending state in UPR Info and DIHR) add their states to it, and the
same recommendation read from a second publisher is *merged*: each source adds what it knows
(DIHR: SDG targets, paragraph, report symbol). Links are only ever added, never removed, so
importing a less detailed source cannot erase what a richer one brought.

Positions are checked as the API checks them (`api.recommendations.policy`) before they get here,
and become current by the same rule (`becomes_current`).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Table, insert, inspect
from sqlmodel import Session, SQLModel, col, select

from api.core.types import utcnow
from api.cycle.models import Review
from api.imports.lookups import Lookups
from api.imports.records import ImportFormat, ImportRecord, ImportReport
from api.recommendations.models import (
    Position,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    VoluntaryPledge,
)
from api.recommendations.policy import becomes_current


class Ready(NamedTuple):
    """A record that passed every check, with its review, its external key and its position's date."""

    record: ImportRecord
    review: Review
    key: str
    position_date: date | None


@dataclass
class _Known:
    """What the run knows of one recommendation, so later rows only add what is new."""

    id: int
    row: Recommendation  # held here: the session's identity map keeps only weak references
    sources: list[str]
    states: set[str]
    themes: set[int]
    persons: set[int]
    targets: set[str]
    position: str | None
    position_date: date | None = None
    history: set[tuple[str, date, str | None]] = field(default_factory=set)  # (position, date, source) recorded
    created: bool = False
    counted: bool = False


def _table(model: type[SQLModel]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table), "a table model maps one table"
    return table


class RecordWriter:
    def __init__(self, session: Session, fmt: ImportFormat, lookups: Lookups, report: ImportReport):
        self.session, self.fmt, self.lookups, self.report = session, fmt, lookups, report
        self.pending: dict[type[SQLModel], list[dict[str, Any]]] = {}  # link and position rows of a chunk
        self.known: dict[str, _Known] = {}

    def write(self, ready: list[Ready]) -> None:
        """One chunk's records, flushed."""
        self._prefetch([item.key for item in ready if not item.record.is_pledge])
        self._create_new(ready)
        for item in ready:
            if item.record.is_pledge:
                self._pledge(item)
            else:
                self._recommendation(item)
        self.session.flush()
        for model, rows in self.pending.items():
            self.session.execute(insert(_table(model)), rows)  # Core, not the ORM's slower bulk path
        self.pending.clear()

    def _later(self, model: type[SQLModel], **values: Any) -> None:
        """Link and position rows go in with one multi-row INSERT per chunk, not one object each."""
        self.pending.setdefault(model, []).append(values)

    def _create_new(self, ready: list[Ready]) -> None:
        """Insert the chunk's new recommendations in one flush (ids are needed for their links)."""
        new: dict[str, Recommendation] = {}
        for record, review, key, _ in ready:
            if not record.is_pledge and key not in self.known and key not in new:
                assert review.id is not None, "a stored review has an id"
                new[key] = Recommendation(
                    review_id=review.id,
                    paragraph=record.paragraph,
                    text=record.text,
                    action_category=record.action_category,
                    source_document=record.source_document,
                    external_key=key,
                    sources=[self.fmt.value],
                )
        if not new:
            return
        self.session.add_all(new.values())
        self.session.flush()
        for key, row in new.items():
            assert row.id is not None, "a flushed recommendation has an id"
            self.known[key] = _Known(
                id=row.id,
                row=row,
                sources=[self.fmt.value],
                states=set(),
                themes=set(),
                persons=set(),
                targets=set(),
                position=None,
                created=True,
            )

    def _prefetch(self, keys: list[str]) -> None:
        missing = [k for k in dict.fromkeys(keys) if k not in self.known]
        if not missing:
            return
        rows = list(self.session.exec(select(Recommendation).where(col(Recommendation.external_key).in_(missing))))
        if not rows:
            return
        ids = [r.id for r in rows if r.id is not None]

        def linked(model: Any, column: Any) -> dict[int, set[Any]]:
            out: dict[int, set[Any]] = {i: set() for i in ids}
            for rec_id, value in self.session.exec(
                select(model.recommendation_id, column).where(col(model.recommendation_id).in_(ids))
            ):
                out[rec_id].add(value)
            return out

        states = linked(RecommendingState, RecommendingState.state_code)
        themes = linked(RecommendationTheme, RecommendationTheme.theme_id)
        persons = linked(RecommendationAffectedPerson, RecommendationAffectedPerson.affected_person_id)
        targets = linked(RecommendationSdgTarget, RecommendationSdgTarget.sdg_target_code)
        history: dict[int, list[Position]] = {i: [] for i in ids}
        for position in self.session.exec(
            select(Position)
            .where(col(Position.recommendation_id).in_(ids))
            .order_by(col(Position.date), col(Position.id))
        ):
            history[position.recommendation_id].append(position)
        for r in rows:
            assert r.id is not None and r.external_key is not None, "an imported recommendation has a key"
            past = history[r.id]
            self.known[r.external_key] = _Known(
                id=r.id,
                row=r,
                sources=list(r.sources or []),
                states=states[r.id],
                themes=themes[r.id],
                persons=persons[r.id],
                targets=targets[r.id],
                position=r.current_position.value if r.current_position else None,
                position_date=past[-1].date if past else None,
                history={(p.position.value, p.date, p.source_document) for p in past},
            )

    def _recommendation(self, item: Ready) -> None:
        record, known = item.record, self.known[item.key]
        created = known.created and not known.counted
        merging = bool(known.sources) and self.fmt.value not in known.sources
        changed = False if known.created else self._fill(record, known, merging)
        changed |= self._links(record, known)
        changed |= self._position(record, known, item.position_date)
        if not known.counted:  # the first row of this recommendation in this run decides its count
            known.counted = True
            if created:
                self.report.inserted += 1
            elif merging:
                self.report.merged += 1
            elif changed:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
        if self.fmt.value not in known.sources:
            known.sources.append(self.fmt.value)
            known.row.sources = list(known.sources)

    def _fill(self, record: ImportRecord, known: _Known, merging: bool) -> bool:
        """Scalars: the record's own source overwrites them; another source only fills gaps."""
        row = known.row
        own = not merging
        changed = False
        for attribute in ("paragraph", "action_category", "source_document"):
            value = getattr(record, attribute)
            if value is not None and getattr(row, attribute) != value and (own or getattr(row, attribute) is None):
                setattr(row, attribute, value)
                changed = True
        if changed:
            row.updated_at = utcnow()
        return changed

    def _links(self, record: ImportRecord, known: _Known) -> bool:
        added = False
        for code in record.recommending_states:
            if code not in known.states:
                known.states.add(code)
                self._later(RecommendingState, recommendation_id=known.id, state_code=code)
                added = True
        for theme in record.themes:
            theme_id = self.lookups.theme(theme.label, theme.code)
            if theme_id not in known.themes:
                known.themes.add(theme_id)
                self._later(
                    RecommendationTheme, recommendation_id=known.id, theme_id=theme_id, source_label=theme.label[:300]
                )
                added = True
        for name in record.affected_persons:
            person_id = self.lookups.person(name)
            if person_id not in known.persons:
                known.persons.add(person_id)
                self._later(RecommendationAffectedPerson, recommendation_id=known.id, affected_person_id=person_id)
                added = True
        for code in record.sdg_targets:
            if code not in self.lookups.sdg_targets:
                continue  # not one of the 169 targets: a reader's repair could not place it
            if code not in known.targets:
                known.targets.add(code)
                self._later(RecommendationSdgTarget, recommendation_id=known.id, sdg_target_code=code)
                added = True
        return added

    def _position(self, record: ImportRecord, known: _Known, when: date | None) -> bool:
        """A position that differs from the current one is appended to the history with its source
        (once: the same position, date and source is never recorded twice)."""
        if record.position is None or when is None or record.position.value == known.position:
            return False
        source = record.position_source or record.source_document
        if (record.position.value, when, source) in known.history:
            return False
        known.history.add((record.position.value, when, source))
        self._later(
            Position,
            recommendation_id=known.id,
            position=record.position,
            date=when,
            source_document=source,
            source_paragraph=record.position_paragraph,
            explanation=f"Imported from {self.fmt.value} ({record.position_label})" if record.position_label else None,
            recorded_at=utcnow(),
        )
        if becomes_current(when, known.position_date):
            known.position, known.position_date = record.position.value, when
            known.row.current_position = record.position
        return True

    def _pledge(self, item: Ready) -> None:
        key = "pledge:" + item.key
        if self.session.exec(select(VoluntaryPledge.id).where(col(VoluntaryPledge.external_key) == key)).first():
            self.report.unchanged += 1
        else:
            assert item.review.id is not None, "a stored review has an id"
            self.session.add(
                VoluntaryPledge(
                    review_id=item.review.id,
                    text=item.record.text,
                    action_category=item.record.action_category,
                    themes=[t.label for t in item.record.themes] or None,
                    external_key=key,
                )
            )
        self.report.pledges += 1
