"""Contains all the data models used in inputs/outputs"""

from .audit_action import AuditAction
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_changes import AuditEntryReadChanges
from .body_auth_login import BodyAuthLogin
from .field_error import FieldError
from .me import Me
from .organisation_create import OrganisationCreate
from .organisation_kind import OrganisationKind
from .organisation_read import OrganisationRead
from .organisation_update import OrganisationUpdate
from .page_audit_entry_read import PageAuditEntryRead
from .page_organisation_read import PageOrganisationRead
from .page_service_token_read import PageServiceTokenRead
from .page_state_read import PageStateRead
from .page_user_read import PageUserRead
from .password_change import PasswordChange
from .problem_detail import ProblemDetail
from .regional_group import RegionalGroup
from .service_token_create import ServiceTokenCreate
from .service_token_issued import ServiceTokenIssued
from .service_token_read import ServiceTokenRead
from .state_create import StateCreate
from .state_read import StateRead
from .state_update import StateUpdate
from .token import Token
from .un_status import UNStatus
from .user_create import UserCreate
from .user_read import UserRead
from .user_update import UserUpdate

__all__ = (
    "AuditAction",
    "AuditEntryRead",
    "AuditEntryReadChanges",
    "BodyAuthLogin",
    "FieldError",
    "Me",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationRead",
    "OrganisationUpdate",
    "PageAuditEntryRead",
    "PageOrganisationRead",
    "PageServiceTokenRead",
    "PageStateRead",
    "PageUserRead",
    "PasswordChange",
    "ProblemDetail",
    "RegionalGroup",
    "ServiceTokenCreate",
    "ServiceTokenIssued",
    "ServiceTokenRead",
    "StateCreate",
    "StateRead",
    "StateUpdate",
    "Token",
    "UNStatus",
    "UserCreate",
    "UserRead",
    "UserUpdate",
)
