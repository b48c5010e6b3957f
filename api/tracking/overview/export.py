"""The implementation matrix as CSV (one column per actor) and as XLSX in OHCHR's matrix layout.

OHCHR publishes each review's recommendations as a matrix grouped by theme, with the columns
`Recommendation`, `Position`, `Full list of themes` and `Assessment/comments on level of
implementation` (left empty for states to fill in). The XLSX keeps that layout and fills the last
column with each organisation's current traffic light, side by side; actions and indicators follow.
Both contain only what the caller may see: they are built from the same rows as the JSON matrix.
"""

import io
import tempfile
from typing import IO

from sqlmodel import Session, select

from api.auth.principal import Principal
from api.core.spreadsheets import csv_writer, xlsx_row
from api.cycle.models import State
from api.tracking.overview.matrix import all_rows
from api.tracking.overview.schemas import MatrixRow
from api.tracking.overview.scope import OverviewScope
from api.tracking.schemas import OrganisationRef, actor_key

LIGHTS = {"not_started": "red", "partial": "orange", "implemented": "green", "no_information": "no information"}
CSV_HEADER = [
    "recommendation_id",
    "session",
    "paragraph",
    "recommendation",
    "recommending_states",
    "current_position",
    "themes",
    "actions",
    "indicators",
]
OHCHR_HEADER = [
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
    "Actions",
    "Indicators",
]


def _actions(row: MatrixRow) -> str:
    return "; ".join(f"{a.title} ({a.status.value})" for a in row.actions)


def _indicators(row: MatrixRow) -> str:
    parts = []
    for i in row.indicators:
        unit = f" {i.unit}" if i.unit else ""
        latest = "no measurement" if i.latest_value is None else f"{i.latest_value:g}{unit} on {i.latest_measured_on}"
        target = "" if i.target_value is None else f", target {i.target_value:g}{unit}"
        parts.append(f"{i.name}: {latest}{target}")
    return "; ".join(parts)


def _actor_label(ref: OrganisationRef) -> str:
    return f"{ref.name} ({ref.kind.value})"


def _rating_cell(rating) -> str:
    return f"{rating.rating.value} ({LIGHTS[rating.rating.value]}), {rating.assessed_on.isoformat()}"


def write_csv(rows: list[MatrixRow], out: IO[bytes]) -> None:
    """UTF-8 with a BOM; one column per organisation that has an assessment the caller may see."""
    actors: dict[int, OrganisationRef] = {}
    for row in rows:
        for rating in row.assessments:
            actors.setdefault(rating.organisation.id, rating.organisation)
    order = [ref.id for ref in sorted(actors.values(), key=actor_key)]
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv_writer(text)
    writer.writerow(CSV_HEADER + [f"assessment: {_actor_label(actors[org_id])}" for org_id in order])
    for row in rows:
        ratings = {r.organisation.id: r for r in row.assessments}
        writer.writerow(
            [
                row.recommendation_id,
                row.session,
                row.paragraph or "",
                row.text,
                "; ".join(row.recommending_states),
                row.current_position.value if row.current_position else "",
                "; ".join(row.themes),
                _actions(row),
                _indicators(row),
                *(_rating_cell(ratings[o]) if o in ratings else "" for o in order),
            ]
        )
    text.flush()
    text.detach()


def write_ohchr_xlsx(rows: list[MatrixRow], title: str, out: IO[bytes]) -> None:
    """Grouped by theme like OHCHR's matrices: each recommendation under its first theme."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Matrix"
    sheet.append(xlsx_row(sheet, [title]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(OHCHR_HEADER)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    grouped: dict[str, list[MatrixRow]] = {}
    for row in rows:
        grouped.setdefault(row.themes[0] if row.themes else "Other", []).append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for theme in sorted(grouped, key=str.lower):
        sheet.append(xlsx_row(sheet, [f"Theme: {theme}"]))
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for row in grouped[theme]:
            recommendation = " ".join(filter(None, [row.paragraph, row.text]))
            if row.recommending_states:
                recommendation += f" ({', '.join(row.recommending_states)})"
            position = row.current_position.value.replace("_", " ").capitalize() if row.current_position else ""
            assessment = "\n".join(f"{_actor_label(r.organisation)}: {_rating_cell(r)}" for r in row.assessments)
            sheet.append(
                xlsx_row(
                    sheet,
                    [recommendation, position, "; ".join(row.themes), assessment, _actions(row), _indicators(row)],
                )
            )
            for cell in sheet[sheet.max_row]:
                cell.alignment = wrap
    for column, width in zip("ABCDEF", (80, 14, 30, 45, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    workbook.save(out)


def export_matrix(session: Session, principal: Principal, scope: OverviewScope, media_type: str) -> IO[bytes]:
    from api.recommendations.export import XLSX_TYPE

    rows = list(all_rows(session, principal, scope))
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115  (the response closes it)
    if media_type == XLSX_TYPE:
        name = session.scalar(select(State.name).where(State.code == scope.state)) or scope.state
        write_ohchr_xlsx(rows, f"UPR implementation matrix — {name}, cycle {scope.cycle}", spool)
    else:
        write_csv(rows, spool)
    spool.seek(0)
    return spool
