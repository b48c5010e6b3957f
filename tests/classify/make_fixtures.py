"""Rebuild the classifier's test excerpt from the real files in ../shared/data.

    .venv/bin/python tests/classify/make_fixtures.py [--data ../shared/data]

A data folder laid out as ../shared/data (so `load_examples` reads it as it reads the real one), with a
few hundred lines of the UPR Info and DIHR files kept verbatim: the recommendations to eight states
(both cycles) that carry one of a few well-separated tags, at most 50 lines per tag and file, plus a
joint recommendation (one text, several lines). Small on purpose: the files state no licence (see
../shared/data/README.md), so only an excerpt is committed, as for the importers' fixtures.
"""

import argparse
import csv
import gzip
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "fixtures" / "data"
UPR_STATES = {"Afghanistan", "Brazil", "China", "France", "Nigeria", "Pakistan", "Slovenia", "United States"}
DIHR_STATES = {
    "Afghanistan",
    "Brazil",
    "China",
    "France",
    "Nigeria",
    "Pakistan",
    "Slovenia",
    "United States of America",
}
ISSUES = ("Death penalty", "Rights of the Child", "Women's rights", "Torture and other CID treatment")
GROUPS = ("Women and girls", "Children", "Persons with disabilities")
PER_TAG = 50


def _lines(path: Path) -> tuple[str, list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        text = handle.read().split("\n")
    return text[0], [line for line in text[1:] if line]


def _row(header: str, line: str) -> dict[str, str]:
    return next(csv.DictReader(io.StringIO(header + "\n" + line + "\n")))


def _pick(header: str, lines: list[str], state_column: str, states: set[str], tags_of) -> list[str]:
    taken: dict[str, int] = {}
    chosen = []
    for line in lines:
        row = _row(header, line)
        if row[state_column] not in states:
            continue
        tags = tags_of(row)
        if not tags:
            continue
        if all(taken.get(t, 0) >= PER_TAG for t in tags):
            continue
        for t in tags:
            taken[t] = taken.get(t, 0) + 1
        chosen.append(line)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared/data")
    args = parser.parse_args()
    header, lines = _lines(args.data / "upr_info/upr_info_recommendations_sessions01-20.csv.gz")
    chosen = _pick(header, lines, "To", UPR_STATES, lambda r: [i for i in ISSUES if i in r["Issue"].split(",")])
    texts = {_row(header, line)["Text"].strip() for line in chosen}
    # A joint recommendation: every line of one text given by several states (merged into one example).
    joint = [line for line in lines if _row(header, line)["Text"].strip() == "Abolish the death penalty."]
    chosen += [line for line in joint[:3] if line not in chosen]
    (OUT / "upr_info").mkdir(parents=True, exist_ok=True)
    (OUT / "upr_info/upr_info_recommendations_excerpt.csv").write_text("\n".join([header, *chosen]) + "\n", "utf-8")
    print(f"upr_info: {len(chosen)} lines, {len(texts)} texts")
    for cycle in (1, 2):
        header, lines = _lines(args.data / f"dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle{cycle}.csv.gz")
        chosen = _pick(
            header, lines, "Recommendation", DIHR_STATES, lambda r: [g for g in GROUPS if g in r["Keywords"]]
        )
        (OUT / "dihr_sdg_explorer").mkdir(parents=True, exist_ok=True)
        name = f"dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle{cycle}_excerpt.csv"
        (OUT / name).write_text("\n".join([header, *chosen]) + "\n", "utf-8")
        print(f"dihr cycle {cycle}: {len(chosen)} lines")


if __name__ == "__main__":
    main()
