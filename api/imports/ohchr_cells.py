"""Parsing the cells of an OHCHR matrix: each packs several fields into one string.

The recommendation cell holds `186.28. Text (State); More text (State) (State);`, a
`Source of position: A/HRC/25/5/Add.1 - Para. 186.28.` line and perhaps a note (`Comments: …`,
metadata of the recommendation, never one of its own); the themes cell holds theme lines
(coded `A12 Acceptance of international norms` or uncoded `- Acceptance of …`) followed by
`SDGs:` and `Affected persons:` / `Groups of Persons:` sub-lists. A cell that cannot be understood
raises `CellError`, which the reader turns into a Reject for the row.
"""

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from api.imports import normalise, states
from api.imports.records import ThemeLabel
from api.recommendations.models import PositionKind


class CellError(ValueError):
    """The cell cannot be read; the message is the Reject's reason."""


def clean(text: str) -> str:
    """Strip and collapse whitespace (NBSPs and line breaks included); other characters are kept."""
    return " ".join(_unescape(text).split())


_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);")


def _unescape(text: str) -> str:
    """Only real HTML entities (`&#40;Unknown&#41;`): a bare `&` as in `social & cultural` stays."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


# ---- positions ---------------------------------------------------------------------------------


def parse_position(cell: str) -> tuple[PositionKind, str] | None:
    """(kind, the source's wording) or None for an empty cell; CellError for a wording not known.
    The wordings are every publisher's (`normalise.parse_position`)."""
    try:
        kind, label = normalise.parse_position(cell)
    except normalise.RowError:
        raise CellError(f"unknown position {clean(cell)!r}") from None
    if kind is None or label is None:
        return None
    if kind is normalise.PLEDGE:
        raise CellError(f"a voluntary pledge is not a position: {label!r}")
    return kind, label


# ---- source of position ------------------------------------------------------------------------

SOURCE_LINE = re.compile(r"source\s+of\s+position\b\s*[:.]?(?P<rest>[^\n]*)", re.I)
_SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+")
_SOURCE_PARA = re.compile(r"\bpara(?:graph)?s?\b\.?\s*(\d+(?:\.\d+)*)", re.I)
_ADDENDUM = re.compile(r"/(?:Add|Corr|Rev)\.\d+$", re.I)


@dataclass(frozen=True)
class PositionSource:
    symbol: str | None
    paragraph: str | None

    @property
    def report(self) -> str | None:
        """The working-group report the paragraphs number: the symbol without `/Add.1`."""
        return _ADDENDUM.sub("", self.symbol) if self.symbol else None


def parse_source(text: str) -> PositionSource:
    """`A/HRC/43/15/Add.1 - Para.3`, `- Para 121`, `- Para. 186.28.`, `, para. 3 - Para. 3`, or the
    typo `Para.3vv`: the first symbol and the first paragraph; either may be missing."""
    symbol = _SYMBOL.search(text)
    paragraph = _SOURCE_PARA.search(text)
    return PositionSource(symbol.group(0).rstrip(".-") if symbol else None, paragraph.group(1) if paragraph else None)


def split_source(cell: str) -> tuple[str, PositionSource | None]:
    """The cell without its `Source of position` line(s), and the first such line parsed."""
    found = None
    for match in SOURCE_LINE.finditer(cell):
        if found is None:
            found = parse_source(match.group("rest"))
    return SOURCE_LINE.sub(" ", cell), found


# ---- notes -----------------------------------------------------------------------------------

# `Comments: …`, `Note: …`, `Remarks: …` at the start of a line or after a recommendation's end (`(Iran);
# Comments: …`): what the matrix notes about the recommendation, never a recommendation of its own.
NOTE = re.compile(
    r"(?:^|(?<=[;.)])[ \t]*)(?P<label>comments?|notes?|remarks?|observations?|explanations?)[ \t]*:", re.I | re.M
)


def split_note(cell: str) -> tuple[str, str | None]:
    """The cell without its note, and the note with its label (`Comments: …`, whitespace collapsed)
    up to the end of the cell; a note runs to the end, as the matrices append it."""
    match = NOTE.search(cell)
    if match is None:
        return cell, None
    return cell[: match.start("label")], clean(cell[match.start("label") :]) or None


# ---- recommendations and their recommending states --------------------------------------------

PARAGRAPH = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=\.\s))\.?(?:\s+|$)")
_BOUNDARY = re.compile(r"[\s;.,]*")
_RUN_GAP = re.compile(r"[\s;,]*")
_EDGE_PUNCTUATION = re.compile(r"^[\s.;,:]+|[\s;,]+$")
_LOOKS_LIKE_NAME = re.compile(r"[A-Z][^\d()]*")


@dataclass
class CellRecommendation:
    paragraph: str | None
    text: str
    recommending_states: list[str] = field(default_factory=list)


@lru_cache
def _variants() -> tuple[dict[str, str], dict[frozenset[str], str]]:
    """Folded names without spaces, for PDF-to-Word splits (`Sierra Le one`), and as sets of words, for
    UN names written forwards (`Bolivarian Republic of Venezuela` for `Venezuela (Bolivarian Republic
    of)`); a variant two states share is dropped."""
    despaced: dict[str, str | None] = {}
    words: dict[frozenset[str], str | None] = {}
    for name, code in states.crosswalk().items():
        flat, bag = name.replace(" ", ""), frozenset(name.split())
        despaced[flat] = code if despaced.get(flat, code) == code else None
        words[bag] = code if words.get(bag, code) == code else None
    return ({k: v for k, v in despaced.items() if v}, {k: v for k, v in words.items() if v})


def resolve_name(name: str) -> str | None:
    """ISO3 for a state's name; bare codes are not accepted (`(MDG)` is an acronym, not Madagascar)."""
    folded = states.fold(clean(name))
    if not folded:
        return None
    despaced, words = _variants()
    return (
        states.crosswalk().get(folded) or despaced.get(folded.replace(" ", "")) or words.get(frozenset(folded.split()))
    )


def _top_level_split(text: str, separators: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and char in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def resolve_states(text: str) -> list[str] | None:
    """ISO3 codes for `France`, `Portugal, Slovakia`, `Senegal, Venezuela (Bolivarian Republic of),Peru`
    or `Spain and Chile`; None unless every name is a known state."""
    if code := resolve_name(text):
        return [code]
    codes = []
    for part in _top_level_split(text, ",;\n"):
        if code := resolve_name(part):
            codes.append(code)
            continue
        names = re.split(r"\s+and\s+", part)
        pieces = [code for name in names if (code := resolve_name(name))]
        if len(names) < 2 or len(pieces) != len(names):
            return None
        codes.extend(pieces)
    return list(dict.fromkeys(codes)) or None


def _groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level balanced parenthesis group."""
    found, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = i
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                found.append((start, i + 1))
    return found


def _ends_recommendation(body: str, end: int) -> int | None:
    """Where the next recommendation starts if a state group ending at `end` closes one, else None:
    the groups must be followed by the end, a `;`/`.`, or a capitalised new sentence."""
    gap = _BOUNDARY.match(body, end)
    assert gap is not None, "a run of separators, empty or not, matches anywhere"
    rest = body[gap.end() :]
    if not rest or any(c in gap.group(0) for c in ";.") or (rest[0].isupper() and gap.group(0)):
        return gap.end()
    return None


def split_recommendations(body: str) -> list[CellRecommendation]:
    """`121.2 Text (Ukraine); More text (Slovakia);` → one recommendation per run of state groups.

    A joint recommendation is `(France) (Lithuania)`, `(Chile); (Estonia);` or `(Portugal, Slovakia)`.
    Only parentheses naming known states end a recommendation, so `(No. 29) (United Kingdom …)`
    keeps the ILO convention number in the text. Text left after the last state group is returned
    with no states: the caller decides (a separate states column, or a Reject)."""
    body = clean(body)
    cell_paragraph = None
    if m := PARAGRAPH.match(body):
        cell_paragraph, body = m.group(1), body[m.end() :]
    found: list[CellRecommendation] = []
    start, run_codes, run_start = 0, [], None
    groups = _groups(body)
    for n, (g_start, g_end) in enumerate(groups):
        codes = resolve_states(body[g_start + 1 : g_end - 1])
        if codes is None:
            continue
        if run_start is None:
            run_start = g_start
        run_codes.extend(codes)
        following = groups[n + 1] if n + 1 < len(groups) else None
        if (
            following
            and _RUN_GAP.fullmatch(body, g_end, following[0])
            and resolve_states(body[following[0] + 1 : following[1] - 1])
        ):
            continue
        next_start = _ends_recommendation(body, g_end)
        if next_start is None:
            run_start, run_codes = None, []
            continue
        found.append(_recommendation(body[start:run_start], cell_paragraph, run_codes))
        start, run_start, run_codes = next_start, None, []
    rest = body[start:].strip()
    if rest or not found:
        found.append(_recommendation(rest, cell_paragraph, []))
    return found


def _recommendation(text: str, cell_paragraph: str | None, codes: list[str]) -> CellRecommendation:
    paragraph = cell_paragraph
    if m := PARAGRAPH.match(text.strip()):
        paragraph, text = m.group(1), text.strip()[m.end() :]
    # `186.132. .Inform …` and `186.228 . Continue …`: stray dots between number and text.
    return CellRecommendation(paragraph, _EDGE_PUNCTUATION.sub("", text), list(dict.fromkeys(codes)))


def unknown_state(text: str) -> str | None:
    """The last parenthesised group of a text left without a recommending state, when it reads like a
    state's name (`(Atlantis)`, `(Unknown)`), to say why the row is rejected."""
    groups = _groups(text)
    if not groups:
        return None
    start, end = groups[-1]
    inner = clean(text[start + 1 : end - 1])
    if text[end:].strip(" ;.,") or not _LOOKS_LIKE_NAME.fullmatch(inner) or inner.isupper():
        return None
    return inner


# ---- themes, SDGs and affected persons ---------------------------------------------------------

_BULLET = re.compile(r"^[-–—•*·▪◦]\s*")
_CODED = re.compile(r"^([A-Z]\d{0,3})\s+(\S.*)$")
_TARGET = re.compile(r"\b(\d{1,2})\.(\d{1,2}|[a-z])\b")
_GOAL = re.compile(r"^(?:SDGs?|Goal)?\s*(\d{1,2})(?!\.?\d)\b", re.I)
SUBLISTS = {
    "themes": "themes",
    "full list of themes": "themes",
    "sdgs": "sdgs",
    "sdg": "sdgs",
    "relevant sdgs": "sdgs",
    "sustainable development goals": "sdgs",
    "affected persons": "affected",
    "groups of persons": "affected",
    "affected groups": "affected",
    "persons affected": "affected",
    "affected persons groups": "affected",
}
# OHCHR's tag for "no group in particular": not an affected group.
NOT_A_GROUP = {"general"}


@dataclass
class Tags:
    themes: list[ThemeLabel] = field(default_factory=list)
    affected_persons: list[str] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)

    def add_theme(self, theme: ThemeLabel) -> None:
        if all(t.label.casefold() != theme.label.casefold() or t.code != theme.code for t in self.themes):
            self.themes.append(theme)


def theme_label(text: str) -> ThemeLabel:
    """`A12 Acceptance of international norms` → ThemeLabel(label, "A12"); uncoded → no code."""
    text = clean(_BULLET.sub("", text.strip()))
    if m := _CODED.match(text):
        return ThemeLabel(m.group(2), m.group(1))
    return ThemeLabel(text)


def sdg_item(item: str, tags: Tags) -> None:
    """A target (`16.10`) goes to the targets; a goal (`16 - PEACE, JUSTICE …`) becomes the SDG theme
    with OHCHR's code for it (`S16`, as the coded taxonomy writes it), keeping the source's label."""
    targets = [f"{g}.{t}" for g, t in _TARGET.findall(item)]
    if targets:
        tags.sdg_targets.extend(t for t in targets if t not in tags.sdg_targets)
        return
    if m := _GOAL.match(item):
        goal = int(m.group(1))
        if 1 <= goal <= 17:
            tags.add_theme(ThemeLabel(item, f"S{goal:02d}"))
            return
    raise CellError(f"not an SDG goal or target: {item!r}")


def parse_tags(cell: str, section: str = "themes", tags: Tags | None = None) -> Tags:
    """Theme lines, then `SDGs:` and `Affected persons:` sub-lists (a heading may carry its first item)."""
    tags = tags or Tags()
    for raw in _unescape(cell).splitlines():
        line = raw.strip()
        if not line:
            continue
        head, colon, rest = line.partition(":")
        heading = SUBLISTS.get(" ".join(re.sub(r"[^a-z]+", " ", head.casefold()).split())) if colon else None
        if heading:
            section, line = heading, rest.strip()
            if not line:
                continue
        item = clean(_BULLET.sub("", line))
        if not item:
            continue
        if section == "themes":
            tags.add_theme(theme_label(item))
        elif section == "sdgs":
            for part in _top_level_split(item, ",;") if _TARGET.search(item) else [item]:
                sdg_item(part, tags)
        elif item.casefold() not in NOT_A_GROUP and item not in tags.affected_persons:
            tags.affected_persons.append(item)
    return tags
