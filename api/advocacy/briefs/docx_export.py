"""A brief as a one-page Word document (python-docx) in the layout coalitions hand to missions:
title, the state and session, then Issues – Questions – Recommendations (the asks numbered).

Built from the JSON export (`BriefExport`), so both exports say the same. Compact margins and a 10.5 pt
body keep a brief of the usual length (1–2 pages of source text) on one page; a longer one flows on.
The file's properties name no organisation (authors default to python-docx's; they are cleared).
"""

import io
import re
from typing import Any

import docx  # python-docx; imported here only, so other modules do not load lxml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from pydantic import BaseModel

from api.advocacy.briefs.schemas import BriefExport
from api.advocacy.models import BriefStatus

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECTIONS = ("Issues", "Questions", "Recommendations")


# What XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): python-docx refuses
# such text, so a brief with one (stored as typed: JSON carries them) would be a 500, not a document.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(value: Any) -> Any:
    """`value` with every string in it (a model's fields, a list's items) stripped of what XML 1.0
    cannot hold. Enums are left as they are (their values are ours)."""
    if type(value) is str:
        return _NOT_XML.sub("", value)
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: _xml_safe(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [_xml_safe(item) for item in value]
    return value


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def brief_docx(brief: BriefExport) -> bytes:
    brief = _xml_safe(brief)
    document = docx.Document()
    section = document.sections[0]
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.left_margin = section.right_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)

    properties = document.core_properties
    properties.title = brief.title
    properties.subject = f"UPR of {brief.state.name}, {_ordinal(brief.session.number)} session"
    properties.author = properties.last_modified_by = properties.comments = properties.keywords = ""

    if brief.status is not BriefStatus.published:
        notice = document.add_paragraph()
        notice.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = notice.add_run(f"{brief.status.value.upper()} – confidential to the coalition")
        run.bold = True
        run.font.size = Pt(9)
    document.add_heading(brief.title, level=0)
    meta = document.add_paragraph()
    meta.add_run(
        f"Universal Periodic Review of {brief.state.name} – {_ordinal(brief.session.number)} session "
        f"({brief.session.year})"
    ).bold = True
    meta.add_run(f"\n{brief.coalition} · {brief.working_group}")

    document.add_heading(SECTIONS[0], level=1)
    for paragraph in [p.strip() for p in brief.issues.split("\n\n") if p.strip()] or ["—"]:
        document.add_paragraph(paragraph)

    document.add_heading(SECTIONS[1], level=1)
    for question in brief.questions or ["—"]:
        document.add_paragraph(question, style="List Bullet")

    document.add_heading(SECTIONS[2], level=1)
    for ask in brief.recommendations:
        document.add_paragraph(ask.text, style="List Number")
    if not brief.recommendations:
        document.add_paragraph("—")

    labels = [t.name for t in brief.themes] + [p.name for p in brief.affected_persons]
    if labels:
        footer = document.add_paragraph()
        footer.paragraph_format.space_before = Pt(8)
        run = footer.add_run("Themes and groups: " + "; ".join(labels))
        run.italic = True
        run.font.size = Pt(9)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
