"""Query filters the plan's list routes share."""

from typing import Annotated

from fastapi import Query

WithdrawnFilter = Annotated[
    bool,
    Query(
        description="Only the rows withdrawn (deleted) from the plan, each with `withdrawn_at` (true); "
        "the current ones otherwise. Their histories say who withdrew them and when."
    ),
]
