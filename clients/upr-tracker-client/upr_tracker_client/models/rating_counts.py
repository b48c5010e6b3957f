from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RatingCounts")


@_attrs_define
class RatingCounts:
    """
    Attributes:
        not_started (int | Unset):  Default: 0.
        partial (int | Unset):  Default: 0.
        implemented (int | Unset):  Default: 0.
        no_information (int | Unset):  Default: 0.
        not_assessed (int | Unset): Recommendations this actor has not assessed (visibly). Default: 0.
    """

    not_started: int | Unset = 0
    partial: int | Unset = 0
    implemented: int | Unset = 0
    no_information: int | Unset = 0
    not_assessed: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_started = self.not_started

        partial = self.partial

        implemented = self.implemented

        no_information = self.no_information

        not_assessed = self.not_assessed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if not_started is not UNSET:
            field_dict["not_started"] = not_started
        if partial is not UNSET:
            field_dict["partial"] = partial
        if implemented is not UNSET:
            field_dict["implemented"] = implemented
        if no_information is not UNSET:
            field_dict["no_information"] = no_information
        if not_assessed is not UNSET:
            field_dict["not_assessed"] = not_assessed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        not_started = d.pop("not_started", UNSET)

        partial = d.pop("partial", UNSET)

        implemented = d.pop("implemented", UNSET)

        no_information = d.pop("no_information", UNSET)

        not_assessed = d.pop("not_assessed", UNSET)

        rating_counts = cls(
            not_started=not_started,
            partial=partial,
            implemented=implemented,
            no_information=no_information,
            not_assessed=not_assessed,
        )

        rating_counts.additional_properties = d
        return rating_counts

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
