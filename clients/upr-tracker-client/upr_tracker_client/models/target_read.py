from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetRead")


@_attrs_define
class TargetRead:
    """
    Attributes:
        id (int):
        brief_id (int):
        coalition_id (int): The coalition of the brief's working group.
        state_code (str):
        state_name (str):
        reason (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    brief_id: int
    coalition_id: int
    state_code: str
    state_name: str
    reason: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        brief_id = self.brief_id

        coalition_id = self.coalition_id

        state_code = self.state_code

        state_name = self.state_name

        reason = self.reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "brief_id": brief_id,
                "coalition_id": coalition_id,
                "state_code": state_code,
                "state_name": state_name,
                "reason": reason,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        brief_id = d.pop("brief_id")

        coalition_id = d.pop("coalition_id")

        state_code = d.pop("state_code")

        state_name = d.pop("state_name")

        reason = d.pop("reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        target_read = cls(
            id=id,
            brief_id=brief_id,
            coalition_id=coalition_id,
            state_code=state_code,
            state_name=state_name,
            reason=reason,
            created_at=created_at,
            updated_at=updated_at,
        )

        target_read.additional_properties = d
        return target_read

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
