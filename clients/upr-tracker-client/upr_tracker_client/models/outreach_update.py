from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outreach_kind import OutreachKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutreachUpdate")


@_attrs_define
class OutreachUpdate:
    """
    Attributes:
        attendees (None | str | Unset): Who attended, on both sides.
        contact_id (int | None | Unset): The mission contact met.
        outcome (None | str | Unset):
        follow_up_on (datetime.date | None | Unset): When to follow up; listed by `/advocacy/outreach/follow-ups-due`
            until done.
        briefs (list[int] | Unset): Ids of the briefs presented, all of the coalition's. On PATCH the list replaces
            them; `[]` empties it.
        state_code (str | Unset):
        kind (OutreachKind | Unset):
        held_on (datetime.date | Unset):
        follow_up_done (bool | Unset): `true` takes it off the due follow-ups.
    """

    attendees: None | str | Unset = UNSET
    contact_id: int | None | Unset = UNSET
    outcome: None | str | Unset = UNSET
    follow_up_on: datetime.date | None | Unset = UNSET
    briefs: list[int] | Unset = UNSET
    state_code: str | Unset = UNSET
    kind: OutreachKind | Unset = UNSET
    held_on: datetime.date | Unset = UNSET
    follow_up_done: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendees: None | str | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        else:
            attendees = self.attendees

        contact_id: int | None | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        follow_up_on: None | str | Unset
        if isinstance(self.follow_up_on, Unset):
            follow_up_on = UNSET
        elif isinstance(self.follow_up_on, datetime.date):
            follow_up_on = self.follow_up_on.isoformat()
        else:
            follow_up_on = self.follow_up_on

        briefs: list[int] | Unset = UNSET
        if not isinstance(self.briefs, Unset):
            briefs = self.briefs

        state_code = self.state_code

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        held_on: str | Unset = UNSET
        if not isinstance(self.held_on, Unset):
            held_on = self.held_on.isoformat()

        follow_up_done = self.follow_up_done

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if follow_up_on is not UNSET:
            field_dict["follow_up_on"] = follow_up_on
        if briefs is not UNSET:
            field_dict["briefs"] = briefs
        if state_code is not UNSET:
            field_dict["state_code"] = state_code
        if kind is not UNSET:
            field_dict["kind"] = kind
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if follow_up_done is not UNSET:
            field_dict["follow_up_done"] = follow_up_done

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_attendees(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))

        def _parse_contact_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_follow_up_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_on_type_0 = datetime.date.fromisoformat(data)

                return follow_up_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        follow_up_on = _parse_follow_up_on(d.pop("follow_up_on", UNSET))

        briefs = cast(list[int], d.pop("briefs", UNSET))

        state_code = d.pop("state_code", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: OutreachKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = OutreachKind(_kind)

        _held_on = d.pop("held_on", UNSET)
        held_on: datetime.date | Unset
        if isinstance(_held_on, Unset):
            held_on = UNSET
        else:
            held_on = datetime.date.fromisoformat(_held_on)

        follow_up_done = d.pop("follow_up_done", UNSET)

        outreach_update = cls(
            attendees=attendees,
            contact_id=contact_id,
            outcome=outcome,
            follow_up_on=follow_up_on,
            briefs=briefs,
            state_code=state_code,
            kind=kind,
            held_on=held_on,
            follow_up_done=follow_up_done,
        )

        outreach_update.additional_properties = d
        return outreach_update

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
