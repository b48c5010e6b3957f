"""Which recommendation an imported record is: identity on import.

A paragraph number in a source document is identity. A record that gives one is the recommendation
of its review with that paragraph and

1. the same text (its key, `derive_external_key`, folds case, spacing and punctuation): the other
   recommending states of a joint recommendation, or the same file read again; else
2. a recommending state in common, when the texts are alike (`similar`) and this file has not
   already brought another text there: the same recommendation as another publisher words it
   (`… Families (ICRMW)` against `… Families`), whose text is kept on that file's source row; else
3. the same text under no paragraph yet (UPR Info gives none): the paragraph fills the gap.

Otherwise it is a new record, even when its words are another paragraph's (`Ratify ICRMW` under
115.8 and 115.10 are two records). One paragraph holding several states' recommendations stays
several records, since their texts differ. A record without a paragraph (UPR Info, DIHR rows
whose `Document` has none) is matched by its text alone, preferring the record that already lists
one of its states. The review stands for the document symbol: a review has one working-group report,
and DIHR and OHCHR name it (or its addendum) inconsistently.
"""

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Protocol

from api.imports.normalise import text_key

# Two wordings of one paragraph's recommendation for one state are "alike" when one contains the other
# or difflib's ratio of their folded texts reaches this. A judgement, checked by reading the real pairs
# it lets through (OHCHR adds `(ICRMW)`, drops `the`, fixes PDF artifacts), not yet by measuring their
# scores: the paragraph and the state already agree, so the text only has to rule out a different one.
SIMILAR = 0.6


def paragraph_key(paragraph: str | None) -> str | None:
    """`186.28.` and `186.28` are one paragraph."""
    return (paragraph.strip().rstrip(".") or None) if paragraph else None


def similarity(a: str, b: str) -> float:
    """1.0 when one folded text contains the other, else difflib's ratio."""
    ka, kb = text_key(a), text_key(b)
    return 1.0 if ka in kb or kb in ka else SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def similar(a: str, b: str) -> bool:
    return similarity(a, b) >= SIMILAR


class Worded(Protocol):
    """What matching reads of a recommendation's stored columns: its text (the writer keeps the rest)."""

    @property
    def text(self) -> str: ...


@dataclass(eq=False)
class Known:
    """What the run knows of one recommendation, so later rows only add what is new."""

    id: int | None  # None until the chunk's new recommendations are inserted
    row: Worded  # its columns as the run knows them (`writer.Stored`)
    review_id: int
    paragraph: str | None  # as `paragraph_key` folds it
    sources: list[str]
    states: set[str]  # stored (or queued) recommending states
    themes: set[int]
    persons: set[int]
    targets: set[str]
    position: str | None
    position_date: date | None = None
    history: set[tuple[str, date | None, str | None]] = field(default_factory=set)  # (position, date, source)
    keys: set[str] = field(default_factory=set)  # text keys it is known by: its text's and its sources'
    named: set[str] = field(default_factory=set)  # recommending states, as far as matching has seen
    file_keys: set[str] = field(default_factory=set)  # text keys this file brought to it in this run
    created: bool = False
    counted: bool = False
    sourced: bool = False  # its source row for this file is queued


class Identities:
    """The records a run has seen, by text key and by (review, paragraph)."""

    def __init__(self) -> None:
        self.by_text: dict[str, list[Known]] = {}
        self.by_paragraph: dict[tuple[int, str], list[Known]] = {}

    def add(self, known: Known) -> None:
        for key in known.keys:
            self.by_text.setdefault(key, []).append(known)
        if known.paragraph is not None:
            self.by_paragraph.setdefault((known.review_id, known.paragraph), []).append(known)

    def find(
        self, review_id: int, key: str, paragraph: str | None, states: list[str], text: str, publisher: str = ""
    ) -> Known | None:
        if paragraph is None:
            return _prefer(self.by_text.get(key, []), states, publisher)
        same_paragraph = self.by_paragraph.get((review_id, paragraph), [])
        for known in same_paragraph:
            if key in known.keys:
                return known
        # The most alike wording, not the first alike one: one paragraph may hold "withdraw reservations to
        # the ICCPR" and "… to CERD" for the same state, and a rewording of the second is not the first.
        alike = [
            (score, known)
            for known in same_paragraph
            if known.named.intersection(states)
            and not known.file_keys - {key}
            and (score := similarity(text, known.row.text)) >= SIMILAR
        ]
        if alike:
            return max(alike, key=lambda pair: pair[0])[1]
        unnumbered = [k for k in self.by_text.get(key, []) if k.paragraph is None and k.review_id == review_id]
        return _prefer(unnumbered, states, publisher)

    def claim(self, known: Known, key: str, paragraph: str | None, states: list[str]) -> None:
        """Record what a matched row says of its recommendation, for the rows after it."""
        known.file_keys.add(key)
        known.named.update(states)
        if key not in known.keys:
            known.keys.add(key)
            self.by_text.setdefault(key, []).append(known)
        if paragraph is not None and known.paragraph is None:
            known.paragraph = paragraph
            self.by_paragraph.setdefault((known.review_id, paragraph), []).append(known)


def _prefer(candidates: list[Known], states: list[str], publisher: str = "") -> Known | None:
    """The record this publisher already gave naming one of the states (a re-import lands where the first
    import did, whichever order the database returns the records in), else any record naming one of
    them, else one without a paragraph, else the first."""
    if not candidates:
        return None
    return (
        next((k for k in candidates if k.named.intersection(states) and publisher in k.sources), None)
        or next((k for k in candidates if k.named.intersection(states)), None)
        or next((k for k in candidates if k.paragraph is None), None)
        or candidates[0]
    )
