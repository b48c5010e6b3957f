from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outreach_kind import OutreachKind

T = TypeVar("T", bound="OutreachRead")


@_attrs_define
class OutreachRead:
    """
    Attributes:
        id (int):
        coalition_id (int):
        state_code (str): The target state approached.
        kind (OutreachKind):
        held_on (datetime.date):
        attendees (None | str):
        briefs (list[int]): Ids of the briefs presented.
        contact_id (int | None):
        outcome (None | str):
        follow_up_on (datetime.date | None):
        follow_up_done (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    coalition_id: int
    state_code: str
    kind: OutreachKind
    held_on: datetime.date
    attendees: None | str
    briefs: list[int]
    contact_id: int | None
    outcome: None | str
    follow_up_on: datetime.date | None
    follow_up_done: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        coalition_id = self.coalition_id

        state_code = self.state_code

        kind = self.kind.value

        held_on = self.held_on.isoformat()

        attendees: None | str
        attendees = self.attendees

        briefs = self.briefs

        contact_id: int | None
        contact_id = self.contact_id

        outcome: None | str
        outcome = self.outcome

        follow_up_on: None | str
        if isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on

        follow_up_done = self.follow_up_done

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "coalition_id": coalition_id,
                "state_code": state_code,
                "kind": kind,
                "held_on": held_on,
                "attendees": attendees,
                "briefs": briefs,
                "contact_id": contact_id,
                "outcome": outcome,
                "follow_up_on": follow_up_on,
                "follow_up_done": follow_up_done,
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

        kind = OutreachKind(d.pop("kind"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        def _parse_attendees(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attendees = _parse_attendees(d.pop("attendees"))

        briefs = cast(list[int], d.pop("briefs"))

        def _parse_contact_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_follow_up_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_on_type_0 = datetime.date.fromisoformat(data)

                return follow_up_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        follow_up_on = _parse_follow_up_on(d.pop("follow_up_on"))

        follow_up_done = d.pop("follow_up_done")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        outreach_read = cls(
            id=id,
            coalition_id=coalition_id,
            state_code=state_code,
            kind=kind,
            held_on=held_on,
            attendees=attendees,
            briefs=briefs,
            contact_id=contact_id,
            outcome=outcome,
            follow_up_on=follow_up_on,
            follow_up_done=follow_up_done,
            created_at=created_at,
            updated_at=updated_at,
        )

        outreach_read.additional_properties = d
        return outreach_read

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
