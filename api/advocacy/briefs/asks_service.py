"""A brief's asks (proposed recommendations), kept in order: read with the brief's visibility, written
as the brief's content (its working group's members while a draft, then its co-chairs and the
coalition's leads), renumbered on every insert, move and deletion. Every write locks the brief first
(`policy.get_member_brief(for_update=True)`), so two concurrent writes to one brief's asks take turns
and never number two asks alike. An ask whose uptake the group confirmed is not deleted.

`asks_of` is the one reading of "a brief's asks, in order": briefs, uptake and its reports use it.
"""

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

from api.advocacy import policy
from api.advocacy.briefs.schemas import (
    ProposedRecommendationCreate,
    ProposedRecommendationRead,
    ProposedRecommendationUpdate,
    SmartAnalysisRead,
)
from api.advocacy.models import Brief, ProposedRecommendation, UptakeMatch, UptakeStatus
from api.auth.principal import Principal
from api.core.errors import Conflict, InvalidInput, NotFound
from api.core.rows import stored_id
from api.core.types import utcnow
from api.recommendations.analyse import analyse
from api.recommendations.analyse_service import smart_signals


class AskTakenUp(Conflict):
    slug, title = "ask-taken-up", "The ask has confirmed uptake"


def asks_of(session: Session, brief_ids: Sequence[int]) -> dict[int, list[ProposedRecommendation]]:
    """The asks of each brief, in the brief's order (position, then id); a brief without asks maps to []."""
    asks: dict[int, list[ProposedRecommendation]] = defaultdict(list)
    wanted = sorted(set(brief_ids))
    if not wanted:
        return asks
    for ask in session.exec(
        select(ProposedRecommendation)
        .where(col(ProposedRecommendation.brief_id).in_(wanted))
        .order_by(col(ProposedRecommendation.position), col(ProposedRecommendation.id))
    ):
        asks[ask.brief_id].append(ask)
    return asks


def smart_of(text: str) -> SmartAnalysisRead:
    """The SMART signals of an ask (the analysis of `POST /recommendations/analyse`, without a classifier)."""
    smart = analyse(text)
    return SmartAnalysisRead(smart_score=smart.smart_score, **smart_signals(smart), suggestions=list(smart.suggestions))


def ask_read(ask: ProposedRecommendation) -> ProposedRecommendationRead:
    return ProposedRecommendationRead(
        id=stored_id(ask),
        brief_id=ask.brief_id,
        position=ask.position,
        text=ask.text,
        smart=smart_of(ask.text),
        created_at=ask.created_at,
        updated_at=ask.updated_at,
    )


def get_ask(session: Session, principal: Principal, ask_id: int) -> ProposedRecommendation:
    """An ask of a brief the caller may read (404 otherwise)."""
    found = session.exec(
        select(ProposedRecommendation)
        .join(Brief, col(Brief.id) == col(ProposedRecommendation.brief_id))
        .where(col(ProposedRecommendation.id) == ask_id, policy.visible_briefs(principal))
    ).first()
    if found is None:
        raise NotFound(f"Proposed recommendation {ask_id} not found.")
    return found


def get_writable_ask(session: Session, principal: Principal, ask_id: int) -> ProposedRecommendation:
    """An ask of the caller's coalitions (404 otherwise), which the caller may change as the brief's
    content; its brief is locked before the ask is read, so the ask's position is the current one."""
    brief_id = session.exec(
        select(ProposedRecommendation.brief_id)
        .join(Brief, col(Brief.id) == col(ProposedRecommendation.brief_id))
        .where(col(ProposedRecommendation.id) == ask_id, policy.member_briefs(principal))
    ).first()
    if brief_id is None:
        raise NotFound(f"Proposed recommendation {ask_id} not found.")
    _writable_brief(session, principal, brief_id)
    ask = session.get(ProposedRecommendation, ask_id)
    if ask is None:  # deleted while this request waited for the brief's lock
        raise NotFound(f"Proposed recommendation {ask_id} not found.")
    return ask


def _writable_brief(session: Session, principal: Principal, brief_id: int) -> Brief:
    """The brief, locked, whose content the caller may change (404 / 403 otherwise)."""
    brief = policy.get_member_brief(session, principal, brief_id, for_update=True)
    policy.require_content_editor(session, principal, brief, policy.require_brief_group(session, principal, brief))
    return brief


def _ordered_asks(session: Session, brief_id: int) -> list[ProposedRecommendation]:
    return asks_of(session, [brief_id])[brief_id]


def _renumber(asks: Sequence[ProposedRecommendation]) -> None:
    for position, ask in enumerate(asks):
        if ask.position != position:
            ask.position = position


def _touch(brief: Brief) -> None:
    brief.updated_at = utcnow()


def create_ask(
    session: Session, principal: Principal, brief_id: int, data: ProposedRecommendationCreate
) -> ProposedRecommendation:
    brief = _writable_brief(session, principal, brief_id)
    asks = _ordered_asks(session, brief_id)
    position = len(asks) if data.position is None else data.position
    if position > len(asks):
        raise InvalidInput(f"The brief has {len(asks)} ask(s): `position` is 0 to {len(asks)}.", field="position")
    ask = ProposedRecommendation(brief_id=brief_id, position=position, text=data.text)
    asks.insert(position, ask)
    _renumber(asks)
    session.add(ask)
    _touch(brief)
    session.flush()
    return ask


def update_ask(
    session: Session, principal: Principal, ask: ProposedRecommendation, data: ProposedRecommendationUpdate
) -> ProposedRecommendation:
    """`ask` comes from `get_writable_ask`."""
    brief = session.get_one(Brief, ask.brief_id)
    changed = False
    if data.text is not None and data.text != ask.text:
        ask.text = data.text
        changed = True
    if data.position is not None and data.position != ask.position:
        asks = _ordered_asks(session, stored_id(brief))
        if data.position >= len(asks):
            raise InvalidInput(
                f"The brief has {len(asks)} ask(s): `position` is 0 to {len(asks) - 1}.", field="position"
            )
        asks.remove(ask)
        asks.insert(data.position, ask)
        _renumber(asks)
        changed = True
    if changed:
        ask.updated_at = utcnow()
        _touch(brief)
    session.flush()
    return ask


def delete_ask(session: Session, principal: Principal, ask_id: int) -> None:
    """The ask and its uptake suggestions; one whose uptake the group confirmed is a 409 (reject it first)."""
    ask = get_writable_ask(session, principal, ask_id)
    matches = list(session.exec(select(UptakeMatch).where(UptakeMatch.proposed_recommendation_id == ask.id)))
    if any(m.status is UptakeStatus.confirmed for m in matches):
        raise AskTakenUp(
            f"Proposed recommendation {ask_id} has confirmed uptake; reject the match before deleting the ask."
        )
    for match in matches:
        session.delete(match)
    session.flush()
    brief = session.get_one(Brief, ask.brief_id)
    session.delete(ask)
    session.flush()
    _renumber(_ordered_asks(session, stored_id(brief)))
    _touch(brief)
    session.flush()
