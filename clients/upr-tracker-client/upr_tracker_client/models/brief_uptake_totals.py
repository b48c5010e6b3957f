from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.brief_uptake_totals_by_position import BriefUptakeTotalsByPosition


T = TypeVar("T", bound="BriefUptakeTotals")


@_attrs_define
class BriefUptakeTotals:
    """
    Attributes:
        asks (int):
        taken_up (int):
        recommendations (int): Distinct recommendations carrying an ask.
        states (int): Distinct recommending states that took up an ask.
        targeted_states (int): Targets of the brief.
        targeted_states_taking_up (int): Targets of the brief that took up an ask.
        untargeted_states_taking_up (int):
        by_position (BriefUptakeTotalsByPosition): Carrying recommendations per current position (`none`: none yet).
    """

    asks: int
    taken_up: int
    recommendations: int
    states: int
    targeted_states: int
    targeted_states_taking_up: int
    untargeted_states_taking_up: int
    by_position: BriefUptakeTotalsByPosition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asks = self.asks

        taken_up = self.taken_up

        recommendations = self.recommendations

        states = self.states

        targeted_states = self.targeted_states

        targeted_states_taking_up = self.targeted_states_taking_up

        untargeted_states_taking_up = self.untargeted_states_taking_up

        by_position = self.by_position.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asks": asks,
                "taken_up": taken_up,
                "recommendations": recommendations,
                "states": states,
                "targeted_states": targeted_states,
                "targeted_states_taking_up": targeted_states_taking_up,
                "untargeted_states_taking_up": untargeted_states_taking_up,
                "by_position": by_position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brief_uptake_totals_by_position import BriefUptakeTotalsByPosition  # noqa: PLC0415

        d = dict(src_dict)
        asks = d.pop("asks")

        taken_up = d.pop("taken_up")

        recommendations = d.pop("recommendations")

        states = d.pop("states")

        targeted_states = d.pop("targeted_states")

        targeted_states_taking_up = d.pop("targeted_states_taking_up")

        untargeted_states_taking_up = d.pop("untargeted_states_taking_up")

        by_position = BriefUptakeTotalsByPosition.from_dict(d.pop("by_position"))

        brief_uptake_totals = cls(
            asks=asks,
            taken_up=taken_up,
            recommendations=recommendations,
            states=states,
            targeted_states=targeted_states,
            targeted_states_taking_up=targeted_states_taking_up,
            untargeted_states_taking_up=untargeted_states_taking_up,
            by_position=by_position,
        )

        brief_uptake_totals.additional_properties = d
        return brief_uptake_totals

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
