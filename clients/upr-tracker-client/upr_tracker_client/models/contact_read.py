from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactRead")


@_attrs_define
class ContactRead:
    """
    Attributes:
        id (int):
        coalition_id (int):
        state_code (str):
        mission (str):
        city (None | str):
        person (str):
        channel (None | str):
        notes (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    coalition_id: int
    state_code: str
    mission: str
    city: None | str
    person: str
    channel: None | str
    notes: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        coalition_id = self.coalition_id

        state_code = self.state_code

        mission = self.mission

        city: None | str
        city = self.city

        person = self.person

        channel: None | str
        channel = self.channel

        notes: None | str
        notes = self.notes

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "coalition_id": coalition_id,
                "state_code": state_code,
                "mission": mission,
                "city": city,
                "person": person,
                "channel": channel,
                "notes": notes,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        coalition_id = d.pop("coalition_id")

        state_code = d.pop("state_code")

        mission = d.pop("mission")

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        person = d.pop("person")

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        contact_read = cls(
            id=id,
            coalition_id=coalition_id,
            state_code=state_code,
            mission=mission,
            city=city,
            person=person,
            channel=channel,
            notes=notes,
            created_at=created_at,
            updated_at=updated_at,
        )

        contact_read.additional_properties = d
        return contact_read

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
