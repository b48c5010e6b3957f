from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calendar_deadline import CalendarDeadline
    from ..models.calendar_session import CalendarSession


T = TypeVar("T", bound="CalendarRead")


@_attrs_define
class CalendarRead:
    """
    Attributes:
        first_day (datetime.date): The window's first day (inclusive).
        last_day (datetime.date): The window's last day (inclusive).
        sessions (list[CalendarSession]): Sessions held in the window (by their dates) or with a review date in it; by
            start date (undated last), then number; at most `limit`.
        session_total (int): How many sessions the window holds, before `limit`.
        deadlines (list[CalendarDeadline]): Every review date in the window, by date, then review id, then kind; at most
            `limit`.
        deadline_total (int): How many dates the window holds, before `limit`.
    """

    first_day: datetime.date
    last_day: datetime.date
    sessions: list[CalendarSession]
    session_total: int
    deadlines: list[CalendarDeadline]
    deadline_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_day = self.first_day.isoformat()

        last_day = self.last_day.isoformat()

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        session_total = self.session_total

        deadlines = []
        for deadlines_item_data in self.deadlines:
            deadlines_item = deadlines_item_data.to_dict()
            deadlines.append(deadlines_item)

        deadline_total = self.deadline_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_day": first_day,
                "last_day": last_day,
                "sessions": sessions,
                "session_total": session_total,
                "deadlines": deadlines,
                "deadline_total": deadline_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_deadline import CalendarDeadline  # noqa: PLC0415
        from ..models.calendar_session import CalendarSession  # noqa: PLC0415

        d = dict(src_dict)
        first_day = datetime.date.fromisoformat(d.pop("first_day"))

        last_day = datetime.date.fromisoformat(d.pop("last_day"))

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = CalendarSession.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        session_total = d.pop("session_total")

        deadlines = []
        _deadlines = d.pop("deadlines")
        for deadlines_item_data in _deadlines:
            deadlines_item = CalendarDeadline.from_dict(deadlines_item_data)

            deadlines.append(deadlines_item)

        deadline_total = d.pop("deadline_total")

        calendar_read = cls(
            first_day=first_day,
            last_day=last_day,
            sessions=sessions,
            session_total=session_total,
            deadlines=deadlines,
            deadline_total=deadline_total,
        )

        calendar_read.additional_properties = d
        return calendar_read

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
