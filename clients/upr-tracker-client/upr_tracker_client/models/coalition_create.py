from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoalitionCreate")


@_attrs_define
class CoalitionCreate:
    """
    Attributes:
        name (str):
        description (None | str | Unset):
        state_code (None | str | Unset): The state whose reviews the coalition prepares; by default the lead
            organisation's state.
        lead_organisation_id (int | None | Unset): Admins found a coalition for an organisation and must name it (an
            active CSO or NHRI); anyone else founds it for their own organisation and leaves this out (or names their own).
    """

    name: str
    description: None | str | Unset = UNSET
    state_code: None | str | Unset = UNSET
    lead_organisation_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        state_code: None | str | Unset
        if isinstance(self.state_code, Unset):
            state_code = UNSET
        else:
            state_code = self.state_code

        lead_organisation_id: int | None | Unset
        if isinstance(self.lead_organisation_id, Unset):
            lead_organisation_id = UNSET
        else:
            lead_organisation_id = self.lead_organisation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if state_code is not UNSET:
            field_dict["state_code"] = state_code
        if lead_organisation_id is not UNSET:
            field_dict["lead_organisation_id"] = lead_organisation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_state_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state_code = _parse_state_code(d.pop("state_code", UNSET))

        def _parse_lead_organisation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lead_organisation_id = _parse_lead_organisation_id(d.pop("lead_organisation_id", UNSET))

        coalition_create = cls(
            name=name,
            description=description,
            state_code=state_code,
            lead_organisation_id=lead_organisation_id,
        )

        coalition_create.additional_properties = d
        return coalition_create

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
