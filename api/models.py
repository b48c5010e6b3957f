"""Every table, imported in one place for Alembic and the schema test."""

from sqlmodel import SQLModel

from api.audit.models import AuditEntry
from api.auth.models import LoginThrottle, Organisation, ServiceToken, User
from api.cycle.models import State

metadata = SQLModel.metadata

__all__ = ["AuditEntry", "LoginThrottle", "Organisation", "ServiceToken", "State", "User", "metadata"]
