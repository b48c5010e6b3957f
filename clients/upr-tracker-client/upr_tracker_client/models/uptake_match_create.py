from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UptakeMatchCreate")


@_attrs_define
class UptakeMatchCreate:
    """
    Attributes:
        proposed_recommendation_id (int): The proposed recommendation (ask).
        recommendation_id (int): The recommendation actually made that carries the ask.
    """

    proposed_recommendation_id: int
    recommendation_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        proposed_recommendation_id = self.proposed_recommendation_id

        recommendation_id = self.recommendation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "proposed_recommendation_id": proposed_recommendation_id,
                "recommendation_id": recommendation_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        proposed_recommendation_id = d.pop("proposed_recommendation_id")

        recommendation_id = d.pop("recommendation_id")

        uptake_match_create = cls(
            proposed_recommendation_id=proposed_recommendation_id,
            recommendation_id=recommendation_id,
        )

        uptake_match_create.additional_properties = d
        return uptake_match_create

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
