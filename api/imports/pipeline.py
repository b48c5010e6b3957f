"""The one import pipeline every reader feeds: normalised records in, one transaction's writes out.

Every record is checked first: its review (state and session, from the file or the options), the
import's scope (`policy`), its text, recommending states and paragraph, and its position by the
API's own rules (`api.recommendations.policy`: the source paragraph, the date). A record that fails
a check is a Reject in the report, like a row its reader could not read; the rest are written in
chunks by `writer.RecordWriter`. A position's date is the one the file gives, else the adoption date
of the review's outcome (marked `derived`), else unknown (null): never a placeholder. The pipeline
only flushes; the caller commits (or rolls back for a dry run, a strict failure or an error), so a
file that fails midway leaves the database as it was.
"""

import gc
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from sqlmodel import Session

from api.audit.models import AuditAction, AuditEntry
from api.cycle.models import Review
from api.db import refresh_statistics
from api.imports import detect
from api.imports.archives import check_zip
from api.imports.files import file_kind
from api.imports.limits import ImportLimits
from api.imports.lookups import Lookups
from api.imports.policy import out_of_scope
from api.imports.records import ImportFormat, ImportRecord, ImportReport, Reject
from api.imports.writer import Ready, RecordWriter, SourceFile
from api.recommendations.models import PositionDateOrigin
from api.recommendations.policy import document_symbol_error, paragraph_error, position_date_error
from api.recommendations.service import derive_external_key

ANALYZE_AFTER_ROWS = 1_000
ANALYZED_TABLES = (
    "recommendation",
    "recommending_state",
    "recommendation_theme",
    "recommendation_affected_person",
    "recommendation_sdg_target",
    "position",
    "recommendation_source",
)
CHUNK = 500


class StrictStop(Exception):
    """`--strict`: the first unreadable row ends the import (and the caller rolls back)."""

    def __init__(self, reject: Reject):
        super().__init__(f"line {reject.line}, column {reject.column or '-'}: {reject.reason}")
        self.reject = reject


class Pipeline:
    def __init__(
        self,
        session: Session,
        fmt: ImportFormat,
        *,
        default_state: str | None = None,
        default_session: int | None = None,
        strict: bool = False,
        only_state: str | None = None,
        source_name: str = "import",
        import_job_id: int | None = None,
        analyze: bool = True,
    ):
        self.session = session
        self.analyze = analyze  # False for a dry run (`_refresh_statistics`)
        self.source_name = source_name  # the file's name, as its sources and the audit entry show it
        self.only_state = only_state  # the import's scope (`policy.import_scope`): None for any state
        self.fmt = fmt
        self.default_state = default_state
        self.default_session = default_session
        self.strict = strict
        self.report = ImportReport(format=fmt)
        self.lookups = Lookups(session, fmt.value)
        self.writer = RecordWriter(
            session, fmt, self.lookups, self.report, SourceFile(source_name[:255], import_job_id)
        )
        self._date_errors: dict[date, str | None] = {}  # a file has few distinct dates

    def reject(self, line: int, column: str | None, reason: str) -> None:
        rejected = Reject(line, column, reason)
        self.report.rejected.append(rejected)
        if self.strict:
            raise StrictStop(rejected)

    def run(
        self, items: Iterable[ImportRecord | Reject], progress: Callable[[int], None] | None = None
    ) -> ImportReport:
        stream = iter(items)
        # One audit entry for the import (below), not one per row: a 40,000-row file would otherwise
        # write ~200,000 audit rows; each recommendation keeps its sources instead.
        self.session.info["audit_bulk"] = True
        try:
            while chunk := list(islice(stream, CHUNK)):
                self.writer.write([ready for item in chunk if (ready := self._check(item)) is not None])
                # What a chunk leaves (the session's rows, the writer's keys) lives until the end: out of
                # the collector's way, or each full collection walks all of it again (a quarter of the
                # UPR Info file's time). Cyclic garbage among them waits for `unfreeze` below.
                gc.freeze()
                if progress:
                    progress(self.report.rows)
            self.session.flush()
            self._refresh_statistics()
        finally:
            gc.unfreeze()
            self.session.info.pop("audit_bulk", None)
        self._audit()
        return self.report

    def _refresh_statistics(self) -> None:
        """On PostgreSQL, a large import changes the tables' size long before autovacuum notices: a
        planner that still believes them small picks nested loops that take minutes (seen: the
        champions query after a whole-file import). ANALYZE inside the import's transaction samples its
        own rows too. Not for a dry run: ANALYZE writes a table's row estimate in place, outside the
        transaction, so a rolled-back run would leave estimates counting rows that never landed."""
        if not self.analyze or self.session.get_bind().dialect.name != "postgresql":
            return
        if self.report.inserted + self.report.merged + self.report.updated < ANALYZE_AFTER_ROWS:
            return
        refresh_statistics(self.session, ANALYZED_TABLES)

    def _audit(self) -> None:
        principal = self.session.info.get("principal")
        self.session.add(
            AuditEntry(
                actor_user_id=getattr(principal, "user_id", None),
                actor_service_token_id=getattr(principal, "service_token_id", None),
                organisation_id=getattr(principal, "organisation_id", None),
                entity="import",
                entity_id=self.source_name[:128],
                action=AuditAction.create,
                request_id=self.session.info.get("request_id"),
                changes={"format": self.fmt.value, **self.report.counts()},
            )
        )
        self.session.flush()

    # -- checks: a record that fails one is a Reject ----------------------------------------------
    def _check(self, item: ImportRecord | Reject) -> Ready | None:
        self.report.rows += 1
        if isinstance(item, Reject):
            self.reject(item.line, item.column, item.reason)
            return None
        review = self._review(item)
        if review is None:
            return None
        if item.paragraph is not None and (error := paragraph_error(item.paragraph)):
            self.reject(item.line, "paragraph", error)
            return None
        if item.source_document is not None and (error := document_symbol_error(item.source_document)):
            self.reject(item.line, "source document", error)
            return None
        if not item.text.strip():
            self.reject(item.line, "text", "The recommendation has no text.")
            return None
        if unknown := [s for s in item.recommending_states if s not in self.lookups.states]:
            self.reject(item.line, "recommending state", f"Unknown state(s): {', '.join(unknown)}.")
            return None
        when, origin = None, None
        if item.position is not None:
            if item.position_paragraph is not None and (error := paragraph_error(item.position_paragraph)):
                self.reject(item.line, "source of position", error)
                return None
            if item.position_source is not None and (error := document_symbol_error(item.position_source)):
                self.reject(item.line, "source of position", error)
                return None
            when, origin = self._position_date(item, review)
            if when is not None and (error := self._date_error(when)):
                self.reject(item.line, "position date", f"The position's date {when.isoformat()} {error}.")
                return None
        cycle = self.lookups.upr_session(review.session_number).cycle_number
        return Ready(item, review, derive_external_key(review.state_code, cycle, item.text), when, origin)

    def _review(self, record: ImportRecord) -> Review | None:
        state = record.state_under_review or self.default_state
        number = record.session or self.default_session
        if not state:
            self.reject(
                record.line, "state under review", "The file does not say the state under review: give --state."
            )
            return None
        if state not in self.lookups.states:
            self.reject(record.line, "state under review", f"Unknown state {state!r}.")
            return None
        if reason := out_of_scope(state, self.only_state):
            self.reject(record.line, "state under review", reason)
            return None
        if number is None:
            self.reject(record.line, "session", "The file does not say the session: give --session.")
            return None
        return self.lookups.review(state, number, record.year)

    def _position_date(self, record: ImportRecord, review: Review) -> tuple[date | None, PositionDateOrigin | None]:
        """The date the file gives; else the adoption date of the review's outcome, `derived`: the state
        takes its final positions there (at the dialogue it may still defer them, so the dialogue's date
        could predate the position); else unknown. A year alone is no date: 1 January would look real."""
        if record.position_date is not None:
            return record.position_date, PositionDateOrigin.source
        if review.adoption_date is not None:
            return review.adoption_date, PositionDateOrigin.derived
        return None, None

    def _date_error(self, when: date) -> str | None:
        if when not in self._date_errors:
            self._date_errors[when] = position_date_error(when)
        return self._date_errors[when]


def run_import(
    session: Session,
    path: Path,
    *,
    fmt: ImportFormat | None = None,
    state: str | None = None,
    upr_session: int | None = None,
    strict: bool = False,
    only_state: str | None = None,
    progress: Callable[[int], None] | None = None,
    limits: ImportLimits | None = None,
    import_job_id: int | None = None,
    file_name: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import one file into `session` (flushed, not committed); `limits` bound the reading (default: the
    IMPORT_MAX_* settings), and a file over one raises `limits.LimitExceeded`. The recommendations'
    sources name `file_name` (default: the path's) and `import_job_id` (an upload's job). A `dry_run` is
    rolled back by the caller: it leaves the planner's statistics alone."""
    if fmt is None:
        if file_kind(path) == "xlsx":
            check_zip(path, "xlsx", limits)  # detection opens the workbook: bounded first
        fmt = detect.detect_format(path)
    reader = detect.reader_for(fmt)
    pipeline = Pipeline(
        session,
        fmt,
        default_state=state,
        default_session=upr_session,
        strict=strict,
        only_state=only_state,
        source_name=file_name or path.name,
        import_job_id=import_job_id,
        analyze=not dry_run,
    )
    bounds = {} if limits is None else {"limits": limits}  # readers default to the settings' limits
    items: Iterator[ImportRecord | Reject] = reader.read(path, state=state, session=upr_session, **bounds)
    return pipeline.run(items, progress)
