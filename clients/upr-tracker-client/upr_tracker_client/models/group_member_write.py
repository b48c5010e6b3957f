from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupMemberWrite")


@_attrs_define
class GroupMemberWrite:
    """
    Attributes:
        is_co_chair (bool | Unset): At most two co-chairs per group. Default: False.
    """

    is_co_chair: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_co_chair = self.is_co_chair

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_co_chair is not UNSET:
            field_dict["is_co_chair"] = is_co_chair

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_co_chair = d.pop("is_co_chair", UNSET)

        group_member_write = cls(
            is_co_chair=is_co_chair,
        )

        group_member_write.additional_properties = d
        return group_member_write

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
