from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetCreate")


@_attrs_define
class TargetCreate:
    """
    Attributes:
        brief_id (int): The brief; the caller must be a member of its working group (or a lead of its coalition).
        state_code (str): ISO3 code of the target state (any case); one target per brief and state.
        reason (str | Unset): Why the group chose this state. Default: ''.
    """

    brief_id: int
    state_code: str
    reason: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brief_id = self.brief_id

        state_code = self.state_code

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "brief_id": brief_id,
                "state_code": state_code,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        brief_id = d.pop("brief_id")

        state_code = d.pop("state_code")

        reason = d.pop("reason", UNSET)

        target_create = cls(
            brief_id=brief_id,
            state_code=state_code,
            reason=reason,
        )

        target_create.additional_properties = d
        return target_create

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
