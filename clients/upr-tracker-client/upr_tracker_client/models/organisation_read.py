from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="OrganisationRead")


@_attrs_define
class OrganisationRead:
    """
    Attributes:
        id (int):
        name (str): The real name for admins and the organisation's own members; otherwise the public name when the
            organisation has one.
        kind (OrganisationKind):
        state_code (str):
        public_name (None | str):
        is_active (bool):
    """

    id: int
    name: str
    kind: OrganisationKind
    state_code: str
    public_name: None | str
    is_active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

        state_code = self.state_code

        public_name: None | str
        public_name = self.public_name

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "state_code": state_code,
                "public_name": public_name,
                "is_active": is_active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = OrganisationKind(d.pop("kind"))

        state_code = d.pop("state_code")

        def _parse_public_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_name = _parse_public_name(d.pop("public_name"))

        is_active = d.pop("is_active")

        organisation_read = cls(
            id=id,
            name=name,
            kind=kind,
            state_code=state_code,
            public_name=public_name,
            is_active=is_active,
        )

        organisation_read.additional_properties = d
        return organisation_read

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
