from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility import Visibility

T = TypeVar("T", bound="ProgressUpdateRevisionRead")


@_attrs_define
class ProgressUpdateRevisionRead:
    """
    Attributes:
        revision (int): 1..n among the revisions you may see, oldest first.
        text (str):
        reported_on (datetime.date):
        visibility (Visibility):
        created_at (datetime.datetime): When this revision was written.
    """

    revision: int
    text: str
    reported_on: datetime.date
    visibility: Visibility
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        text = self.text

        reported_on = self.reported_on.isoformat()

        visibility = self.visibility.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revision": revision,
                "text": text,
                "reported_on": reported_on,
                "visibility": visibility,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        revision = d.pop("revision")

        text = d.pop("text")

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        visibility = Visibility(d.pop("visibility"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        progress_update_revision_read = cls(
            revision=revision,
            text=text,
            reported_on=reported_on,
            visibility=visibility,
            created_at=created_at,
        )

        progress_update_revision_read.additional_properties = d
        return progress_update_revision_read

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
