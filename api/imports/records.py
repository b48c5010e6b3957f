"""What readers produce: normalised recommendations, rejected rows, and the import report."""

from dataclasses import dataclass, field
from datetime import date

# The formats live with the recommendations, whose sources name them (`RecommendationSource.publisher`).
from api.recommendations.models import ImportFormat as ImportFormat
from api.recommendations.models import PositionKind


@dataclass
class ThemeLabel:
    """A theme as the source names it; the pipeline maps it onto the taxonomy, keeping the label."""

    label: str
    code: str | None = None  # e.g. "A12" in coded OHCHR taxonomies


@dataclass
class ImportRecord:
    """One recommendation (or voluntary pledge) read from a source, normalised to the cycle model.

    `line` is the 1-based line (CSV), row (XLSX) or table row (DOCX) it came from, for reports.
    `key_parts` identify the recommendation within its source (its normalised text), as the reader
    sees it. The writer matches records to rows by identity (`writer`): a paragraph number is identity
    (the review, the paragraph and a recommending state), the text (`derive_external_key`: state,
    cycle and text) only when the source gives no paragraph; that is how a re-import updates instead
    of duplicating and two publishers meet on one record.
    """

    line: int
    source: ImportFormat
    state_under_review: str  # ISO3
    text: str
    recommending_states: list[str]  # ISO3, several for a joint recommendation
    key_parts: tuple[str, ...]
    session: int | None = None
    cycle: int | None = None
    year: int | None = None
    paragraph: str | None = None
    position: PositionKind | None = None
    position_label: str | None = None  # the source's own wording, e.g. "Accepted"
    position_source: str | None = None  # symbol of the document recording the position
    position_paragraph: str | None = None
    position_date: date | None = None  # only when the file gives it: never guessed from a year
    themes: list[ThemeLabel] = field(default_factory=list)
    affected_persons: list[str] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)
    action_category: int | None = None
    source_document: str | None = None  # e.g. the working-group report A/HRC/12/9
    is_pledge: bool = False  # voluntary pledges are kept apart from recommendations
    note: str | None = None  # what the source notes beside the text (`Comments: …`): never a text


@dataclass(frozen=True)
class Reject:
    line: int
    column: str | None
    reason: str


@dataclass
class ImportReport:
    format: ImportFormat | None = None
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0
    pledges: int = 0
    rejected: list[Reject] = field(default_factory=list)

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    def counts(self) -> dict[str, int]:
        """The figures every report of an import shows (its audit entry, its job, the CLI's table)."""
        return {
            "rows": self.rows,
            "inserted": self.inserted,
            "updated": self.updated,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "pledges": self.pledges,
            "rejected": self.rejected_count,
        }
