from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.traffic_light import TrafficLight
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentUpdate")


@_attrs_define
class AssessmentUpdate:
    """A correction of one point in the history: appends a revision (a new point is a POST).

    Attributes:
        rating (TrafficLight | Unset): An organisation's rating of a recommendation's implementation.
        reasoning (None | str | Unset):
        assessed_on (datetime.date | Unset):
        visibility (Visibility | Unset):
    """

    rating: TrafficLight | Unset = UNSET
    reasoning: None | str | Unset = UNSET
    assessed_on: datetime.date | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rating: str | Unset = UNSET
        if not isinstance(self.rating, Unset):
            rating = self.rating.value

        reasoning: None | str | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        else:
            reasoning = self.reasoning

        assessed_on: str | Unset = UNSET
        if not isinstance(self.assessed_on, Unset):
            assessed_on = self.assessed_on.isoformat()

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if rating is not UNSET:
            field_dict["rating"] = rating
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if assessed_on is not UNSET:
            field_dict["assessed_on"] = assessed_on
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _rating = d.pop("rating", UNSET)
        rating: TrafficLight | Unset
        if isinstance(_rating, Unset):
            rating = UNSET
        else:
            rating = TrafficLight(_rating)

        def _parse_reasoning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        _assessed_on = d.pop("assessed_on", UNSET)
        assessed_on: datetime.date | Unset
        if isinstance(_assessed_on, Unset):
            assessed_on = UNSET
        else:
            assessed_on = datetime.date.fromisoformat(_assessed_on)

        _visibility = d.pop("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = Visibility(_visibility)

        assessment_update = cls(
            rating=rating,
            reasoning=reasoning,
            assessed_on=assessed_on,
            visibility=visibility,
        )

        assessment_update.additional_properties = d
        return assessment_update

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
