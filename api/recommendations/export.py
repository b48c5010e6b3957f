"""Every recommendation matching the list filters, as CSV or XLSX (not one page: the whole set).

Rows are read in keyset-paged batches through the list query itself, their bodies from the read model,
so memory stays flat however many match, and written to a temporary file (openpyxl's write-only mode for
XLSX) that the response then streams: the request's database session closes before the body is sent.
"""

import io
import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from sqlmodel import Session

from api.core.pagination import PageParams
from api.core.spreadsheets import csv_writer, xlsx_row
from api.recommendations import read_model
from api.recommendations.models import TagOrigin
from api.recommendations.service import RecommendationFilter, page_ids

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BATCH = 500
HEADER = [
    "id",
    "state_under_review",
    "cycle",
    "session",
    "paragraph",
    "text",
    "recommending_states",
    "recommending_state_names",
    "themes",
    "affected_persons",
    "sdg_targets",
    "current_position",
    "action_category",
    "source_document",
    "external_key",
    "sources",
    # Which of the themes, groups and action category above the text classifier inferred (not a source).
    "themes_inferred",
    "affected_persons_inferred",
    "action_category_origin",
]


def negotiated_type(accept: str | None) -> str | None:
    """The export media type the client asks for first, if any (JSON stays the default)."""
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in (CSV_TYPE, XLSX_TYPE):
            return media
        if media in ("application/json", "*/*"):
            return None
    return None


def _cells(rec: dict[str, Any]) -> list[object]:
    """A row of the export from a read-model body (`RecommendationRead` as JSON)."""
    states, themes, persons = rec["recommending_states"], rec["themes"], rec["affected_persons"]
    return [
        rec["id"],
        rec["state_under_review"],
        rec["cycle"],
        rec["session"],
        rec["paragraph"] or "",
        rec["text"],
        "; ".join(s["code"] for s in states),
        "; ".join(s["name"] for s in states),
        "; ".join(t["name"] for t in themes),
        "; ".join(p["name"] for p in persons),
        "; ".join(rec["sdg_targets"]),
        rec["current_position"] or "",
        rec["action_category"] or "",
        rec["source_document"] or "",
        rec["external_key"],
        "; ".join(_source_cell(source) for source in rec["sources"]),
        "; ".join(t["name"] for t in themes if t["origin"] == TagOrigin.inferred),
        "; ".join(p["name"] for p in persons if p["origin"] == TagOrigin.inferred),
        rec["action_category_origin"] or "",
    ]


def _source_cell(source: dict[str, Any]) -> str:
    """One source, compact: `upr-info upr_info.csv.gz row 1203 ¶147.68 job 12 2026-12-01`."""
    parts = [source["publisher"], source["file_name"]]
    if source["line"] is not None:
        parts.append(f"row {source['line']}")
    if source["paragraph"]:
        parts.append(f"¶{source['paragraph']}")
    if source["import_job_id"] is not None:
        parts.append(f"job {source['import_job_id']}")
    parts.append(source["imported_at"][:10])  # the date of an ISO 8601 instant in UTC
    return " ".join(parts)


def rows(session: Session, filters: RecommendationFilter) -> Iterator[list[object]]:
    """Keyset-paged ids of the list query, their bodies from the read model: no model built per row, and
    memory bounded by one batch."""
    cursor = None
    while True:
        page = page_ids(session, PageParams(limit=BATCH, cursor=cursor), filters, count=False)
        bodies = read_model.bodies(session, [rid for rid, _ in page.items])
        for rid, _rank in page.items:
            if (body := bodies.get(rid)) is not None:
                yield _cells(json.loads(body))
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def write_csv(session: Session, filters: RecommendationFilter, out: IO[bytes]) -> None:
    """UTF-8 with a BOM, which is how spreadsheet programs recognise UTF-8 CSV."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv_writer(text)
    writer.writerow(HEADER)
    for row in rows(session, filters):
        writer.writerow(row)
    text.flush()
    text.detach()


def write_xlsx(session: Session, filters: RecommendationFilter, out: IO[bytes]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Recommendations")
    sheet.append(HEADER)
    for row in rows(session, filters):
        sheet.append(xlsx_row(sheet, row))
    workbook.save(out)


def export_file(session: Session, filters: RecommendationFilter, media_type: str) -> IO[bytes]:
    """The export in a rewound temporary file (kept in memory while small)."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115  (the response closes it)
    (write_xlsx if media_type == XLSX_TYPE else write_csv)(session, filters, spool)
    spool.seek(0)
    return spool


def iter_file(handle: IO[bytes], chunk: int = 1 << 16) -> Iterator[bytes]:
    try:
        while data := handle.read(chunk):
            yield data
    finally:
        handle.close()
