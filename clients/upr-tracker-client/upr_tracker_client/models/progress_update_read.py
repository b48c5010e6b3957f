from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility import Visibility

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef
    from ..models.tracking_evidence_read import TrackingEvidenceRead


T = TypeVar("T", bound="ProgressUpdateRead")


@_attrs_define
class ProgressUpdateRead:
    """
    Attributes:
        id (int):
        state_code (str):
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        recommendation_id (int | None):
        action_id (int | None):
        text (str):
        reported_on (datetime.date):
        visibility (Visibility):
        revision (int): How many of its revisions you may see: 1 for the original; each correction you may see adds one
            (an earlier version with a visibility you may not see is not counted).
        created_at (datetime.datetime): When the first of its revisions that you may see was written.
        updated_at (datetime.datetime): When the last of its revisions that you may see was written.
        withdrawn_at (datetime.datetime | None): When its poster deleted it after others could see it: kept for the
            record, out of lists and counts (a confidential post is erased instead; a CSO's or NHRI's withdrawn post is
            erased when deleted again).
        evidence (list[TrackingEvidenceRead]): The evidence attached that you may see.
    """

    id: int
    state_code: str
    organisation: OrganisationRef
    recommendation_id: int | None
    action_id: int | None
    text: str
    reported_on: datetime.date
    visibility: Visibility
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    withdrawn_at: datetime.datetime | None
    evidence: list[TrackingEvidenceRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state_code = self.state_code

        organisation = self.organisation.to_dict()

        recommendation_id: int | None
        recommendation_id = self.recommendation_id

        action_id: int | None
        action_id = self.action_id

        text = self.text

        reported_on = self.reported_on.isoformat()

        visibility = self.visibility.value

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state_code": state_code,
                "organisation": organisation,
                "recommendation_id": recommendation_id,
                "action_id": action_id,
                "text": text,
                "reported_on": reported_on,
                "visibility": visibility,
                "revision": revision,
                "created_at": created_at,
                "updated_at": updated_at,
                "withdrawn_at": withdrawn_at,
                "evidence": evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415
        from ..models.tracking_evidence_read import TrackingEvidenceRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        state_code = d.pop("state_code")

        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        def _parse_recommendation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        recommendation_id = _parse_recommendation_id(d.pop("recommendation_id"))

        def _parse_action_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        action_id = _parse_action_id(d.pop("action_id"))

        text = d.pop("text")

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        visibility = Visibility(d.pop("visibility"))

        revision = d.pop("revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = TrackingEvidenceRead.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        progress_update_read = cls(
            id=id,
            state_code=state_code,
            organisation=organisation,
            recommendation_id=recommendation_id,
            action_id=action_id,
            text=text,
            reported_on=reported_on,
            visibility=visibility,
            revision=revision,
            created_at=created_at,
            updated_at=updated_at,
            withdrawn_at=withdrawn_at,
            evidence=evidence,
        )

        progress_update_read.additional_properties = d
        return progress_update_read

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
