"""Row rules for recommendations and positions: who records a position, what a paragraph looks like,
which dates a position may carry, how a position becomes current (an undated one is the oldest), and
what a delete does when others' records refer to a recommendation. The API, the seed and the
importers all apply these."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import nulls_first
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session, col

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden, InvalidInput
from api.core.types import utcnow

PARAGRAPH_PATTERN = r"^\d+(\.\d+)*$"
MAX_PARAGRAPH = 32  # `147.68`, as the UN numbers them
MAX_DOCUMENT_SYMBOL = 64  # `A/HRC/43/15/Add.1`
FIRST_POSITION_DATE = dt.date(2007, 1, 1)  # the UPR's first year


class RecommendationTracked(Conflict):
    slug, title = "recommendation-tracked", "Tracked by implementation records"


class PositionNotOwnState(Forbidden):
    slug, title = "position-not-own-state", "Not your state"


# Other domains refer to recommendations (implementation tracking's actions, indicators and posts).
# They register a guard here, so this side never imports them: a guard answers, when any of its rows
# refer to one of the recommendation ids, a sentence saying so with a `{what}` placeholder.
DeleteGuard = Callable[[Session, Select | list[int]], str | None]
_delete_guards: list[DeleteGuard] = []


def register_delete_guard(guard: DeleteGuard) -> None:
    if guard not in _delete_guards:
        _delete_guards.append(guard)


def refuse_delete_if_referenced(session: Session, recommendation_ids: Select | list[int], what: str) -> None:
    """A recommendation others' records refer to is never deleted, not even by a forced review delete:
    those records belong to the organisations that posted them (a CSO's confidential assessment
    among them). 409 `recommendation-tracked`."""
    for guard in _delete_guards:
        if (referrers := guard(session, recommendation_ids)) is not None:
            raise RecommendationTracked(
                referrers.format(what=what) + "; those records belong to the organisations that posted them "
                "and are not deleted with it. Remove or move them first."
            )


def require_position_record(principal: Principal, state_code: str) -> None:
    """Only the state under review (its government) or an admin speaks for the state; the
    recommendation is public, so anyone else gets 403 `position-not-own-state`, not 404."""
    if not principal.may(Permission.positions_write, state_code=state_code):
        raise PositionNotOwnState(f"Only the government of {state_code} (or an admin) records its positions.")


def paragraph_error(value: str) -> str | None:
    """A paragraph as the UN publishes it: numbers joined by dots, like `147.68`."""
    if len(value) > MAX_PARAGRAPH:
        return f"Paragraph {value[:MAX_PARAGRAPH]!r}… is longer than {MAX_PARAGRAPH} characters."
    if re.fullmatch(PARAGRAPH_PATTERN, value) is None:
        return f"Paragraph {value!r} is not like `147.68`."
    return None


def document_symbol_error(value: str) -> str | None:
    """A document symbol (`A/HRC/43/15`) fits its column on both databases."""
    if len(value) > MAX_DOCUMENT_SYMBOL:
        return f"The document symbol {value[:MAX_DOCUMENT_SYMBOL]!r}… is longer than {MAX_DOCUMENT_SYMBOL} characters."
    return None


def check_paragraph(paragraph: str | None, field: str = "paragraph") -> None:
    """422 naming `field` unless the paragraph is like `147.68` (or absent)."""
    if paragraph is not None and (error := paragraph_error(paragraph)):
        raise InvalidInput(error, field=field)


def check_position_source(paragraph: str | None) -> None:
    """Every writer (the API, the importers, the seed) records a source paragraph like `121.5`, or none."""
    check_paragraph(paragraph, field="source_paragraph")


def position_date_error(value: dt.date) -> str | None:
    """A position's date lies between the UPR's start and tomorrow (a day's grace for time zones east of
    UTC): a mistyped future date would become the current position for good, as history is append-only.
    Every writer checks it (the API and the seed through `PositionCreate`, importers per row)."""
    latest = utcnow().date() + dt.timedelta(days=1)
    if not FIRST_POSITION_DATE <= value <= latest:
        return f"must be between {FIRST_POSITION_DATE.isoformat()} and {latest.isoformat()}"
    return None


def becomes_current(new_date: dt.date | None, latest_date: dt.date | None) -> bool:
    """A position appended now becomes current unless a recorded one is dated later. The latest by
    (date, id) is the state's current position, an undated record being older than any dated one, and
    the new record has the highest id. `latest_date` is the latest date among the recorded positions
    (None when none is dated). So a back-dated record joins the history without becoming current, one
    of the same day does, and an undated one becomes current only among undated ones."""
    return latest_date is None or (new_date is not None and new_date >= latest_date)


def history_order(date_column: Any, id_column: Any) -> list[ColumnElement[Any]]:
    """Oldest first, as `becomes_current` counts: undated records first (NULLS FIRST, stated, as
    PostgreSQL would put them last), then by date, then by id. Both databases order the same."""
    return [nulls_first(col(date_column).asc()), col(id_column).asc()]
