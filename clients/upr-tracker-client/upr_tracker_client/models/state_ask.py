from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.uptake_recommendation import UptakeRecommendation


T = TypeVar("T", bound="StateAsk")


@_attrs_define
class StateAsk:
    """
    Attributes:
        proposed_recommendation_id (int):
        brief_id (int):
        text (str):
        recommendations (list[UptakeRecommendation]):
    """

    proposed_recommendation_id: int
    brief_id: int
    text: str
    recommendations: list[UptakeRecommendation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        proposed_recommendation_id = self.proposed_recommendation_id

        brief_id = self.brief_id

        text = self.text

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "proposed_recommendation_id": proposed_recommendation_id,
                "brief_id": brief_id,
                "text": text,
                "recommendations": recommendations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uptake_recommendation import UptakeRecommendation  # noqa: PLC0415

        d = dict(src_dict)
        proposed_recommendation_id = d.pop("proposed_recommendation_id")

        brief_id = d.pop("brief_id")

        text = d.pop("text")

        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = UptakeRecommendation.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        state_ask = cls(
            proposed_recommendation_id=proposed_recommendation_id,
            brief_id=brief_id,
            text=text,
            recommendations=recommendations,
        )

        state_ask.additional_properties = d
        return state_ask

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
