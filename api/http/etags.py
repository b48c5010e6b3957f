"""Optimistic concurrency: ETags on reads, `If-Match` on updates (412 when stale).

The ETag hashes the representation the caller reads, so no version column is needed: if any
field changed since the read, the tag differs and the second writer is told instead of silently
overwriting the first.
"""

import hashlib
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Header, Response
from pydantic import BaseModel

from api.core.errors import PreconditionFailed

T = TypeVar("T", bound=BaseModel)
Row = TypeVar("Row")

IfMatch = Annotated[str | None, Header(alias="If-Match", description="ETag from your last read; a stale one gets 412.")]


def etag_of(representation: BaseModel) -> str:
    return '"' + hashlib.sha256(representation.model_dump_json().encode()).hexdigest()[:32] + '"'


def check_if_match(if_match: str | None, current: BaseModel) -> None:
    if if_match is None:
        return
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" not in tags and etag_of(current) not in tags:
        raise PreconditionFailed(
            "The resource changed since you read it; read it again and reapply your change.", field="If-Match"
        )


def with_etag(response: Response, representation: T) -> T:
    response.headers["ETag"] = etag_of(representation)
    return representation


def update_with_etag(
    response: Response,
    if_match: str | None,
    *,
    load: Callable[[], Row],
    read: Callable[[Row], T],
    change: Callable[[Row], Row],
) -> T:
    """Every PATCH: `load` the row (locked for update, scope checked, so a caller who may not see it
    gets its 404 before any 412), compare `If-Match` with what the caller would read, apply `change`,
    answer the new representation with its ETag."""
    row = load()
    check_if_match(if_match, read(row))
    return with_etag(response, read(change(row)))
