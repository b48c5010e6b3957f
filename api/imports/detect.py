"""Which reader reads a file: by its kind (.docx is an OHCHR matrix) and the meaning of its header."""

import csv
from importlib import import_module
from pathlib import Path
from types import ModuleType

from api.imports.files import file_kind, open_text
from api.imports.limits import UnreadableFile
from api.imports.records import ImportFormat

READERS = {
    ImportFormat.upr_info: "api.imports.upr_info",
    ImportFormat.dihr: "api.imports.dihr",
    ImportFormat.ohchr_matrix: "api.imports.ohchr",
}


def reader_for(fmt: ImportFormat) -> ModuleType:
    return import_module(READERS[fmt])


def headers_of(path: Path) -> list[str]:
    kind = file_kind(path)
    if kind == "csv":
        with open_text(path) as (text, _):
            return next(csv.reader(text), [])
    if kind == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            first = next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True), ())
            return [str(v) if v is not None else "" for v in first]
        finally:
            workbook.close()
    return []


def detect_format(path: Path) -> ImportFormat:
    if file_kind(path) == "docx":
        return ImportFormat.ohchr_matrix
    headers = headers_of(path)
    found = [fmt for fmt in READERS if reader_for(fmt).matches(headers)]
    if len(found) != 1:
        raise UnreadableFile(
            f"{path.name}: cannot tell the format from its header {headers[:8]}; "
            "give --format upr-info, dihr or ohchr-matrix."
        )
    return found[0]
