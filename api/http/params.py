"""Path and query parameters shared by both apps: ids bounded to PostgreSQL's INTEGER (a larger one
is a 422, not a driver overflow)."""

from typing import Annotated

from fastapi import Path, Query

from api.core.types import MAX_ID

IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
IdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
