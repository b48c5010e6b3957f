from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_kind import EvidenceKind
from ..models.visibility import Visibility

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="TrackingEvidenceRead")


@_attrs_define
class TrackingEvidenceRead:
    """
    Attributes:
        id (int):
        kind (EvidenceKind):
        url (None | str): For a link.
        file_name (None | str): For a file: the uploader's file name, without any folder; `evidence-<id>.<ext>` for a
            pseudonymous organisation's file (its real name is never kept).
        content_type (None | str): For a file: the type detected from its content.
        size_bytes (int | None): Of the stored file, cleaned of identifying metadata on upload.
        sha256 (None | str): Of the stored file, as it is served.
        description (None | str):
        evidence_date (datetime.date | None):
        visibility (Visibility):
        state_code (str):
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        progress_update_id (int | None):
        assessment_id (int | None):
        milestone_id (int | None):
        created_at (datetime.datetime):
    """

    id: int
    kind: EvidenceKind
    url: None | str
    file_name: None | str
    content_type: None | str
    size_bytes: int | None
    sha256: None | str
    description: None | str
    evidence_date: datetime.date | None
    visibility: Visibility
    state_code: str
    organisation: OrganisationRef
    progress_update_id: int | None
    assessment_id: int | None
    milestone_id: int | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        url: None | str
        url = self.url

        file_name: None | str
        file_name = self.file_name

        content_type: None | str
        content_type = self.content_type

        size_bytes: int | None
        size_bytes = self.size_bytes

        sha256: None | str
        sha256 = self.sha256

        description: None | str
        description = self.description

        evidence_date: None | str
        if isinstance(self.evidence_date, datetime.date):
            evidence_date = self.evidence_date.isoformat()
        else:
            evidence_date = self.evidence_date

        visibility = self.visibility.value

        state_code = self.state_code

        organisation = self.organisation.to_dict()

        progress_update_id: int | None
        progress_update_id = self.progress_update_id

        assessment_id: int | None
        assessment_id = self.assessment_id

        milestone_id: int | None
        milestone_id = self.milestone_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "url": url,
                "file_name": file_name,
                "content_type": content_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "description": description,
                "evidence_date": evidence_date,
                "visibility": visibility,
                "state_code": state_code,
                "organisation": organisation,
                "progress_update_id": progress_update_id,
                "assessment_id": assessment_id,
                "milestone_id": milestone_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = EvidenceKind(d.pop("kind"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_file_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_name = _parse_file_name(d.pop("file_name"))

        def _parse_content_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content_type = _parse_content_type(d.pop("content_type"))

        def _parse_size_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes"))

        def _parse_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha256 = _parse_sha256(d.pop("sha256"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_evidence_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_date_type_0 = datetime.date.fromisoformat(data)

                return evidence_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        evidence_date = _parse_evidence_date(d.pop("evidence_date"))

        visibility = Visibility(d.pop("visibility"))

        state_code = d.pop("state_code")

        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        def _parse_progress_update_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        progress_update_id = _parse_progress_update_id(d.pop("progress_update_id"))

        def _parse_assessment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assessment_id = _parse_assessment_id(d.pop("assessment_id"))

        def _parse_milestone_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        tracking_evidence_read = cls(
            id=id,
            kind=kind,
            url=url,
            file_name=file_name,
            content_type=content_type,
            size_bytes=size_bytes,
            sha256=sha256,
            description=description,
            evidence_date=evidence_date,
            visibility=visibility,
            state_code=state_code,
            organisation=organisation,
            progress_update_id=progress_update_id,
            assessment_id=assessment_id,
            milestone_id=milestone_id,
            created_at=created_at,
        )

        tracking_evidence_read.additional_properties = d
        return tracking_evidence_read

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
