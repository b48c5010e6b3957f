from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="MeasurementRead")


@_attrs_define
class MeasurementRead:
    """
    Attributes:
        id (int):
        indicator_id (int):
        value (float):
        measured_on (datetime.date):
        source (None | str):
        note (None | str):
        posted_by (OrganisationRef): Who posted or is responsible: pseudonymous organisations appear under their public
            name.
        created_at (datetime.datetime):
    """

    id: int
    indicator_id: int
    value: float
    measured_on: datetime.date
    source: None | str
    note: None | str
    posted_by: OrganisationRef
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        indicator_id = self.indicator_id

        value = self.value

        measured_on = self.measured_on.isoformat()

        source: None | str
        source = self.source

        note: None | str
        note = self.note

        posted_by = self.posted_by.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "indicator_id": indicator_id,
                "value": value,
                "measured_on": measured_on,
                "source": source,
                "note": note,
                "posted_by": posted_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        indicator_id = d.pop("indicator_id")

        value = d.pop("value")

        measured_on = datetime.date.fromisoformat(d.pop("measured_on"))

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        posted_by = OrganisationRef.from_dict(d.pop("posted_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        measurement_read = cls(
            id=id,
            indicator_id=indicator_id,
            value=value,
            measured_on=measured_on,
            source=source,
            note=note,
            posted_by=posted_by,
            created_at=created_at,
        )

        measurement_read.additional_properties = d
        return measurement_read

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
