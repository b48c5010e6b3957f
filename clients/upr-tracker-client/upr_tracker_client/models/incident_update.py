from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_kind import IncidentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentUpdate")


@_attrs_define
class IncidentUpdate:
    """
    Attributes:
        occurred_on (datetime.date | Unset): The day it happened: not in the future, not before 2006 (the UPR's start).
        kind (IncidentKind | Unset):
        description (str | Unset): What happened and how it is linked to the organisation's UPR engagement. Seen only by
            the recording organisation, admins and (when shared) its state's NHRI.
        reported_to_un (bool | Unset): Whether the incident was reported to the UN (e.g. OHCHR's reprisals focal point).
        shared_with_nhri (bool | Unset): Share with the NHRI of the incident's state: it may then read (never change)
            the incident. Setting it back to `false` hides the incident from the NHRI again.
    """

    occurred_on: datetime.date | Unset = UNSET
    kind: IncidentKind | Unset = UNSET
    description: str | Unset = UNSET
    reported_to_un: bool | Unset = UNSET
    shared_with_nhri: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        occurred_on: str | Unset = UNSET
        if not isinstance(self.occurred_on, Unset):
            occurred_on = self.occurred_on.isoformat()

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        description = self.description

        reported_to_un = self.reported_to_un

        shared_with_nhri = self.shared_with_nhri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if occurred_on is not UNSET:
            field_dict["occurred_on"] = occurred_on
        if kind is not UNSET:
            field_dict["kind"] = kind
        if description is not UNSET:
            field_dict["description"] = description
        if reported_to_un is not UNSET:
            field_dict["reported_to_un"] = reported_to_un
        if shared_with_nhri is not UNSET:
            field_dict["shared_with_nhri"] = shared_with_nhri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _occurred_on = d.pop("occurred_on", UNSET)
        occurred_on: datetime.date | Unset
        if isinstance(_occurred_on, Unset):
            occurred_on = UNSET
        else:
            occurred_on = datetime.date.fromisoformat(_occurred_on)

        _kind = d.pop("kind", UNSET)
        kind: IncidentKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = IncidentKind(_kind)

        description = d.pop("description", UNSET)

        reported_to_un = d.pop("reported_to_un", UNSET)

        shared_with_nhri = d.pop("shared_with_nhri", UNSET)

        incident_update = cls(
            occurred_on=occurred_on,
            kind=kind,
            description=description,
            reported_to_un=reported_to_un,
            shared_with_nhri=shared_with_nhri,
        )

        incident_update.additional_properties = d
        return incident_update

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
