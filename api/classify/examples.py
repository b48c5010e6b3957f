"""Training examples from the real files: each recommendation's text with its source's own tags, in
canonical codes.

The files are read with the importers' readers (so a text is cleaned and split as the database holds
it) and every label goes through the crosswalk (`vocabulary.canonical_for`), so a tag means the same
canonical theme or group whichever source gave it.

Each source tags some *families* of labels and not others: UPR Info gives themes (its issues) and the
action category; DIHR gives SDG goals and affected-persons groups; the OHCHR matrices give themes and
groups, and SDG goals from 2018 on. A family the source does not tag is unknown (None), not empty: a
UPR Info text is no evidence that a recommendation has no SDG link. An empty set, on the other hand,
is a real "none" (DIHR writes no group when none applies; UPR Info's residual issue `Other` maps
nowhere and says that none of its issues applied).

The same text comes from several sources (UPR Info and DIHR cover the same reviews) and, for a joint
recommendation, once per recommending state: examples are one per (review, normalised text), with the
labels of every copy united.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from api.imports import dihr, ohchr, upr_info
from api.imports.normalise import text_key
from api.imports.records import ImportRecord
from api.taxonomy.vocabulary import SDG_ROOT, Kind, canonical_for

FAMILIES = ("themes", "sdgs", "groups")  # the multi-label families; the action category is the fourth
# Where the readers' files are in a data folder laid out as ../shared/data (the test excerpt is too).
FILE_PATTERNS = {
    "upr-info": "upr_info/upr_info_recommendations*.csv*",
    "dihr": "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle*.csv*",
    "ohchr-matrix": "ohchr_matrices/*.csv",
}
_READERS = {"upr-info": upr_info.read, "dihr": dihr.read, "ohchr-matrix": ohchr.read}


@dataclass(frozen=True)
class Example:
    """One recommendation text of one review with its canonical labels; None: the sources say nothing."""

    text: str
    review: str  # `ISO3-cycle`: the unit of the train/test split, so copies of a text never straddle it
    themes: frozenset[str] | None = None  # canonical theme codes outside S
    sdgs: frozenset[str] | None = None  # canonical SDG goal themes S01–S17
    groups: frozenset[str] | None = None  # canonical affected-persons group codes
    action: int | None = None  # UPR Info's action category 1–5

    def labels(self, family: str) -> frozenset[str] | None:
        return getattr(self, family)


@dataclass
class LoadReport:
    """What reading gave: records per source, examples, and labels the crosswalk does not know (skipped)."""

    records: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    unknown_labels: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: int = 0


@dataclass
class _Pending:
    text: str
    review: str
    labels: dict[str, set[str]] = field(default_factory=dict)
    actions: list[int] = field(default_factory=list)


def source_files(data_dir: Path) -> dict[str, list[Path]]:
    """The files each reader takes from a data folder; a missing source is an empty list."""
    return {source: sorted(data_dir.glob(pattern)) for source, pattern in FILE_PATTERNS.items()}


def load_examples(data_dir: Path, report: LoadReport | None = None) -> list[Example]:
    """Every labelled recommendation of the files in `data_dir`, one example per review and text, in file
    order (deterministic). Raises FileNotFoundError when no file of any source is there."""
    files = source_files(data_dir)
    if not any(files.values()):
        patterns = ", ".join(FILE_PATTERNS.values())
        raise FileNotFoundError(f"{data_dir}: no UPR Info, DIHR or OHCHR matrix file ({patterns})")
    report = report if report is not None else LoadReport()
    pending: dict[tuple[str, str], _Pending] = {}
    for source, paths in files.items():
        for path in paths:
            records = _records(source, path, report)
            families = _families(source, records)
            for record in records:
                _add(pending, source, record, families, report)
    examples = [_example(p) for p in pending.values()]
    report.examples = len(examples)
    return examples


def _records(source: str, path: Path, report: LoadReport) -> list[ImportRecord]:
    found: list[ImportRecord] = []
    for item in _READERS[source](path):
        if isinstance(item, ImportRecord):
            if not item.is_pledge and item.cycle is not None:
                found.append(item)
        else:
            report.rejected[source] += 1
    report.records[source] += len(found)
    return found


def _families(source: str, records: list[ImportRecord]) -> set[str]:
    """The families a file tags. An OHCHR matrix tags SDG goals only if it has an SDG column or sub-list
    (2018 on): a file without any S code says nothing about SDGs."""
    if source == "upr-info":
        return {"themes", "action"}
    if source == "dihr":
        return {"sdgs", "groups"}
    has_sdgs = any((t.code or "").startswith(SDG_ROOT) for r in records for t in r.themes)
    return {"themes", "groups", *(("sdgs",) if has_sdgs else ())}


def _add(
    pending: dict[tuple[str, str], _Pending], source: str, record: ImportRecord, families: set[str], report: LoadReport
) -> None:
    review = f"{record.state_under_review}-{record.cycle}"
    key = (review, text_key(record.text))
    entry = pending.setdefault(key, _Pending(record.text, review))
    for family, codes in _labels(source, record, report).items():
        if family in families:
            entry.labels.setdefault(family, set()).update(codes)
    for family in families & set(FAMILIES):
        entry.labels.setdefault(family, set())
    if "action" in families and record.action_category is not None:
        entry.actions.append(record.action_category)


def _labels(source: str, record: ImportRecord, report: LoadReport) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"themes": set(), "sdgs": set(), "groups": set()}
    for theme in record.themes:
        kind = Kind.sdg if (theme.code or "").startswith(SDG_ROOT) else Kind.theme
        code = _canonical(source, theme.label, kind, theme.code, report)
        if code is not None:
            found["sdgs" if kind is Kind.sdg else "themes"].add(code)
    for group in record.affected_persons:
        code = _canonical(source, group, Kind.affected_person, None, report)
        if code is not None:
            found["groups"].add(code)
    return found


def _canonical(source: str, label: str, kind: Kind, code: str | None, report: LoadReport) -> str | None:
    synonym = canonical_for(source, label, kind=kind, code=code)
    if synonym is None:
        report.unknown_labels[(source, label)] += 1
        return None
    return synonym.code  # None for an honestly unmapped label (UPR Info's `Other`)


def _example(entry: _Pending) -> Example:
    def family(name: str) -> frozenset[str] | None:
        codes = entry.labels.get(name)
        return frozenset(codes) if codes is not None else None

    # Copies of one text (a joint recommendation) nearly always agree; if not, the most frequent wins.
    action = Counter(entry.actions).most_common(1)[0][0] if entry.actions else None
    return Example(entry.text, entry.review, family("themes"), family("sdgs"), family("groups"), action)


def labelled(examples: Iterable[Example], family: str) -> Iterator[Example]:
    """The examples a family's model learns from: those whose sources tag that family."""
    if family == "action":
        return (e for e in examples if e.action is not None)
    return (e for e in examples if e.labels(family) is not None)
