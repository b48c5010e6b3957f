from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.import_format import ImportFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyImportsCreate")


@_attrs_define
class BodyImportsCreate:
    """
    Attributes:
        file (str): .csv, .csv.gz, .xlsx or .docx
        format_ (ImportFormat | None | Unset): Detected from the header when omitted.
        state (None | str | Unset): State under review, if the file does not say; governments must give their own.
        session (int | None | Unset):
        strict (bool | Unset): Stop at the first unreadable row. Default: False.
        dry_run (bool | Unset): Check everything, write nothing. Default: False.
    """

    file: str
    format_: ImportFormat | None | Unset = UNSET
    state: None | str | Unset = UNSET
    session: int | None | Unset = UNSET
    strict: bool | Unset = False
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, ImportFormat):
            format_ = self.format_.value
        else:
            format_ = self.format_

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        session: int | None | Unset
        if isinstance(self.session, Unset):
            session = UNSET
        else:
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
            if isinstance(self.format_, ImportFormat):
                files.append(("format", (None, str(self.format_.value).encode(), "text/plain")))
            else:
                files.append(("format", (None, str(self.format_).encode(), "text/plain")))

        if not isinstance(self.state, Unset):
            if isinstance(self.state, str):
                files.append(("state", (None, str(self.state).encode(), "text/plain")))
            else:
                files.append(("state", (None, str(self.state).encode(), "text/plain")))

        if not isinstance(self.session, Unset):
            if isinstance(self.session, int):
                files.append(("session", (None, str(self.session).encode(), "text/plain")))
            else:
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

        def _parse_format_(data: object) -> ImportFormat | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = ImportFormat(data)

                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportFormat | None | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_session(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        session = _parse_session(d.pop("session", UNSET))

        strict = d.pop("strict", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        body_imports_create = cls(
            file=file,
            format_=format_,
            state=state,
            session=session,
            strict=strict,
            dry_run=dry_run,
        )

        body_imports_create.additional_properties = d
        return body_imports_create

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
