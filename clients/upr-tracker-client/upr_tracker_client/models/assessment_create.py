from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.traffic_light import TrafficLight
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentCreate")


@_attrs_define
class AssessmentCreate:
    """
    Attributes:
        recommendation_id (int):
        rating (TrafficLight): An organisation's rating of a recommendation's implementation.
        assessed_on (datetime.date): Not in the future.
        reasoning (None | str | Unset):
        visibility (Visibility | Unset):
    """

    recommendation_id: int
    rating: TrafficLight
    assessed_on: datetime.date
    reasoning: None | str | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendation_id = self.recommendation_id

        rating = self.rating.value

        assessed_on = self.assessed_on.isoformat()

        reasoning: None | str | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        else:
            reasoning = self.reasoning

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendation_id": recommendation_id,
                "rating": rating,
                "assessed_on": assessed_on,
            }
        )
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recommendation_id = d.pop("recommendation_id")

        rating = TrafficLight(d.pop("rating"))

        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))

        def _parse_reasoning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        _visibility = d.pop("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = Visibility(_visibility)

        assessment_create = cls(
            recommendation_id=recommendation_id,
            rating=rating,
            assessed_on=assessed_on,
            reasoning=reasoning,
            visibility=visibility,
        )

        assessment_create.additional_properties = d
        return assessment_create

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
