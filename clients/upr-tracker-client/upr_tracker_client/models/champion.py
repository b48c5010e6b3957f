from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.regional_group import RegionalGroup

T = TypeVar("T", bound="Champion")


@_attrs_define
class Champion:
    """
    Attributes:
        code (str):
        name (str):
        regional_group (None | RegionalGroup):
        recommendations (int): Recommendations on the theme it made (alone or jointly).
        states_under_review_count (int):
        states_under_review (list[str]): ISO3 codes of the states it made them to.
        supported (int): Of those, currently supported.
        supported_in_part (int): Of those, currently supported in part.
        supported_share (float): (supported + supported_in_part) / recommendations, 0–1.
        cycles (list[int]): UPR cycles in which it made them.
    """

    code: str
    name: str
    regional_group: None | RegionalGroup
    recommendations: int
    states_under_review_count: int
    states_under_review: list[str]
    supported: int
    supported_in_part: int
    supported_share: float
    cycles: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        regional_group: None | str
        if isinstance(self.regional_group, RegionalGroup):
            regional_group = self.regional_group.value
        else:
            regional_group = self.regional_group

        recommendations = self.recommendations

        states_under_review_count = self.states_under_review_count

        states_under_review = self.states_under_review

        supported = self.supported

        supported_in_part = self.supported_in_part

        supported_share = self.supported_share

        cycles = self.cycles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "regional_group": regional_group,
                "recommendations": recommendations,
                "states_under_review_count": states_under_review_count,
                "states_under_review": states_under_review,
                "supported": supported,
                "supported_in_part": supported_in_part,
                "supported_share": supported_share,
                "cycles": cycles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        def _parse_regional_group(data: object) -> None | RegionalGroup:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                regional_group_type_0 = RegionalGroup(data)

                return regional_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegionalGroup, data)

        regional_group = _parse_regional_group(d.pop("regional_group"))

        recommendations = d.pop("recommendations")

        states_under_review_count = d.pop("states_under_review_count")

        states_under_review = cast(list[str], d.pop("states_under_review"))

        supported = d.pop("supported")

        supported_in_part = d.pop("supported_in_part")

        supported_share = d.pop("supported_share")

        cycles = cast(list[int], d.pop("cycles"))

        champion = cls(
            code=code,
            name=name,
            regional_group=regional_group,
            recommendations=recommendations,
            states_under_review_count=states_under_review_count,
            states_under_review=states_under_review,
            supported=supported,
            supported_in_part=supported_in_part,
            supported_share=supported_share,
            cycles=cycles,
        )

        champion.additional_properties = d
        return champion

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
