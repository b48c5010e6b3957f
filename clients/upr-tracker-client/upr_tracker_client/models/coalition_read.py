from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.membership import Membership
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="CoalitionRead")


@_attrs_define
class CoalitionRead:
    """An invited organisation (`membership.status` `invited`) sees only the coalition's name and state until it
    accepts: every other field is then null.

        Attributes:
            id (int):
            name (str):
            state_code (str):
            description (None | str):
            membership (Membership | None): Your organisation's membership (null for an admin whose organisation is not in
                it).
            created_by (None | OrganisationRef): The founding organisation (null while only invited).
            member_count (int | None): Active member organisations (null while only invited).
            working_group_count (int | None): Working groups (null while only invited).
            created_at (datetime.datetime | None):
            updated_at (datetime.datetime | None):
    """

    id: int
    name: str
    state_code: str
    description: None | str
    membership: Membership | None
    created_by: None | OrganisationRef
    member_count: int | None
    working_group_count: int | None
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.membership import Membership  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        id = self.id

        name = self.name

        state_code = self.state_code

        description: None | str
        description = self.description

        membership: dict[str, Any] | None
        if isinstance(self.membership, Membership):
            membership = self.membership.to_dict()
        else:
            membership = self.membership

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, OrganisationRef):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        member_count: int | None
        member_count = self.member_count

        working_group_count: int | None
        working_group_count = self.working_group_count

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "state_code": state_code,
                "description": description,
                "membership": membership,
                "created_by": created_by,
                "member_count": member_count,
                "working_group_count": working_group_count,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership import Membership  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        state_code = d.pop("state_code")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_membership(data: object) -> Membership | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                membership_type_0 = Membership.from_dict(data)

                return membership_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Membership | None, data)

        membership = _parse_membership(d.pop("membership"))

        def _parse_created_by(data: object) -> None | OrganisationRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_0 = OrganisationRef.from_dict(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationRef, data)

        created_by = _parse_created_by(d.pop("created_by"))

        def _parse_member_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        member_count = _parse_member_count(d.pop("member_count"))

        def _parse_working_group_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        working_group_count = _parse_working_group_count(d.pop("working_group_count"))

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        coalition_read = cls(
            id=id,
            name=name,
            state_code=state_code,
            description=description,
            membership=membership,
            created_by=created_by,
            member_count=member_count,
            working_group_count=working_group_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        coalition_read.additional_properties = d
        return coalition_read

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
