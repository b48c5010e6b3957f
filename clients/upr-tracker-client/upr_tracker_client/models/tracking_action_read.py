from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="TrackingActionRead")


@_attrs_define
class TrackingActionRead:
    """
    Attributes:
        id (int):
        state_code (str):
        title (str):
        description (None | str):
        responsible_organisation (None | OrganisationRef):
        contact (None | str):
        status (ActionStatus):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        budget_note (None | str):
        recommendations (list[int]): Ids of the recommendations the action answers (the cluster).
        indicator_count (int):
        milestone_count (int):
        overdue_milestone_count (int): Milestones past due and neither done nor cancelled.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        withdrawn_at (datetime.datetime | None | Unset): Set once withdrawn (deleted): out of current views, kept with
            its history.
    """

    id: int
    state_code: str
    title: str
    description: None | str
    responsible_organisation: None | OrganisationRef
    contact: None | str
    status: ActionStatus
    start_date: datetime.date | None
    end_date: datetime.date | None
    budget_note: None | str
    recommendations: list[int]
    indicator_count: int
    milestone_count: int
    overdue_milestone_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    withdrawn_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        id = self.id

        state_code = self.state_code

        title = self.title

        description: None | str
        description = self.description

        responsible_organisation: dict[str, Any] | None
        if isinstance(self.responsible_organisation, OrganisationRef):
            responsible_organisation = self.responsible_organisation.to_dict()
        else:
            responsible_organisation = self.responsible_organisation

        contact: None | str
        contact = self.contact

        status = self.status.value

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        budget_note: None | str
        budget_note = self.budget_note

        recommendations = self.recommendations

        indicator_count = self.indicator_count

        milestone_count = self.milestone_count

        overdue_milestone_count = self.overdue_milestone_count

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
                "state_code": state_code,
                "title": title,
                "description": description,
                "responsible_organisation": responsible_organisation,
                "contact": contact,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "budget_note": budget_note,
                "recommendations": recommendations,
                "indicator_count": indicator_count,
                "milestone_count": milestone_count,
                "overdue_milestone_count": overdue_milestone_count,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if withdrawn_at is not UNSET:
            field_dict["withdrawn_at"] = withdrawn_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        state_code = d.pop("state_code")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_responsible_organisation(data: object) -> None | OrganisationRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                responsible_organisation_type_0 = OrganisationRef.from_dict(data)

                return responsible_organisation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationRef, data)

        responsible_organisation = _parse_responsible_organisation(d.pop("responsible_organisation"))

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))

        status = ActionStatus(d.pop("status"))

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        def _parse_budget_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        budget_note = _parse_budget_note(d.pop("budget_note"))

        recommendations = cast(list[int], d.pop("recommendations"))

        indicator_count = d.pop("indicator_count")

        milestone_count = d.pop("milestone_count")

        overdue_milestone_count = d.pop("overdue_milestone_count")

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

        tracking_action_read = cls(
            id=id,
            state_code=state_code,
            title=title,
            description=description,
            responsible_organisation=responsible_organisation,
            contact=contact,
            status=status,
            start_date=start_date,
            end_date=end_date,
            budget_note=budget_note,
            recommendations=recommendations,
            indicator_count=indicator_count,
            milestone_count=milestone_count,
            overdue_milestone_count=overdue_milestone_count,
            created_at=created_at,
            updated_at=updated_at,
            withdrawn_at=withdrawn_at,
        )

        tracking_action_read.additional_properties = d
        return tracking_action_read

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
