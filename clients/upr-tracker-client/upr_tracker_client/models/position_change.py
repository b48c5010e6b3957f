from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind

T = TypeVar("T", bound="PositionChange")


@_attrs_define
class PositionChange:
    """
    Attributes:
        recommendation_id (int):
        paragraph (None | str):
        text (str):
        previous_position (PositionKind):
        current_position (PositionKind):
        changed_on (datetime.date | None):
    """

    recommendation_id: int
    paragraph: None | str
    text: str
    previous_position: PositionKind
    current_position: PositionKind
    changed_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendation_id = self.recommendation_id

        paragraph: None | str
        paragraph = self.paragraph

        text = self.text

        previous_position = self.previous_position.value

        current_position = self.current_position.value

        changed_on: None | str
        if isinstance(self.changed_on, datetime.date):
            changed_on = self.changed_on.isoformat()
        else:
            changed_on = self.changed_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendation_id": recommendation_id,
                "paragraph": paragraph,
                "text": text,
                "previous_position": previous_position,
                "current_position": current_position,
                "changed_on": changed_on,
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

        previous_position = PositionKind(d.pop("previous_position"))

        current_position = PositionKind(d.pop("current_position"))

        def _parse_changed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                changed_on_type_0 = datetime.date.fromisoformat(data)

                return changed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        changed_on = _parse_changed_on(d.pop("changed_on"))

        position_change = cls(
            recommendation_id=recommendation_id,
            paragraph=paragraph,
            text=text,
            previous_position=previous_position,
            current_position=current_position,
            changed_on=changed_on,
        )

        position_change.additional_properties = d
        return position_change

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
