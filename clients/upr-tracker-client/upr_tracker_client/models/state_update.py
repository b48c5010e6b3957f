from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.regional_group import RegionalGroup
from ..models.un_status import UNStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StateUpdate")


@_attrs_define
class StateUpdate:
    """
    Attributes:
        name (str | Unset):
        iso2 (None | str | Unset):
        regional_group (None | RegionalGroup | Unset):
        un_status (UNStatus | Unset):
    """

    name: str | Unset = UNSET
    iso2: None | str | Unset = UNSET
    regional_group: None | RegionalGroup | Unset = UNSET
    un_status: UNStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        iso2: None | str | Unset
        if isinstance(self.iso2, Unset):
            iso2 = UNSET
        else:
            iso2 = self.iso2

        regional_group: None | str | Unset
        if isinstance(self.regional_group, Unset):
            regional_group = UNSET
        elif isinstance(self.regional_group, RegionalGroup):
            regional_group = self.regional_group.value
        else:
            regional_group = self.regional_group

        un_status: str | Unset = UNSET
        if not isinstance(self.un_status, Unset):
            un_status = self.un_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if iso2 is not UNSET:
            field_dict["iso2"] = iso2
        if regional_group is not UNSET:
            field_dict["regional_group"] = regional_group
        if un_status is not UNSET:
            field_dict["un_status"] = un_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_iso2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iso2 = _parse_iso2(d.pop("iso2", UNSET))

        def _parse_regional_group(data: object) -> None | RegionalGroup | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                regional_group_type_0 = RegionalGroup(data)

                return regional_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegionalGroup | Unset, data)

        regional_group = _parse_regional_group(d.pop("regional_group", UNSET))

        _un_status = d.pop("un_status", UNSET)
        un_status: UNStatus | Unset
        if isinstance(_un_status, Unset):
            un_status = UNSET
        else:
            un_status = UNStatus(_un_status)

        state_update = cls(
            name=name,
            iso2=iso2,
            regional_group=regional_group,
            un_status=un_status,
        )

        state_update.additional_properties = d
        return state_update

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
