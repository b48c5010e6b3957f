"""The caller, typed once: every service takes a `Principal` as a plain argument."""

from dataclasses import dataclass, field
from enum import StrEnum

from api.auth.permissions import Grants, Permission, Role, Scope, grants_for


class PrincipalKind(StrEnum):
    anonymous = "anonymous"
    user = "user"
    service_token = "service_token"


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    role: Role
    user_id: int | None = None
    organisation_id: int | None = None
    state_code: str | None = None
    service_token_id: int | None = None
    grants: Grants = field(default_factory=dict, compare=False)

    @classmethod
    def anonymous(cls) -> "Principal":
        return cls(PrincipalKind.anonymous, Role.anonymous, grants=grants_for(Role.anonymous))

    @property
    def is_anonymous(self) -> bool:
        return self.kind is PrincipalKind.anonymous

    @property
    def is_admin(self) -> bool:
        return self.role is Role.admin

    def can(self, permission: Permission) -> bool:
        return permission in self.grants

    def may(self, permission: Permission, *, state_code: str | None = None, organisation_id: int | None = None) -> bool:
        """Whether the caller holds `permission` for a row of this state / organisation."""
        scope = self.grants.get(permission)
        if scope is None:
            return False
        if scope is Scope.own_state:
            return state_code is not None and state_code == self.state_code
        if scope is Scope.own_organisation:
            return organisation_id is not None and organisation_id == self.organisation_id
        return True
