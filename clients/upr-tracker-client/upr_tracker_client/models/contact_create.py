from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactCreate")


@_attrs_define
class ContactCreate:
    """
    Attributes:
        coalition_id (int): The coalition.
        state_code (str): ISO3 code of the state the mission represents.
        mission (str): e.g. 'Permanent Mission to the UN in Geneva', 'Embassy in Ljubljana'.
        person (str): Name or function of the person.
        city (None | str | Unset):
        channel (None | str | Unset): How to reach them: e-mail, phone, Signal…
        notes (None | str | Unset):
    """

    coalition_id: int
    state_code: str
    mission: str
    person: str
    city: None | str | Unset = UNSET
    channel: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coalition_id = self.coalition_id

        state_code = self.state_code

        mission = self.mission

        person = self.person

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        else:
            channel = self.channel

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coalition_id": coalition_id,
                "state_code": state_code,
                "mission": mission,
                "person": person,
            }
        )
        if city is not UNSET:
            field_dict["city"] = city
        if channel is not UNSET:
            field_dict["channel"] = channel
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coalition_id = d.pop("coalition_id")

        state_code = d.pop("state_code")

        mission = d.pop("mission")

        person = d.pop("person")

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        contact_create = cls(
            coalition_id=coalition_id,
            state_code=state_code,
            mission=mission,
            person=person,
            city=city,
            channel=channel,
            notes=notes,
        )

        contact_create.additional_properties = d
        return contact_create

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
