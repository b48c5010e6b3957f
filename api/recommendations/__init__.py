"""Recommendations made to a state under review, and its positions on them. Importing any part of
this package registers a review's recommendations with the cycle side (counted on each review,
deleted with a forced review delete), so the cycle side never imports recommendations; and registers
the commit-time refresh of the data derived from them (`derived.py`) with `api.derived`."""

from sqlmodel import Session

from api.derived import register as register_derived
from api.recommendations import review_children

review_children.register()


def _refresh_derived(session: Session) -> None:
    from api.recommendations.derived import refresh  # noqa: PLC0415 (an import cycle otherwise)

    refresh(session)


register_derived(_refresh_derived)
