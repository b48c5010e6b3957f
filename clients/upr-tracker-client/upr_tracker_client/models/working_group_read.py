from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_member_read import GroupMemberRead


T = TypeVar("T", bound="WorkingGroupRead")


@_attrs_define
class WorkingGroupRead:
    """
    Attributes:
        id (int):
        coalition_id (int):
        name (str):
        description (None | str):
        themes (list[int]): Theme ids, ascending.
        members (list[GroupMemberRead]): Co-chairs first, then by organisation id.
        brief_count (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    coalition_id: int
    name: str
    description: None | str
    themes: list[int]
    members: list[GroupMemberRead]
    brief_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        coalition_id = self.coalition_id

        name = self.name

        description: None | str
        description = self.description

        themes = self.themes

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        brief_count = self.brief_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "coalition_id": coalition_id,
                "name": name,
                "description": description,
                "themes": themes,
                "members": members,
                "brief_count": brief_count,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_member_read import GroupMemberRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        coalition_id = d.pop("coalition_id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        themes = cast(list[int], d.pop("themes"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = GroupMemberRead.from_dict(members_item_data)

            members.append(members_item)

        brief_count = d.pop("brief_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        working_group_read = cls(
            id=id,
            coalition_id=coalition_id,
            name=name,
            description=description,
            themes=themes,
            members=members,
            brief_count=brief_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        working_group_read.additional_properties = d
        return working_group_read

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
