#!/usr/bin/env python3
"""Pull a state's implementation matrix from UPR Tracker into a CSV.

One row per recommendation to the state in the cycle (default: the latest in which it was
reviewed): its position, themes, the actions and indicators that answer it, and one column per
organisation with that organisation's current traffic light. Every page is fetched (following
`next_cursor`); the file is replaced only once all of them arrived, so a failed run leaves the
previous file as it was, and a second run writes the same file again.

A token in the environment variable UPR_TOKEN is optional: without one the matrix holds what the
public may see; with one, also what the token's organisation may see. Exit status: 0 written;
1 the API refused the request (e.g. an unknown state); 2 bad arguments; 3 the API could not be
reached or refused the token.
"""

import argparse
import csv
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import httpx
from upr_tracker_client import AuthenticatedClient, Client
from upr_tracker_client.api.overview import overview_matrix
from upr_tracker_client.models import MatrixRow, OrganisationRef
from upr_tracker_client.pages import iterate
from upr_tracker_client.problems import ApiError, Unauthorized, raising, unwrap
from upr_tracker_client.types import UNSET

TOKEN_ENV = "UPR_TOKEN"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
HEADER = [
    "recommendation_id",
    "session",
    "paragraph",
    "recommendation",
    "recommending_states",
    "current_position",
    "themes",
    "actions",
    "indicators",
]
KIND_ORDER = {"government": 0, "nhri": 1, "cso": 2}  # then everyone else; by id within a kind


class Failed(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def fetch(
    client: Client | AuthenticatedClient, state: str, cycle: int | None, page_size: int
) -> tuple[int, list[MatrixRow]]:
    """The cycle and every row: the first page says which cycle, the rest follow it (whatever
    becomes "latest" meanwhile)."""
    try:
        first = unwrap(
            overview_matrix.sync(client=client, state=state, cycle=UNSET if cycle is None else cycle, limit=page_size)
        )
        rows = list(first.items)
        if isinstance(first.next_cursor, str):
            rest = iterate(
                overview_matrix.sync,
                client=client,
                state=state,
                cycle=first.cycle,
                limit=page_size,
                cursor=first.next_cursor,
            )
            rows.extend(rest)
    except httpx.TransportError as exc:
        raise Failed(f"cannot reach the API: {exc!r}", 3) from None
    except Unauthorized as exc:
        raise Failed(f"the API refused the token: {exc}", 3) from None
    except ApiError as exc:
        raise Failed(str(exc), 1) from None
    return first.cycle, rows


def _number(value: float) -> str:
    return f"{value:g}"


def _indicators(row: MatrixRow) -> str:
    parts = []
    for i in row.indicators:
        unit = f" {i.unit}" if i.unit else ""
        latest = (
            "no measurement" if i.latest_value is None else f"{_number(i.latest_value)}{unit} on {i.latest_measured_on}"
        )
        target = "" if i.target_value is None else f", target {_number(i.target_value)}{unit}"
        parts.append(f"{i.name}: {latest}{target}")
    return "; ".join(parts)


_FORMULA = re.compile(r"(^|[,;\t\r\n])([\s\"]*)(?=[=+\-@\t\r])")


def _cell(value: object) -> object:
    """A text cell no spreadsheet reads as a formula, in any locale's separator: a `'` before `=`, `+`,
    `-`, `@`, tab or CR wherever a separator (or the start) could begin a cell — the server's own rule
    (api/core/spreadsheets.py), which this standalone script cannot import."""
    if not isinstance(value, str):
        return value
    return _FORMULA.sub(lambda m: f"{m.group(1)}{m.group(2)}'", value)


def write_csv(rows: list[MatrixRow], out: TextIO) -> None:
    actors: dict[int, OrganisationRef] = {}
    for row in rows:
        for rating in row.assessments:
            actors.setdefault(rating.organisation.id, rating.organisation)
    order = sorted(actors.values(), key=lambda ref: (KIND_ORDER.get(str(ref.kind), 3), ref.id))
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)  # every text quoted; ids stay numbers
    writer.writerow([_cell(h) for h in HEADER + [f"assessment: {ref.name} ({ref.kind})" for ref in order]])
    for row in rows:
        ratings = {r.organisation.id: r for r in row.assessments}
        cells = [
            row.recommendation_id,
            row.session,
            row.paragraph or "",
            row.text,
            "; ".join(row.recommending_states),
            row.current_position or "",
            "; ".join(row.themes),
            "; ".join(f"{a.title} ({a.status})" for a in row.actions),
            _indicators(row),
            *(f"{ratings[ref.id].rating} {ratings[ref.id].assessed_on}" if ref.id in ratings else "" for ref in order),
        ]
        writer.writerow([_cell(c) for c in cells])


def _replace(path: Path, rows: list[MatrixRow]) -> None:
    """Write beside `path`, then rename over it: readers never see half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write_csv(rows, handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=f"An optional token is read from ${TOKEN_ENV}."
    )
    parser.add_argument("--state", required=True, help="ISO3 code of the state under review, e.g. SVN")
    parser.add_argument("--cycle", type=int, help="UPR cycle number (default: the state's latest review)")
    parser.add_argument("--output", "-o", default="-", help="CSV file to write (default: standard output)")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"the server (default: {DEFAULT_BASE_URL})")
    parser.add_argument(
        "--page-size",
        type=int,
        default=200,
        choices=range(1, 501),
        metavar="1..500",
        help="rows per request (default: 200)",
    )
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request (default: 30)")
    args = parser.parse_args(argv)
    output = None if args.output == "-" else Path(args.output)
    if output is not None and not output.parent.is_dir():
        parser.error(f"no directory {output.parent}")
    token = os.environ.get(TOKEN_ENV, "").strip()
    base_url, timeout = args.base_url.rstrip("/"), httpx.Timeout(args.timeout)
    client = raising(
        AuthenticatedClient(base_url=base_url, token=token, timeout=timeout)
        if token
        else Client(base_url=base_url, timeout=timeout)
    )
    try:
        with client:
            cycle, rows = fetch(client, args.state, args.cycle, args.page_size)
    except Failed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    if output is None:
        write_csv(rows, sys.stdout)
    else:
        _replace(output, rows)
    print(
        f"{len(rows)} recommendations to {args.state.upper()} in cycle {cycle} written to "
        f"{output or 'standard output'}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
