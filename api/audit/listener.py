"""Writes an audit row for every inserted, updated or deleted entity, inside the same flush.

Hooking the session (not each service) means no route can forget to audit. Tables opt out with
`__audited__ = False`; `__audit_ignore__` names fields whose change alone is not worth a row
(a service token's `last_used_at`); `__audit_redact__` fields are logged as changed, never shown.
"""

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlmodel import Session

from api.audit.models import AuditAction, AuditEntry

REDACTED = "***"
DEFAULT_REDACT = frozenset({"password_hash", "token_hash"})


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _entity_id(obj: Any) -> str:
    return ":".join(str(v) for v in inspect(obj).mapper.primary_key_from_instance(obj))


def _snapshot(obj: Any, redact: frozenset[str]) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {a.key: REDACTED if a.key in redact else _plain(getattr(obj, a.key)) for a in mapper.column_attrs}


def _diff(obj: Any, redact: frozenset[str]) -> dict[str, Any]:
    state = inspect(obj)
    changes = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        changes[attr.key] = [REDACTED, REDACTED] if attr.key in redact else [_plain(old), _plain(new)]
    return changes


def _rows(session: Session) -> list[dict[str, Any]]:
    if session.info.get("audit_bulk"):
        return []  # a bulk import writes one entry for itself (api/imports/pipeline.py)
    principal = session.info.get("principal")
    actor = {
        "actor_user_id": getattr(principal, "user_id", None),
        "actor_service_token_id": getattr(principal, "service_token_id", None),
        "organisation_id": getattr(principal, "organisation_id", None),
        "request_id": session.info.get("request_id"),
    }
    rows = []
    for objects, action in (
        (session.new, AuditAction.create),
        (session.dirty, AuditAction.update),
        (session.deleted, AuditAction.delete),
    ):
        for obj in objects:
            cls = type(obj)
            if not getattr(cls, "__audited__", True) or not hasattr(cls, "__table__"):
                continue
            redact = DEFAULT_REDACT | frozenset(getattr(cls, "__audit_redact__", ()))
            if action is AuditAction.update:
                changes = _diff(obj, redact)
                if not set(changes) - set(getattr(cls, "__audit_ignore__", ())):
                    continue
            else:
                changes = _snapshot(obj, redact)
            rows.append(
                {
                    **actor,
                    "entity": cls.__tablename__,
                    "entity_id": _entity_id(obj),
                    "action": action,
                    "changes": changes,
                }
            )
    return rows


def install() -> None:
    """Audit every session's flushes (idempotent; called by `api.db.engine_for`)."""
    if not event.contains(Session, "after_flush", _audit_after_flush):
        event.listen(Session, "after_flush", _audit_after_flush)


def _audit_after_flush(session: Session, _flush_context: Any) -> None:
    rows = _rows(session)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)
