"""Positions of the state under review: an append-only history and the current one derived from it.

`Recommendation.current_position` is a denormalised copy of the latest record by (date, id) — an
undated record (an import whose source gives no date) being the oldest — kept
in the same transaction as the append so filters on it never disagree with the history. The API
(`record_position`) and the seed append through `append_position`; the importers insert in bulk for
speed, applying the same rules from `policy` (source paragraph, date, `becomes_current`).
"""

import datetime as dt

from sqlalchemy import Date, Label, func, literal
from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.cycle.models import Review
from api.recommendations.models import Position, PositionDateOrigin, Recommendation
from api.recommendations.policy import becomes_current, check_position_source, require_position_record
from api.recommendations.schemas import PositionCreate
from api.recommendations.service import get_recommendation

UNDATED = dt.date(1, 1, 1)  # how an unknown date sorts in a page of the history


def list_positions(session: Session, recommendation_id: int, params: PageParams) -> Page[Position]:
    """Oldest first, so the page reads as the path the state took (noted 2019 → supported 2022); undated
    records first, as `policy.history_order` has it. Keyset pages need a NOT NULL sort value, so the
    date is sorted as `UNDATED` when unknown (before any date a position may carry)."""
    get_recommendation(session, recommendation_id)
    day = func.coalesce(col(Position.date), literal(UNDATED, Date)).label("sort_date")
    ident: Label[int | None] = col(Position.id).label("position_id")
    stmt = select(Position, day, ident).where(col(Position.recommendation_id) == recommendation_id)
    page = paginate(session, stmt, params, [Sort(day), Sort(ident)], rows=True)
    return page.map(lambda row: row[0])


def record_position(session: Session, principal: Principal, recommendation_id: int, data: PositionCreate) -> Position:
    """The API's append: on behalf of a caller who may speak for the state under review."""
    # Locked: two positions posted at once must not leave `current_position` behind the history.
    recommendation = get_recommendation(session, recommendation_id, for_update=True)
    state_code = session.exec(select(Review.state_code).where(col(Review.id) == recommendation.review_id)).one()
    require_position_record(principal, state_code)
    return append_position(session, recommendation, data, recorded_by_user_id=principal.user_id)


def append_position(
    session: Session, recommendation: Recommendation, data: PositionCreate, *, recorded_by_user_id: int | None = None
) -> Position:
    """Append to the history and move the current position when the record becomes current. No
    permission check: `record_position` makes it for the API; the seed speaks for no one."""
    assert recommendation.id is not None, "positions are appended to a stored recommendation"
    check_position_source(data.source_paragraph)
    current_date = session.exec(
        select(func.max(Position.date)).where(col(Position.recommendation_id) == recommendation.id)
    ).one()
    if becomes_current(data.date, current_date) and recommendation.current_position != data.position:
        recommendation.current_position = data.position
        recommendation.updated_at = utcnow()
        session.add(recommendation)
    position = Position(
        recommendation_id=recommendation.id,
        position=data.position,
        date=data.date,
        date_origin=PositionDateOrigin.source,  # the API requires a date: the caller is the source
        source_document=data.source_document,
        source_paragraph=data.source_paragraph,
        explanation=data.explanation,
        recorded_by_user_id=recorded_by_user_id,
    )
    session.add(position)
    session.flush()
    return position
