"""How checked records become rows: matched to the recommendations the database already holds,
merged into them, their links and positions added.

The recommendations of each review a chunk touches (and any holding one of its text keys) are
fetched once, with their links, in a handful of queries, so a re-import costs about as much as a
first import; link and position rows go in with one multi-row INSERT per table and chunk. Nothing
here commits.

Matching is `identity`: a paragraph number is identity (review, paragraph and a recommending state),
the text key (`derive_external_key`) the fallback when a source gives no paragraph. The rows of a
joint recommendation (one per recommending state in UPR Info and DIHR) add their states to it, and the
same recommendation read from a second publisher is *merged*: each source adds what it knows (DIHR:
SDG targets, paragraph, report symbol). Links are only ever added, never removed, so importing a less
detailed source cannot erase what a richer one brought; a paragraph, once known, never changes.

Positions are checked as the API checks them (`api.recommendations.policy`) before they get here,
and become current by the same rule (`becomes_current`; an undated one is the oldest).

Sources: each recommendation a file brings gets one `RecommendationSource` row for that file
(publisher and file name, its text when it differs from the record's, which keeps its first, and the
file's note), inserted with the chunk's links in one statement that, on a re-import of the file,
refreshes the existing row instead of adding another.
"""

from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Table, insert, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Executable
from sqlmodel import Session, SQLModel, col, select

from api.core.types import utcnow
from api.cycle.models import Review
from api.imports.identity import Identities, Known, paragraph_key
from api.imports.lookups import Lookups
from api.imports.records import ImportFormat, ImportRecord, ImportReport
from api.recommendations.inferred import drop_inferred, family_of_theme_code
from api.recommendations.models import (
    Position,
    PositionDateOrigin,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationSource,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
    VoluntaryPledge,
)
from api.recommendations.policy import becomes_current, history_order
from api.recommendations.service import derive_external_key


class Ready(NamedTuple):
    """A record that passed every check, with its review, its external key and its position's date
    (None when unknown) and that date's origin."""

    record: ImportRecord
    review: Review
    key: str
    position_date: date | None
    date_origin: PositionDateOrigin | None = None


class SourceFile(NamedTuple):
    """The file an import reads, as its recommendations' sources name it."""

    name: str
    import_job_id: int | None = None


def _id_of(row: Recommendation) -> int:
    return row.id or 0


def _table(model: type[SQLModel]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table), "a table model maps one table"
    return table


IN_BATCH = 5_000  # ids per IN (...) list: well under every database's bound on parameters


def _batches(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + IN_BATCH] for i in range(0, len(values), IN_BATCH)]


def _source_upsert(session: Session) -> Executable:
    """INSERT of source rows that refreshes the row a previous import of the same file wrote."""
    dialect = session.get_bind().dialect.name
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(_table(RecommendationSource))
    refreshed = ("line", "paragraph", "import_job_id", "imported_at", "text", "note")
    return stmt.on_conflict_do_update(
        index_elements=["recommendation_id", "publisher", "file_name"],
        set_={name: stmt.excluded[name] for name in refreshed},
    )


class RecordWriter:
    def __init__(
        self,
        session: Session,
        fmt: ImportFormat,
        lookups: Lookups,
        report: ImportReport,
        source: SourceFile = SourceFile("import"),
    ):
        self.session, self.fmt, self.lookups, self.report = session, fmt, lookups, report
        self.source = source
        self.imported_at = utcnow()  # one time for the whole file
        self.pending: dict[type[SQLModel], list[dict[str, Any]]] = {}  # link and position rows of a chunk
        self.sources: list[dict[str, Any]] = []  # source rows of a chunk
        self.identities = Identities()
        self.loaded: set[int] = set()  # reviews whose recommendations are all known
        self.seen: set[int] = set()  # ids of the recommendations known
        self.keys: set[str] = set()  # external keys known to be taken
        self.new: list[Known] = []  # the chunk's new recommendations, until flushed
        self.sourced_families: dict[str, set[int]] = {}  # a source now labels them: their guesses go

    def write(self, ready: list[Ready]) -> None:
        """One chunk's records, flushed."""
        recommendations = [item for item in ready if not item.record.is_pledge]
        self._prefetch(recommendations)
        matched = [self._match(item) for item in recommendations]
        self._create_new()
        for item, known in zip(recommendations, matched, strict=True):
            self._recommendation(item, known)
        for item in ready:
            if item.record.is_pledge:
                self._pledge(item)
        self.session.flush()
        for family, ids in self.sourced_families.items():  # before the inserts: a guess may hold the same link
            drop_inferred(self.session, family, ids)
        self.sourced_families.clear()
        for model, rows in self.pending.items():
            self.session.execute(insert(_table(model)), rows)  # Core, not the ORM's slower bulk path
        self.pending.clear()
        if self.sources:
            self.session.execute(_source_upsert(self.session), self.sources)
            self.sources.clear()

    def _later(self, model: type[SQLModel], **values: Any) -> None:
        """Link and position rows go in with one multi-row INSERT per chunk, not one object each."""
        self.pending.setdefault(model, []).append(values)

    def _cycle(self, review: Review) -> int:
        return self.lookups.upr_session(review.session_number).cycle_number

    def _match(self, item: Ready) -> Known:
        """The record this row is (`identity`), or a new one queued for `_create_new`."""
        record, review = item.record, item.review
        assert review.id is not None, "a stored review has an id"
        paragraph = paragraph_key(record.paragraph)
        states = record.recommending_states
        known = self.identities.find(review.id, item.key, paragraph, states, record.text, self.fmt.value)
        if known is None:
            key = item.key
            if key in self.keys:  # another paragraph's record has these words
                key = derive_external_key(review.state_code, self._cycle(review), record.text, paragraph)
            self.keys.add(key)
            known = Known(
                id=None,
                row=Recommendation(
                    review_id=review.id,
                    paragraph=record.paragraph,
                    text=record.text,
                    action_category=record.action_category,
                    action_category_origin=TagOrigin.source if record.action_category is not None else None,
                    source_document=record.source_document,
                    external_key=key,
                    sources=[self.fmt.value],
                ),
                review_id=review.id,
                paragraph=paragraph,
                sources=[self.fmt.value],
                states=set(),
                themes=set(),
                persons=set(),
                targets=set(),
                position=None,
                keys={item.key},
                created=True,
            )
            self.identities.add(known)
            self.new.append(known)
        self.identities.claim(known, item.key, paragraph, states)
        return known

    def _create_new(self) -> None:
        """Insert the chunk's new recommendations in one flush (ids are needed for their links)."""
        if not self.new:
            return
        self.session.add_all(known.row for known in self.new)
        self.session.flush()
        for known in self.new:
            assert known.row.id is not None, "a flushed recommendation has an id"
            known.id = known.row.id
            self.seen.add(known.id)
        self.new.clear()

    def _prefetch(self, ready: list[Ready]) -> None:
        """Every recommendation of the chunk's reviews not loaded yet, and any other holding one of its
        text keys (a review of the same state in the same cycle), with their links and history."""
        reviews: dict[int, Review] = {}
        for item in ready:
            if item.review.id is not None and item.review.id not in self.loaded:
                reviews[item.review.id] = item.review
        keys = list({item.key for item in ready} - self.identities.by_text.keys())
        rows: list[Recommendation] = []
        if reviews:
            rows += self.session.exec(select(Recommendation).where(col(Recommendation.review_id).in_(reviews)))
        for batch in _batches(keys):
            rows += self.session.exec(select(Recommendation).where(col(Recommendation.external_key).in_(batch)))
        self.loaded.update(reviews)
        # In id order: the database returns them in any order (PostgreSQL's changes after updates), and
        # matching must not depend on it.
        rows = sorted({r.id: r for r in rows if r.id is not None and r.id not in self.seen}.values(), key=_id_of)
        if not rows:
            return
        ids = [r.id for r in rows if r.id is not None]
        self.seen.update(ids)

        def linked(model: Any, column: Any) -> dict[int, set[Any]]:
            """The source's links (a guess is not a link the file would repeat: `sourced_families`)."""
            out: dict[int, set[Any]] = {i: set() for i in ids}
            for batch in _batches(ids):
                stmt = select(model.recommendation_id, column).where(col(model.recommendation_id).in_(batch))
                if hasattr(model, "origin"):
                    stmt = stmt.where(model.origin == TagOrigin.source)
                for rec_id, value in self.session.exec(stmt):
                    out[rec_id].add(value)
            return out

        states = linked(RecommendingState, RecommendingState.state_code)
        themes = linked(RecommendationTheme, RecommendationTheme.theme_id)
        persons = linked(RecommendationAffectedPerson, RecommendationAffectedPerson.affected_person_id)
        targets = linked(RecommendationSdgTarget, RecommendationSdgTarget.sdg_target_code)
        texts: dict[int, list[str]] = {i: [] for i in ids}
        history: dict[int, list[Position]] = {i: [] for i in ids}
        for batch in _batches(ids):
            for rec_id, text in self.session.exec(
                select(RecommendationSource.recommendation_id, RecommendationSource.text).where(
                    col(RecommendationSource.recommendation_id).in_(batch), col(RecommendationSource.text).is_not(None)
                )
            ):
                if text is not None:
                    texts[rec_id].append(text)
            for position in self.session.exec(
                select(Position)
                .where(col(Position.recommendation_id).in_(batch))
                .order_by(*history_order(Position.date, Position.id))
            ):
                history[position.recommendation_id].append(position)
        for r in rows:
            assert r.id is not None and r.external_key is not None, "a stored recommendation has a key"
            self.keys.add(r.external_key)
            keys_of = {r.external_key}
            if (review := reviews.get(r.review_id)) is not None:  # its text keys, derived as the pipeline does
                cycle = self._cycle(review)
                keys_of |= {derive_external_key(review.state_code, cycle, t) for t in (r.text, *texts[r.id])}
            past = history[r.id]
            self.identities.add(
                Known(
                    id=r.id,
                    row=r,
                    review_id=r.review_id,
                    paragraph=paragraph_key(r.paragraph),
                    sources=list(r.sources or []),
                    states=states[r.id],
                    themes=themes[r.id],
                    persons=persons[r.id],
                    targets=targets[r.id],
                    position=r.current_position.value if r.current_position else None,
                    position_date=past[-1].date if past else None,  # the latest date: undated ones come first
                    history={(p.position.value, p.date, p.source_document) for p in past},
                    keys=keys_of,
                    named=set(states[r.id]),
                )
            )

    def _recommendation(self, item: Ready, known: Known) -> None:
        record = item.record
        created = known.created and not known.counted
        merging = bool(known.sources) and self.fmt.value not in known.sources
        changed = False if known.created else self._fill(record, known, merging)
        changed |= self._links(record, known)
        changed |= self._position(record, known, item.position_date, item.date_origin)
        if not known.sourced:
            known.sourced = True
            self.sources.append(
                {
                    "recommendation_id": known.id,
                    "publisher": self.fmt,
                    "file_name": self.source.name,
                    "line": record.line,
                    "paragraph": record.paragraph,
                    "import_job_id": self.source.import_job_id,
                    "imported_at": self.imported_at,
                    "text": record.text if record.text != known.row.text else None,
                    "note": record.note,
                }
            )
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

    def _fill(self, record: ImportRecord, known: Known, merging: bool) -> bool:
        """Scalars: the record's own source overwrites them, another source only fills gaps; the
        paragraph is identity, so it only ever fills a gap."""
        row = known.row
        changed = False
        guessed = row.action_category_origin == TagOrigin.inferred  # a source beats a guess
        for attribute in ("paragraph", "action_category", "source_document"):
            value = getattr(record, attribute)
            own = not merging and attribute != "paragraph"
            gap = getattr(row, attribute) is None or (attribute == "action_category" and guessed)
            if value is not None and (getattr(row, attribute) != value or gap) and (own or gap):
                setattr(row, attribute, value)
                changed = True
        if record.action_category is not None and row.action_category_origin != TagOrigin.source:
            row.action_category_origin = TagOrigin.source
            row.action_category_confidence = row.action_category_model_version = None
        if changed:
            row.updated_at = utcnow()
        return changed

    def _links(self, record: ImportRecord, known: Known) -> bool:
        added = False
        for code in record.recommending_states:
            if code not in known.states:
                known.states.add(code)
                self._later(RecommendingState, recommendation_id=known.id, state_code=code)
                added = True
        if not known.created and known.id is not None:
            for family in {family_of_theme_code(t.code) for t in record.themes} | (
                {"groups"} if record.affected_persons else set()
            ):
                self.sourced_families.setdefault(family, set()).add(known.id)
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

    def _position(
        self, record: ImportRecord, known: Known, when: date | None, origin: PositionDateOrigin | None
    ) -> bool:
        """A position that differs from the current one is appended to the history with its source
        (once: the same position, date and source is never recorded twice), dated or not."""
        if record.position is None or record.position.value == known.position:
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
            date_origin=origin if when is not None else None,
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
