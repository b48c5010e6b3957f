from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CalendarReview")


@_attrs_define
class CalendarReview:
    """
    Attributes:
        review_id (int):
        state_under_review (str): ISO3 code.
        state_name (str):
        submission_deadline (datetime.date | None): Deadline for stakeholder submissions to OHCHR.
        dialogue_date (datetime.date | None): The interactive dialogue at the Working Group.
        adoption_date (datetime.date | None): Adoption of the outcome by the Human Rights Council.
    """

    review_id: int
    state_under_review: str
    state_name: str
    submission_deadline: datetime.date | None
    dialogue_date: datetime.date | None
    adoption_date: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        state_under_review = self.state_under_review

        state_name = self.state_name

        submission_deadline: None | str
        if isinstance(self.submission_deadline, datetime.date):
            submission_deadline = self.submission_deadline.isoformat()
        else:
            submission_deadline = self.submission_deadline

        dialogue_date: None | str
        if isinstance(self.dialogue_date, datetime.date):
            dialogue_date = self.dialogue_date.isoformat()
        else:
            dialogue_date = self.dialogue_date

        adoption_date: None | str
        if isinstance(self.adoption_date, datetime.date):
            adoption_date = self.adoption_date.isoformat()
        else:
            adoption_date = self.adoption_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "state_under_review": state_under_review,
                "state_name": state_name,
                "submission_deadline": submission_deadline,
                "dialogue_date": dialogue_date,
                "adoption_date": adoption_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        review_id = d.pop("review_id")

        state_under_review = d.pop("state_under_review")

        state_name = d.pop("state_name")

        def _parse_submission_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submission_deadline_type_0 = datetime.date.fromisoformat(data)

                return submission_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        submission_deadline = _parse_submission_deadline(d.pop("submission_deadline"))

        def _parse_dialogue_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dialogue_date_type_0 = datetime.date.fromisoformat(data)

                return dialogue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        dialogue_date = _parse_dialogue_date(d.pop("dialogue_date"))

        def _parse_adoption_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adoption_date_type_0 = datetime.date.fromisoformat(data)

                return adoption_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        adoption_date = _parse_adoption_date(d.pop("adoption_date"))

        calendar_review = cls(
            review_id=review_id,
            state_under_review=state_under_review,
            state_name=state_name,
            submission_deadline=submission_deadline,
            dialogue_date=dialogue_date,
            adoption_date=adoption_date,
        )

        calendar_review.additional_properties = d
        return calendar_review

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
