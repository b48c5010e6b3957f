from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind
from ..models.uptake_status import UptakeStatus

if TYPE_CHECKING:
    from ..models.uptake_state import UptakeState


T = TypeVar("T", bound="UptakeRecommendation")


@_attrs_define
class UptakeRecommendation:
    """
    Attributes:
        match_id (int):
        match_status (UptakeStatus):
        recommendation_id (int):
        paragraph (None | str):
        text (str):
        current_position (None | PositionKind):
        recommending_states (list[UptakeState]):
    """

    match_id: int
    match_status: UptakeStatus
    recommendation_id: int
    paragraph: None | str
    text: str
    current_position: None | PositionKind
    recommending_states: list[UptakeState]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        match_id = self.match_id

        match_status = self.match_status.value

        recommendation_id = self.recommendation_id

        paragraph: None | str
        paragraph = self.paragraph

        text = self.text

        current_position: None | str
        if isinstance(self.current_position, PositionKind):
            current_position = self.current_position.value
        else:
            current_position = self.current_position

        recommending_states = []
        for recommending_states_item_data in self.recommending_states:
            recommending_states_item = recommending_states_item_data.to_dict()
            recommending_states.append(recommending_states_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "match_id": match_id,
                "match_status": match_status,
                "recommendation_id": recommendation_id,
                "paragraph": paragraph,
                "text": text,
                "current_position": current_position,
                "recommending_states": recommending_states,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uptake_state import UptakeState  # noqa: PLC0415

        d = dict(src_dict)
        match_id = d.pop("match_id")

        match_status = UptakeStatus(d.pop("match_status"))

        recommendation_id = d.pop("recommendation_id")

        def _parse_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paragraph = _parse_paragraph(d.pop("paragraph"))

        text = d.pop("text")

        def _parse_current_position(data: object) -> None | PositionKind:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_position_type_0 = PositionKind(data)

                return current_position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionKind, data)

        current_position = _parse_current_position(d.pop("current_position"))

        recommending_states = []
        _recommending_states = d.pop("recommending_states")
        for recommending_states_item_data in _recommending_states:
            recommending_states_item = UptakeState.from_dict(recommending_states_item_data)

            recommending_states.append(recommending_states_item)

        uptake_recommendation = cls(
            match_id=match_id,
            match_status=match_status,
            recommendation_id=recommendation_id,
            paragraph=paragraph,
            text=text,
            current_position=current_position,
            recommending_states=recommending_states,
        )

        uptake_recommendation.additional_properties = d
        return uptake_recommendation

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
