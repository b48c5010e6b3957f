from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_role import SubmissionRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmissionPartyWrite")


@_attrs_define
class SubmissionPartyWrite:
    """
    Attributes:
        name (None | str | Unset): As the submission names it (an unregistered party); a party linked to an organisation
            always shows that organisation's (public) name.
        organisation_id (int | None | Unset): The organisation, when it is registered here.
        role (SubmissionRole | Unset):
    """

    name: None | str | Unset = UNSET
    organisation_id: int | None | Unset = UNSET
    role: SubmissionRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        organisation_id: int | None | Unset
        if isinstance(self.organisation_id, Unset):
            organisation_id = UNSET
        else:
            organisation_id = self.organisation_id

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if organisation_id is not UNSET:
            field_dict["organisation_id"] = organisation_id
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_organisation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        organisation_id = _parse_organisation_id(d.pop("organisation_id", UNSET))

        _role = d.pop("role", UNSET)
        role: SubmissionRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = SubmissionRole(_role)

        submission_party_write = cls(
            name=name,
            organisation_id=organisation_id,
            role=role,
        )

        submission_party_write.additional_properties = d
        return submission_party_write

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
