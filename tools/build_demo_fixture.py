"""Build the committed demo data for `upr seed` from the real data in ../shared/data.

A user's clone has no ../shared, so `make run` seeds from a small excerpt committed in the
package: Slovenia's third-cycle review (session 34, 2019), parsed from OHCHR's thematic list of
recommendations, plus the reference tables the seed needs (SDG targets, session years).

    .venv/bin/python tools/build_demo_fixture.py [--data ../shared/data]

The parser is deliberately local to this script: the real OHCHR-matrix importer is a later
piece of work and will have to handle every matrix layout, not just this one.
"""

import argparse
import csv
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATRIX = "ohchr_matrices/slovenia_upr34_2019_thematic_list.csv"
STATES = ROOT / "api/cycle/data/un_member_states.csv"
FIXTURE = ROOT / "api/seed_data/slovenia_upr34_2019.json"
COPIES = {
    "reference/sdg_targets.csv": ROOT / "api/taxonomy/data/sdg_targets.csv",
    "reference/upr_sessions_year.csv": ROOT / "api/seed_data/upr_sessions_year.csv",
}

REVIEW = {
    "state_under_review": "SVN",
    "session": 34,
    "year": 2019,
    # The interactive dialogue (gov.si and the US mission's statement, both 12 November 2019).
    "dialogue_date": "2019-11-12",
    "adoption_date": None,
    "troika": [],  # not in the thematic list nor elsewhere in ../shared/data
    "documents": [
        {"kind": "working_group_report", "symbol": "A/HRC/43/15", "url": "https://undocs.org/A/HRC/43/15"},
        {"kind": "addendum", "symbol": "A/HRC/43/15/Add.1", "url": "https://undocs.org/A/HRC/43/15/Add.1"},
    ],
    # When each source recorded the positions: the report's supported-at-the-dialogue paragraph,
    # and the Government's decision on the rest (gov.si, 30 January 2020), published as Add.1.
    "position_dates": {"A/HRC/43/15": "2019-11-12", "A/HRC/43/15/Add.1": "2020-01-30"},
}
POSITIONS = {
    "Supported": "supported",
    "Noted": "noted",
    "Supported in part": "supported_in_part",
    "Supported/Noted": "supported_in_part",
}
SUBLISTS = {"SDGs:": "sdg_goals", "Affected persons:": "affected_persons", "Groups of Persons:": "affected_persons"}

PARAGRAPH = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$", re.S)
SOURCE = re.compile(r"^Source of position:\s*(\S+?)\s*(?:-\s*Para\.?\s*(\d+(?:\.\d+)*)\S*)?\s*$", re.I)
SDG_GOAL = re.compile(r"^(\d{1,2})\s*-")


class ParseError(ValueError):
    pass


@dataclass(frozen=True)
class Recommendation:
    paragraph: str
    text: str
    recommending_states: list[str]


def state_index(path: Path = STATES) -> dict[str, str]:
    """Every name a source may use for a state → ISO3, with UN inverted names also read forwards
    ("Venezuela (Bolivarian Republic of)" is written "Bolivarian Republic of Venezuela")."""
    index: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for column in ("unsd_name", "upr_info_name", "dihr_name"):
                name = row[column].strip()
                if not name:
                    continue
                index.setdefault(name, row["iso3"])
                if m := re.fullmatch(r"(.+?) \((.+ of)\)", name):
                    index.setdefault(f"{m.group(2)} {m.group(1)}", row["iso3"])
    return index


def split_recommendations(cell_line: str, states: dict[str, str]) -> list[Recommendation]:
    """`121.2 Text (Ukraine); More text (Slovakia);` → one recommendation per trailing state group;
    joint ones are written `(France) (Lithuania)` or `(Chile); (Estonia);`.

    Only parentheses naming a known state end a recommendation, so `(No. 29) (United Kingdom …)`
    keeps the ILO convention number in the text."""
    m = PARAGRAPH.match(cell_line.strip())
    if not m:
        raise ParseError(f"no paragraph number in {cell_line[:60]!r}")
    paragraph, body = m.groups()
    names = "|".join(re.escape(n) for n in sorted(states, key=len, reverse=True))
    run = re.compile(rf"(\s*\((?:{names})\)(?:\s*;?\s*\((?:{names})\))*)\s*(?:[;.]|$)")
    found, start = [], 0
    for match in run.finditer(body):
        text = body[start : match.start()].strip()
        if not text:
            raise ParseError(f"recommending states without text in {paragraph}")
        codes = [states[n] for n in re.findall(r"\(([^()]+)\)", match.group(1))]
        found.append(Recommendation(paragraph, text, list(dict.fromkeys(codes))))
        start = match.end()
    if body[start:].strip() or not found:
        raise ParseError(f"{paragraph}: text without a known recommending state: {body[start:][:80]!r}")
    return found


def parse_source(line: str) -> dict[str, str | None]:
    m = SOURCE.match(line.strip())
    if not m:
        raise ParseError(f"not a source-of-position line: {line!r}")
    return {"document": m.group(1), "paragraph": m.group(2)}


def parse_tags(cell: str) -> dict[str, list]:
    """The 'Full list of themes' cell: `- theme` lines, then `SDGs:` and `Affected persons:` sub-lists."""
    tags: dict[str, list] = {"themes": [], "sdg_goals": [], "affected_persons": []}
    section = "themes"
    for raw in cell.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line in SUBLISTS:
            section = SUBLISTS[line]
            continue
        if not line.startswith("-"):
            raise ParseError(f"unexpected line in the themes cell: {line!r}")
        item = re.sub(r"\s+", " ", line[1:]).strip()
        if section == "sdg_goals":
            if not (m := SDG_GOAL.match(item)):
                raise ParseError(f"not an SDG goal: {item!r}")
            item = int(m.group(1))
        if item not in tags[section]:
            tags[section].append(item)
    return tags


def parse_row(row: dict[str, str], states: dict[str, str]) -> list[dict]:
    lines = [line for line in row["Recommendation"].split("\n") if line.strip()]
    source_lines = [line for line in lines if SOURCE.match(line.strip())]
    text_lines = [line for line in lines if line not in source_lines]
    source = parse_source(source_lines[0]) if source_lines else {"document": None, "paragraph": None}
    position = POSITIONS.get(row["Position"].strip())
    if position is None:
        raise ParseError(f"unknown position {row['Position']!r}")
    tags = parse_tags(row["Full list of themes"])
    recommendations = split_recommendations(" ".join(text_lines), states)
    return [
        {
            "paragraph": r.paragraph,
            "text": r.text,
            "recommending_states": r.recommending_states,
            **tags,
            "position": position,
            "position_source": source,
            "table_row": int(row["table_row"]),
        }
        for r in recommendations
    ]


def build(matrix: Path, states: dict[str, str]) -> dict:
    with matrix.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    recommendations = []
    for row in sorted(rows, key=lambda r: int(r["table_row"])):
        try:
            parsed = parse_row(row, states)
        except ParseError as exc:
            raise ParseError(f"table row {row['table_row']}: {exc}") from None
        recommendations.extend(parsed)
    return {
        "source": {
            "file": MATRIX,
            "rows": len(rows),
            "publisher": "OHCHR, thematic list of recommendations, UPR of Slovenia (3rd cycle, 34th session)",
            "found_in": "Tony33344/slovenia-human-rights-tracker, "
            "docs/3rdcycleunoriginal/UPR34_Slovenia_Thematic_list_of_Recommendations.docx",
            "built_by": "tools/build_demo_fixture.py",
            "external_key": "derived by the seed as every import derives it: state, cycle and normalised text",
        },
        "review": REVIEW,
        "recommendations": recommendations,
    }


def dumps(fixture: dict) -> str:
    """Indented, but one recommendation per line: small, and a rebuild diffs line by line."""
    head = {k: v for k, v in fixture.items() if k != "recommendations"}
    lines = [json.dumps(r, ensure_ascii=False) for r in fixture["recommendations"]]
    text = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    return text + ',\n "recommendations": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    fixture = build(args.data / MATRIX, state_index())
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(dumps(fixture), encoding="utf-8")
    for source, target in COPIES.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.data / source, target)
    recs = fixture["recommendations"]
    by_position = {p: sum(r["position"] == p for r in recs) for p in sorted({r["position"] for r in recs})}
    print(
        f"{len(recs)} recommendations from {fixture['source']['rows']} rows {by_position} → "
        f"{FIXTURE.relative_to(ROOT)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
