"""The one vocabulary: canonical themes, affected-persons groups, and the crosswalk from every source's labels.

Sources name one idea many ways ("NHRI" in UPR Info, "A45 National Human Rights Institution (NHRI)"
in a coded OHCHR matrix, "National Human Rights Institution (NHRI)" in an uncoded one). The reviewed
data in `data/` (`themes.csv`, `affected_persons.csv`, `crosswalk.csv`; `data/README.md` says where
each entry comes from) makes each label a synonym of one canonical entry. The themes are OHCHR's coded
categories (A–H, and S for the SDGs) with their parents, and a few children of ours (`G-indigenous`) for
concepts a source names that OHCHR's files give no category; the groups have codes of ours.

No database and no FastAPI here: the seed, the importer, the API and the classifier all read the
vocabulary through this module, so a label means the same thing everywhere (migration 0010 merged
yesterday's duplicates with its own frozen copy of this data, so changing it never changes an upgrade). Loading
validates the data and refuses it whole (`VocabularyError`) rather than serve a broken hierarchy.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

# The publishers, named as the importer's formats (`api.imports.records.ImportFormat`, a layer above).
SOURCES = frozenset({"upr-info", "dihr", "ohchr-matrix"})
UNMAPPED = "unmapped"  # the crosswalk's code for a label that honestly maps nowhere (its note says why)
SDG_ROOT = "S"

_THEME_CODE = re.compile(r"^[A-Z]\d*$")  # OHCHR's
# Ours: a concept OHCHR has no category for, as a child of the nearest one (`G-indigenous` under G). The
# hyphen keeps it apart from every OHCHR code; the prefix is the parent, as OHCHR codes imply theirs.
_OUR_THEME_CODE = re.compile(r"^[A-Z]\d*-[a-z]+(?:-[a-z]+)*$")
_ANY_THEME_CODE = re.compile(f"{_THEME_CODE.pattern}|{_OUR_THEME_CODE.pattern}")
_GROUP_CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
THEME_CODE_LENGTH, GROUP_CODE_LENGTH = 16, 40  # the `code` columns of `theme` and `affected_person`
_TARGET = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])$")


class Kind(StrEnum):
    """What a source's label names: a theme, an affected-persons group, or an SDG goal."""

    theme = "theme"
    affected_person = "affected_person"
    sdg = "sdg"


class VocabularyError(ValueError):
    """The data does not hold together; `problems` lists every fault found, not only the first."""

    def __init__(self, problems: list[str]):
        super().__init__("The vocabulary data is invalid:\n- " + "\n- ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Entry:
    """A canonical theme or affected-persons group. `origin` and `name_source` say where it comes from
    (see data/README.md)."""

    code: str
    name: str
    parent_code: str | None
    origin: str
    name_source: str = ""


@dataclass(frozen=True)
class Synonym:
    """One crosswalk row: a source's label and the canonical entry it stands for (`code` None: unmapped)."""

    source: str
    label: str
    kind: Kind
    code: str | None
    note: str
    seen_in: tuple[str, ...]

    @property
    def unmapped(self) -> bool:
        return self.code is None


def fold(label: str) -> str:
    """How labels are compared: case and whitespace (NBSPs and line breaks included) do not count."""
    return " ".join(label.split()).casefold()


@dataclass
class Hierarchy:
    """The canonical entries of one kind as a forest: parent, children, descendants, ancestors."""

    entries: dict[str, Entry]
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            if entry.parent_code is not None:
                self._children.setdefault(entry.parent_code, []).append(entry.code)

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def __getitem__(self, code: str) -> Entry:
        return self.entries[code]

    def __len__(self) -> int:
        return len(self.entries)

    def roots(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.parent_code is None]

    def parent(self, code: str) -> Entry | None:
        parent = self.entries[code].parent_code
        return self.entries[parent] if parent is not None else None

    def children(self, code: str) -> list[Entry]:
        if code not in self.entries:
            raise KeyError(code)  # an unknown code is an error, not an entry without children
        return [self.entries[c] for c in self._children.get(code, [])]

    def descendants(self, code: str) -> list[Entry]:
        """Every entry below `code`, depth first (a parent "includes its children" through this)."""
        found: list[Entry] = []
        stack = list(reversed(self.children(code)))
        while stack:
            entry = stack.pop()
            found.append(entry)
            stack.extend(reversed(self.children(entry.code)))
        return found

    def ancestors(self, code: str) -> list[Entry]:
        """From the parent up to the root; stops at a cycle (which `validate` reports)."""
        found: list[Entry] = []
        seen = {code}
        current = self.parent(code)
        while current is not None and current.code not in seen:
            found.append(current)
            seen.add(current.code)
            current = self.parent(current.code)
        return found

    def is_within(self, code: str, ancestor: str) -> bool:
        """`code` is `ancestor` or one of its descendants."""
        return code == ancestor or any(e.code == ancestor for e in self.ancestors(code))


@dataclass
class Vocabulary:
    themes: Hierarchy
    groups: Hierarchy
    crosswalk: tuple[Synonym, ...]
    _index: dict[tuple[str, str], list[Synonym]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for synonym in self.crosswalk:
            self._index.setdefault((synonym.source, fold(synonym.label)), []).append(synonym)

    def canonical_for(
        self, source: str, label: str, *, kind: Kind | str | None = None, code: str | None = None
    ) -> Synonym | None:
        """The crosswalk row for a source's label, or None when the label is not in the crosswalk.

        `code` is the code a coded OHCHR label carries (the importer reads `A12 Acceptance of
        international norms` as label + code): the row is looked up as written in the file, code
        first, then under the bare label. Without `kind`, a label mapped under two kinds is an error."""
        candidates = [f"{code} {label}", label] if code else [label]
        for candidate in candidates:
            rows = self._index.get((str(source), fold(candidate)), [])
            if kind is not None:
                rows = [r for r in rows if r.kind == kind]
            if len(rows) > 1:
                kinds = ", ".join(sorted(r.kind for r in rows))
                raise ValueError(f"{label!r} of {source} is mapped as {kinds}: say which kind.")
            if rows:
                return rows[0]
        return None

    def entry(self, synonym: Synonym) -> Entry | None:
        """The canonical theme or group a crosswalk row stands for (None for an unmapped row)."""
        if synonym.code is None:
            return None
        return self.groups[synonym.code] if synonym.kind is Kind.affected_person else self.themes[synonym.code]

    def goal_theme(self, target: str) -> Entry:
        """The SDG goal theme a target belongs to: `16.10` → S16."""
        m = _TARGET.match(target.strip().lower())
        if not m:
            raise ValueError(f"{target!r} is not an SDG target like 16.10 or 1.a.")
        return self.themes[f"S{int(m.group(1)):02d}"]


# ---- loading ------------------------------------------------------------------------------------------

THEMES_FILE, GROUPS_FILE, CROSSWALK_FILE = "themes.csv", "affected_persons.csv", "crosswalk.csv"
_COLUMNS = {
    THEMES_FILE: ("code", "name", "parent_code", "origin", "name_source"),
    GROUPS_FILE: ("code", "name", "parent_code", "origin"),
    CROSSWALK_FILE: ("source", "label", "kind", "code", "note", "seen_in"),
}


def _rows(directory: Traversable, name: str, problems: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(directory.joinpath(name).read_text(encoding="utf-8")))
    missing = [c for c in _COLUMNS[name] if c not in (reader.fieldnames or [])]
    if missing:
        problems.append(f"{name}: missing column(s) {', '.join(missing)}")
        return
    for line, row in enumerate(reader, start=2):
        yield line, {k: (v or "").strip() for k, v in row.items() if k is not None}


def _entries(directory: Traversable, name: str, problems: list[str]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for line, row in _rows(directory, name, problems):
        code = row["code"]
        if code in entries:
            problems.append(f"{name}:{line}: code {code!r} appears twice")
            continue
        entries[code] = Entry(code, row["name"], row["parent_code"] or None, row["origin"], row.get("name_source", ""))
    return entries


def _crosswalk(directory: Traversable, problems: list[str]) -> list[Synonym]:
    found: list[Synonym] = []
    for line, row in _rows(directory, CROSSWALK_FILE, problems):
        if row["kind"] not in Kind.__members__:
            problems.append(f"{CROSSWALK_FILE}:{line}: unknown kind {row['kind']!r} for {row['label']!r}")
            continue
        code = None if row["code"] == UNMAPPED else row["code"]
        seen = tuple(s.strip() for s in row["seen_in"].split(";") if s.strip())
        found.append(Synonym(row["source"], row["label"], Kind(row["kind"]), code, row["note"], seen))
    return found


def load(directory: Traversable | None = None) -> Vocabulary:
    """Read and validate the three files (default: the package's `data/`); VocabularyError if invalid."""
    directory = directory or files("api.taxonomy").joinpath("data")
    problems: list[str] = []
    themes = Hierarchy(_entries(directory, THEMES_FILE, problems))
    groups = Hierarchy(_entries(directory, GROUPS_FILE, problems))
    vocabulary = Vocabulary(themes, groups, tuple(_crosswalk(directory, problems)))
    problems.extend(validate(vocabulary))
    if problems:
        raise VocabularyError(problems)
    return vocabulary


@lru_cache
def vocabulary() -> Vocabulary:
    """The package's vocabulary, loaded once."""
    return load()


def canonical_for(
    source: str, label: str, *, kind: Kind | str | None = None, code: str | None = None
) -> Synonym | None:
    """`Vocabulary.canonical_for` on the package's vocabulary."""
    return vocabulary().canonical_for(source, label, kind=kind, code=code)


# ---- validation ---------------------------------------------------------------------------------------


def implied_parent(code: str) -> str | None:
    """The parent an OHCHR code implies: A12 → A1 → A, A3 → A; SDG goals S01–S17 → S; one of ours, its
    prefix: G-indigenous → G."""
    if "-" in code:
        return code.split("-", 1)[0]
    if len(code) == 1:
        return None
    if code[0] == SDG_ROOT:
        return SDG_ROOT
    return code[:-1] if len(code) > 2 else code[0]


def _hierarchy_problems(
    name: str, hierarchy: Hierarchy, code_pattern: re.Pattern[str], max_length: int
) -> Iterator[str]:
    names: dict[str, str] = {}
    for entry in hierarchy.entries.values():
        if not code_pattern.match(entry.code):
            yield f"{name}: code {entry.code!r} is not like {code_pattern.pattern}"
        elif len(entry.code) > max_length:
            yield f"{name}: code {entry.code!r} is longer than {max_length} characters"
        if not entry.name:
            yield f"{name}: {entry.code} has no name"
        elif (other := names.setdefault(fold(entry.name), entry.code)) != entry.code:
            yield f"{name}: {entry.code} and {other} share the name {entry.name!r}"
        if entry.parent_code is not None and entry.parent_code not in hierarchy:
            yield f"{name}: {entry.code}'s parent {entry.parent_code!r} does not exist"
    for code in hierarchy.entries:
        seen = [code]
        current = hierarchy.entries[code].parent_code
        while current is not None and current in hierarchy:
            if current in seen:
                yield f"{name}: a cycle through {' → '.join([*seen, current])}"
                break
            seen.append(current)
            current = hierarchy.entries[current].parent_code


def validate(vocabulary: Vocabulary) -> list[str]:
    """Every fault: codes unique and well-formed, names unique, parents existing, no cycle, OHCHR codes
    (and ours) under the parent their code implies, our codes exactly the entries of origin `ours`, every
    SDG goal present, every crosswalk row pointing at an existing entry of its kind (an SDG label at an S
    theme) or `unmapped` with a reason, no label twice."""
    themes, groups = vocabulary.themes, vocabulary.groups
    problems = [
        *_hierarchy_problems(THEMES_FILE, themes, _ANY_THEME_CODE, THEME_CODE_LENGTH),
        *_hierarchy_problems(GROUPS_FILE, groups, _GROUP_CODE, GROUP_CODE_LENGTH),
    ]
    for entry in themes.entries.values():
        if (entry.origin == "ours") != bool(_OUR_THEME_CODE.match(entry.code)):
            problems.append(f"{THEMES_FILE}: {entry.code}: a code of ours (with a hyphen) is exactly an origin `ours`")
        if _ANY_THEME_CODE.match(entry.code) and entry.parent_code != implied_parent(entry.code):
            problems.append(
                f"{THEMES_FILE}: {entry.code}'s parent is {entry.parent_code!r}, its code implies "
                f"{implied_parent(entry.code)!r}"
            )
    problems.extend(
        f"{THEMES_FILE}: no theme S{goal:02d} for SDG {goal}" for goal in range(1, 18) if f"S{goal:02d}" not in themes
    )
    problems.extend(_crosswalk_problems(vocabulary.crosswalk, themes, groups))
    return problems


def _crosswalk_problems(rows: Iterable[Synonym], themes: Hierarchy, groups: Hierarchy) -> Iterator[str]:
    seen: set[tuple[str, Kind, str]] = set()
    for row in rows:
        where = f"{CROSSWALK_FILE}: {row.source} {row.label!r}"
        if row.source not in SOURCES:
            yield f"{where}: unknown source (one of {', '.join(sorted(SOURCES))})"
        if not row.label:
            yield f"{CROSSWALK_FILE}: a {row.source} row without a label"
        key = (row.source, row.kind, fold(row.label))
        if key in seen:
            yield f"{where}: the label appears twice as {row.kind} (labels compare without case and spacing)"
        seen.add(key)
        if row.code is None:
            if not row.note:
                yield f"{where}: unmapped without a reason in the note"
        elif row.kind is Kind.affected_person:
            if row.code not in groups:
                yield f"{where}: no affected-persons group {row.code!r}"
        elif row.code not in themes:
            yield f"{where}: no theme {row.code!r}"
        elif (row.kind is Kind.sdg) != themes.is_within(row.code, SDG_ROOT):
            yield f"{where}: a {row.kind} label must map {'inside' if row.kind is Kind.sdg else 'outside'} S"
