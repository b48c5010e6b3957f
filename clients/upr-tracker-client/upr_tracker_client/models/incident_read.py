from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_kind import IncidentKind

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="IncidentRead")


@_attrs_define
class IncidentRead:
    """
    Attributes:
        id (int):
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        state_code (str): The recording organisation's state.
        occurred_on (datetime.date):
        kind (IncidentKind):
        description (str):
        reported_to_un (bool):
        shared_with_nhri (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    organisation: OrganisationRef
    state_code: str
    occurred_on: datetime.date
    kind: IncidentKind
    description: str
    reported_to_un: bool
    shared_with_nhri: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organisation = self.organisation.to_dict()

        state_code = self.state_code

        occurred_on = self.occurred_on.isoformat()

        kind = self.kind.value

        description = self.description

        reported_to_un = self.reported_to_un

        shared_with_nhri = self.shared_with_nhri

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organisation": organisation,
                "state_code": state_code,
                "occurred_on": occurred_on,
                "kind": kind,
                "description": description,
                "reported_to_un": reported_to_un,
                "shared_with_nhri": shared_with_nhri,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        state_code = d.pop("state_code")

        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        kind = IncidentKind(d.pop("kind"))

        description = d.pop("description")

        reported_to_un = d.pop("reported_to_un")

        shared_with_nhri = d.pop("shared_with_nhri")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        incident_read = cls(
            id=id,
            organisation=organisation,
            state_code=state_code,
            occurred_on=occurred_on,
            kind=kind,
            description=description,
            reported_to_un=reported_to_un,
            shared_with_nhri=shared_with_nhri,
            created_at=created_at,
            updated_at=updated_at,
        )

        incident_read.additional_properties = d
        return incident_read

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
