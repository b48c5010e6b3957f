"""Primary keys of stored rows.

SQLModel types a table's `id` as optional because it is None until the INSERT; every row a service
read or flushed has one, and `stored_id` says so once instead of at each use."""

from typing import Protocol


class _Stored(Protocol):
    id: int | None


def stored_id(row: _Stored) -> int:
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet: flush it first")
    return row.id
