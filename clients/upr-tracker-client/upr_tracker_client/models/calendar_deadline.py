from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deadline_kind import DeadlineKind

T = TypeVar("T", bound="CalendarDeadline")


@_attrs_define
class CalendarDeadline:
    """
    Attributes:
        due_on (datetime.date):
        kind (DeadlineKind): Which date of a review: the stakeholder submission deadline, the Working Group (the
            interactive
            dialogue), or the Council's adoption of the outcome.
        review_id (int):
        state_under_review (str): ISO3 code.
        state_name (str):
        session (int):
    """

    due_on: datetime.date
    kind: DeadlineKind
    review_id: int
    state_under_review: str
    state_name: str
    session: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due_on = self.due_on.isoformat()

        kind = self.kind.value

        review_id = self.review_id

        state_under_review = self.state_under_review

        state_name = self.state_name

        session = self.session

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due_on": due_on,
                "kind": kind,
                "review_id": review_id,
                "state_under_review": state_under_review,
                "state_name": state_name,
                "session": session,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        kind = DeadlineKind(d.pop("kind"))

        review_id = d.pop("review_id")

        state_under_review = d.pop("state_under_review")

        state_name = d.pop("state_name")

        session = d.pop("session")

        calendar_deadline = cls(
            due_on=due_on,
            kind=kind,
            review_id=review_id,
            state_under_review=state_under_review,
            state_name=state_name,
            session=session,
        )

        calendar_deadline.additional_properties = d
        return calendar_deadline

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
