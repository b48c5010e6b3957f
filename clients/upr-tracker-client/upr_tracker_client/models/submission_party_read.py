from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party_consent import PartyConsent
from ..models.submission_role import SubmissionRole

T = TypeVar("T", bound="SubmissionPartyRead")


@_attrs_define
class SubmissionPartyRead:
    """
    Attributes:
        name (str): For an organisation with a public name (pseudonym), that public name unless you are an admin or one
            of its members.
        organisation_id (int | None):
        role (SubmissionRole):
        consent (PartyConsent): Whether an organisation agreed to be named on a submission (`api.cycle.policy` shows
            only
            `accepted` parties). A party nobody had to ask (the caller's own organisation, a name without an
            organisation, a party recorded before consent existed) is `accepted`.
    """

    name: str
    organisation_id: int | None
    role: SubmissionRole
    consent: PartyConsent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        organisation_id: int | None
        organisation_id = self.organisation_id

        role = self.role.value

        consent = self.consent.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "organisation_id": organisation_id,
                "role": role,
                "consent": consent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_organisation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        organisation_id = _parse_organisation_id(d.pop("organisation_id"))

        role = SubmissionRole(d.pop("role"))

        consent = PartyConsent(d.pop("consent"))

        submission_party_read = cls(
            name=name,
            organisation_id=organisation_id,
            role=role,
            consent=consent,
        )

        submission_party_read.additional_properties = d
        return submission_party_read

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
