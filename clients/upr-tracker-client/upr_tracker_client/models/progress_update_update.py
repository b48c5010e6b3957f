from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgressUpdateUpdate")


@_attrs_define
class ProgressUpdateUpdate:
    """A correction: appends a revision, the earlier text stays in the revisions.

    Attributes:
        text (str | Unset):
        reported_on (datetime.date | Unset):
        visibility (Visibility | Unset):
    """

    text: str | Unset = UNSET
    reported_on: datetime.date | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        reported_on: str | Unset = UNSET
        if not isinstance(self.reported_on, Unset):
            reported_on = self.reported_on.isoformat()

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if reported_on is not UNSET:
            field_dict["reported_on"] = reported_on
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        _reported_on = d.pop("reported_on", UNSET)
        reported_on: datetime.date | Unset
        if isinstance(_reported_on, Unset):
            reported_on = UNSET
        else:
            reported_on = datetime.date.fromisoformat(_reported_on)

        _visibility = d.pop("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = Visibility(_visibility)

        progress_update_update = cls(
            text=text,
            reported_on=reported_on,
            visibility=visibility,
        )

        progress_update_update.additional_properties = d
        return progress_update_update

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
