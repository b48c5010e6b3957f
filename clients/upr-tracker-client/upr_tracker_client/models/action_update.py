from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionUpdate")


@_attrs_define
class ActionUpdate:
    """
    Attributes:
        title (str | Unset):
        description (None | str | Unset):
        responsible_organisation_id (int | None | Unset): The responsible ministry or agency: an active government
            organisation of the action's state.
        contact (None | str | Unset): The focal point's contact.
        status (ActionStatus | Unset):
        start_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset): Not before `start_date`.
        budget_note (None | str | Unset):
        recommendations (list[int] | Unset): Ids of the recommendations the action answers (the cluster), all made to
            the action's state. On PATCH the list replaces the cluster; `[]` empties it.
        state_code (str | Unset): Moving an action to another state's plan takes its indicators and milestones along;
            progress updates and evidence stay in the tracker they were posted in.
    """

    title: str | Unset = UNSET
    description: None | str | Unset = UNSET
    responsible_organisation_id: int | None | Unset = UNSET
    contact: None | str | Unset = UNSET
    status: ActionStatus | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    budget_note: None | str | Unset = UNSET
    recommendations: list[int] | Unset = UNSET
    state_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        responsible_organisation_id: int | None | Unset
        if isinstance(self.responsible_organisation_id, Unset):
            responsible_organisation_id = UNSET
        else:
            responsible_organisation_id = self.responsible_organisation_id

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        budget_note: None | str | Unset
        if isinstance(self.budget_note, Unset):
            budget_note = UNSET
        else:
            budget_note = self.budget_note

        recommendations: list[int] | Unset = UNSET
        if not isinstance(self.recommendations, Unset):
            recommendations = self.recommendations

        state_code = self.state_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if responsible_organisation_id is not UNSET:
            field_dict["responsible_organisation_id"] = responsible_organisation_id
        if contact is not UNSET:
            field_dict["contact"] = contact
        if status is not UNSET:
            field_dict["status"] = status
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if budget_note is not UNSET:
            field_dict["budget_note"] = budget_note
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations
        if state_code is not UNSET:
            field_dict["state_code"] = state_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_responsible_organisation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        responsible_organisation_id = _parse_responsible_organisation_id(d.pop("responsible_organisation_id", UNSET))

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        _status = d.pop("status", UNSET)
        status: ActionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ActionStatus(_status)

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_budget_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        budget_note = _parse_budget_note(d.pop("budget_note", UNSET))

        recommendations = cast(list[int], d.pop("recommendations", UNSET))

        state_code = d.pop("state_code", UNSET)

        action_update = cls(
            title=title,
            description=description,
            responsible_organisation_id=responsible_organisation_id,
            contact=contact,
            status=status,
            start_date=start_date,
            end_date=end_date,
            budget_note=budget_note,
            recommendations=recommendations,
            state_code=state_code,
        )

        action_update.additional_properties = d
        return action_update

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
