"""Positions of the state under review: an append-only history and the current one derived from it.

`Recommendation.current_position` is a denormalised copy of the latest record by (date, id), kept
in the same transaction as the append so filters on it never disagree with the history. A record
dated before the current one joins the history without becoming current.
"""

import re

from sqlmodel import Session, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.cycle.models import Review
from api.errors import Forbidden, InvalidInput
from api.lookup import get_or_404
from api.pagination import Page, PageParams, Sort, paginate
from api.recommendations.models import PARAGRAPH_PATTERN, Position, PositionCreate, Recommendation
from api.recommendations.service import get_recommendation
from api.types import utcnow


def list_positions(session: Session, recommendation_id: int, params: PageParams) -> Page[Position]:
    """Oldest first, so the page reads as the path the state took (noted 2019 → supported 2022)."""
    get_recommendation(session, recommendation_id)
    stmt = select(Position).where(Position.recommendation_id == recommendation_id)
    return paginate(session, stmt, params, [Sort(Position.date), Sort(Position.id)])


def record_position(session: Session, principal: Principal, recommendation_id: int,
                    data: PositionCreate) -> Position:
    """Only the state under review (its government) or an admin speaks for the state; the
    recommendation is public, so anyone else gets 403, not 404."""
    # Locked: two positions posted at once must not leave `current_position` behind the history.
    recommendation = get_or_404(session, Recommendation, recommendation_id, "Recommendation", for_update=True)
    state_code = session.exec(select(Review.state_code).where(Review.id == recommendation.review_id)).one()
    if not principal.may(Permission.positions_write, state_code=state_code):
        raise Forbidden(f"Only the government of {state_code} (or an admin) records its positions.")
    return append_position(session, recommendation, data, recorded_by_user_id=principal.user_id)


def append_position(session: Session, recommendation: Recommendation, data: PositionCreate, *,
                    recorded_by_user_id: int | None = None, skip_duplicate: bool = False) -> Position:
    """Append without any permission check (importers call this). `skip_duplicate` returns an
    existing record with the same position, date and source instead, so a re-import does not
    lengthen the history."""
    if data.source_paragraph is not None and not re.fullmatch(PARAGRAPH_PATTERN, data.source_paragraph):
        raise InvalidInput(f"Paragraph {data.source_paragraph!r} is not like `121.5`.", field="source_paragraph")
    if skip_duplicate and (same := session.exec(select(Position).where(
            Position.recommendation_id == recommendation.id, Position.position == data.position,
            Position.date == data.date, Position.source_document == data.source_document,
            Position.source_paragraph == data.source_paragraph)).first()):
        return same
    position = Position(recommendation_id=recommendation.id, position=data.position, date=data.date,
                        source_document=data.source_document, source_paragraph=data.source_paragraph,
                        explanation=data.explanation, recorded_by_user_id=recorded_by_user_id)
    session.add(position)
    session.flush()
    refresh_current_position(session, recommendation)
    return position


def refresh_current_position(session: Session, recommendation: Recommendation) -> None:
    latest = session.exec(select(Position.position).where(Position.recommendation_id == recommendation.id)
                          .order_by(Position.date.desc(), Position.id.desc()).limit(1)).first()
    if recommendation.current_position != latest:
        recommendation.current_position = latest
        recommendation.updated_at = utcnow()
        session.add(recommendation)
        session.flush()
