from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.regional_group import RegionalGroup

if TYPE_CHECKING:
    from ..models.champion_by_state_under_review import ChampionByStateUnderReview


T = TypeVar("T", bound="Champion")


@_attrs_define
class Champion:
    """
    Attributes:
        code (str):
        name (str):
        regional_group (None | RegionalGroup):
        recommendations (int): Recommendations matching the filters it made (alone or jointly).
        states_under_review_count (int):
        states_under_review (list[str]): ISO3 codes of the states it made them to.
        by_state_under_review (ChampionByStateUnderReview): Recommendations per state it made them to (ISO3 code →
            count), by code.
        supported (int): Of those, currently supported.
        supported_in_part (int): Of those, currently supported in part.
        noted (int): Of those, currently noted.
        no_position_yet (int): Of those, pending or with no position recorded.
        supported_share (float): (supported + supported_in_part) / recommendations, 0–1.
        cycles (list[int]): UPR cycles in which it made them.
        latest_cycle (int):
        recommendations_url (str): `/recommendations` with the same filters and this recommending state: the
            recommendations counted.
    """

    code: str
    name: str
    regional_group: None | RegionalGroup
    recommendations: int
    states_under_review_count: int
    states_under_review: list[str]
    by_state_under_review: ChampionByStateUnderReview
    supported: int
    supported_in_part: int
    noted: int
    no_position_yet: int
    supported_share: float
    cycles: list[int]
    latest_cycle: int
    recommendations_url: str
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

        by_state_under_review = self.by_state_under_review.to_dict()

        supported = self.supported

        supported_in_part = self.supported_in_part

        noted = self.noted

        no_position_yet = self.no_position_yet

        supported_share = self.supported_share

        cycles = self.cycles

        latest_cycle = self.latest_cycle

        recommendations_url = self.recommendations_url

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
                "by_state_under_review": by_state_under_review,
                "supported": supported,
                "supported_in_part": supported_in_part,
                "noted": noted,
                "no_position_yet": no_position_yet,
                "supported_share": supported_share,
                "cycles": cycles,
                "latest_cycle": latest_cycle,
                "recommendations_url": recommendations_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.champion_by_state_under_review import ChampionByStateUnderReview  # noqa: PLC0415

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

        by_state_under_review = ChampionByStateUnderReview.from_dict(d.pop("by_state_under_review"))

        supported = d.pop("supported")

        supported_in_part = d.pop("supported_in_part")

        noted = d.pop("noted")

        no_position_yet = d.pop("no_position_yet")

        supported_share = d.pop("supported_share")

        cycles = cast(list[int], d.pop("cycles"))

        latest_cycle = d.pop("latest_cycle")

        recommendations_url = d.pop("recommendations_url")

        champion = cls(
            code=code,
            name=name,
            regional_group=regional_group,
            recommendations=recommendations,
            states_under_review_count=states_under_review_count,
            states_under_review=states_under_review,
            by_state_under_review=by_state_under_review,
            supported=supported,
            supported_in_part=supported_in_part,
            noted=noted,
            no_position_yet=no_position_yet,
            supported_share=supported_share,
            cycles=cycles,
            latest_cycle=latest_cycle,
            recommendations_url=recommendations_url,
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
