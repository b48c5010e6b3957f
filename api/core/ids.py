"""Opaque ids for rows whose ids would otherwise tell what a caller may not see.

Sequential ids leak: a gap between two visible posts counts the hidden or deleted ones between them
(in every state at once), and SQLite hands a deleted newest row's id to the next insert, so whether
an id comes back tells a deleted row from an archived one. Tables whose rows others' posts refer to
(the plan's rows) or whose rows may be hidden (posts, evidence) therefore draw their id here, in
Python, as the row's `default_factory`: a random integer from the operating system's CSPRNG.

Why this range: ids stay within PostgreSQL's INTEGER (and `api.core.types.MAX_ID`, which every id
parameter of the API accepts), so no column changes type and no table is rebuilt; and they start at
2**30, far above the sequential ids existing rows keep, so old and new never meet. Random ids are
not reused in practice (a deleted id comes back once in about a billion draws, unrelated to what
was deleted), which is what SQLite's `AUTOINCREMENT` would give — but that needs a table rebuild,
which breaks the foreign keys referring to the table. PostgreSQL takes explicit values in a serial
column; its sequence is simply no longer used for these tables.

With about a billion values, a draw may hit an id already taken once a table holds many rows (one
in ten thousand at 100,000 rows): before each flush, `_redraw_taken` draws again for new rows whose
id is taken, in one query per table, so the INSERT never fails on it. Two transactions drawing the
same id at the same instant remain possible in theory (the second fails on its primary key and the
request can be repeated); at these odds a retry loop with savepoints would cost more than it saves.
"""

import hashlib
import secrets
from collections import defaultdict
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

LOWEST = 2**30
HIGHEST = 2**31 - 1  # PostgreSQL INTEGER, and `api.core.types.MAX_ID`
_CHUNK = 500  # ids per IN (...), under SQLite's variable limit


def random_id() -> int:
    """An id in [2**30, 2**31 - 1], uniformly, from `secrets`."""
    return LOWEST + secrets.randbelow(HIGHEST - LOWEST + 1)


# The demo rows' ids (api/tracking/demo.py, api/advocacy/demo_ids.py): fixed, so `clients/examples/measurements.csv`,
# the README's and the OpenAPI documents' examples name rows that `make run` creates; drawn from the
# opaque range like any other. A database where one is taken gets another draw (`_redraw_taken`),
# and the examples then name nothing.
def demo_id(name: str) -> int:
    """The fixed id of the demo row called `name`, in [2**30, 2**31 - 1]: the same in every database."""
    digest = int.from_bytes(hashlib.sha256(f"upr-demo:{name}".encode()).digest()[:8], "big")
    return LOWEST + digest % (HIGHEST - LOWEST + 1)


def _draws_random_ids(model: type) -> bool:
    field = getattr(model, "model_fields", {}).get("id")
    return field is not None and field.default_factory is random_id


def _taken(session: Session, model: Any, ids: list[int]) -> set[int]:
    column = model.__table__.c.id
    taken: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        taken.update(session.execute(select(column).where(column.in_(ids[start : start + _CHUNK]))).scalars())
    return taken


@event.listens_for(Session, "before_flush")
def _redraw_taken(session: Session, flush_context: Any, instances: Any) -> None:
    """New rows of random-id tables whose id is taken (stored already, or drawn twice in this flush)
    get another draw, until none is."""
    new: dict[type, list[Any]] = defaultdict(list)
    for row in session.new:
        if _draws_random_ids(type(row)) and row.id is not None:
            new[type(row)].append(row)
    with session.no_autoflush:
        for model, rows in new.items():
            free: set[int] = set()  # ids checked in this flush
            pending = rows
            while pending:
                taken = _taken(session, model, [row.id for row in pending])
                again = []
                for row in pending:
                    if row.id in taken or row.id in free:
                        row.id = random_id()
                        again.append(row)
                    else:
                        free.add(row.id)
                pending = again
