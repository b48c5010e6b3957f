from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgressUpdateUpdate")


@_attrs_define
class ProgressUpdateUpdate:
    """A correction: appends a revision, the earlier text stays in the revisions.

    Attributes:
        text (None | str | Unset):
        reported_on (datetime.date | None | Unset):
        visibility (None | Unset | Visibility): `public`: everyone; `shared`: registered users of the state;
            `confidential`: your organisation, the state's NHRIs and admins.
    """

    text: None | str | Unset = UNSET
    reported_on: datetime.date | None | Unset = UNSET
    visibility: None | Unset | Visibility = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        reported_on: None | str | Unset
        if isinstance(self.reported_on, Unset):
            reported_on = UNSET
        elif isinstance(self.reported_on, datetime.date):
            reported_on = self.reported_on.isoformat()
        else:
            reported_on = self.reported_on

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, Visibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

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

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_reported_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_on_type_0 = datetime.date.fromisoformat(data)

                return reported_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reported_on = _parse_reported_on(d.pop("reported_on", UNSET))

        def _parse_visibility(data: object) -> None | Unset | Visibility:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = Visibility(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Visibility, data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

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
