"""Evidence: links and files attached to a progress update, an assessment or a milestone.

Who sees it (it and its parent) and who attaches it are the posts' rules (`policy`), and so is the name
a file shows under (`evidence_file_name`: neutral for a pseudonymous organisation). A file is stored
cleaned of identifying metadata (`uploads`, `scrub`).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import exists
from sqlmodel import Session, col, select

from api.auth.models import Organisation
from api.auth.principal import Principal
from api.core import clock
from api.core.errors import InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.updates import apply_changes
from api.tracking.models import Assessment, Evidence, EvidenceKind, Milestone, ProgressUpdate, Visibility
from api.tracking.plans.policy import live_row
from api.tracking.policy import posting_organisation, require_poster
from api.tracking.posts.policy import (
    evidence_file_name,
    require_evidence_on_milestone,
    require_evidence_on_post,
    require_not_withdrawn,
    visible_clause,
    visible_evidence,
    visible_or_404,
)
from api.tracking.posts.schemas import EvidenceRead, EvidenceUpdate
from api.tracking.posts.stored_files import remove_if_rolled_back, remove_when_committed, stored_path
from api.tracking.posts.uploads import IncomingFile, StoredFile, store_upload
from api.tracking.schemas import organisation_refs

MAX_URL = 2000


@dataclass(frozen=True)
class EvidenceInput:
    progress_update_id: int | None = None
    assessment_id: int | None = None
    milestone_id: int | None = None
    url: str | None = None
    description: str | None = None
    evidence_date: dt.date | None = None
    visibility: Visibility | None = None


@dataclass(frozen=True)
class FileStore:
    directory: Path
    max_bytes: int


def evidence_reads(session: Session, principal: Principal, rows: list[Evidence]) -> list[EvidenceRead]:
    refs = organisation_refs(session, principal, (e.organisation_id for e in rows))
    return [
        EvidenceRead.model_validate(
            e, update={"organisation": refs[e.organisation_id], "file_name": shown_file_name(session, principal, e)}
        )
        for e in rows
    ]


def shown_file_name(session: Session, principal: Principal, row: Evidence) -> str | None:
    organisation = session.get(Organisation, row.organisation_id)  # loaded already: the identity map
    return row.file_name if organisation is None else evidence_file_name(organisation, row, principal)


def evidence_read(session: Session, principal: Principal, row: Evidence) -> EvidenceRead:
    return evidence_reads(session, principal, [row])[0]


def evidence_by_parent(
    session: Session, principal: Principal, column: Any, parent_ids: list[int]
) -> dict[int, list[EvidenceRead]]:
    """The visible evidence of parents the caller already sees, by parent id, in id order."""
    if not parent_ids:
        return {}
    rows = list(
        session.exec(
            select(Evidence)
            .where(column.in_(parent_ids), visible_clause(principal, Evidence))
            .order_by(col(Evidence.id))
        )
    )
    grouped: dict[int, list[EvidenceRead]] = defaultdict(list)
    for row, read in zip(rows, evidence_reads(session, principal, rows), strict=True):
        grouped[getattr(row, column.key)].append(read)
    return grouped


def list_evidence(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    state_code: str | None = None,
    progress_update_id: int | None = None,
    assessment_id: int | None = None,
    milestone_id: int | None = None,
    organisation_id: int | None = None,
    kind: EvidenceKind | None = None,
) -> Page[EvidenceRead]:
    stmt = visible_evidence(principal)
    if progress_update_id is None and assessment_id is None:  # out of current views with its post
        stmt = stmt.where(
            ~exists().where(
                col(ProgressUpdate.id) == col(Evidence.progress_update_id),
                col(ProgressUpdate.withdrawn_at).is_not(None),
            ),
            ~exists().where(
                col(Assessment.id) == col(Evidence.assessment_id), col(Assessment.withdrawn_at).is_not(None)
            ),
        )
    for column, value in (
        (Evidence.state_code, state_code.upper() if state_code else None),
        (Evidence.progress_update_id, progress_update_id),
        (Evidence.assessment_id, assessment_id),
        (Evidence.milestone_id, milestone_id),
        (Evidence.organisation_id, organisation_id),
        (Evidence.kind, kind),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    page = paginate(session, stmt, params, [Sort(Evidence.created_at), Sort(Evidence.id)])
    return Page[Any](
        items=evidence_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_evidence(session: Session, principal: Principal, evidence_id: int, *, for_update: bool = False) -> Evidence:
    stmt = visible_evidence(principal).where(col(Evidence.id) == evidence_id)
    if for_update:
        stmt = stmt.with_for_update(of=Evidence)
    row = session.exec(stmt).first()
    if row is None:
        raise NotFound.entity("Evidence", evidence_id)
    return row


def get_writable_evidence(session: Session, principal: Principal, evidence_id: int) -> Evidence:
    """Locked for the write: 404 if the caller cannot see it, 403 `not-the-poster` if it did not post it,
    409 `post-withdrawn` when its post was withdrawn (the post's record stays as it was, evidence included)."""
    row = get_evidence(session, principal, evidence_id, for_update=True)
    require_poster(principal, row, "evidence")
    update = session.get(ProgressUpdate, row.progress_update_id) if row.progress_update_id is not None else None
    if update is not None:
        require_not_withdrawn(update, "progress update")
    assessment = session.get(Assessment, row.assessment_id) if row.assessment_id is not None else None
    if assessment is not None:
        require_not_withdrawn(assessment, "assessment")
    return row


def _check_url(url: str) -> str:
    url = url.strip()
    refused = InvalidInput(f"`url` must be an http(s) address of at most {MAX_URL} characters.", field="url")
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port  # both raise ValueError on a malformed address
    except ValueError:
        raise refused from None
    if (
        len(url) > MAX_URL
        or parts.scheme.lower() not in ("http", "https")
        or not host
        or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url)
    ):
        raise refused
    return url


def _parent(session: Session, principal: Principal, data: EvidenceInput) -> tuple[dict[str, int], str, Visibility]:
    """The parent's key, state and default visibility; 404 if the caller cannot see it, 403 if it may not
    attach to it."""
    given = {
        k: v
        for k, v in (
            ("progress_update_id", data.progress_update_id),
            ("assessment_id", data.assessment_id),
            ("milestone_id", data.milestone_id),
        )
        if v is not None
    }
    if len(given) != 1:
        raise InvalidInput(
            "Give exactly one of progress_update_id, assessment_id and milestone_id.",
            field=list(given)[1] if given else "progress_update_id",
        )
    ((field, parent_id),) = given.items()
    if field == "milestone_id":
        milestone = live_row(session, Milestone, parent_id)  # archived: as gone as deleted
        if milestone is None:
            raise NotFound.entity("Milestone", parent_id)
        require_evidence_on_milestone(principal, milestone.state_code)
        return given, milestone.state_code, Visibility.public
    parent: ProgressUpdate | Assessment
    if field == "progress_update_id":
        parent = visible_or_404(session, principal, ProgressUpdate, parent_id, "Progress update")
        require_evidence_on_post(principal, parent, "progress update")
    else:
        parent = visible_or_404(session, principal, Assessment, parent_id, "Assessment")
        require_evidence_on_post(principal, parent, "assessment")
    return given, parent.state_code, Visibility(parent.visibility)


def create_evidence(
    session: Session, principal: Principal, store: FileStore, data: EvidenceInput, upload: IncomingFile | None
) -> Evidence:
    if (data.url is None) == (upload is None):
        raise InvalidInput(
            "Give exactly one of `url` (a link) and `file` (an upload).", field="url" if upload is None else "file"
        )
    url = _check_url(data.url) if data.url is not None else None
    if data.description is not None and "\x00" in data.description:
        raise InvalidInput("`description` must not contain NUL characters.", field="description")
    clock.not_in_future(data.evidence_date, "evidence_date")
    parent, state_code, default_visibility = _parent(session, principal, data)
    evidence = Evidence(
        state_code=state_code,
        organisation_id=posting_organisation(principal),
        kind=EvidenceKind.link if url is not None else EvidenceKind.file,
        description=data.description,
        evidence_date=data.evidence_date,
        visibility=data.visibility or default_visibility,
        created_by_user_id=principal.user_id,
    )
    evidence.sqlmodel_update(parent)
    if upload is None:
        evidence.url = url
    else:
        _attach_file(session, evidence, store_upload(upload, store.directory, store.max_bytes))
    session.add(evidence)
    session.flush()
    organisation = session.get(Organisation, evidence.organisation_id)
    if upload is not None and organisation is not None and organisation.public_name:
        evidence.file_name = evidence_file_name(organisation, evidence)  # now with its id
        session.flush()
    return evidence


def _attach_file(session: Session, evidence: Evidence, stored: StoredFile) -> None:
    """The stored (cleaned) file's facts; a pseudonymous organisation's neutral name from the first write,
    so the uploaded name reaches no row, not even the audit log's."""
    remove_if_rolled_back(session, stored.path)
    evidence.file_name, evidence.stored_name = stored.file_name, stored.stored_name
    evidence.content_type, evidence.size_bytes, evidence.sha256 = (
        stored.content_type,
        stored.size_bytes,
        stored.sha256,
    )
    organisation = session.get(Organisation, evidence.organisation_id)
    if organisation is not None:
        evidence.file_name = evidence_file_name(organisation, evidence)


def update_evidence(session: Session, evidence: Evidence, data: EvidenceUpdate) -> Evidence:
    """`evidence` comes from `get_writable_evidence`."""
    if "evidence_date" in data.model_fields_set:
        clock.not_in_future(data.evidence_date, "evidence_date")
    apply_changes(evidence, data)
    session.add(evidence)
    session.flush()
    return evidence


def delete_rows(session: Session, rows: list[Evidence], directory: Path) -> None:
    """Delete evidence rows (audited, one by one) and, once committed, their files."""
    for row in rows:
        if row.stored_name:
            remove_when_committed(session, stored_path(directory, row.stored_name))
        session.delete(row)
    session.flush()


def delete_evidence(session: Session, principal: Principal, evidence_id: int, directory: Path) -> None:
    delete_rows(session, [get_writable_evidence(session, principal, evidence_id)], directory)


def delete_evidence_of(session: Session, directory: Path, column: Any, parent_id: int) -> None:
    """Every piece of evidence on one parent (a deleted update, assessment or milestone), whoever posted it."""
    delete_rows(session, list(session.exec(select(Evidence).where(column == parent_id))), directory)


def evidence_file(
    session: Session, principal: Principal, evidence_id: int, directory: Path
) -> tuple[Evidence, Path, str]:
    """The row, its stored file and the name to serve it under."""
    evidence = get_evidence(session, principal, evidence_id)
    if evidence.kind != EvidenceKind.file or not evidence.stored_name:
        raise NotFound(f"Evidence {evidence_id} is a link, not a file: follow its `url`.")
    path = stored_path(directory, evidence.stored_name)
    if not path.is_file():
        raise NotFound(f"The file of evidence {evidence_id} is missing from the store; ask an admin.")
    return evidence, path, shown_file_name(session, principal, evidence) or "evidence"
