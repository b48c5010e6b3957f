from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewUpdate")


@_attrs_define
class ReviewUpdate:
    """
    Attributes:
        dialogue_date (datetime.date | None | Unset):
        adoption_date (datetime.date | None | Unset):
        submission_deadline (datetime.date | None | Unset): Deadline for stakeholder submissions (NHRIs, CSOs) to OHCHR.
        troika (list[str] | Unset): Replaces the whole troika; `[]` clears it.
    """

    dialogue_date: datetime.date | None | Unset = UNSET
    adoption_date: datetime.date | None | Unset = UNSET
    submission_deadline: datetime.date | None | Unset = UNSET
    troika: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dialogue_date: None | str | Unset
        if isinstance(self.dialogue_date, Unset):
            dialogue_date = UNSET
        elif isinstance(self.dialogue_date, datetime.date):
            dialogue_date = self.dialogue_date.isoformat()
        else:
            dialogue_date = self.dialogue_date

        adoption_date: None | str | Unset
        if isinstance(self.adoption_date, Unset):
            adoption_date = UNSET
        elif isinstance(self.adoption_date, datetime.date):
            adoption_date = self.adoption_date.isoformat()
        else:
            adoption_date = self.adoption_date

        submission_deadline: None | str | Unset
        if isinstance(self.submission_deadline, Unset):
            submission_deadline = UNSET
        elif isinstance(self.submission_deadline, datetime.date):
            submission_deadline = self.submission_deadline.isoformat()
        else:
            submission_deadline = self.submission_deadline

        troika: list[str] | Unset = UNSET
        if not isinstance(self.troika, Unset):
            troika = self.troika

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dialogue_date is not UNSET:
            field_dict["dialogue_date"] = dialogue_date
        if adoption_date is not UNSET:
            field_dict["adoption_date"] = adoption_date
        if submission_deadline is not UNSET:
            field_dict["submission_deadline"] = submission_deadline
        if troika is not UNSET:
            field_dict["troika"] = troika

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dialogue_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dialogue_date_type_0 = datetime.date.fromisoformat(data)

                return dialogue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        dialogue_date = _parse_dialogue_date(d.pop("dialogue_date", UNSET))

        def _parse_adoption_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adoption_date_type_0 = datetime.date.fromisoformat(data)

                return adoption_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        adoption_date = _parse_adoption_date(d.pop("adoption_date", UNSET))

        def _parse_submission_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submission_deadline_type_0 = datetime.date.fromisoformat(data)

                return submission_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        submission_deadline = _parse_submission_deadline(d.pop("submission_deadline", UNSET))

        troika = cast(list[str], d.pop("troika", UNSET))

        review_update = cls(
            dialogue_date=dialogue_date,
            adoption_date=adoption_date,
            submission_deadline=submission_deadline,
            troika=troika,
        )

        review_update.additional_properties = d
        return review_update

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
