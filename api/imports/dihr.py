"""Reader for the DIHR SDG–Human Rights Data Explorer export: the XLSX as published, or a CSV of it.

Columns, by meaning (`Recommendation` is, despite its name, the state under review; `Tekst` the
text): one row per (recommendation, recommending state), as in UPR Info, so the key is the
normalised text (`normalise.text_key`) and DIHR's rows merge with UPR Info's.

- `Goals`: labels such as `16. Peace, justice and strong institutions`, joined by `,` or ` ,`; the
  label of goal 16 holds commas, so they are split before each `N. `. A goal becomes a theme with
  the code the UHRI/OHCHR taxonomy gives SDG goals (`S16`), keeping DIHR's label.
- `Targets`: see `parse_targets` (Excel numbers, and the 16.1/16.10 collision).
- `Keywords`: affected groups glued without separator (`Women and girlsChildren`), split against
  the names in `data/dihr_affected_groups.csv` (the 12 groups of the cycle 1 and 2 exports).
- `Document`: `Source:A/HRC/12/9|95.1|` → the report symbol and the paragraph (trailing dots
  stripped, e.g. `42.`); `Source:<symbol>` alone has no paragraph. Four cycle-2 symbols carry an
  `OLD` suffix (`A/HRC/25/3OLD`), dropped. The symbol is the working-group report, not a record
  of the position, so it is the record's `source_document` and no `position_source` is set.
- `field_year` (`2011 Cycle 1`) gives the year and cycle, not the session: see `session_for`.
- `Mechanism` other than the UPR (the Explorer also holds treaty-body recommendations) is a Reject.

Line numbers: a CSV row's first physical line, an XLSX row's number; the published files have no
line breaks in cells, so the XLSX and its CSV flattening give the same records, line for line.
"""

import csv
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib.resources import files as package_files
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
    records_from,
    state_code,
    state_of,
    text_key,
    year_of_session,
)
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.policy import PARAGRAPH_PATTERN

FORMAT = ImportFormat.dihr

MEANINGS = {
    "text": frozenset({"tekst", "text", "recommendation text"}),
    "state": frozenset({"recommendation", "state under review", "country", "sur"}),
    "from": frozenset({"recommending state", "recommending states", "recommending country"}),
    "response": frozenset({"response", "position"}),
    "year": frozenset({"field year", "year", "year and cycle", "cycle"}),
    "document": frozenset({"document", "source", "symbol"}),
    "goals": frozenset({"goals", "goal", "sdg goals", "sdgs"}),
    "targets": frozenset({"targets", "target", "sdg targets"}),
    "keywords": frozenset({"keywords", "affected groups", "groups", "affected persons"}),
    "mechanism": frozenset({"mechanism"}),
}
REQUIRED = ("text", "state", "from", "response", "year")
# One of DIHR's own columns must be there, or a renamed UPR Info export would also match.
_MARKS = ("goals", "targets", "keywords")


def matches(headers: list[str]) -> bool:
    found = find_columns(headers, MEANINGS)
    return all(m in found for m in REQUIRED) and (
        any(m in found for m in _MARKS) or any(header_key(h) in ("tekst", "field year") for h in headers)
    )


def read(
    path: Path, *, state: str | None = None, session: int | None = None, limits: ImportLimits | None = None
) -> Iterator[ImportRecord | Reject]:
    """Records and Rejects of a DIHR export; `state` fills an empty state cell, `session` is used
    when the session cannot be derived (see `session_for`); `limits` bound the reading (default: the
    IMPORT_MAX_* settings)."""

    def build(line: int, cell: Callable[[str], object]) -> ImportRecord:
        return _record(line, cell, state, session)

    return records_from(
        path, MEANINGS, REQUIRED, matches, "a DIHR SDG–Human Rights Data Explorer export", build, limits
    )


def _record(line: int, cell: Callable[[str], object], state: str | None, session: int | None) -> ImportRecord:
    mechanism = clean_text(cell_text(cell("mechanism")))
    if mechanism and "universal periodic review" not in mechanism.casefold():
        raise RowError("mechanism", f"Not a UPR recommendation (mechanism {mechanism!r}).")
    under_review = state_of("state", cell("state"), state)
    text = clean_text(cell_text(cell("text")))
    if not text:
        raise RowError("text", "The recommendation has no text.")
    position, label = parse_position(cell("response"))
    if position is PLEDGE:
        raise RowError("response", f"{label!r}: DIHR's export holds recommendations only.")
    recommending = state_of("from", cell("from"), None)
    year, cycle = _cached(parse_field_year, cell("year"))
    symbol, paragraph = parse_document(cell("document"))
    number = session_for(under_review, cycle, symbol, year) or session
    if cycle is None and number:
        cycle = cycle_of_session(number)
    return ImportRecord(
        line=line,
        source=FORMAT,
        state_under_review=under_review,
        text=text,
        recommending_states=[recommending],
        key_parts=(text_key(text),),
        session=number,
        cycle=cycle,
        year=year or (year_of_session(number) if number else None),
        paragraph=paragraph,
        position=position,
        position_label=label,
        themes=[ThemeLabel(t.label, t.code) for t in _cached(split_goals, cell_text(cell("goals")))],
        affected_persons=list(_cached(split_groups, cell_text(cell("keywords")))),
        sdg_targets=list(_cached(parse_targets, cell("targets"))),
        source_document=symbol,
    )


@lru_cache(maxsize=8192)
def _cached(parse: Callable[[object], object], value: object):
    """The exports repeat a few hundred Goals, Targets and Keywords strings over tens of thousands
    of rows: each is parsed once (a RowError is not cached, so every bad row is reported)."""
    result = parse(value)
    return tuple(result) if isinstance(result, list) else result


# ---- field_year, Document and the session ------------------------------------------------------


def parse_field_year(value: object) -> tuple[int | None, int | None]:
    """`2011 Cycle 1` → (2011, 1); either part may be missing, but not both in a filled cell."""
    text = clean_text(cell_text(value))
    if not text:
        return None, None
    year = re.search(r"\b(?:19|20)\d\d\b", text)
    cycle = re.search(r"\bcycle\s*(\d)\b", text, re.I)
    if not year and not cycle:
        raise RowError("year", f"{text!r} names neither a year nor a cycle (like `2011 Cycle 1`).")
    return (int(year.group(0)) if year else None), (int(cycle.group(1)) if cycle else None)


_DOCUMENT = re.compile(r"^(?:source\s*:\s*)?(?P<symbol>[^|]*?)\s*(?:\|(?P<paragraph>[^|]*)\|?\s*)?$", re.I)
_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+$")


def parse_document(value: object) -> tuple[str | None, str | None]:
    """`Source:A/HRC/12/9|95.1|` → (`A/HRC/12/9`, `95.1`); `Source:A/HRC/8/19` → (symbol, None)."""
    text = clean_text(cell_text(value))
    if not text:
        return None, None
    m = _DOCUMENT.match(text)
    symbol = re.sub(r"OLD$", "", m.group("symbol")).strip() if m else ""
    if m is None or not _SYMBOL.match(symbol):
        raise RowError("document", f"{text!r} has no document symbol like `Source:A/HRC/12/9|95.1|`.")
    paragraph = (m.group("paragraph") or "").strip().rstrip(".").strip()
    if paragraph and not re.fullmatch(PARAGRAPH_PATTERN, paragraph):
        raise RowError("document", f"{paragraph!r} in {text!r} is not a paragraph number like 95.1.")
    return symbol, paragraph or None


@lru_cache
def reviewed_sessions() -> dict[tuple[str, int], int]:
    """(ISO3, cycle) → UPR session, from the states reviewed at sessions 1–20 (R. Terman, from UPR
    Info); a state reviewed twice in one cycle would be ambiguous and is left out."""
    text = package_files("api.imports").joinpath("data/upr_sessions01-20_states_reviewed.csv").read_text("utf-8")
    found: dict[tuple[str, int], set[int]] = {}
    for row in csv.DictReader(text.splitlines()):
        code, number = state_code(row["To"]), int(row["Session"])
        if code is None:
            raise ValueError(f"upr_sessions01-20_states_reviewed.csv: unknown state {row['To']!r}")
        found.setdefault((code, cycle_of_session(number)), set()).add(number)
    return {key: numbers.pop() for key, numbers in found.items() if len(numbers) == 1}


@lru_cache
def council_sessions() -> dict[int, int]:
    """Human Rights Council session that adopted a review's report → UPR session, where only one.

    The report symbol A/HRC/<council session>/<n> is numbered by the Council session that adopted
    the outcome. Sessions 1–20 were matched on the UPR Info × DIHR overlap (every state agrees:
    UPR session = council session − 7 in cycle 1 except both sessions 1 and 2 → council 8, − 8 in
    cycle 2); 21–26 follow the same rule, which the DIHR cycle-2 file bears out (the states the
    table above misses fall under councils 29–34, 14 per session, in the sessions' years); cycle 3
    is the Council's programme (− 9, then − 10 after the 2020 postponement), checked on the OHCHR
    matrices (China 31 → A/HRC/40, Slovenia 34 → A/HRC/43). `data/upr_council_sessions.csv` says
    which rows rest on what."""
    text = package_files("api.imports").joinpath("data/upr_council_sessions.csv").read_text("utf-8")
    found: dict[int, set[int]] = {}
    for row in csv.DictReader(text.splitlines()):
        found.setdefault(int(row["council_session"]), set()).add(int(row["upr_session"]))
    return {council: numbers.pop() for council, numbers in found.items() if len(numbers) == 1}


def session_for(state: str, cycle: int | None, symbol: str | None, year: int | None) -> int | None:
    """The UPR session of a review that DIHR dates only by year and cycle.

    First the table of states reviewed per session (sessions 1–20), then the Council session in
    the report symbol when that maps to one UPR session of the same cycle held in the same year.
    Otherwise None, and the pipeline uses `--session`. On the real files every row gets one."""
    if cycle is not None and (number := reviewed_sessions().get((state, cycle))):
        return number
    m = re.match(r"A/HRC/(\d+)/", symbol or "")
    number = council_sessions().get(int(m.group(1))) if m else None
    if number is None or (cycle is not None and cycle_of_session(number) != cycle):
        return None
    if year is not None and year_of_session(number) not in (None, year):
        return None
    return number


# ---- Goals, Targets and Keywords ----------------------------------------------------------------

_GOAL_START = re.compile(r"(?:^|(?<=[\s,]))(\d{1,2})\.\s")
NO_GOAL = "no sdg link identified"


def split_goals(cell: str) -> list[ThemeLabel]:
    """`8. Decent work and economic growth ,16. Peace, justice and strong institutions` → two themes
    (`S08`, `S16`), split before each `N. ` since goal 16's label holds commas."""
    text = clean_text(cell)
    if not text or text.casefold() == NO_GOAL:
        return []
    starts = [m.start() for m in _GOAL_START.finditer(text)]
    if not starts or text[: starts[0]].strip(" ,;"):
        raise RowError("goals", f"{text!r} is not a list of goals like `16. Peace, justice …`.")
    themes: list[ThemeLabel] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        label = text[start:end].strip(" ,;")
        goal = int(label.split(".")[0])
        if not 1 <= goal <= 17:
            raise RowError("goals", f"{label!r}: there is no SDG {goal}.")
        if all(t.code != f"S{goal:02d}" for t in themes):
            themes.append(ThemeLabel(label, f"S{goal:02d}"))
    return themes


@lru_cache
def sdg_targets() -> frozenset[str]:
    text = package_files("api.taxonomy").joinpath("data/sdg_targets.csv").read_text("utf-8")
    return frozenset(row["target"] for row in csv.DictReader(text.splitlines()))


_FLOAT_NOISE = re.compile(r"^\d{1,2}\.\d{4,}$")
# A lone target stored as an Excel number: 16.1 and 16.10 are the same number. No lone `16.10`
# exists in the exports, and of the rows with a lone 16.1, 82–84 % speak of freedoms, expression,
# the press or information, like the rows tagged `16.10` in text (89–90 %), against 5–6 % of the
# rows tagged `16.1` in text (violence: 38–43 %). So a lone 16.1 is read as 16.10. The other
# collisions (8.1/8.10, 17.1/17.10) are kept as written: the lone 8.1 rows are about economic
# growth (8.1 itself) and no lone 17.1 occurs.
LONE_NUMBER = {"16.1": "16.10"}


def parse_targets(value: object) -> list[str]:
    """SDG targets like `16.10` and `1.a` from a cell: an Excel number (`16.100000000000001` in a
    CSV of it, or a float), or text (`16.10, 16.3`, `11.4, 14.B, 2.3`).

    A value made of one target is read as an Excel number (in the published XLSX every lone numeric
    target is one; a CSV cannot tell) — see LONE_NUMBER; targets inside a text list are as written."""
    if value is None or value == "":
        return []
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RowError("targets", f"{value!r} is not a list of SDG targets.")
    if isinstance(value, str):
        tokens = [t.strip().lower() for t in re.split(r"[,;]", value) if t.strip()]
        tokens = [repr(float(t)) if _FLOAT_NOISE.match(t) else t for t in tokens]
    else:
        tokens = [repr(float(value))]
    if len(tokens) == 1:
        tokens = [LONE_NUMBER.get(tokens[0], tokens[0])]
    if unknown := [t for t in tokens if t not in sdg_targets()]:
        raise RowError("targets", f"Not an SDG target: {', '.join(unknown)}.")
    return list(dict.fromkeys(tokens))


@lru_cache
def affected_groups() -> tuple[str, ...]:
    """The group names, longest first so that a longer name wins over a shorter one it starts with."""
    text = package_files("api.imports").joinpath("data/dihr_affected_groups.csv").read_text("utf-8")
    return tuple(sorted((row["name"] for row in csv.DictReader(text.splitlines())), key=len, reverse=True))


_CASE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")


def split_groups(cell: str) -> list[str]:
    """`Women and girlsRefugees and asylum-seekers` → both names, as DIHR writes them.

    Known names are found where a name may start (the cell's start or a capital letter); text
    between them that is no known name (a group added after the cycle 1–2 exports) is kept, cut
    where a lower-case letter meets a capital."""
    found: list[str] = []
    for chunk in (c.strip() for c in re.split(r"[;,|\n]+", clean_text(cell))):
        unknown_from, i = None, 0
        while i < len(chunk):
            name = _group_at(chunk, i)
            if name is None:
                unknown_from = i if unknown_from is None else unknown_from
                i += 1
                continue
            if unknown_from is not None:
                found.extend(_CASE_BOUNDARY.split(chunk[unknown_from:i]))
                unknown_from = None
            found.append(name)
            i += len(name)
        if unknown_from is not None:
            found.extend(_CASE_BOUNDARY.split(chunk[unknown_from:]))
    return list(dict.fromkeys(n.strip() for n in found if n.strip()))


def _group_at(text: str, i: int) -> str | None:
    if i and not text[i].isupper():
        return None
    for name in affected_groups():
        if text[i : i + len(name)].casefold() == name.casefold():
            return name
    return None
