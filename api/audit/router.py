from typing import Annotated

from fastapi import APIRouter, Query

from api.audit import service
from api.audit.models import AuditAction, AuditEntryRead
from api.auth.deps import CanReadAudit
from api.core.pagination import Page
from api.db import SessionDep
from api.http.pages import PageDep
from api.http.params import IdQuery
from api.http.problems import error_responses

router = APIRouter(prefix="/audit-log", tags=["audit"])


@router.get(
    "", response_model=Page[AuditEntryRead], operation_id="audit.list", responses=error_responses(401, 403, 422)
)
def list_audit_entries(
    session: SessionDep,
    _: CanReadAudit,
    page: PageDep,
    entity: Annotated[str | None, Query(description="Only changes to this table, e.g. `recommendation`.")] = None,
    entity_id: Annotated[
        str | None, Query(description="Only changes to this row (its primary key; `a:b` for composite keys).")
    ] = None,
    actor: Annotated[IdQuery, Query(description="Only changes made by this user id.")] = None,
    organisation_id: Annotated[IdQuery, Query(description="Only changes made on behalf of this organisation.")] = None,
    action: Annotated[AuditAction | None, Query(description="Only creates, updates or deletes.")] = None,
) -> Page[AuditEntryRead]:
    """Newest first. `entity` is the table name (`user`, `organisation`, ...); `actor` a user id."""
    return service.list_entries(
        session,
        page,
        entity=entity,
        entity_id=entity_id,
        actor_user_id=actor,
        organisation_id=organisation_id,
        action=action,
    ).map(AuditEntryRead.model_validate)
