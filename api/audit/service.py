from sqlmodel import Session, select

from api.audit.models import AuditAction, AuditEntry
from api.core.pagination import Page, PageParams, Sort, paginate


def list_entries(
    session: Session,
    params: PageParams,
    *,
    entity: str | None = None,
    entity_id: str | None = None,
    actor_user_id: int | None = None,
    organisation_id: int | None = None,
    action: AuditAction | None = None,
) -> Page[AuditEntry]:
    stmt = select(AuditEntry)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if entity_id:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    if actor_user_id is not None:
        stmt = stmt.where(AuditEntry.actor_user_id == actor_user_id)
    if organisation_id is not None:
        stmt = stmt.where(AuditEntry.organisation_id == organisation_id)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    return paginate(session, stmt, params, [Sort(AuditEntry.id, descending=True)])
