#!/usr/bin/env python3
"""Push indicator measurements from a CSV to UPR Tracker; running it again changes nothing.

The CSV has a header and the columns `indicator_id`, `measured_on` (YYYY-MM-DD), `value` and,
optionally, `source`. Every row is checked before anything is sent. A row whose measurement is
already on its indicator (same date, value and source) is skipped; any other is posted with an
`Idempotency-Key` derived from its content, so a retry after a lost answer, or a second run
within the server's 24 hours, gets the first result back instead of a second measurement.

The token (a service token of a government or NHRI of the indicator's state) is read from the
environment variable UPR_TOKEN. Exit status: 0 every row is in the tracker; 1 the API refused
some rows (listed on stderr); 2 bad arguments or CSV, or no token; 3 the API could not be reached
or refused the token.
"""

import argparse
import csv
import hashlib
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

import httpx
from upr_tracker_client import AuthenticatedClient
from upr_tracker_client.api.measurements import measurements_create, measurements_list
from upr_tracker_client.models import MeasurementCreate
from upr_tracker_client.pages import iterate
from upr_tracker_client.problems import ProblemError, Unauthorized, raising

TOKEN_ENV = "UPR_TOKEN"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
COLUMNS = ("indicator_id", "measured_on", "value")
T = TypeVar("T")
ATTEMPTS = 3  # per request, on a network error; the Idempotency-Key makes a repeated create safe


class InputError(Exception):
    """Exit 2: the command line or the CSV is wrong; nothing was sent."""


class ApiUnavailable(Exception):
    """Exit 3: the API cannot be reached, or refuses the token."""


@dataclass(frozen=True)
class Row:
    line: int
    indicator_id: int
    measured_on: date
    value: float
    source: str | None

    @property
    def content(self) -> tuple[date, float, str]:
        return self.measured_on, self.value, self.source or ""

    @property
    def idempotency_key(self) -> str:
        """The same row gives the same key on every run (`repr` makes 51, 51.0 and 51.00 one value)."""
        text = f"{self.indicator_id}|{self.measured_on.isoformat()}|{self.value!r}|{self.source or ''}"
        return "measurement-" + hashlib.sha256(text.encode()).hexdigest()[:40]


def read_rows(path: Path) -> list[Row]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(f"{path}: no column {', '.join(missing)} in the header")
            rows, errors = [], []
            for record in reader:
                try:
                    rows.append(_row(reader.line_num, record))
                except ValueError as exc:
                    errors.append(f"{path}:{reader.line_num}: {exc}")
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: {exc}") from None
    if errors:
        raise InputError("\n".join(errors))
    return rows


def _row(line: int, record: dict[str, str | None]) -> Row:
    cell = {k: (v or "").strip() for k, v in record.items() if k is not None}
    try:
        indicator_id = int(cell["indicator_id"])
    except ValueError:
        raise ValueError(f"indicator_id {cell['indicator_id']!r} is not a number") from None
    try:
        measured_on = date.fromisoformat(cell["measured_on"])
    except ValueError:
        raise ValueError(f"measured_on {cell['measured_on']!r} is not a date (YYYY-MM-DD)") from None
    try:
        value = float(cell["value"])
    except ValueError:
        raise ValueError(f"value {cell['value']!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"value {cell['value']!r} is not a finite number")
    return Row(line, indicator_id, measured_on, value, cell.get("source") or None)


def _call(request: Callable[[], T]) -> T:
    """`request()`, retried on a network error; a refused token stops the run."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return request()
        except httpx.TransportError as exc:
            if attempt == ATTEMPTS:
                raise ApiUnavailable(f"cannot reach the API: {exc!r}") from None
            time.sleep(attempt)
        except Unauthorized as exc:
            raise ApiUnavailable(f"the API refused the token: {exc.status} {exc.detail}") from None
    raise AssertionError("unreachable")


def existing(client: AuthenticatedClient, indicator_id: int) -> set[tuple[date, float, str]]:
    """What is on the indicator already, every page (empty when the indicator is not visible: its
    rows are then refused one by one, with the API's reason)."""
    try:
        return _call(
            lambda: {
                (m.measured_on, m.value, m.source or "")
                for m in iterate(measurements_list.sync, indicator_id, client=client, limit=500)
            }
        )
    except ApiUnavailable:
        raise
    except ProblemError:
        return set()


def push(client: AuthenticatedClient, rows: list[Row], skip_existing: bool = True) -> Counter[str]:
    """Counts of `created`, `replayed` (the key's first result), `present` (skipped) and `refused`.
    `client` raises a problem as its exception (`raising`)."""
    counts: Counter[str] = Counter()
    known: dict[int, set[tuple[date, float, str]]] = {}
    for row in rows:
        if skip_existing:
            if row.indicator_id not in known:
                known[row.indicator_id] = existing(client, row.indicator_id)
            if row.content in known[row.indicator_id]:
                counts["present"] += 1
                continue
        body = MeasurementCreate(value=row.value, measured_on=row.measured_on, source=row.source)
        try:
            response = _call(
                partial(
                    measurements_create.sync_detailed,
                    row.indicator_id,
                    client=client,
                    body=body,
                    idempotency_key=row.idempotency_key,
                )
            )
        except ProblemError as exc:
            counts["refused"] += 1
            print(f"line {row.line}: indicator {row.indicator_id}: {exc.status} {exc.detail}", file=sys.stderr)
            continue
        counts["replayed" if response.headers.get("Idempotent-Replayed") == "true" else "created"] += 1
        known.setdefault(row.indicator_id, set()).add(row.content)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=f"The token is read from ${TOKEN_ENV}."
    )
    parser.add_argument("csv", type=Path, help="CSV with indicator_id, measured_on, value[, source]")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"the server (default: {DEFAULT_BASE_URL})")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request (default: 30)")
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_ENV, "").strip()
    try:
        if not token:
            raise InputError(f"set {TOKEN_ENV} to a service token (POST /auth/service-tokens)")
        rows = read_rows(args.csv)
        client = raising(
            AuthenticatedClient(base_url=args.base_url.rstrip("/"), token=token, timeout=httpx.Timeout(args.timeout))
        )
        with client:
            counts = push(client, rows)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ApiUnavailable as exc:
        print(f"error: {exc} (what was sent is kept; running again is safe)", file=sys.stderr)
        return 3
    print(
        f"{len(rows)} rows: {counts['created']} created, {counts['replayed']} replayed, "
        f"{counts['present']} already present, {counts['refused']} refused"
    )
    return 1 if counts["refused"] else 0


if __name__ == "__main__":
    sys.exit(main())
