"""The rejects of an import, as a CSV a person can open next to the file they came from."""

from pathlib import Path

from api.core.spreadsheets import csv_writer
from api.imports.records import ImportReport


def write_rejects(report: ImportReport, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_writer(handle)  # a reason quotes the rejected cell: guarded like every export
        writer.writerow(["line", "column", "reason"])
        writer.writerows((r.line, r.column or "", r.reason) for r in report.rejected)
