"""Cleaning the evidence files stored before uploads were cleaned (`upr evidence scrub`).

Uploads are cleaned as they arrive (`uploads.store_upload`); files stored before that rule still carry
their authors' names. This cleans each stored file in place (into a temporary file beside it, then an
atomic rename) and records its new size and hash, and gives a pseudonymous organisation's files their
neutral name (`policy.evidence_file_name`). Each file is committed on its own: a stop halfway leaves
every file either cleaned with its row updated, or as it was; running it again is harmless (a clean
file comes out of the cleaning with the same bytes, and is left alone).
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
from api.tracking.posts.stored_files import stored_path
from api.tracking.posts.uploads import file_digest

log = logging.getLogger("api.tracking")


@dataclass
class ScrubReport:
    cleaned: int = 0  # files whose bytes changed
    unchanged: int = 0  # already clean
    renamed: int = 0  # a pseudonymous organisation's file name made neutral
    missing: list[int] = field(default_factory=list)  # rows whose file is not on disk
    unreadable: list[int] = field(default_factory=list)  # files the cleaning library could not read


def scrub_stored(session: Session, directory: Path) -> ScrubReport:
    """Clean every stored evidence file; commits after each one."""
    report = ScrubReport()
    ids = session.exec(select(Evidence.id).where(col(Evidence.stored_name).is_not(None)).order_by(col(Evidence.id)))
    for evidence_id in [i for i in ids if i is not None]:
        row = session.get(Evidence, evidence_id)
        if row is None or row.stored_name is None or row.content_type is None:
            continue
        path = stored_path(directory, row.stored_name)
        if not path.is_file():
            report.missing.append(evidence_id)
            continue
        fd, cleaned = tempfile.mkstemp(dir=directory, prefix=".scrub-", suffix=".part")
        os.close(fd)
        try:
            scrub(row.content_type, path, Path(cleaned))
            size, sha256 = file_digest(Path(cleaned))
            if sha256 != row.sha256 or size != row.size_bytes:
                os.replace(cleaned, path)  # the file first: a stop before the commit is healed by a rerun
                row.size_bytes, row.sha256 = size, sha256
                report.cleaned += 1
            else:
                report.unchanged += 1
        except Problem as error:
            log.warning("evidence %s: its file could not be cleaned (%s)", evidence_id, error.detail)
            report.unreadable.append(evidence_id)
        finally:
            Path(cleaned).unlink(missing_ok=True)
        organisation = session.get(Organisation, row.organisation_id)
        neutral = evidence_file_name(organisation, row) if organisation is not None else row.file_name
        if neutral != row.file_name:  # a pseudonymous organisation's: `evidence-<id>.<ext>`
            row.file_name = neutral
            report.renamed += 1
        session.add(row)
        session.commit()
    return report
