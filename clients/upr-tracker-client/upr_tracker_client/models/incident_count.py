from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IncidentCount")


@_attrs_define
class IncidentCount:
    """Incidents of one state in one year: no organisation, kind, description or id.

    Attributes:
        state_code (str):
        year (int):
        count (int | None): Incidents recorded (the caller's organisation's left out); null when fewer than
            `minimum_shown` organisations recorded them (then `fewer_than_minimum` is true).
        reported_to_un (int | None): Of those, reported to the UN; null when `count` is.
        fewer_than_minimum (bool): At least one incident but fewer than `minimum_shown` recording organisations: the
            figures are withheld.
    """

    state_code: str
    year: int
    count: int | None
    reported_to_un: int | None
    fewer_than_minimum: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state_code = self.state_code

        year = self.year

        count: int | None
        count = self.count

        reported_to_un: int | None
        reported_to_un = self.reported_to_un

        fewer_than_minimum = self.fewer_than_minimum

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state_code": state_code,
                "year": year,
                "count": count,
                "reported_to_un": reported_to_un,
                "fewer_than_minimum": fewer_than_minimum,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state_code = d.pop("state_code")

        year = d.pop("year")

        def _parse_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        count = _parse_count(d.pop("count"))

        def _parse_reported_to_un(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reported_to_un = _parse_reported_to_un(d.pop("reported_to_un"))

        fewer_than_minimum = d.pop("fewer_than_minimum")

        incident_count = cls(
            state_code=state_code,
            year=year,
            count=count,
            reported_to_un=reported_to_un,
            fewer_than_minimum=fewer_than_minimum,
        )

        incident_count.additional_properties = d
        return incident_count

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
