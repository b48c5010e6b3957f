"""Progress updates: narrative posted by a government, NHRI or CSO about a recommendation or action.

An update is never overwritten: a correction bumps `revision` and writes the new content as a
revision row, so every earlier text stays retrievable (to those who could see it).
"""

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import Forbidden, InvalidInput
from api.pagination import Page, PageParams, Sort, paginate
from api.tracking import clock
from api.tracking.models import Evidence, ProgressUpdate, ProgressUpdateRevision, Visibility
from api.tracking.posts.access import posting_organisation, require_poster, revision_view, visible_or_404
from api.tracking.posts.evidence_service import delete_evidence_of, evidence_by_parent
from api.tracking.posts.shapes import (
    ProgressUpdateCreate,
    ProgressUpdateRead,
    ProgressUpdateRevisionRead,
    ProgressUpdateUpdate,
)
from api.tracking.posts.subjects import subject_state
from api.tracking.shapes import organisation_refs
from api.tracking.visibility import visible_clause
from api.types import utcnow
from api.updates import apply_changes

ENTITY = "Progress update"


def update_reads(session: Session, principal: Principal, rows: list[ProgressUpdate]) -> list[ProgressUpdateRead]:
    refs = organisation_refs(session, principal, (u.organisation_id for u in rows))
    evidence = evidence_by_parent(session, principal, Evidence.progress_update_id, [u.id for u in rows])
    return [ProgressUpdateRead.model_validate(u, update={"organisation": refs[u.organisation_id],
                                                         "evidence": evidence.get(u.id, [])}) for u in rows]


def update_read(session: Session, principal: Principal, row: ProgressUpdate) -> ProgressUpdateRead:
    return update_reads(session, principal, [row])[0]


def list_updates(session: Session, principal: Principal, params: PageParams, *, state_code: str | None = None,
                 recommendation_id: int | None = None, action_id: int | None = None,
                 organisation_id: int | None = None, visibility: Visibility | None = None, q: str | None = None,
                 reported_from: date | None = None, reported_to: date | None = None) -> Page[ProgressUpdateRead]:
    """Only what the caller may see, in the items and in `total` alike."""
    if reported_from and reported_to and reported_to < reported_from:
        raise InvalidInput("`reported_to` is before `reported_from`.", field="reported_to")
    stmt = select(ProgressUpdate).where(visible_clause(principal, ProgressUpdate))
    for column, value in ((ProgressUpdate.state_code, state_code.upper() if state_code else None),
                          (ProgressUpdate.recommendation_id, recommendation_id),
                          (ProgressUpdate.action_id, action_id), (ProgressUpdate.organisation_id, organisation_id),
                          (ProgressUpdate.visibility, visibility)):
        if value is not None:
            stmt = stmt.where(column == value)
    if q:
        stmt = stmt.where(ProgressUpdate.text.icontains(q, autoescape=True))
    if reported_from:
        stmt = stmt.where(ProgressUpdate.reported_on >= reported_from)
    if reported_to:
        stmt = stmt.where(ProgressUpdate.reported_on <= reported_to)
    page = paginate(session, stmt, params, [Sort(ProgressUpdate.id)])
    return Page[Any](items=update_reads(session, principal, page.items), total=page.total,
                     next_cursor=page.next_cursor)


def get_update(session: Session, principal: Principal, update_id: int) -> ProgressUpdate:
    return visible_or_404(session, principal, ProgressUpdate, update_id, ENTITY)


def get_own_update(session: Session, principal: Principal, update_id: int) -> ProgressUpdate:
    """For a change: 404 if the caller cannot see it, 403 if it did not post it."""
    update = visible_or_404(session, principal, ProgressUpdate, update_id, ENTITY, for_update=True)
    require_poster(principal, update, "progress update")
    return update


def list_revisions(session: Session, principal: Principal, update_id: int,
                   params: PageParams) -> Page[ProgressUpdateRevisionRead]:
    """The revisions the caller could have seen when each was current, oldest first."""
    get_update(session, principal, update_id)
    stmt = (select(ProgressUpdateRevision)
            .join(ProgressUpdate, ProgressUpdate.id == ProgressUpdateRevision.progress_update_id)
            .where(ProgressUpdateRevision.progress_update_id == update_id,
                   visible_clause(principal, revision_view(ProgressUpdateRevision, ProgressUpdate))))
    page = paginate(session, stmt, params, [Sort(ProgressUpdateRevision.revision)])
    return page.map(ProgressUpdateRevisionRead.model_validate)


def _add_revision(session: Session, principal: Principal, update: ProgressUpdate) -> None:
    session.add(ProgressUpdateRevision(progress_update_id=update.id, revision=update.revision, text=update.text,
                                       reported_on=update.reported_on, visibility=update.visibility,
                                       edited_by_user_id=principal.user_id))
    session.flush()


def create_update(session: Session, principal: Principal, data: ProgressUpdateCreate) -> ProgressUpdate:
    state = subject_state(session, data.recommendation_id, data.action_id)
    if not principal.may(Permission.progress_updates_post, state_code=state):
        raise Forbidden(f"You may post progress updates about {principal.state_code} only (this is about {state}).")
    clock.not_in_future(data.reported_on, "reported_on")
    update = ProgressUpdate(state_code=state, organisation_id=posting_organisation(principal),
                            recommendation_id=data.recommendation_id, action_id=data.action_id, text=data.text,
                            reported_on=data.reported_on, visibility=data.visibility,
                            created_by_user_id=principal.user_id)
    session.add(update)
    session.flush()
    _add_revision(session, principal, update)
    return update


def change_update(session: Session, principal: Principal, update: ProgressUpdate,
                  data: ProgressUpdateUpdate) -> ProgressUpdate:
    """Appends a revision when something changed (a PATCH that changes nothing writes nothing)."""
    require_poster(principal, update, "progress update")
    if "reported_on" in data.model_fields_set:
        clock.not_in_future(data.reported_on, "reported_on")
    before = (update.text, update.reported_on, Visibility(update.visibility))
    apply_changes(update, data)
    if (update.text, update.reported_on, Visibility(update.visibility)) == before:
        return update
    update.revision += 1
    update.updated_at = utcnow()
    session.add(update)
    session.flush()
    _add_revision(session, principal, update)
    return update


def delete_update(session: Session, principal: Principal, update_id: int, evidence_dir: Path) -> None:
    """With its revisions and evidence (files removed once the delete is committed)."""
    update = get_own_update(session, principal, update_id)
    delete_evidence_of(session, evidence_dir, Evidence.progress_update_id, update.id)
    for revision in session.exec(select(ProgressUpdateRevision)
                                 .where(ProgressUpdateRevision.progress_update_id == update.id)):
        session.delete(revision)
    session.flush()
    session.delete(update)
    session.flush()
