"""The list query parameters every list takes: `limit` (clamped), `offset` or `cursor`."""

from typing import Annotated

from fastapi import Depends, Query

from api.core.errors import InvalidInput
from api.core.pagination import MAX_LIMIT, MAX_OFFSET, PageParams


def page_params(
    limit: Annotated[int, Query(ge=1, description=f"Page size; values above {MAX_LIMIT} are clamped.")] = 50,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip; use `cursor` instead for deep paging.")
    ] = 0,
    cursor: Annotated[str | None, Query(description="Opaque `next_cursor` from the previous page.")] = None,
) -> PageParams:
    if cursor is not None and offset:
        raise InvalidInput("Give either `offset` or `cursor`, not both.", field="cursor")
    return PageParams(limit=min(limit, MAX_LIMIT), offset=offset, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]
