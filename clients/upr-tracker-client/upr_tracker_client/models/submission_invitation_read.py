from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party_consent import PartyConsent
from ..models.submission_role import SubmissionRole

if TYPE_CHECKING:
    from ..models.submission_read import SubmissionRead


T = TypeVar("T", bound="SubmissionInvitationRead")


@_attrs_define
class SubmissionInvitationRead:
    """A party naming the caller's organisation, with the submission as the caller sees it.

    Attributes:
        party_id (int):
        organisation_id (int):
        role (SubmissionRole):
        consent (PartyConsent): Whether an organisation agreed to be named on a submission (`api.cycle.policy` shows
            only
            `accepted` parties). A party nobody had to ask (the caller's own organisation, a name without an
            organisation, a party recorded before consent existed) is `accepted`.
        invited_by (None | str): The (public) name of the organisation that named yours; null when nobody had to ask
            (your organisation named itself, or the party predates consent).
        invited_at (datetime.datetime | None):
        decided_at (datetime.datetime | None): When your organisation last accepted or declined.
        submission (SubmissionRead):
    """

    party_id: int
    organisation_id: int
    role: SubmissionRole
    consent: PartyConsent
    invited_by: None | str
    invited_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    submission: SubmissionRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        party_id = self.party_id

        organisation_id = self.organisation_id

        role = self.role.value

        consent = self.consent.value

        invited_by: None | str
        invited_by = self.invited_by

        invited_at: None | str
        if isinstance(self.invited_at, datetime.datetime):
            invited_at = self.invited_at.isoformat()
        else:
            invited_at = self.invited_at

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        submission = self.submission.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "party_id": party_id,
                "organisation_id": organisation_id,
                "role": role,
                "consent": consent,
                "invited_by": invited_by,
                "invited_at": invited_at,
                "decided_at": decided_at,
                "submission": submission,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submission_read import SubmissionRead  # noqa: PLC0415

        d = dict(src_dict)
        party_id = d.pop("party_id")

        organisation_id = d.pop("organisation_id")

        role = SubmissionRole(d.pop("role"))

        consent = PartyConsent(d.pop("consent"))

        def _parse_invited_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invited_by = _parse_invited_by(d.pop("invited_by"))

        def _parse_invited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invited_at_type_0 = datetime.datetime.fromisoformat(data)

                return invited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        invited_at = _parse_invited_at(d.pop("invited_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        submission = SubmissionRead.from_dict(d.pop("submission"))

        submission_invitation_read = cls(
            party_id=party_id,
            organisation_id=organisation_id,
            role=role,
            consent=consent,
            invited_by=invited_by,
            invited_at=invited_at,
            decided_at=decided_at,
            submission=submission,
        )

        submission_invitation_read.additional_properties = d
        return submission_invitation_read

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
