from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """
    Attributes:
        title (str):
        state_code (str): ISO3 code of the state whose plan it belongs to (any case).
        description (None | str | Unset):
        responsible_organisation_id (int | None | Unset): The responsible ministry or agency: an active government
            organisation of the action's state.
        contact (None | str | Unset): The focal point's contact.
        status (ActionStatus | Unset):
        start_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset): Not before `start_date`.
        budget_note (None | str | Unset):
        recommendations (list[int] | Unset): Ids of the recommendations the action answers (the cluster).
    """

    title: str
    state_code: str
    description: None | str | Unset = UNSET
    responsible_organisation_id: int | None | Unset = UNSET
    contact: None | str | Unset = UNSET
    status: ActionStatus | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    budget_note: None | str | Unset = UNSET
    recommendations: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        state_code = self.state_code

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "state_code": state_code,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        state_code = d.pop("state_code")

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

        action_create = cls(
            title=title,
            state_code=state_code,
            description=description,
            responsible_organisation_id=responsible_organisation_id,
            contact=contact,
            status=status,
            start_date=start_date,
            end_date=end_date,
            budget_note=budget_note,
            recommendations=recommendations,
        )

        action_create.additional_properties = d
        return action_create

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
