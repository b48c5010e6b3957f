from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.state_ask import StateAsk
    from ..models.state_uptake_by_position import StateUptakeByPosition


T = TypeVar("T", bound="StateUptake")


@_attrs_define
class StateUptake:
    """
    Attributes:
        state_code (str):
        targeted (bool): A target of any of the coalition's briefs on the review.
        targeted_by_briefs (list[int]): The briefs that target it.
        asks (list[StateAsk]): The asks it took up (empty: a target that took up none).
        by_position (StateUptakeByPosition): Its carrying recommendations per current position.
    """

    state_code: str
    targeted: bool
    targeted_by_briefs: list[int]
    asks: list[StateAsk]
    by_position: StateUptakeByPosition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state_code = self.state_code

        targeted = self.targeted

        targeted_by_briefs = self.targeted_by_briefs

        asks = []
        for asks_item_data in self.asks:
            asks_item = asks_item_data.to_dict()
            asks.append(asks_item)

        by_position = self.by_position.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state_code": state_code,
                "targeted": targeted,
                "targeted_by_briefs": targeted_by_briefs,
                "asks": asks,
                "by_position": by_position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.state_ask import StateAsk  # noqa: PLC0415
        from ..models.state_uptake_by_position import StateUptakeByPosition  # noqa: PLC0415

        d = dict(src_dict)
        state_code = d.pop("state_code")

        targeted = d.pop("targeted")

        targeted_by_briefs = cast(list[int], d.pop("targeted_by_briefs"))

        asks = []
        _asks = d.pop("asks")
        for asks_item_data in _asks:
            asks_item = StateAsk.from_dict(asks_item_data)

            asks.append(asks_item)

        by_position = StateUptakeByPosition.from_dict(d.pop("by_position"))

        state_uptake = cls(
            state_code=state_code,
            targeted=targeted,
            targeted_by_briefs=targeted_by_briefs,
            asks=asks,
            by_position=by_position,
        )

        state_uptake.additional_properties = d
        return state_uptake

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
