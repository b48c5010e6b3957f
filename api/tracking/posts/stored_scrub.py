"""Cleaning the evidence files stored before uploads were cleaned (`upr evidence scrub`).

Uploads are cleaned as they arrive (`uploads.store_upload`) and stored under a `c1-` name, the mark of a
cleaned file; files stored before that rule still carry their authors' names. This cleans each unmarked
file into a new `c1-` file beside it, records the new name, size and hash in the row, commits, and only
then removes the old file (a failed commit removes the new one instead), and gives a pseudonymous
organisation's files their neutral name (`policy.evidence_file_name`). Each file is committed on its
own: a stop halfway leaves every file either cleaned with its row updated, or as it was. Marked files are
never cleaned again, so running it again changes nothing (re-encoding a JPEG or WebP is not idempotent).
A file that fails, for whatever reason, is reported and the command goes on with the next.
"""

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from api.auth.models import Organisation
from api.core.errors import Problem
from api.tracking.models import Evidence
from api.tracking.posts.policy import evidence_file_name
from api.tracking.posts.scrub import scrub
from api.tracking.posts.stored_files import (
    is_cleaned,
    new_stored_name,
    remove_if_rolled_back,
    remove_when_committed,
    stored_path,
)
from api.tracking.posts.uploads import file_digest

log = logging.getLogger("api.tracking")


@dataclass
class ScrubReport:
    cleaned: int = 0  # files whose bytes changed
    unchanged: int = 0  # already clean
    renamed: int = 0  # a pseudonymous organisation's file name made neutral
    missing: list[int] = field(default_factory=list)  # rows whose file is not on disk
    unreadable: list[int] = field(default_factory=list)  # files the cleaning library could not read


def _clean_one(session: Session, path: Path, row: Evidence, content_type: str, report: ScrubReport) -> None:
    """Clean one unmarked file into a new `c1-` file; the old one goes once the row is committed."""
    directory = path.parent
    fd, cleaned = tempfile.mkstemp(dir=directory, prefix=".scrub-", suffix=".part")
    os.close(fd)
    try:
        scrub(content_type, path, Path(cleaned))
        size, sha256 = file_digest(Path(cleaned))
        stored_name = new_stored_name()
        target = stored_path(directory, stored_name)
        os.replace(cleaned, target)
    finally:
        Path(cleaned).unlink(missing_ok=True)
    remove_if_rolled_back(session, target)
    remove_when_committed(session, path)
    if sha256 != row.sha256 or size != row.size_bytes:
        report.cleaned += 1
    else:
        report.unchanged += 1
    row.stored_name, row.size_bytes, row.sha256 = stored_name, size, sha256


def scrub_stored(session: Session, directory: Path) -> ScrubReport:
    """Clean every stored evidence file not yet marked clean; commits after each one."""
    report = ScrubReport()
    ids = session.exec(select(Evidence.id).where(col(Evidence.stored_name).is_not(None)).order_by(col(Evidence.id)))
    for evidence_id in [i for i in ids if i is not None]:
        try:
            row = session.get(Evidence, evidence_id)
            if row is None or row.stored_name is None or row.content_type is None:
                continue
            if not stored_path(directory, row.stored_name).is_file():
                report.missing.append(evidence_id)
                continue
            if is_cleaned(row.stored_name):
                report.unchanged += 1
            else:
                _clean_one(session, stored_path(directory, row.stored_name), row, row.content_type, report)
            organisation = session.get(Organisation, row.organisation_id)
            neutral = evidence_file_name(organisation, row) if organisation is not None else row.file_name
            if neutral != row.file_name:  # a pseudonymous organisation's: `evidence-<id>.<ext>`
                row.file_name = neutral
                report.renamed += 1
            session.add(row)
            session.commit()
        except Problem as error:
            session.rollback()
            log.warning("evidence %s: its file could not be cleaned (%s)", evidence_id, error.detail)
            report.unreadable.append(evidence_id)
        except Exception:
            session.rollback()
            log.exception("evidence %s: its file could not be cleaned", evidence_id)
            report.unreadable.append(evidence_id)
    return report
