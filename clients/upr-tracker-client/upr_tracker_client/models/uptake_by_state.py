from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.state_uptake import StateUptake


T = TypeVar("T", bound="UptakeByState")


@_attrs_define
class UptakeByState:
    """
    Attributes:
        coalition_id (int):
        review_id (int):
        states (list[StateUptake]): States that took up an ask, then targets that took up none.
    """

    coalition_id: int
    review_id: int
    states: list[StateUptake]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coalition_id = self.coalition_id

        review_id = self.review_id

        states = []
        for states_item_data in self.states:
            states_item = states_item_data.to_dict()
            states.append(states_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coalition_id": coalition_id,
                "review_id": review_id,
                "states": states,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.state_uptake import StateUptake  # noqa: PLC0415

        d = dict(src_dict)
        coalition_id = d.pop("coalition_id")

        review_id = d.pop("review_id")

        states = []
        _states = d.pop("states")
        for states_item_data in _states:
            states_item = StateUptake.from_dict(states_item_data)

            states.append(states_item)

        uptake_by_state = cls(
            coalition_id=coalition_id,
            review_id=review_id,
            states=states,
        )

        uptake_by_state.additional_properties = d
        return uptake_by_state

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
