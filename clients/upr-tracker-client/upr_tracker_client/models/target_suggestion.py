from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.regional_group import RegionalGroup

T = TypeVar("T", bound="TargetSuggestion")


@_attrs_define
class TargetSuggestion:
    """
    Attributes:
        state_code (str): ISO3 code of the recommending state.
        state_name (str):
        regional_group (None | RegionalGroup):
        recommendations (int): Recommendations it made on the brief's themes (alone or jointly).
        to_this_state (int): Of those, made to the brief's state under review.
        to_other_states (int): Of those, made to other states.
        supported (int): Of those, currently supported.
        supported_in_part (int): Of those, currently supported in part.
        noted (int): Of those, currently noted.
        no_position_yet (int): Of those, pending or with no position recorded.
        supported_share (float): (supported + supported_in_part) / recommendations, 0–1.
        latest_cycle (int): The latest UPR cycle in which it made one of them.
        reason (str): The figures in one line of words, to quote when choosing the target.
        target_id (int | None): The brief's target for this state, when already chosen.
        already_target (bool):
        recommendations_url (str): `/recommendations` listing the recommendations counted.
    """

    state_code: str
    state_name: str
    regional_group: None | RegionalGroup
    recommendations: int
    to_this_state: int
    to_other_states: int
    supported: int
    supported_in_part: int
    noted: int
    no_position_yet: int
    supported_share: float
    latest_cycle: int
    reason: str
    target_id: int | None
    already_target: bool
    recommendations_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state_code = self.state_code

        state_name = self.state_name

        regional_group: None | str
        if isinstance(self.regional_group, RegionalGroup):
            regional_group = self.regional_group.value
        else:
            regional_group = self.regional_group

        recommendations = self.recommendations

        to_this_state = self.to_this_state

        to_other_states = self.to_other_states

        supported = self.supported

        supported_in_part = self.supported_in_part

        noted = self.noted

        no_position_yet = self.no_position_yet

        supported_share = self.supported_share

        latest_cycle = self.latest_cycle

        reason = self.reason

        target_id: int | None
        target_id = self.target_id

        already_target = self.already_target

        recommendations_url = self.recommendations_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state_code": state_code,
                "state_name": state_name,
                "regional_group": regional_group,
                "recommendations": recommendations,
                "to_this_state": to_this_state,
                "to_other_states": to_other_states,
                "supported": supported,
                "supported_in_part": supported_in_part,
                "noted": noted,
                "no_position_yet": no_position_yet,
                "supported_share": supported_share,
                "latest_cycle": latest_cycle,
                "reason": reason,
                "target_id": target_id,
                "already_target": already_target,
                "recommendations_url": recommendations_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state_code = d.pop("state_code")

        state_name = d.pop("state_name")

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

        to_this_state = d.pop("to_this_state")

        to_other_states = d.pop("to_other_states")

        supported = d.pop("supported")

        supported_in_part = d.pop("supported_in_part")

        noted = d.pop("noted")

        no_position_yet = d.pop("no_position_yet")

        supported_share = d.pop("supported_share")

        latest_cycle = d.pop("latest_cycle")

        reason = d.pop("reason")

        def _parse_target_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_id = _parse_target_id(d.pop("target_id"))

        already_target = d.pop("already_target")

        recommendations_url = d.pop("recommendations_url")

        target_suggestion = cls(
            state_code=state_code,
            state_name=state_name,
            regional_group=regional_group,
            recommendations=recommendations,
            to_this_state=to_this_state,
            to_other_states=to_other_states,
            supported=supported,
            supported_in_part=supported_in_part,
            noted=noted,
            no_position_yet=no_position_yet,
            supported_share=supported_share,
            latest_cycle=latest_cycle,
            reason=reason,
            target_id=target_id,
            already_target=already_target,
            recommendations_url=recommendations_url,
        )

        target_suggestion.additional_properties = d
        return target_suggestion

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
