from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind
from ..models.uptake_status import UptakeStatus

T = TypeVar("T", bound="WindowRecommendation")


@_attrs_define
class WindowRecommendation:
    """
    Attributes:
        recommendation_id (int):
        paragraph (None | str):
        text (str):
        recommending_states (list[str]):
        current_position (None | PositionKind): Null or `pending` until the outcome is adopted.
        pending (bool):
        asks (list[int]): The brief's asks it matches (empty in the group not matched to a brief).
        match_status (None | UptakeStatus): `confirmed`, or `suggested` when suggestions are included; null in the group
            not matched to a brief.
    """

    recommendation_id: int
    paragraph: None | str
    text: str
    recommending_states: list[str]
    current_position: None | PositionKind
    pending: bool
    asks: list[int]
    match_status: None | UptakeStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendation_id = self.recommendation_id

        paragraph: None | str
        paragraph = self.paragraph

        text = self.text

        recommending_states = self.recommending_states

        current_position: None | str
        if isinstance(self.current_position, PositionKind):
            current_position = self.current_position.value
        else:
            current_position = self.current_position

        pending = self.pending

        asks = self.asks

        match_status: None | str
        if isinstance(self.match_status, UptakeStatus):
            match_status = self.match_status.value
        else:
            match_status = self.match_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendation_id": recommendation_id,
                "paragraph": paragraph,
                "text": text,
                "recommending_states": recommending_states,
                "current_position": current_position,
                "pending": pending,
                "asks": asks,
                "match_status": match_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recommendation_id = d.pop("recommendation_id")

        def _parse_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paragraph = _parse_paragraph(d.pop("paragraph"))

        text = d.pop("text")

        recommending_states = cast(list[str], d.pop("recommending_states"))

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

        pending = d.pop("pending")

        asks = cast(list[int], d.pop("asks"))

        def _parse_match_status(data: object) -> None | UptakeStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                match_status_type_0 = UptakeStatus(data)

                return match_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UptakeStatus, data)

        match_status = _parse_match_status(d.pop("match_status"))

        window_recommendation = cls(
            recommendation_id=recommendation_id,
            paragraph=paragraph,
            text=text,
            recommending_states=recommending_states,
            current_position=current_position,
            pending=pending,
            asks=asks,
            match_status=match_status,
        )

        window_recommendation.additional_properties = d
        return window_recommendation

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
