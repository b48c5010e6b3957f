from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="GroupMemberRead")


@_attrs_define
class GroupMemberRead:
    """
    Attributes:
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        is_co_chair (bool):
    """

    organisation: OrganisationRef
    is_co_chair: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation.to_dict()

        is_co_chair = self.is_co_chair

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation": organisation,
                "is_co_chair": is_co_chair,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        is_co_chair = d.pop("is_co_chair")

        group_member_read = cls(
            organisation=organisation,
            is_co_chair=is_co_chair,
        )

        group_member_read.additional_properties = d
        return group_member_read

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
