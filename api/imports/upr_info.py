"""Reader for the UPR Info database export: recommendations and voluntary pledges (CSV or XLSX).

One row per (recommendation, recommending state): a joint recommendation is several rows with the
same `Text`, and each yields a record with its one state; the pipeline unites records with the
same key. The pledges export has the same columns with `Response` = `Voluntary Pledge` and `From`
= `To`: a pledge is nobody's recommendation, so it carries no recommending state.

The export has no paragraph, symbol or recommendation id: the key is the normalised text
(`text_key`), which is also how the same recommendation read from DIHR meets this one.
`&#40;Unknown&#41;` (HTML for "(Unknown)") as the recommending state is a Reject: the row cannot
say who recommended. `Issue` is comma-separated without spaces; each issue is a theme with UPR
Info's own label. `Action` is UPR Info's 1–5 action category.
"""

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from api.cycle.calendar import cycle_of_session
from api.imports.limits import ImportLimits
from api.imports.normalise import (
    PLEDGE,
    RowError,
    cell_text,
    clean_text,
    find_columns,
    header_key,
    parse_position,
    parse_session,
    records_from,
    state_of,
    text_key,
    year_of_session,
)
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.models import PositionKind

FORMAT = ImportFormat.upr_info


# ---- UPR Info -----------------------------------------------------------------------------------

MEANINGS = {
    "state": frozenset({"to", "state under review", "sur", "reviewed state", "country under review"}),
    "text": frozenset({"text", "recommendation", "recommendation text", "pledge", "pledge text"}),
    "from": frozenset({"from", "recommending state", "recommending states", "recommending entity"}),
    "response": frozenset({"response", "position", "response of sur"}),
    "action": frozenset({"action", "action category"}),
    "issue": frozenset({"issue", "issues", "theme", "themes"}),
    "session": frozenset({"session", "upr session", "wg session"}),
}
REQUIRED = ("state", "text", "from", "response")
# Columns only DIHR's export has: its `Recommending state`/`Response` would otherwise look like ours.
_DIHR_MARKS = frozenset(
    {"tekst", "field year", "goals", "sdg goals", "targets", "sdg targets", "keywords", "affected groups"}
)


def matches(headers: list[str]) -> bool:
    found = find_columns(headers, MEANINGS)
    return all(m in found for m in REQUIRED) and not any(header_key(h) in _DIHR_MARKS for h in headers)


def read(
    path: Path, *, state: str | None = None, session: int | None = None, limits: ImportLimits | None = None
) -> Iterator[ImportRecord | Reject]:
    """Records and Rejects of a UPR Info export; `state`/`session` fill empty `To`/`Session` cells;
    `limits` bound the reading (default: the IMPORT_MAX_* settings)."""

    def build(line: int, cell: Callable[[str], object]) -> ImportRecord:
        return _record(line, cell, state, session)

    return records_from(path, MEANINGS, REQUIRED, matches, "a UPR Info export", build, limits)


def _record(line: int, cell: Callable[[str], object], state: str | None, session: int | None) -> ImportRecord:
    under_review = state_of("state", cell("state"), state)
    text = clean_text(cell_text(cell("text")))
    if not text:
        raise RowError("text", "The recommendation has no text.")
    position, label = parse_position(cell("response"))
    pledge = position is PLEDGE
    recommending: list[str] = []
    if not pledge:
        recommending = [state_of("from", cell("from"), None)]
    number = parse_session(cell("session"), session)
    return ImportRecord(
        line=line,
        source=FORMAT,
        state_under_review=under_review,
        text=text,
        recommending_states=recommending,
        key_parts=("pledge", text_key(text)) if pledge else (text_key(text),),
        session=number,
        cycle=cycle_of_session(number) if number else None,
        year=year_of_session(number) if number else None,
        position=position if isinstance(position, PositionKind) else None,
        position_label=label,
        themes=[ThemeLabel(t) for t in split_issues(cell_text(cell("issue")))],
        action_category=parse_action(cell("action")),
        is_pledge=pledge,
    )


def split_issues(cell: str) -> list[str]:
    """`Rights of the Child,Women's rights` → both labels, once each, in order."""
    return list(dict.fromkeys(t for t in (clean_text(p) for p in re.split(r"[,;]", cell)) if t))


def parse_action(value: object) -> int | None:
    text = clean_text(cell_text(value))
    if not text:
        return None
    if not re.fullmatch(r"[1-5]", text):
        raise RowError("action", f"{text!r} is not a UPR Info action category (1–5).")
    return int(text)
