from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coalition_role import CoalitionRole
from ..models.membership_status import MembershipStatus

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="InvitationRead")


@_attrs_define
class InvitationRead:
    """A coalition's invitation of the caller's organisation: what it needs to answer, nothing more.

    Attributes:
        coalition_id (int):
        coalition_name (str):
        state_code (str):
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        role (CoalitionRole):
        status (MembershipStatus):
        invited_by (None | OrganisationRef):
        invited_at (datetime.datetime):
        decided_at (datetime.datetime | None):
    """

    coalition_id: int
    coalition_name: str
    state_code: str
    organisation: OrganisationRef
    role: CoalitionRole
    status: MembershipStatus
    invited_by: None | OrganisationRef
    invited_at: datetime.datetime
    decided_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        coalition_id = self.coalition_id

        coalition_name = self.coalition_name

        state_code = self.state_code

        organisation = self.organisation.to_dict()

        role = self.role.value

        status = self.status.value

        invited_by: dict[str, Any] | None
        if isinstance(self.invited_by, OrganisationRef):
            invited_by = self.invited_by.to_dict()
        else:
            invited_by = self.invited_by

        invited_at = self.invited_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coalition_id": coalition_id,
                "coalition_name": coalition_name,
                "state_code": state_code,
                "organisation": organisation,
                "role": role,
                "status": status,
                "invited_by": invited_by,
                "invited_at": invited_at,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        coalition_id = d.pop("coalition_id")

        coalition_name = d.pop("coalition_name")

        state_code = d.pop("state_code")

        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        role = CoalitionRole(d.pop("role"))

        status = MembershipStatus(d.pop("status"))

        def _parse_invited_by(data: object) -> None | OrganisationRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invited_by_type_0 = OrganisationRef.from_dict(data)

                return invited_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationRef, data)

        invited_by = _parse_invited_by(d.pop("invited_by"))

        invited_at = datetime.datetime.fromisoformat(d.pop("invited_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        invitation_read = cls(
            coalition_id=coalition_id,
            coalition_name=coalition_name,
            state_code=state_code,
            organisation=organisation,
            role=role,
            status=status,
            invited_by=invited_by,
            invited_at=invited_at,
            decided_at=decided_at,
        )

        invitation_read.additional_properties = d
        return invitation_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
