from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgressUpdateCreate")


@_attrs_define
class ProgressUpdateCreate:
    """
    Attributes:
        text (str):
        reported_on (datetime.date): Not in the future.
        recommendation_id (int | None | Unset): At least one of recommendation_id and action_id; both of the same state.
        action_id (int | None | Unset):
        visibility (Visibility | Unset):
    """

    text: str
    reported_on: datetime.date
    recommendation_id: int | None | Unset = UNSET
    action_id: int | None | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        reported_on = self.reported_on.isoformat()

        recommendation_id: int | None | Unset
        if isinstance(self.recommendation_id, Unset):
            recommendation_id = UNSET
        else:
            recommendation_id = self.recommendation_id

        action_id: int | None | Unset
        if isinstance(self.action_id, Unset):
            action_id = UNSET
        else:
            action_id = self.action_id

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "reported_on": reported_on,
            }
        )
        if recommendation_id is not UNSET:
            field_dict["recommendation_id"] = recommendation_id
        if action_id is not UNSET:
            field_dict["action_id"] = action_id
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        def _parse_recommendation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        recommendation_id = _parse_recommendation_id(d.pop("recommendation_id", UNSET))

        def _parse_action_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        action_id = _parse_action_id(d.pop("action_id", UNSET))

        _visibility = d.pop("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = Visibility(_visibility)

        progress_update_create = cls(
            text=text,
            reported_on=reported_on,
            recommendation_id=recommendation_id,
            action_id=action_id,
            visibility=visibility,
        )

        progress_update_create.additional_properties = d
        return progress_update_create

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
