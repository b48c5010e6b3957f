from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_format import ImportFormat

T = TypeVar("T", bound="RecommendationSourceRead")


@_attrs_define
class RecommendationSourceRead:
    """Where a recommendation was read: one entry per file, refreshed by the latest import of that file.

    Attributes:
        publisher (ImportFormat): A publisher and its file format: what an import reads, and where a recommendation came
            from.
        file_name (str):
        line (int | None): The first line (CSV), row (XLSX) or table row (DOCX) that gave it.
        paragraph (None | str): The paragraph as this file gives it.
        import_job_id (int | None): The upload's import job; null for a command-line import.
        imported_at (datetime.datetime):
        text (None | str): The text as this file gives it, when it differs from the record's.
        note (None | str): What the file notes beside the text (`Comments: …`).
    """

    publisher: ImportFormat
    file_name: str
    line: int | None
    paragraph: None | str
    import_job_id: int | None
    imported_at: datetime.datetime
    text: None | str
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        publisher = self.publisher.value

        file_name = self.file_name

        line: int | None
        line = self.line

        paragraph: None | str
        paragraph = self.paragraph

        import_job_id: int | None
        import_job_id = self.import_job_id

        imported_at = self.imported_at.isoformat()

        text: None | str
        text = self.text

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "publisher": publisher,
                "file_name": file_name,
                "line": line,
                "paragraph": paragraph,
                "import_job_id": import_job_id,
                "imported_at": imported_at,
                "text": text,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        publisher = ImportFormat(d.pop("publisher"))

        file_name = d.pop("file_name")

        def _parse_line(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line = _parse_line(d.pop("line"))

        def _parse_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paragraph = _parse_paragraph(d.pop("paragraph"))

        def _parse_import_job_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        import_job_id = _parse_import_job_id(d.pop("import_job_id"))

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        recommendation_source_read = cls(
            publisher=publisher,
            file_name=file_name,
            line=line,
            paragraph=paragraph,
            import_job_id=import_job_id,
            imported_at=imported_at,
            text=text,
            note=note,
        )

        recommendation_source_read.additional_properties = d
        return recommendation_source_read

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
