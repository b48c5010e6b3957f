from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReviewRead")


@_attrs_define
class ReviewRead:
    """
    Attributes:
        id (int):
        state_under_review (str):
        session (int):
        cycle (int):
        dialogue_date (datetime.date | None):
        adoption_date (datetime.date | None):
        submission_deadline (datetime.date | None):
        troika (list[str]):
        recommendation_count (int):
    """

    id: int
    state_under_review: str
    session: int
    cycle: int
    dialogue_date: datetime.date | None
    adoption_date: datetime.date | None
    submission_deadline: datetime.date | None
    troika: list[str]
    recommendation_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state_under_review = self.state_under_review

        session = self.session

        cycle = self.cycle

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

        submission_deadline: None | str
        if isinstance(self.submission_deadline, datetime.date):
            submission_deadline = self.submission_deadline.isoformat()
        else:
            submission_deadline = self.submission_deadline

        troika = self.troika

        recommendation_count = self.recommendation_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state_under_review": state_under_review,
                "session": session,
                "cycle": cycle,
                "dialogue_date": dialogue_date,
                "adoption_date": adoption_date,
                "submission_deadline": submission_deadline,
                "troika": troika,
                "recommendation_count": recommendation_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        state_under_review = d.pop("state_under_review")

        session = d.pop("session")

        cycle = d.pop("cycle")

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

        troika = cast(list[str], d.pop("troika"))

        recommendation_count = d.pop("recommendation_count")

        review_read = cls(
            id=id,
            state_under_review=state_under_review,
            session=session,
            cycle=cycle,
            dialogue_date=dialogue_date,
            adoption_date=adoption_date,
            submission_deadline=submission_deadline,
            troika=troika,
            recommendation_count=recommendation_count,
        )

        review_read.additional_properties = d
        return review_read

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
