from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.import_format import ImportFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportUpload")


@_attrs_define
class ImportUpload:
    """
    Attributes:
        file (str): .csv, .csv.gz, .xlsx or .docx
        format_ (ImportFormat | Unset): A publisher and its file format: what an import reads, and where a
            recommendation came from.
        state (str | Unset): State under review, if the file does not say; governments must give their own.
        session (int | Unset):
        strict (bool | Unset): Stop at the first unreadable row. Default: False.
        dry_run (bool | Unset): Check everything, write nothing. Default: False.
    """

    file: str
    format_: ImportFormat | Unset = UNSET
    state: str | Unset = UNSET
    session: int | Unset = UNSET
    strict: bool | Unset = False
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        state = self.state

        session = self.session

        strict = self.strict

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if state is not UNSET:
            field_dict["state"] = state
        if session is not UNSET:
            field_dict["session"] = session
        if strict is not UNSET:
            field_dict["strict"] = strict
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.format_, Unset):
            files.append(("format", (None, str(self.format_.value).encode(), "text/plain")))

        if not isinstance(self.state, Unset):
            files.append(("state", (None, str(self.state).encode(), "text/plain")))

        if not isinstance(self.session, Unset):
            files.append(("session", (None, str(self.session).encode(), "text/plain")))

        if not isinstance(self.strict, Unset):
            files.append(("strict", (None, str(self.strict).encode(), "text/plain")))

        if not isinstance(self.dry_run, Unset):
            files.append(("dry_run", (None, str(self.dry_run).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = d.pop("file")

        _format_ = d.pop("format", UNSET)
        format_: ImportFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = ImportFormat(_format_)

        state = d.pop("state", UNSET)

        session = d.pop("session", UNSET)

        strict = d.pop("strict", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        import_upload = cls(
            file=file,
            format_=format_,
            state=state,
            session=session,
            strict=strict,
            dry_run=dry_run,
        )

        import_upload.additional_properties = d
        return import_upload

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
