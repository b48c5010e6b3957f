"""How checked records become rows: matched to the recommendations the database already holds,
merged into them, their links and positions added.

The recommendations of each review a chunk touches (and any holding one of its text keys) are
fetched once, with their links, in a handful of queries, so a re-import costs about as much as a
first import. Every write is set-based (`stored`): a chunk's new recommendations go in with one
multi-row INSERT … RETURNING, its changes to stored ones with one UPDATE per set of changed columns,
its links and positions with one executemany INSERT per table; no ORM object is built per row. Nothing
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

from sqlalchemy import insert
from sqlmodel import Session, SQLModel

from api.core.types import utcnow
from api.cycle.models import Review
from api.imports.identity import Identities, Known, paragraph_key
from api.imports.lookups import Lookups
from api.imports.records import ImportFormat, ImportRecord, ImportReport
from api.imports.stored import (
    RECOMMENDATION,
    Stored,
    batches,
    insert_recommendations,
    load_history,
    load_links,
    load_recommendations,
    load_source_texts,
    source_upsert,
    stored_pledge_keys,
    table_of,
    update_changed,
)
from api.recommendations.inferred import drop_inferred, family_of_theme_code
from api.recommendations.models import (
    Position,
    PositionDateOrigin,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    TagOrigin,
    VoluntaryPledge,
)
from api.recommendations.policy import becomes_current
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


def stored(known: Known) -> Stored:
    """The writer's view of a known recommendation's columns (`identity` only reads their text)."""
    row = known.row
    assert isinstance(row, Stored), "the writer keeps a Stored for every record it knows"
    return row


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
        # A chunk's link, position and source rows, with the record they belong to: a new one has its id
        # only once the chunk's recommendations are inserted.
        self.pending: dict[type[SQLModel], list[tuple[Known, dict[str, Any]]]] = {}
        self.sources: list[tuple[Known, dict[str, Any]]] = []
        self.identities = Identities()
        self.loaded: set[int] = set()  # reviews whose recommendations are all known
        self.seen: set[int] = set()  # ids of the recommendations known
        self.keys: set[str] = set()  # external keys known to be taken
        self.new: list[Known] = []  # the chunk's new recommendations, until inserted
        self.touched: dict[int, Known] = {}  # stored recommendations the chunk may have changed, by id
        self.pledge_keys: set[str] = set()  # voluntary pledges stored or written in this run
        self.sourced_families: dict[str, set[int]] = {}  # a source now labels them: their guesses go

    def write(self, ready: list[Ready]) -> None:
        """One chunk's records, written."""
        recommendations = [item for item in ready if not item.record.is_pledge]
        self._prefetch(recommendations)
        # Every row of the chunk is matched before any is applied: a row's sources must not steer the
        # matching of a later row of the same chunk (`identity._prefer` reads them).
        matched = [self._match(item) for item in recommendations]
        for item, known in zip(recommendations, matched, strict=True):
            self._recommendation(item, known)
        self.session.flush()  # what the lookups added (themes, groups, synonyms): the links refer to them
        self._insert_new()
        update_changed(self.session, ((rec_id, stored(known)) for rec_id, known in self.touched.items()))
        self.touched.clear()
        self._pledges([item for item in ready if item.record.is_pledge])
        for family, ids in self.sourced_families.items():  # before the inserts: a guess may hold the same link
            drop_inferred(self.session, family, ids)
        self.sourced_families.clear()
        for model, rows in self.pending.items():
            self.session.execute(insert(table_of(model)), [{"recommendation_id": k.id, **v} for k, v in rows])
        self.pending.clear()
        if self.sources:
            sources = [{"recommendation_id": k.id, **v} for k, v in self.sources]
            self.session.execute(source_upsert(self.session), sources)
            self.sources.clear()

    def _later(self, model: type[SQLModel], known: Known, **values: Any) -> None:
        """Link and position rows go in with one multi-row INSERT per chunk, not one object each."""
        self.pending.setdefault(model, []).append((known, values))

    def _change(self, known: Known, column: str, value: Any) -> None:
        """A column of the record changes: a stored one is updated with the chunk, a new one is inserted
        with its final values."""
        stored(known).change(column, value)
        if known.id is not None:
            self.touched[known.id] = known

    def _cycle(self, review: Review) -> int:
        return self.lookups.upr_session(review.session_number).cycle_number

    def _match(self, item: Ready) -> Known:
        """The record this row is (`identity`), or a new one queued for `_insert_new`."""
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
                row=Stored(
                    text=record.text,
                    external_key=key,
                    review_id=review.id,
                    paragraph=record.paragraph,
                    action_category=record.action_category,
                    action_category_origin=TagOrigin.source if record.action_category is not None else None,
                    source_document=record.source_document,
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

    def _insert_new(self) -> None:
        """The chunk's new recommendations, with the values their rows gave them, in one statement."""
        if not self.new:
            return
        ids = insert_recommendations(self.session, [stored(known) for known in self.new], utcnow())
        for known, rec_id in zip(self.new, ids, strict=True):
            known.id = rec_id
            self.seen.add(rec_id)
        self.new.clear()

    def _prefetch(self, ready: list[Ready]) -> None:
        """Every recommendation of the chunk's reviews not loaded yet, and any other holding one of its
        text keys (a review of the same state in the same cycle), with their links and history."""
        reviews: dict[int, Review] = {}
        for item in ready:
            if item.review.id is not None and item.review.id not in self.loaded:
                reviews[item.review.id] = item.review
        keys = list({item.key for item in ready} - self.identities.by_text.keys())
        where = [RECOMMENDATION.c.review_id.in_(reviews)] if reviews else []
        where += [RECOMMENDATION.c.external_key.in_(batch) for batch in batches(keys)]
        found = load_recommendations(self.session, where) if where else []
        self.loaded.update(reviews)
        # In id order: the database returns them in any order (PostgreSQL's changes after updates), and
        # matching must not depend on it.
        rows = sorted((pair for pair in found if pair[0] not in self.seen), key=lambda pair: pair[0])
        if not rows:
            return
        ids = [rec_id for rec_id, _ in rows]
        self.seen.update(ids)
        states = load_links(self.session, RecommendingState, RecommendingState.state_code, ids)
        themes = load_links(self.session, RecommendationTheme, RecommendationTheme.theme_id, ids)
        persons = load_links(
            self.session, RecommendationAffectedPerson, RecommendationAffectedPerson.affected_person_id, ids
        )
        targets = load_links(self.session, RecommendationSdgTarget, RecommendationSdgTarget.sdg_target_code, ids)
        texts = load_source_texts(self.session, ids)
        history = load_history(self.session, ids)
        for rec_id, r in rows:
            self.keys.add(r.external_key)
            keys_of = {r.external_key}
            if (review := reviews.get(r.review_id)) is not None:  # its text keys, derived as the pipeline does
                cycle = self._cycle(review)
                keys_of |= {derive_external_key(review.state_code, cycle, t) for t in (r.text, *texts[rec_id])}
            past = history[rec_id]
            self.identities.add(
                Known(
                    id=rec_id,
                    row=r,
                    review_id=r.review_id,
                    paragraph=paragraph_key(r.paragraph),
                    sources=list(r.sources or []),
                    states=states[rec_id],
                    themes=themes[rec_id],
                    persons=persons[rec_id],
                    targets=targets[rec_id],
                    position=r.current_position.value if r.current_position else None,
                    position_date=past[-1][1] if past else None,  # the latest date: undated ones come first
                    history=set(past),
                    keys=keys_of,
                    named=set(states[rec_id]),
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
                (
                    known,
                    {
                        "publisher": self.fmt,
                        "file_name": self.source.name,
                        "line": record.line,
                        "paragraph": record.paragraph,
                        "import_job_id": self.source.import_job_id,
                        "imported_at": self.imported_at,
                        "text": record.text if record.text != known.row.text else None,
                        "note": record.note,
                    },
                )
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
            self._change(known, "sources", list(known.sources))

    def _fill(self, record: ImportRecord, known: Known, merging: bool) -> bool:
        """Scalars: the record's own source overwrites them, another source only fills gaps; the
        paragraph is identity, so it only ever fills a gap."""
        row = stored(known)
        changed = False
        guessed = row.action_category_origin == TagOrigin.inferred  # a source beats a guess
        for attribute in ("paragraph", "action_category", "source_document"):
            value = getattr(record, attribute)
            own = not merging and attribute != "paragraph"
            gap = getattr(row, attribute) is None or (attribute == "action_category" and guessed)
            if value is not None and (getattr(row, attribute) != value or gap) and (own or gap):
                self._change(known, attribute, value)
                changed = True
        if record.action_category is not None and row.action_category_origin != TagOrigin.source:
            self._change(known, "action_category_origin", TagOrigin.source)
            self._change(known, "action_category_confidence", None)
            self._change(known, "action_category_model_version", None)
        if changed:
            self._change(known, "updated_at", utcnow())
        return changed

    def _links(self, record: ImportRecord, known: Known) -> bool:
        added = False
        for code in record.recommending_states:
            if code not in known.states:
                known.states.add(code)
                self._later(RecommendingState, known, state_code=code)
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
                self._later(RecommendationTheme, known, theme_id=theme_id, source_label=theme.label[:300])
                added = True
        for name in record.affected_persons:
            person_id = self.lookups.person(name)
            if person_id not in known.persons:
                known.persons.add(person_id)
                self._later(RecommendationAffectedPerson, known, affected_person_id=person_id)
                added = True
        for code in record.sdg_targets:
            if code not in self.lookups.sdg_targets:
                continue  # not one of the 169 targets: a reader's repair could not place it
            if code not in known.targets:
                known.targets.add(code)
                self._later(RecommendationSdgTarget, known, sdg_target_code=code)
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
            known,
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
            self._change(known, "current_position", record.position)
        return True

    def _pledges(self, items: list[Ready]) -> None:
        """Voluntary pledges the run has not stored yet, in one statement (one query finds the stored)."""
        if not items:
            return
        keys = ["pledge:" + item.key for item in items]
        self.pledge_keys |= stored_pledge_keys(self.session, [k for k in set(keys) if k not in self.pledge_keys])
        rows = []
        for item, key in zip(items, keys, strict=True):
            self.report.pledges += 1
            if key in self.pledge_keys:
                self.report.unchanged += 1
                continue
            self.pledge_keys.add(key)
            assert item.review.id is not None, "a stored review has an id"
            rows.append(
                {
                    "review_id": item.review.id,
                    "text": item.record.text,
                    "action_category": item.record.action_category,
                    "themes": [t.label for t in item.record.themes] or None,
                    "external_key": key,
                    "created_at": utcnow(),
                }
            )
        if rows:
            self.session.execute(insert(table_of(VoluntaryPledge)), rows)
