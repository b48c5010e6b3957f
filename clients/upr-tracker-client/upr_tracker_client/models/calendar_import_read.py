from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CalendarImportRead")


@_attrs_define
class CalendarImportRead:
    """
    Attributes:
        rows (int): Data rows read (the header and blank lines not counted).
        sessions_created (int):
        sessions_updated (int): Existing sessions whose dates changed.
        reviews_created (int):
        reviews_updated (int): Existing reviews whose dates changed.
    """

    rows: int
    sessions_created: int
    sessions_updated: int
    reviews_created: int
    reviews_updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows = self.rows

        sessions_created = self.sessions_created

        sessions_updated = self.sessions_updated

        reviews_created = self.reviews_created

        reviews_updated = self.reviews_updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows": rows,
                "sessions_created": sessions_created,
                "sessions_updated": sessions_updated,
                "reviews_created": reviews_created,
                "reviews_updated": reviews_updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rows = d.pop("rows")

        sessions_created = d.pop("sessions_created")

        sessions_updated = d.pop("sessions_updated")

        reviews_created = d.pop("reviews_created")

        reviews_updated = d.pop("reviews_updated")

        calendar_import_read = cls(
            rows=rows,
            sessions_created=sessions_created,
            sessions_updated=sessions_updated,
            reviews_created=reviews_created,
            reviews_updated=reviews_updated,
        )

        calendar_import_read.additional_properties = d
        return calendar_import_read

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
