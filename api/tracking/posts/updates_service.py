"""Progress updates: narrative posted by a government, NHRI or CSO about a recommendation or action.

Written, corrected (a new revision, never an overwrite) and deleted through `revisions`; who reads
and who posts them is the posts' rule (`policy`).
"""

import datetime as dt
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.clock import not_in_future
from api.core.errors import InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
from api.tracking.models import ProgressUpdate, ProgressUpdateRevision, Visibility
from api.tracking.policy import posting_organisation
from api.tracking.posts.policy import not_withdrawn, require_update_post, visible_clause
from api.tracking.posts.revisions import RevisionedPost
from api.tracking.posts.schemas import (
    ProgressUpdateCreate,
    ProgressUpdateRead,
    ProgressUpdateRevisionRead,
    ProgressUpdateUpdate,
)
from api.tracking.posts.subjects import subject_state

UPDATES = RevisionedPost(
    entity="Progress update",
    post=ProgressUpdate,
    revision=ProgressUpdateRevision,
    post_key="progress_update_id",
    content=("text", "reported_on", "visibility"),
    dated="reported_on",
)


def update_reads(session: Session, principal: Principal, rows: list[ProgressUpdate]) -> list[ProgressUpdateRead]:
    return UPDATES.reads(session, principal, rows, ProgressUpdateRead)


def update_read(session: Session, principal: Principal, row: ProgressUpdate) -> ProgressUpdateRead:
    return update_reads(session, principal, [row])[0]


def list_updates(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    state_code: str | None = None,
    recommendation_id: int | None = None,
    action_id: int | None = None,
    organisation_id: int | None = None,
    visibility: Visibility | None = None,
    q: str | None = None,
    reported_from: dt.date | None = None,
    reported_to: dt.date | None = None,
    withdrawn: bool = False,
) -> Page[ProgressUpdateRead]:
    """Only what the caller may see, in the items and in `total` alike; current updates, or with
    `withdrawn` only the withdrawn ones."""
    if reported_from and reported_to and reported_to < reported_from:
        raise InvalidInput("`reported_to` is before `reported_from`.", field="reported_to")
    current = not_withdrawn(ProgressUpdate)
    stmt = select(ProgressUpdate).where(visible_clause(principal, ProgressUpdate), ~current if withdrawn else current)
    for column, value in (
        (ProgressUpdate.state_code, state_code.upper() if state_code else None),
        (ProgressUpdate.recommendation_id, recommendation_id),
        (ProgressUpdate.action_id, action_id),
        (ProgressUpdate.organisation_id, organisation_id),
        (ProgressUpdate.visibility, visibility),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if q:
        stmt = stmt.where(col(ProgressUpdate.text).icontains(q, autoescape=True))
    if reported_from:
        stmt = stmt.where(col(ProgressUpdate.reported_on) >= reported_from)
    if reported_to:
        stmt = stmt.where(col(ProgressUpdate.reported_on) <= reported_to)
    page = paginate(session, stmt, params, [Sort(ProgressUpdate.created_at), Sort(ProgressUpdate.id)])
    return Page[Any](items=update_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor)


def get_update(session: Session, principal: Principal, update_id: int) -> ProgressUpdate:
    return UPDATES.get(session, principal, update_id)


def get_writable_update(session: Session, principal: Principal, update_id: int) -> ProgressUpdate:
    return UPDATES.get_writable(session, principal, update_id)


def list_revisions(
    session: Session, principal: Principal, update_id: int, params: PageParams
) -> Page[ProgressUpdateRevisionRead]:
    page = UPDATES.revisions(session, principal, update_id, params)
    return page.map(lambda row: ProgressUpdateRevisionRead.model_validate(dict(row._mapping)))


def create_update(session: Session, principal: Principal, data: ProgressUpdateCreate) -> ProgressUpdate:
    state = subject_state(session, data.recommendation_id, data.action_id)
    require_update_post(principal, state)
    not_in_future(data.reported_on, "reported_on")
    update = ProgressUpdate(
        state_code=state,
        organisation_id=posting_organisation(principal),
        recommendation_id=data.recommendation_id,
        action_id=data.action_id,
        text=data.text,
        reported_on=data.reported_on,
        visibility=data.visibility,
        created_by_user_id=principal.user_id,
    )
    return UPDATES.create(session, update, edited_by_user_id=principal.user_id)


def change_update(
    session: Session, principal: Principal, update: ProgressUpdate, data: ProgressUpdateUpdate
) -> ProgressUpdate:
    """`update` comes from `get_writable_update`."""
    return UPDATES.change(session, principal, update, data)


def delete_update(session: Session, principal: Principal, update_id: int, evidence_dir: Path) -> None:
    """Withdrawn, or erased when confidential or withdrawn already (`policy.erased_on_delete`)."""
    UPDATES.delete(session, principal, update_id, evidence_dir)
