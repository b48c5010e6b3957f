from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_status import MilestoneStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneRead")


@_attrs_define
class MilestoneRead:
    """
    Attributes:
        id (int):
        action_id (int):
        state_code (str):
        title (str):
        description (None | str):
        due_date (datetime.date):
        done_date (datetime.date | None):
        status (MilestoneStatus):
        overdue (bool): Past its due date and neither done nor cancelled (computed each read).
        rescheduled (bool): Its due date was ever moved later (see its history).
        original_due_date (datetime.date): The due date it was planned with (before any change).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        withdrawn_at (datetime.datetime | None | Unset): Set once withdrawn (deleted): out of current views, kept with
            its history.
    """

    id: int
    action_id: int
    state_code: str
    title: str
    description: None | str
    due_date: datetime.date
    done_date: datetime.date | None
    status: MilestoneStatus
    overdue: bool
    rescheduled: bool
    original_due_date: datetime.date
    created_at: datetime.datetime
    updated_at: datetime.datetime
    withdrawn_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action_id = self.action_id

        state_code = self.state_code

        title = self.title

        description: None | str
        description = self.description

        due_date = self.due_date.isoformat()

        done_date: None | str
        if isinstance(self.done_date, datetime.date):
            done_date = self.done_date.isoformat()
        else:
            done_date = self.done_date

        status = self.status.value

        overdue = self.overdue

        rescheduled = self.rescheduled

        original_due_date = self.original_due_date.isoformat()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        withdrawn_at: None | str | Unset
        if isinstance(self.withdrawn_at, Unset):
            withdrawn_at = UNSET
        elif isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action_id": action_id,
                "state_code": state_code,
                "title": title,
                "description": description,
                "due_date": due_date,
                "done_date": done_date,
                "status": status,
                "overdue": overdue,
                "rescheduled": rescheduled,
                "original_due_date": original_due_date,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if withdrawn_at is not UNSET:
            field_dict["withdrawn_at"] = withdrawn_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        action_id = d.pop("action_id")

        state_code = d.pop("state_code")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_done_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_date_type_0 = datetime.date.fromisoformat(data)

                return done_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        done_date = _parse_done_date(d.pop("done_date"))

        status = MilestoneStatus(d.pop("status"))

        overdue = d.pop("overdue")

        rescheduled = d.pop("rescheduled")

        original_due_date = datetime.date.fromisoformat(d.pop("original_due_date"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at", UNSET))

        milestone_read = cls(
            id=id,
            action_id=action_id,
            state_code=state_code,
            title=title,
            description=description,
            due_date=due_date,
            done_date=done_date,
            status=status,
            overdue=overdue,
            rescheduled=rescheduled,
            original_due_date=original_due_date,
            created_at=created_at,
            updated_at=updated_at,
            withdrawn_at=withdrawn_at,
        )

        milestone_read.additional_properties = d
        return milestone_read

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
