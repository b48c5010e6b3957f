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
        rating (None | TrafficLight | Unset):
        reasoning (None | str | Unset):
        assessed_on (datetime.date | None | Unset):
        visibility (None | Unset | Visibility): `public`: everyone; `shared`: registered users of the state;
            `confidential`: your organisation, the state's NHRIs and admins.
    """

    rating: None | TrafficLight | Unset = UNSET
    reasoning: None | str | Unset = UNSET
    assessed_on: datetime.date | None | Unset = UNSET
    visibility: None | Unset | Visibility = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rating: None | str | Unset
        if isinstance(self.rating, Unset):
            rating = UNSET
        elif isinstance(self.rating, TrafficLight):
            rating = self.rating.value
        else:
            rating = self.rating

        reasoning: None | str | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        else:
            reasoning = self.reasoning

        assessed_on: None | str | Unset
        if isinstance(self.assessed_on, Unset):
            assessed_on = UNSET
        elif isinstance(self.assessed_on, datetime.date):
            assessed_on = self.assessed_on.isoformat()
        else:
            assessed_on = self.assessed_on

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, Visibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

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

        def _parse_rating(data: object) -> None | TrafficLight | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rating_type_0 = TrafficLight(data)

                return rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrafficLight | Unset, data)

        rating = _parse_rating(d.pop("rating", UNSET))

        def _parse_reasoning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        def _parse_assessed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_on_type_0 = datetime.date.fromisoformat(data)

                return assessed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        assessed_on = _parse_assessed_on(d.pop("assessed_on", UNSET))

        def _parse_visibility(data: object) -> None | Unset | Visibility:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = Visibility(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Visibility, data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

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
