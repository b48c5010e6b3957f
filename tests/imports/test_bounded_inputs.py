"""Decompression bombs and oversized files: every import format is refused at its limit, with the limit and
its setting named, while memory stays flat, and nothing is imported.

The bombs are built here. A "2 GB" one costs a few megabytes and no time: after a full flush, deflate
compresses every further copy of a block to the same bytes, so the stream is one block's bytes repeated."""

import gzip
import io
import os
import re
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from api.cli import app as cli
from api.imports import archives, dihr, files, ohchr, upr_info
from api.imports import limits as import_limits
from api.imports.limits import ImportLimits, LimitExceeded, UnreadableFile
from api.imports.pipeline import run_import
from api.recommendations.models import Recommendation
from api.seed import seed_states
from api.settings import Settings, get_settings
from api.taxonomy.service import seed_sdg_targets
from tests.helpers import migrate

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "ohchr_china_upr17_2013_matrix_excerpt.docx"
REAL = Path(__file__).parents[3] / "shared/data"
HEADER = b"To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n"
ROW = b"Iran,Asia,,Ratify CAT,France,WEOG,,Accepted,3,,7\n"
GB = 1_000_000_000
FLAT = 50_000_000  # peak Python memory allowed while a bomb is read


def limits(**changes) -> ImportLimits:
    return replace(ImportLimits.from_settings(), **changes)


@dataclass
class Peak:
    bytes: int = 0


@contextmanager
def peak_memory() -> Iterator[Peak]:
    """The peak of Python allocations inside the block (tracemalloc)."""
    peak = Peak()
    tracemalloc.start()
    try:
        yield peak
    finally:
        peak.bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def drain(items) -> None:
    deque(items, maxlen=0)  # read everything, keep nothing


# ---- building bombs ----------------------------------------------------------------------------------


def deflate(prefix: bytes, block: bytes, copies: int, suffix: bytes) -> tuple[bytes, int]:
    """Raw deflate of prefix + block × copies + suffix, and that length."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush()
    return head + body * copies + tail, len(prefix) + len(block) * copies + len(suffix)


@dataclass
class Part:
    name: str
    raw: bytes  # as stored in the archive
    method: int
    size: int  # the uncompressed size the archive declares
    crc: int


def honest(name: str, data: bytes) -> Part:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    return Part(name, raw, zipfile.ZIP_DEFLATED, len(data), zlib.crc32(data))


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A ZIP written by hand, so that a part may declare any size."""
    out, directory = io.BytesIO(), io.BytesIO()
    for part in parts:
        name, offset = part.name.encode(), out.tell()
        out.write(
            struct.pack(
                "<4s2B4HL2L2H",
                b"PK\x03\x04",
                20,
                0,
                0,
                part.method,
                0,
                0x21,
                part.crc,
                len(part.raw),
                part.size,
                len(name),
                0,
            )
            + name
            + part.raw
        )
        directory.write(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                20,
                0,
                20,
                0,
                0,
                part.method,
                0,
                0x21,
                part.crc,
                len(part.raw),
                part.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = out.tell()
    out.write(directory.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory.getvalue()), start, 0))
    path.write_bytes(out.getvalue())
    return path


def parts_of(path: Path) -> list[Part]:
    with zipfile.ZipFile(path) as archive:
        return [honest(info.filename, archive.read(info)) for info in archive.infolist()]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


UPR_HEADER = HEADER.decode().strip().split(",")
UPR_ROW = ROW.decode().strip().split(",")
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
    b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = b"</sheetData></worksheet>"


def xlsx_with_sheet(tmp_path: Path, sheet: Part, name: str = "bomb.xlsx") -> Path:
    """A real workbook (UPR Info's header) whose sheet1.xml is replaced by `sheet`."""
    base = workbook(tmp_path / "base.xlsx", [UPR_HEADER])
    parts = [sheet if p.name == "xl/worksheets/sheet1.xml" else p for p in parts_of(base)]
    return write_zip(tmp_path / name, parts)


def xlsx_with_strings(tmp_path: Path, strings: list[bytes]) -> Path:
    """A real workbook given a shared-strings table (openpyxl writes its text inline, in the sheet)."""
    base = workbook(tmp_path / "base.xlsx", [UPR_HEADER])
    parts = parts_of(base)
    types = next(p for p in parts if p.name == "[Content_Types].xml")
    with zipfile.ZipFile(base) as archive:
        manifest = archive.read(types.name).replace(
            b"</Types>",
            (
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
            ),
        )
    table = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main">' + b"".join(b"<si><t>" + text + b"</t></si>" for text in strings) + b"</sst>"
    )
    parts = [honest(types.name, manifest) if p is types else p for p in parts]
    return write_zip(tmp_path / "strings.xlsx", [*parts, honest("xl/sharedStrings.xml", table)])


def sheet_bomb(declared: int | None = None, gigabytes: int = 2) -> Part:
    """sheet1.xml of ~`gigabytes` GB of rows; it declares its true size, or `declared`."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    block = row * (1_000_000 // len(row))
    raw, size = deflate(SHEET_START, block, gigabytes * GB // len(block), SHEET_END)
    return Part("xl/worksheets/sheet1.xml", raw, zipfile.ZIP_DEFLATED, declared or size, 0)


@pytest.fixture(scope="module")
def rows_gz(tmp_path_factory) -> Path:
    """A UPR Info .csv.gz of 5 million rows, streamed into gzip: under 1 MB, 250 MB inflated."""
    path = tmp_path_factory.mktemp("bombs") / "upr_info_5m.csv.gz"
    block = ROW * 50_000
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(HEADER)
        for _ in range(100):
            handle.write(block)
    assert path.stat().st_size < 1_000_000
    return path


def gz_bomb(path: Path, block: bytes, gigabytes: int = 2) -> Path:
    """A .gz inflating to ~`gigabytes` GB of `block`s (its CRC is not computed: no reader gets that far)."""
    raw, size = deflate(b"", block, gigabytes * GB // len(block), b"")
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + raw + struct.pack("<2L", 0, size % 2**32))
    return path


# ---- the limits and their settings -----------------------------------------------------------------


def test_limits_come_from_the_settings_and_every_message_names_a_real_setting():
    settings = Settings(
        import_max_uncompressed_bytes=1,
        import_max_rows=2,
        import_max_cell_chars=3,
        import_max_docx_bytes=4,
        import_max_xlsx_loaded_bytes=5,
        secret_key="k" * 40,
        _env_file=None,
    )
    assert ImportLimits.from_settings(settings) == ImportLimits(1, 2, 3, 4, 5)
    named = set(re.findall(r"IMPORT_MAX_[A-Z]\w*", Path(import_limits.__file__).read_text()))
    assert named == {
        "IMPORT_MAX_UNCOMPRESSED_BYTES",
        "IMPORT_MAX_ROWS",
        "IMPORT_MAX_CELL_CHARS",
        "IMPORT_MAX_DOCX_BYTES",
        "IMPORT_MAX_XLSX_LOADED_BYTES",
    }
    assert {n.lower() for n in named} <= set(Settings.model_fields)


# ---- .csv.gz and CSV ---------------------------------------------------------------------------------


def test_a_gz_of_5_million_rows_stops_at_the_row_limit_with_flat_memory(rows_gz):
    with peak_memory() as peak, pytest.raises(LimitExceeded, match=r"more than 20,000 rows \(IMPORT_MAX_ROWS\)"):
        drain(upr_info.read(rows_gz, limits=limits(max_rows=20_000)))
    assert peak.bytes < FLAT


def test_a_gz_stops_inflating_at_the_uncompressed_limit(rows_gz):
    with (
        peak_memory() as peak,
        pytest.raises(LimitExceeded, match=r"expands beyond 3 MB uncompressed \(IMPORT_MAX_UNCOMPRESSED_BYTES\)"),
    ):
        drain(files.csv_rows(rows_gz, limits(max_uncompressed_bytes=3_000_000)))
    assert peak.bytes < FLAT


@pytest.mark.parametrize(
    ("block", "bounds", "match"),
    [
        (b"a" * 1_000_000, {}, r"line 1: a row longer than 1,000,000 characters \(10 × IMPORT_MAX_CELL_CHARS\)"),
        (ROW * 10_000, {"max_rows": 100_000}, r"more than 100,000 rows \(IMPORT_MAX_ROWS\)"),
    ],
    ids=["one endless line", "endless rows"],
)
def test_a_2_gb_gz_bomb_keeps_memory_flat(tmp_path, block, bounds, match):
    bomb = gz_bomb(tmp_path / "bomb.csv.gz", block)
    assert bomb.stat().st_size < 10_000_000
    with pytest.raises(
        LimitExceeded,
        match=r"expands beyond 200 MB uncompressed \(IMPORT_MAX_UNCOMPRESSED_BYTES\); "
        r"it declares 1,99\d|it declares 2,000",
    ):
        files.check_upload(bomb.name, bomb.read_bytes())  # its gzip trailer says so, at upload
    with peak_memory() as peak, pytest.raises(LimitExceeded, match=match):
        drain(files.csv_rows(bomb, limits(**bounds)))
    assert peak.bytes < FLAT


def test_a_corrupt_gz_is_unreadable_not_a_crash(tmp_path):
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(gzip.compress(HEADER + ROW * 1000)[:-50])
    with pytest.raises(UnreadableFile, match="not a readable .gz file"):
        drain(files.csv_rows(path))


def test_csv_cells_rows_and_records_are_bounded(tmp_path):
    path = tmp_path / "export.csv"
    for length in (100_001, 500_000):  # the second is past the csv module's own limit, 131,072
        path.write_bytes(HEADER + ROW.replace(b"Ratify", b"R" * length))
        with pytest.raises(
            LimitExceeded,
            match=r"line 2: a cell longer than 100,000 characters "
            r"\(IMPORT_MAX_CELL_CHARS\)",
        ):
            drain(upr_info.read(path))
    path.write_bytes(HEADER + ROW * 2_000)
    with pytest.raises(LimitExceeded, match=r"more than 1,000 rows \(IMPORT_MAX_ROWS\)"):
        drain(upr_info.read(path, limits=limits(max_rows=1_000)))
    path.write_bytes(HEADER + b'Iran,Asia,OIC,"' + b"line\n" * 1_000 + b'",France\n')  # one record, many lines
    with pytest.raises(LimitExceeded, match=r"a row longer than 1,000 characters \(10 × IMPORT_MAX_CELL_CHARS\)"):
        drain(upr_info.read(path, limits=limits(max_cell_chars=100)))
    assert len(list(upr_info.read(path))) == 1  # the same record under the default limits


def test_a_file_over_a_limit_imports_nothing(session, tmp_path):
    seed_states(session)
    seed_sdg_targets(session)
    session.commit()  # into the test's outer transaction: what the import writes comes after
    before = session.exec(select(func.count()).select_from(Recommendation)).one()
    path = tmp_path / "upr_info.csv"
    path.write_bytes(HEADER + b"".join(ROW.replace(b"Ratify", f"Ratify {n}".encode()) for n in range(2_000)))
    with pytest.raises(LimitExceeded, match="IMPORT_MAX_ROWS"):
        run_import(session, path, limits=limits(max_rows=1_500))  # 1,000 rows were written by then
    session.rollback()  # as the job and the CLI do
    assert session.exec(select(func.count()).select_from(Recommendation)).one() == before


def test_the_cli_refuses_past_the_configured_limit_and_imports_nothing(tmp_path, monkeypatch, rows_gz):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("IMPORT_MAX_ROWS", "3000")
    get_settings.cache_clear()
    try:
        migrate(url)
        from api.db import engine_for

        with Session(engine_for(url)) as session:
            seed_states(session)
            session.commit()
        result = CliRunner().invoke(cli, ["import", str(rows_gz)])
        assert result.exit_code == 1, result.output
        output = " ".join(result.output.split())
        assert "Nothing was imported" in output and "more than 3,000 rows (IMPORT_MAX_ROWS)" in output
        with Session(engine_for(url)) as session:
            assert session.exec(select(func.count()).select_from(Recommendation)).one() == 0
        engine_for(url).dispose()
    finally:
        get_settings.cache_clear()


# ---- XLSX --------------------------------------------------------------------------------------------


def test_a_2_gb_sheet_is_refused_from_the_central_directory(tmp_path):
    bomb = xlsx_with_sheet(tmp_path, sheet_bomb())
    assert bomb.stat().st_size < 10_000_000
    with pytest.raises(LimitExceeded, match=r"expands beyond 200 MB uncompressed \(IMPORT_MAX_UNCOMPRESSED_BYTES\)"):
        files.check_upload(bomb.name, bomb.read_bytes())
    with peak_memory() as peak, pytest.raises(LimitExceeded, match="IMPORT_MAX_UNCOMPRESSED_BYTES"):
        drain(upr_info.read(bomb))
    assert peak.bytes < FLAT


def test_a_sheet_that_lies_about_its_size_is_caught_inflating_with_flat_memory(tmp_path, session):
    """It declares 10 kB and inflates to 2 GB: zipfile would cut it at 10 kB, but only after a whole
    `read()` (as python-docx and openpyxl do for the parts they load) has inflated up to 1 GB."""
    bomb = xlsx_with_sheet(tmp_path, sheet_bomb(declared=10_000))
    files.check_upload(bomb.name, bomb.read_bytes())  # the central directory looks harmless
    with peak_memory() as peak, pytest.raises(UnreadableFile, match=r"expands beyond the 10,000 bytes it declares"):
        drain(upr_info.read(bomb))
    assert peak.bytes < FLAT
    with pytest.raises(UnreadableFile, match="it declares"):
        run_import(session, bomb)  # format detection opens the workbook: it is checked first too


def test_a_workbook_with_too_many_rows_is_refused_before_openpyxl_opens_it(tmp_path, monkeypatch):
    path = workbook(tmp_path / "rows.xlsx", [UPR_HEADER] + [UPR_ROW] * 3_000)
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("openpyxl was reached"))
    with pytest.raises(LimitExceeded, match=r"more than 1,000 rows \(IMPORT_MAX_ROWS\)"):
        drain(upr_info.read(path, limits=limits(max_rows=1_000)))


def test_rows_openpyxl_invents_for_a_gap_count_too(tmp_path):
    """A row numbered 1,000,000 makes openpyxl yield the 999,998 empty rows before it."""
    book = Workbook()
    book.active.append(UPR_HEADER)
    book.active.cell(row=1_000_000, column=1, value="Iran")
    book.save(path := tmp_path / "gap.xlsx")
    with pytest.raises(LimitExceeded, match=r"more than 1,000 rows \(IMPORT_MAX_ROWS\)"):
        drain(upr_info.read(path, limits=limits(max_rows=1_000)))


def test_xlsx_cells_and_rows_of_xml_are_bounded(tmp_path):
    long_text = "R" * 32_767  # Excel's longest cell (openpyxl cuts longer ones)
    path = workbook(tmp_path / "cell.xlsx", [UPR_HEADER, [*UPR_ROW[:3], long_text, *UPR_ROW[4:]]])
    assert len(list(upr_info.read(path))) == 1
    with pytest.raises(LimitExceeded, match=r"line 2: a cell longer than 10,000 characters \(IMPORT_MAX_CELL_CHARS\)"):
        drain(upr_info.read(path, limits=limits(max_cell_chars=10_000)))
    with pytest.raises(LimitExceeded, match=r"a row longer than 30,000 bytes of XML \(10 × IMPORT_MAX_CELL_CHARS\)"):
        drain(upr_info.read(path, limits=limits(max_cell_chars=3_000)))  # refused before openpyxl parses it
    raw, size = deflate(
        SHEET_START + b'<row r="1"><c r="A1" t="inlineStr"><is><t>',
        b"x" * 100_000,
        50,
        b"</t></is></c></row>" + SHEET_END,
    )  # one cell of 5 MB
    path = xlsx_with_sheet(
        tmp_path, Part("xl/worksheets/sheet1.xml", raw, zipfile.ZIP_DEFLATED, size, zlib.crc32(SHEET_START))
    )  # the row is refused before the CRC
    with (
        peak_memory() as peak,
        pytest.raises(LimitExceeded, match=r"a row longer than 1,000,000 bytes of XML \(10 × IMPORT_MAX_CELL_CHARS\)"),
    ):
        drain(upr_info.read(path))
    assert peak.bytes < FLAT


def test_shared_strings_are_bounded_as_openpyxl_loads_them_whole(tmp_path):
    path = xlsx_with_strings(tmp_path, [f"text {n} ".encode() * 20 for n in range(2_000)])
    drain(upr_info.read(path))  # the defaults let it through
    with pytest.raises(
        LimitExceeded,
        match=r"other than its sheets .* beyond 100,000 bytes "
        r"\(IMPORT_MAX_XLSX_LOADED_BYTES\)",
    ):
        drain(upr_info.read(path, limits=limits(max_xlsx_loaded_bytes=100_000)))
    path = xlsx_with_strings(tmp_path, [b"short", b"x" * 50_000])
    with pytest.raises(
        LimitExceeded,
        match=r"a shared string longer than 30,000 bytes of XML "
        r"\(10 × IMPORT_MAX_CELL_CHARS\)",
    ):
        drain(upr_info.read(path, limits=limits(max_cell_chars=3_000)))


def test_a_dtd_in_a_workbook_is_refused(tmp_path):
    sheet = SHEET_START.replace(b"<worksheet", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet') + SHEET_END
    path = xlsx_with_sheet(tmp_path, honest("xl/worksheets/sheet1.xml", sheet))
    with pytest.raises(UnreadableFile, match="declares a DTD"):
        drain(upr_info.read(path))


def test_parts_compressed_as_ooxml_never_is_are_refused(tmp_path):
    data = b"<x/>"
    odd = Part("xl/styles.xml", zlib.compress(data), zipfile.ZIP_BZIP2, len(data), zlib.crc32(data))
    path = write_zip(tmp_path / "odd.xlsx", [odd])
    with pytest.raises(UnreadableFile, match="compressed as an XLSX never is"):
        drain(dihr.read(path))


# ---- DOCX --------------------------------------------------------------------------------------------


def test_a_docx_with_a_huge_document_is_refused_before_python_docx_parses_it(tmp_path):
    raw, size = deflate(
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>',
        b"<w:p/>" * 100_000,
        500,
        b"</w:body></w:document>",
    )  # 300 MB
    parts = [
        Part(p.name, raw, zipfile.ZIP_DEFLATED, size, 0) if p.name == "word/document.xml" else p for p in parts_of(DOCX)
    ]
    bomb = write_zip(tmp_path / "china_upr17_matrix.docx", parts)
    with pytest.raises(LimitExceeded, match="IMPORT_MAX_UNCOMPRESSED_BYTES"):
        files.check_upload(bomb.name, bomb.read_bytes())
    with (
        peak_memory() as peak,
        pytest.raises(LimitExceeded, match=r"the document expands beyond 10 MB uncompressed \(IMPORT_MAX_DOCX_BYTES\)"),
    ):
        drain(ohchr.read(bomb, limits=limits(max_uncompressed_bytes=GB)))
    assert peak.bytes < FLAT


def test_docx_rows_and_cells_are_bounded():
    assert len(list(ohchr.read(DOCX, state="CHN", session=17))) > 5  # the excerpt reads under the defaults
    with pytest.raises(LimitExceeded, match=r"more than 5 rows \(IMPORT_MAX_ROWS\)"):
        drain(ohchr.read(DOCX, state="CHN", session=17, limits=limits(max_rows=5)))
    with pytest.raises(LimitExceeded, match=r"a cell longer than 50 characters \(IMPORT_MAX_CELL_CHARS\)"):
        drain(ohchr.read(DOCX, state="CHN", session=17, limits=limits(max_cell_chars=50)))


# ---- the whole process, and the real files ----------------------------------------------------------


def test_the_process_stays_small_while_refusing_2_gb_bombs(tmp_path):
    """Resident memory, not only Python's allocations: the growth while each bomb is read."""
    gz = gz_bomb(tmp_path / "bomb.csv.gz", ROW * 10_000)
    forged = xlsx_with_sheet(tmp_path, sheet_bomb(declared=10_000), name="forged.xlsx")
    script = f"""
import resource
from collections import deque
from pathlib import Path
from api.imports import files, upr_info
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for read in (lambda: files.csv_rows(Path({str(gz)!r})), lambda: upr_info.read(Path({str(forged)!r}))):
    try:
        deque(read(), maxlen=0)
    except files.UnreadableFile as exc:
        print(type(exc).__name__)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "IMPORT_MAX_ROWS": "100000"},
    )
    assert done.returncode == 0, done.stderr
    *refusals, growth = done.stdout.split()
    assert refusals == ["LimitExceeded", "UnreadableFile"]
    assert int(growth) < FLAT, f"grew by {int(growth):,} bytes"


if REAL.is_dir():

    @pytest.mark.parametrize(
        "name",
        [
            "dihr_sdg_explorer/raw/dihr_sdg_explorer_upr_cycle2.xlsx",
            "ohchr_matrices/raw/china_upr31_2018_matrix.docx",
            "upr_info/upr_info_recommendations_sessions01-20.csv.gz",
        ],
    )
    def test_the_biggest_real_files_pass_the_default_limits(name):
        path = REAL / name
        files.check_upload(path.name, path.read_bytes())
        if files.file_kind(path) == "csv":
            drain(files.csv_rows(path))
        else:
            archives.check_zip(path, files.file_kind(path))
