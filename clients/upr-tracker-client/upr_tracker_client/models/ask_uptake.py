from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.uptake_recommendation import UptakeRecommendation
    from ..models.uptake_state import UptakeState


T = TypeVar("T", bound="AskUptake")


@_attrs_define
class AskUptake:
    """
    Attributes:
        proposed_recommendation_id (int):
        position (int): The ask's order in its brief, from 0.
        text (str):
        taken_up (bool): At least one confirmed match.
        recommendations (list[UptakeRecommendation]): The confirmed matches.
        states (list[UptakeState]): The states whose recommendations carry the ask.
    """

    proposed_recommendation_id: int
    position: int
    text: str
    taken_up: bool
    recommendations: list[UptakeRecommendation]
    states: list[UptakeState]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        proposed_recommendation_id = self.proposed_recommendation_id

        position = self.position

        text = self.text

        taken_up = self.taken_up

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        states = []
        for states_item_data in self.states:
            states_item = states_item_data.to_dict()
            states.append(states_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "proposed_recommendation_id": proposed_recommendation_id,
                "position": position,
                "text": text,
                "taken_up": taken_up,
                "recommendations": recommendations,
                "states": states,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uptake_recommendation import UptakeRecommendation  # noqa: PLC0415
        from ..models.uptake_state import UptakeState  # noqa: PLC0415

        d = dict(src_dict)
        proposed_recommendation_id = d.pop("proposed_recommendation_id")

        position = d.pop("position")

        text = d.pop("text")

        taken_up = d.pop("taken_up")

        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = UptakeRecommendation.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        states = []
        _states = d.pop("states")
        for states_item_data in _states:
            states_item = UptakeState.from_dict(states_item_data)

            states.append(states_item)

        ask_uptake = cls(
            proposed_recommendation_id=proposed_recommendation_id,
            position=position,
            text=text,
            taken_up=taken_up,
            recommendations=recommendations,
            states=states,
        )

        ask_uptake.additional_properties = d
        return ask_uptake

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
