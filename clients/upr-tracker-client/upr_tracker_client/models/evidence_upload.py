from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceUpload")


@_attrs_define
class EvidenceUpload:
    """
    Attributes:
        progress_update_id (int | Unset): Attach to this progress update (yours).
        assessment_id (int | Unset): … or to this assessment (yours).
        milestone_id (int | Unset): … or to this milestone (of your state).
        url (str | Unset): A link (http or https) …
        file (str | Unset): … or a file: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, ODT, ODS, or plain UTF-8 text / CSV; the
            type is read from the content.
        description (str | Unset):
        evidence_date (datetime.date | Unset): Not in the future.
        visibility (Visibility | Unset):
    """

    progress_update_id: int | Unset = UNSET
    assessment_id: int | Unset = UNSET
    milestone_id: int | Unset = UNSET
    url: str | Unset = UNSET
    file: str | Unset = UNSET
    description: str | Unset = UNSET
    evidence_date: datetime.date | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        progress_update_id = self.progress_update_id

        assessment_id = self.assessment_id

        milestone_id = self.milestone_id

        url = self.url

        file = self.file

        description = self.description

        evidence_date: str | Unset = UNSET
        if not isinstance(self.evidence_date, Unset):
            evidence_date = self.evidence_date.isoformat()

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if progress_update_id is not UNSET:
            field_dict["progress_update_id"] = progress_update_id
        if assessment_id is not UNSET:
            field_dict["assessment_id"] = assessment_id
        if milestone_id is not UNSET:
            field_dict["milestone_id"] = milestone_id
        if url is not UNSET:
            field_dict["url"] = url
        if file is not UNSET:
            field_dict["file"] = file
        if description is not UNSET:
            field_dict["description"] = description
        if evidence_date is not UNSET:
            field_dict["evidence_date"] = evidence_date
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.progress_update_id, Unset):
            files.append(("progress_update_id", (None, str(self.progress_update_id).encode(), "text/plain")))

        if not isinstance(self.assessment_id, Unset):
            files.append(("assessment_id", (None, str(self.assessment_id).encode(), "text/plain")))

        if not isinstance(self.milestone_id, Unset):
            files.append(("milestone_id", (None, str(self.milestone_id).encode(), "text/plain")))

        if not isinstance(self.url, Unset):
            files.append(("url", (None, str(self.url).encode(), "text/plain")))

        if not isinstance(self.file, Unset):
            files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.description, Unset):
            files.append(("description", (None, str(self.description).encode(), "text/plain")))

        if not isinstance(self.evidence_date, Unset):
            files.append(("evidence_date", (None, self.evidence_date.isoformat().encode(), "text/plain")))

        if not isinstance(self.visibility, Unset):
            files.append(("visibility", (None, str(self.visibility.value).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        progress_update_id = d.pop("progress_update_id", UNSET)

        assessment_id = d.pop("assessment_id", UNSET)

        milestone_id = d.pop("milestone_id", UNSET)

        url = d.pop("url", UNSET)

        file = d.pop("file", UNSET)

        description = d.pop("description", UNSET)

        _evidence_date = d.pop("evidence_date", UNSET)
        evidence_date: datetime.date | Unset
        if isinstance(_evidence_date, Unset):
            evidence_date = UNSET
        else:
            evidence_date = datetime.date.fromisoformat(_evidence_date)

        _visibility = d.pop("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = Visibility(_visibility)

        evidence_upload = cls(
            progress_update_id=progress_update_id,
            assessment_id=assessment_id,
            milestone_id=milestone_id,
            url=url,
            file=file,
            description=description,
            evidence_date=evidence_date,
            visibility=visibility,
        )

        evidence_upload.additional_properties = d
        return evidence_upload

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
