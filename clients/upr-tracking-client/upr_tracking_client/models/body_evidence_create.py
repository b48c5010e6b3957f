from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyEvidenceCreate")


@_attrs_define
class BodyEvidenceCreate:
    """
    Attributes:
        progress_update_id (int | None | Unset): Attach to this progress update (yours).
        assessment_id (int | None | Unset): … or to this assessment (yours).
        milestone_id (int | None | Unset): … or to this milestone (of your state).
        url (None | str | Unset): A link (http or https) …
        file (None | str | Unset): … or a file: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, ODT, ODS, or plain UTF-8 text /
            CSV; the type is read from the content.
        description (None | str | Unset):
        evidence_date (datetime.date | None | Unset): Not in the future.
        visibility (None | Unset | Visibility): Defaults to the visibility of the update or assessment; `public` on a
            milestone.
    """

    progress_update_id: int | None | Unset = UNSET
    assessment_id: int | None | Unset = UNSET
    milestone_id: int | None | Unset = UNSET
    url: None | str | Unset = UNSET
    file: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    evidence_date: datetime.date | None | Unset = UNSET
    visibility: None | Unset | Visibility = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        progress_update_id: int | None | Unset
        if isinstance(self.progress_update_id, Unset):
            progress_update_id = UNSET
        else:
            progress_update_id = self.progress_update_id

        assessment_id: int | None | Unset
        if isinstance(self.assessment_id, Unset):
            assessment_id = UNSET
        else:
            assessment_id = self.assessment_id

        milestone_id: int | None | Unset
        if isinstance(self.milestone_id, Unset):
            milestone_id = UNSET
        else:
            milestone_id = self.milestone_id

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        file: None | str | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        else:
            file = self.file

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        evidence_date: None | str | Unset
        if isinstance(self.evidence_date, Unset):
            evidence_date = UNSET
        elif isinstance(self.evidence_date, datetime.date):
            evidence_date = self.evidence_date.isoformat()
        else:
            evidence_date = self.evidence_date

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, Visibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

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
            if isinstance(self.progress_update_id, int):
                files.append(("progress_update_id", (None, str(self.progress_update_id).encode(), "text/plain")))
            else:
                files.append(("progress_update_id", (None, str(self.progress_update_id).encode(), "text/plain")))

        if not isinstance(self.assessment_id, Unset):
            if isinstance(self.assessment_id, int):
                files.append(("assessment_id", (None, str(self.assessment_id).encode(), "text/plain")))
            else:
                files.append(("assessment_id", (None, str(self.assessment_id).encode(), "text/plain")))

        if not isinstance(self.milestone_id, Unset):
            if isinstance(self.milestone_id, int):
                files.append(("milestone_id", (None, str(self.milestone_id).encode(), "text/plain")))
            else:
                files.append(("milestone_id", (None, str(self.milestone_id).encode(), "text/plain")))

        if not isinstance(self.url, Unset):
            if isinstance(self.url, str):
                files.append(("url", (None, str(self.url).encode(), "text/plain")))
            else:
                files.append(("url", (None, str(self.url).encode(), "text/plain")))

        if not isinstance(self.file, Unset):
            if isinstance(self.file, str):
                files.append(("file", (None, str(self.file).encode(), "text/plain")))
            else:
                files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.description, Unset):
            if isinstance(self.description, str):
                files.append(("description", (None, str(self.description).encode(), "text/plain")))
            else:
                files.append(("description", (None, str(self.description).encode(), "text/plain")))

        if not isinstance(self.evidence_date, Unset):
            if isinstance(self.evidence_date, datetime.date):
                files.append(("evidence_date", (None, self.evidence_date.isoformat().encode(), "text/plain")))
            else:
                files.append(("evidence_date", (None, str(self.evidence_date).encode(), "text/plain")))

        if not isinstance(self.visibility, Unset):
            if isinstance(self.visibility, Visibility):
                files.append(("visibility", (None, str(self.visibility.value).encode(), "text/plain")))
            else:
                files.append(("visibility", (None, str(self.visibility).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_progress_update_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        progress_update_id = _parse_progress_update_id(d.pop("progress_update_id", UNSET))

        def _parse_assessment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assessment_id = _parse_assessment_id(d.pop("assessment_id", UNSET))

        def _parse_milestone_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_file(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file = _parse_file(d.pop("file", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_evidence_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evidence_date_type_0 = datetime.date.fromisoformat(data)

                return evidence_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        evidence_date = _parse_evidence_date(d.pop("evidence_date", UNSET))

        def _parse_visibility(data: object) -> None | Unset | Visibility:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = Visibility(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Visibility, data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

        body_evidence_create = cls(
            progress_update_id=progress_update_id,
            assessment_id=assessment_id,
            milestone_id=milestone_id,
            url=url,
            file=file,
            description=description,
            evidence_date=evidence_date,
            visibility=visibility,
        )

        body_evidence_create.additional_properties = d
        return body_evidence_create

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
