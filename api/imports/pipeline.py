"""The one import pipeline every reader feeds: normalised records in, one transaction's writes out.

Records are written in chunks: each chunk's existing recommendations and their links are fetched
in a handful of queries, so a re-import costs about as much as a first import. The pipeline only
flushes; the caller commits (or rolls back for a dry run, a strict failure or an error), so a
file that fails midway leaves the database as it was.

Matching: a recommendation's external key is its state under review, cycle and normalised text
(`derive_external_key`). Rows with the same key are one recommendation: the rows of a joint
recommendation (one per recommending state in UPR Info and DIHR) add their states to it, and the
same recommendation read from a second publisher is *merged*: each source adds what it knows
(DIHR: SDG targets, paragraph, report symbol). Links are only ever added, never removed, so
importing a less detailed source cannot erase what a richer one brought.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session, select

from api.audit.models import AuditAction, AuditEntry
from api.cycle.calendar import CYCLES, cycle_of_session
from api.cycle.models import Cycle, Review, State, UprSession
from api.imports import detect, files
from api.imports.files import ImportLimits
from api.imports.records import ImportFormat, ImportRecord, ImportReport, Reject
from api.recommendations.models import (
    PARAGRAPH_PATTERN,
    Position,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationTheme,
    RecommendingState,
    VoluntaryPledge,
)
from api.recommendations.service import derive_external_key
from api.taxonomy.models import AffectedPerson, SdgTarget, Theme
from api.types import utcnow

CHUNK = 500


class StrictStop(Exception):
    """`--strict`: the first unreadable row ends the import (and the caller rolls back)."""

    def __init__(self, reject: Reject):
        super().__init__(f"line {reject.line}, column {reject.column or '-'}: {reject.reason}")
        self.reject = reject


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
    history: set[tuple] = field(default_factory=set)  # (position, date, source) already recorded
    created: bool = False
    counted: bool = False


@dataclass
class _Lookups:
    """Vocabulary and reviews resolved once per run."""

    states: set[str]
    sdg_targets: set[str]
    themes: dict[str, int] = field(default_factory=dict)
    persons: dict[str, int] = field(default_factory=dict)
    reviews: dict[tuple[str, int], Review] = field(default_factory=dict)
    sessions: dict[int, UprSession] = field(default_factory=dict)


class Pipeline:
    def __init__(self, session: Session, fmt: ImportFormat, *, default_state: str | None = None,
                 default_session: int | None = None, strict: bool = False, only_state: str | None = None):
        self.session = session
        self.source_name = "import"
        self.only_state = only_state  # a government imports for its own state only
        self.fmt = fmt
        self.default_state = default_state
        self.default_session = default_session
        self.strict = strict
        self.report = ImportReport(format=fmt)
        self.pending: dict[type, list[dict]] = {}  # link and position rows, inserted once per chunk
        self.known: dict[str, _Known] = {}
        self.lookups = _Lookups(states=set(session.exec(select(State.code))),
                                sdg_targets=set(session.exec(select(SdgTarget.code))))
        for theme in session.exec(select(Theme)):
            self.lookups.themes[theme.name.casefold()] = theme.id
            if theme.code:
                self.lookups.themes[theme.code.casefold()] = theme.id
        for person in session.exec(select(AffectedPerson)):
            self.lookups.persons[person.name.casefold()] = person.id

    # -- rejects -------------------------------------------------------------------------------
    def reject(self, line: int, column: str | None, reason: str) -> None:
        rejected = Reject(line, column, reason)
        self.report.rejected.append(rejected)
        if self.strict:
            raise StrictStop(rejected)

    # -- vocabulary ----------------------------------------------------------------------------
    def _theme(self, label: str, code: str | None) -> int:
        for key in filter(None, (code, label)):
            if (found := self.lookups.themes.get(key.casefold())) is not None:
                return found
        theme = Theme(name=label[:200], code=code)
        self.session.add(theme)
        self.session.flush()
        self.lookups.themes[label.casefold()] = theme.id
        if code:
            self.lookups.themes[code.casefold()] = theme.id
        return theme.id

    def _person(self, name: str) -> int:
        if (found := self.lookups.persons.get(name.casefold())) is not None:
            return found
        person = AffectedPerson(name=name[:200])
        self.session.add(person)
        self.session.flush()
        self.lookups.persons[name.casefold()] = person.id
        return person.id

    def _review(self, record: ImportRecord) -> Review | None:
        state = record.state_under_review or self.default_state
        number = record.session or self.default_session
        if not state:
            self.reject(record.line, "state under review", "The file does not say the state under review: "
                                                            "give --state.")
            return None
        if state not in self.lookups.states:
            self.reject(record.line, "state under review", f"Unknown state {state!r}.")
            return None
        if self.only_state and state != self.only_state:
            self.reject(record.line, "state under review", f"You may import recommendations to "
                                                            f"{self.only_state} only, not to {state}.")
            return None
        if number is None:
            self.reject(record.line, "session", "The file does not say the session: give --session.")
            return None
        if (state, number) in self.lookups.reviews:
            return self.lookups.reviews[(state, number)]
        review = self.session.exec(select(Review).where(Review.state_code == state,
                                                        Review.session_number == number)).first()
        if review is None:
            self._ensure_session(number, record.year)
            review = Review(state_code=state, session_number=number)
            self.session.add(review)
            self.session.flush()
        self.lookups.reviews[(state, number)] = review
        return review

    def _upr_session(self, number: int) -> UprSession:
        if number not in self.lookups.sessions:
            self.lookups.sessions[number] = self.session.get(UprSession, number)
        return self.lookups.sessions[number]

    def _ensure_session(self, number: int, year: int | None) -> None:
        if self.session.get(UprSession, number) is not None:
            return
        cycle = cycle_of_session(number)
        if self.session.get(Cycle, cycle) is None:
            start, end = CYCLES.get(cycle, (year or 2008, None))
            self.session.add(Cycle(number=cycle, start_year=start, end_year=end))
        first_year = CYCLES.get(cycle, (2008, None))[0]
        self.session.add(UprSession(number=number, cycle_number=cycle, year=year or first_year))
        self.session.flush()

    # -- records -------------------------------------------------------------------------------
    def run(self, items: Iterable[ImportRecord | Reject],
            progress: Callable[[int], None] | None = None) -> ImportReport:
        stream = iter(items)
        # One audit entry for the import (below), not one per row: a 40,000-row file would otherwise
        # write ~200,000 audit rows; each recommendation keeps its sources instead.
        self.session.info["audit_bulk"] = True
        try:
            while chunk := list(islice(stream, CHUNK)):
                self._chunk(chunk)
                if progress:
                    progress(self.report.rows)
            self.session.flush()
        finally:
            self.session.info.pop("audit_bulk", None)
        self._audit()
        return self.report

    def _audit(self) -> None:
        principal = self.session.info.get("principal")
        self.session.add(AuditEntry(
            actor_user_id=getattr(principal, "user_id", None),
            actor_service_token_id=getattr(principal, "service_token_id", None),
            organisation_id=getattr(principal, "organisation_id", None), entity="import",
            entity_id=self.source_name[:128], action=AuditAction.create, request_id=self.session.info.get("request_id"),
            changes={"format": self.fmt.value, "rows": self.report.rows, "inserted": self.report.inserted,
                     "updated": self.report.updated, "merged": self.report.merged,
                     "unchanged": self.report.unchanged, "pledges": self.report.pledges,
                     "rejected": self.report.rejected_count}))
        self.session.flush()

    def _chunk(self, chunk: list[ImportRecord | Reject]) -> None:
        ready: list[tuple[ImportRecord, Review, str]] = []
        for item in chunk:
            self.report.rows += 1
            if isinstance(item, Reject):
                self.reject(item.line, item.column, item.reason)
                continue
            review = self._review(item)
            if review is None:
                continue
            if item.paragraph is not None and not _is_paragraph(item.paragraph):
                self.reject(item.line, "paragraph", f"{item.paragraph!r} is not a paragraph number like 147.68.")
                continue
            if not item.text.strip():
                self.reject(item.line, "text", "The recommendation has no text.")
                continue
            if unknown := [s for s in item.recommending_states if s not in self.lookups.states]:
                self.reject(item.line, "recommending state", f"Unknown state(s): {', '.join(unknown)}.")
                continue
            cycle = self._upr_session(review.session_number).cycle_number
            ready.append((item, review, derive_external_key(review.state_code, cycle, item.text)))
        self._prefetch([key for record, _, key in ready if not record.is_pledge])
        self._create_new(ready)
        for record, review, key in ready:
            if record.is_pledge:
                self._pledge(record, review, key)
            else:
                self._recommendation(record, review, key)
        self.session.flush()
        for model, rows in self.pending.items():
            self.session.execute(insert(model.__table__), rows)
        self.pending.clear()

    def _later(self, model: type, **values) -> None:
        """Link and position rows go in with one multi-row INSERT per chunk, not one object each."""
        self.pending.setdefault(model, []).append(values)

    def _create_new(self, ready: list[tuple[ImportRecord, Review, str]]) -> None:
        """Insert the chunk's new recommendations in one flush (ids are needed for their links)."""
        new: dict[str, Recommendation] = {}
        for record, review, key in ready:
            if not record.is_pledge and key not in self.known and key not in new:
                new[key] = Recommendation(review_id=review.id, paragraph=record.paragraph, text=record.text,
                                          action_category=record.action_category,
                                          source_document=record.source_document, external_key=key,
                                          sources=[self.fmt.value])
        if not new:
            return
        self.session.add_all(new.values())
        self.session.flush()
        for key, row in new.items():
            self.known[key] = _Known(id=row.id, row=row, sources=[self.fmt.value], states=set(), themes=set(),
                                     persons=set(), targets=set(), position=None, created=True)

    def _prefetch(self, keys: list[str]) -> None:
        missing = [k for k in dict.fromkeys(keys) if k not in self.known]
        if not missing:
            return
        rows = list(self.session.exec(select(Recommendation).where(Recommendation.external_key.in_(missing))))
        if not rows:
            return
        ids = [r.id for r in rows]

        def linked(model, column) -> dict[int, set]:
            out: dict[int, set] = {i: set() for i in ids}
            for rec_id, value in self.session.exec(select(model.recommendation_id, column)
                                                   .where(model.recommendation_id.in_(ids))):
                out[rec_id].add(value)
            return out

        states = linked(RecommendingState, RecommendingState.state_code)
        themes = linked(RecommendationTheme, RecommendationTheme.theme_id)
        persons = linked(RecommendationAffectedPerson, RecommendationAffectedPerson.affected_person_id)
        targets = linked(RecommendationSdgTarget, RecommendationSdgTarget.sdg_target_code)
        history: dict[int, list[Position]] = {i: [] for i in ids}
        for position in self.session.exec(select(Position).where(Position.recommendation_id.in_(ids))
                                          .order_by(Position.date, Position.id)):
            history[position.recommendation_id].append(position)
        for r in rows:
            past = history[r.id]
            self.known[r.external_key] = _Known(
                id=r.id, row=r, sources=list(r.sources or []), states=states[r.id], themes=themes[r.id],
                persons=persons[r.id], targets=targets[r.id],
                position=r.current_position.value if r.current_position else None,
                position_date=past[-1].date if past else None,
                history={(p.position.value, p.date, p.source_document) for p in past})

    def _recommendation(self, record: ImportRecord, review: Review, key: str) -> None:
        known = self.known[key]
        created = known.created and not known.counted
        merging = bool(known.sources) and self.fmt.value not in known.sources
        changed = False if known.created else self._fill(record, known, merging)
        changed |= self._links(record, known)
        changed |= self._position(record, review, known)
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
            theme_id = self._theme(theme.label, theme.code)
            if theme_id not in known.themes:
                known.themes.add(theme_id)
                self._later(RecommendationTheme, recommendation_id=known.id, theme_id=theme_id,
                            source_label=theme.label[:300])
                added = True
        for name in record.affected_persons:
            person_id = self._person(name)
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

    def _position(self, record: ImportRecord, review: Review, known: _Known) -> bool:
        """A position that differs from the current one is appended to the history with its source
        (once: the same position, date and source is never recorded twice); it becomes current
        unless an existing record is later."""
        if record.position is None or record.position.value == known.position:
            return False
        year = record.year or self._upr_session(review.session_number).year
        when = review.adoption_date or review.dialogue_date or date(year, 1, 1)
        source = record.position_source or record.source_document
        if (record.position.value, when, source) in known.history:
            return False
        known.history.add((record.position.value, when, source))
        self._later(Position, recommendation_id=known.id, position=record.position, date=when,
                    source_document=source, source_paragraph=record.position_paragraph,
                    explanation=f"Imported from {self.fmt.value} ({record.position_label})"
                    if record.position_label else None, recorded_at=utcnow())
        if known.position_date is None or when >= known.position_date:
            known.position, known.position_date = record.position.value, when
            known.row.current_position = record.position
        return True

    def _pledge(self, record: ImportRecord, review: Review, key: str) -> None:
        key = "pledge:" + key
        if self.session.exec(select(VoluntaryPledge.id).where(VoluntaryPledge.external_key == key)).first():
            self.report.unchanged += 1
        else:
            self.session.add(VoluntaryPledge(review_id=review.id, text=record.text,
                                             action_category=record.action_category,
                                             themes=[t.label for t in record.themes] or None, external_key=key))
        self.report.pledges += 1


def _is_paragraph(value: str) -> bool:
    return re.fullmatch(PARAGRAPH_PATTERN, value) is not None


def run_import(session: Session, path: Path, *, fmt: ImportFormat | None = None, state: str | None = None,
               upr_session: int | None = None, strict: bool = False, only_state: str | None = None,
               progress: Callable[[int], None] | None = None, limits: ImportLimits | None = None) -> ImportReport:
    """Import one file into `session` (flushed, not committed); `limits` bound the reading (default: the
    IMPORT_MAX_* settings), and a file over one raises files.LimitExceeded."""
    if fmt is None:
        if files.file_kind(path) == "xlsx":
            files.check_zip(path, limits)  # detection opens the workbook: bounded first
        fmt = detect.detect_format(path)
    reader = detect.reader_for(fmt)
    pipeline = Pipeline(session, fmt, default_state=state, default_session=upr_session, strict=strict,
                        only_state=only_state)
    pipeline.source_name = path.name
    bounds = {} if limits is None else {"limits": limits}  # readers default to the settings' limits
    items: Iterator[ImportRecord | Reject] = reader.read(path, state=state, session=upr_session, **bounds)
    return pipeline.run(items, progress)
