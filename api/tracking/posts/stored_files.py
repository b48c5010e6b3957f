"""Evidence files on disk, kept in step with the transaction that records them.

A file is written before its row; if the transaction then rolls back, the file is removed, so no
unreferenced upload stays on disk. A deleted row's file is removed only once the delete is committed,
so a failed delete never leaves a row whose file is gone.
"""

import logging
import re
import secrets
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

log = logging.getLogger("api.tracking.evidence")

_ON_COMMIT = "evidence_files_remove_on_commit"
_ON_ROLLBACK = "evidence_files_remove_on_rollback"
# `c1-` marks a file cleaned of identifying metadata (every upload since the cleaning; older files once
# `upr evidence scrub` has cleaned them): the mark is the name, so no migration records it.
CLEANED_PREFIX = "c1-"
STORED_NAME = re.compile(r"^(?:c1-)?[0-9a-f]{32}$")


def new_stored_name() -> str:
    """A random name for a cleaned file."""
    return CLEANED_PREFIX + secrets.token_hex(16)


def is_cleaned(stored_name: str) -> bool:
    return stored_name.startswith(CLEANED_PREFIX)


def stored_path(directory: Path, stored_name: str) -> Path:
    """The file of a stored name; names are ours (random hex, `c1-` once cleaned), never the uploader's."""
    if not STORED_NAME.fullmatch(stored_name):
        raise ValueError(f"not a stored evidence name: {stored_name!r}")
    return directory / stored_name


def remove_if_rolled_back(session: Session, path: Path) -> None:
    session.info.setdefault(_ON_ROLLBACK, []).append(path)


def remove_when_committed(session: Session, path: Path) -> None:
    session.info.setdefault(_ON_COMMIT, []).append(path)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            log.exception("could not remove evidence file %s", path)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    session.info.pop(_ON_ROLLBACK, None)
    _remove(session.info.pop(_ON_COMMIT, []))


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction, not a savepoint inside it
        session.info.pop(_ON_COMMIT, None)
        _remove(session.info.pop(_ON_ROLLBACK, []))
