from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionCounts")


@_attrs_define
class PositionCounts:
    """
    Attributes:
        supported (int | Unset):  Default: 0.
        supported_in_part (int | Unset):  Default: 0.
        noted (int | Unset):  Default: 0.
        pending (int | Unset):  Default: 0.
        no_position (int | Unset): Recommendations with no position recorded yet. Default: 0.
        total (int | Unset):  Default: 0.
    """

    supported: int | Unset = 0
    supported_in_part: int | Unset = 0
    noted: int | Unset = 0
    pending: int | Unset = 0
    no_position: int | Unset = 0
    total: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        supported = self.supported

        supported_in_part = self.supported_in_part

        noted = self.noted

        pending = self.pending

        no_position = self.no_position

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if supported is not UNSET:
            field_dict["supported"] = supported
        if supported_in_part is not UNSET:
            field_dict["supported_in_part"] = supported_in_part
        if noted is not UNSET:
            field_dict["noted"] = noted
        if pending is not UNSET:
            field_dict["pending"] = pending
        if no_position is not UNSET:
            field_dict["no_position"] = no_position
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        supported = d.pop("supported", UNSET)

        supported_in_part = d.pop("supported_in_part", UNSET)

        noted = d.pop("noted", UNSET)

        pending = d.pop("pending", UNSET)

        no_position = d.pop("no_position", UNSET)

        total = d.pop("total", UNSET)

        position_counts = cls(
            supported=supported,
            supported_in_part=supported_in_part,
            noted=noted,
            pending=pending,
            no_position=no_position,
            total=total,
        )

        position_counts.additional_properties = d
        return position_counts

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
