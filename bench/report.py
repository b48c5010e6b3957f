"""One table of figures, printed and written as JSON and Markdown to bench/results/<timestamp>.*

Every figure has a value, and where the issue sets one, a goal: `ratio` is value / limit, and `met`
says whether it is on the right side (≥ 1 for throughput against the constant-dict endpoint,
≤ 1 for times and latencies against their limits).
"""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Figure:
    name: str
    value: float | None
    unit: str
    goal: str = ""  # e.g. "≤ 20 ms", "≥ dict_page (1,234/s)"
    limit: float | None = None
    higher_is_better: bool = False
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None  # not measured (no data, a reader missing): no verdict
    failed: str | None = None  # measured, but no value came out (no request completed): goal not met

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.limit:
            return None
        return self.value / self.limit

    @property
    def met(self) -> bool | None:
        if self.failed:
            return False
        if self.ratio is None:
            return None
        return self.ratio >= 1 if self.higher_is_better else self.ratio <= 1

    def row(self) -> list[str]:
        if self.skipped:
            return [self.name, "skipped", self.goal, "", "", self.skipped]
        if self.failed:
            return [self.name, "none", self.goal, "", "NO", self.failed]
        value = "-" if self.value is None else f"{self.value:,.{_digits(self.value)}f} {self.unit}"
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}"
        met = "" if self.met is None else ("yes" if self.met else "NO")
        return [self.name, value, self.goal, ratio, met, self.detail]

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


HEADER = ["figure", "value", "limit / goal", "ratio", "met", "detail"]


def _digits(value: float) -> int:
    return 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2


def text_table(figures: list[Figure]) -> str:
    rows = [HEADER] + [f.row() for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER) - 1)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i]) for i in range(len(widths))]
        lines.append("  ".join(cells) + "  " + row[-1])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 6)
    return "\n".join(lines)


def markdown(figures: list[Figure], meta: dict[str, Any]) -> str:
    out = [f"# UPR Tracker benchmark, {meta['started']}", ""]
    out += [f"- {key}: {value}" for key, value in meta.items() if key != "started"]
    out += ["", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in f.row()) + " |" for f in figures]
    return "\n".join(out) + "\n"


def write(figures: list[Figure], meta: dict[str, Any], stamp: str) -> tuple[Path, Path]:
    RESULTS.mkdir(exist_ok=True)
    as_json, as_md = RESULTS / f"{stamp}.json", RESULTS / f"{stamp}.md"
    as_json.write_text(
        json.dumps({"meta": meta, "figures": [f.as_dict() for f in figures]}, indent=2, ensure_ascii=False) + "\n"
    )
    as_md.write_text(markdown(figures, meta))
    return as_json, as_md
