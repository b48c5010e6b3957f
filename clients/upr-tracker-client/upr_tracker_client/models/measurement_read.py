from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        posted_by (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name to
            itself and
            admins).
        created_at (datetime.datetime):
        withdrawn_at (datetime.datetime | None | Unset): Set once withdrawn (deleted): out of current views, kept with
            its history.
    """

    id: int
    indicator_id: int
    value: float
    measured_on: datetime.date
    source: None | str
    note: None | str
    posted_by: OrganisationRef
    created_at: datetime.datetime
    withdrawn_at: datetime.datetime | None | Unset = UNSET
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
                "indicator_id": indicator_id,
                "value": value,
                "measured_on": measured_on,
                "source": source,
                "note": note,
                "posted_by": posted_by,
                "created_at": created_at,
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

        measurement_read = cls(
            id=id,
            indicator_id=indicator_id,
            value=value,
            measured_on=measured_on,
            source=source,
            note=note,
            posted_by=posted_by,
            created_at=created_at,
            withdrawn_at=withdrawn_at,
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
