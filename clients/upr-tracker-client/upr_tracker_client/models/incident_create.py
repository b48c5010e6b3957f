from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_kind import IncidentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentCreate")


@_attrs_define
class IncidentCreate:
    """
    Attributes:
        occurred_on (datetime.date): The day it happened: not in the future, not before 2006 (the UPR's start).
        kind (IncidentKind):
        description (str): What happened and how it is linked to the organisation's UPR engagement. Seen only by the
            recording organisation, admins and (when shared) its state's NHRI.
        reported_to_un (bool | Unset): Whether the incident was reported to the UN (e.g. OHCHR's reprisals focal point).
            Default: False.
        shared_with_nhri (bool | Unset): Share with the NHRI of the incident's state: it may then read (never change)
            the incident. Default: False.
        organisation_id (int | None | Unset): The organisation the incident happened to; the caller's own when left out.
            Admins recording one for an organisation must name it. The incident's state is that organisation's.
    """

    occurred_on: datetime.date
    kind: IncidentKind
    description: str
    reported_to_un: bool | Unset = False
    shared_with_nhri: bool | Unset = False
    organisation_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        occurred_on = self.occurred_on.isoformat()

        kind = self.kind.value

        description = self.description

        reported_to_un = self.reported_to_un

        shared_with_nhri = self.shared_with_nhri

        organisation_id: int | None | Unset
        if isinstance(self.organisation_id, Unset):
            organisation_id = UNSET
        else:
            organisation_id = self.organisation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "occurred_on": occurred_on,
                "kind": kind,
                "description": description,
            }
        )
        if reported_to_un is not UNSET:
            field_dict["reported_to_un"] = reported_to_un
        if shared_with_nhri is not UNSET:
            field_dict["shared_with_nhri"] = shared_with_nhri
        if organisation_id is not UNSET:
            field_dict["organisation_id"] = organisation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        kind = IncidentKind(d.pop("kind"))

        description = d.pop("description")

        reported_to_un = d.pop("reported_to_un", UNSET)

        shared_with_nhri = d.pop("shared_with_nhri", UNSET)

        def _parse_organisation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        organisation_id = _parse_organisation_id(d.pop("organisation_id", UNSET))

        incident_create = cls(
            occurred_on=occurred_on,
            kind=kind,
            description=description,
            reported_to_un=reported_to_un,
            shared_with_nhri=shared_with_nhri,
            organisation_id=organisation_id,
        )

        incident_create.additional_properties = d
        return incident_create

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
