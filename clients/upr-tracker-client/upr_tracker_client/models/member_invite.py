from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coalition_role import CoalitionRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberInvite")


@_attrs_define
class MemberInvite:
    """
    Attributes:
        organisation_id (int): The organisation invited: an active CSO or NHRI.
        role (CoalitionRole | Unset):
    """

    organisation_id: int
    role: CoalitionRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation_id = self.organisation_id

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation_id": organisation_id,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organisation_id = d.pop("organisation_id")

        _role = d.pop("role", UNSET)
        role: CoalitionRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = CoalitionRole(_role)

        member_invite = cls(
            organisation_id=organisation_id,
            role=role,
        )

        member_invite.additional_properties = d
        return member_invite

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
