from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_job_read_options import ImportJobReadOptions
    from ..models.import_job_read_report_type_0 import ImportJobReadReportType0


T = TypeVar("T", bound="ImportJobRead")


@_attrs_define
class ImportJobRead:
    """
    Attributes:
        id (int):
        status (JobStatus):
        filename (str):
        format_ (None | str):
        options (ImportJobReadOptions):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        rows_read (int): Rows read so far while running; all rows once finished.
        report (ImportJobReadReportType0 | None): Counts (inserted, updated, merged, unchanged, pledges, rejected) and
            the first 1,000 rejected rows.
        error (None | str):
        attempts (int | Unset): Runs started; a run whose worker stopped is retried. Default: 0.
    """

    id: int
    status: JobStatus
    filename: str
    format_: None | str
    options: ImportJobReadOptions
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    rows_read: int
    report: ImportJobReadReportType0 | None
    error: None | str
    attempts: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_job_read_report_type_0 import ImportJobReadReportType0  # noqa: PLC0415

        id = self.id

        status = self.status.value

        filename = self.filename

        format_: None | str
        format_ = self.format_

        options = self.options.to_dict()

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        rows_read = self.rows_read

        report: dict[str, Any] | None
        if isinstance(self.report, ImportJobReadReportType0):
            report = self.report.to_dict()
        else:
            report = self.report

        error: None | str
        error = self.error

        attempts = self.attempts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "filename": filename,
                "format": format_,
                "options": options,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "rows_read": rows_read,
                "report": report,
                "error": error,
            }
        )
        if attempts is not UNSET:
            field_dict["attempts"] = attempts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_job_read_options import ImportJobReadOptions  # noqa: PLC0415
        from ..models.import_job_read_report_type_0 import ImportJobReadReportType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = JobStatus(d.pop("status"))

        filename = d.pop("filename")

        def _parse_format_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        format_ = _parse_format_(d.pop("format"))

        options = ImportJobReadOptions.from_dict(d.pop("options"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        rows_read = d.pop("rows_read")

        def _parse_report(data: object) -> ImportJobReadReportType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = ImportJobReadReportType0.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportJobReadReportType0 | None, data)

        report = _parse_report(d.pop("report"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        attempts = d.pop("attempts", UNSET)

        import_job_read = cls(
            id=id,
            status=status,
            filename=filename,
            format_=format_,
            options=options,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            rows_read=rows_read,
            report=report,
            error=error,
            attempts=attempts,
        )

        import_job_read.additional_properties = d
        return import_job_read

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
