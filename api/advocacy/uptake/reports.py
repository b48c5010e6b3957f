"""Uptake reports and the adoption window: what became of a coalition's asks.

Only confirmed matches count as uptake. The adoption window lists the review's recommendations
grouped by the coalition's brief they are matched to (confirmed matches; suggested ones too on
request), then the review's other recommendations in a last, paged group, each with its current position:
`Recommendation.current_position`, the latest of its position history, null or `pending` until the
state under review answers at the adoption of the outcome. Everything is the coalition's: briefs come
through `policy.member_briefs`, the coalition through `policy.coalition_rows` (404 otherwise).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from api.advocacy.briefs.asks_service import asks_of
from api.advocacy.models import (
    Brief,
    BriefTarget,
    Coalition,
    ProposedRecommendation,
    UptakeMatch,
    UptakeStatus,
    WorkingGroup,
)
from api.advocacy.policy import coalition_rows, get_member_brief, get_visible, member_briefs
from api.advocacy.uptake.schemas import (
    AdoptionWindow,
    AskUptake,
    BriefUptake,
    BriefUptakeTotals,
    StateAsk,
    StateUptake,
    UptakeByState,
    UptakeRecommendation,
    UptakeState,
    WindowBrief,
    WindowRecommendation,
)
from api.advocacy.uptake.service import recommending_states
from api.auth.principal import Principal
from api.core.errors import InvalidInput
from api.core.pagination import PageParams, Sort, paginate
from api.core.rows import stored_id
from api.cycle.models import Review
from api.recommendations.models import PositionKind, Recommendation

NO_POSITION = "none"


def is_pending(position: PositionKind | None) -> bool:
    return position is None or position is PositionKind.pending


def _position_key(position: PositionKind | None) -> str:
    return position.value if position is not None else NO_POSITION


def _matches(
    session: Session, ask_ids: Iterable[int], statuses: Iterable[UptakeStatus]
) -> list[tuple[UptakeMatch, Recommendation]]:
    wanted = sorted(set(ask_ids))
    if not wanted:
        return []
    return [
        (m, r)
        for m, r in session.exec(
            select(UptakeMatch, Recommendation)
            .join(Recommendation, col(Recommendation.id) == col(UptakeMatch.recommendation_id))
            .where(col(UptakeMatch.proposed_recommendation_id).in_(wanted), col(UptakeMatch.status).in_(list(statuses)))
            .order_by(
                col(UptakeMatch.proposed_recommendation_id), col(UptakeMatch.similarity).desc(), col(UptakeMatch.id)
            )
        )
    ]


def _asks_by_id(session: Session, brief_ids: Iterable[int]) -> dict[int, ProposedRecommendation]:
    """The briefs' asks by id, in the briefs' order (brief by brief, each in its asks' order)."""
    by_brief = asks_of(session, list(brief_ids))
    return {stored_id(a): a for brief_id in sorted(by_brief) for a in by_brief[brief_id]}


def _targets(session: Session, brief_ids: Iterable[int]) -> dict[int, set[str]]:
    wanted = sorted(set(brief_ids))
    out: dict[int, set[str]] = defaultdict(set)
    if wanted:
        for brief_id, code in session.exec(
            select(BriefTarget.brief_id, BriefTarget.state_code).where(col(BriefTarget.brief_id).in_(wanted))
        ):
            out[brief_id].add(code)
    return out


def _uptake_recommendation(
    match: UptakeMatch, rec: Recommendation, states: list[str], targeted: set[str]
) -> UptakeRecommendation:
    return UptakeRecommendation(
        match_id=stored_id(match),
        match_status=match.status,
        recommendation_id=stored_id(rec),
        paragraph=rec.paragraph,
        text=rec.text,
        current_position=rec.current_position,
        recommending_states=[UptakeState(state_code=s, targeted=s in targeted) for s in states],
    )


def brief_uptake(session: Session, principal: Principal, brief_id: int) -> BriefUptake:
    """Per ask: taken up or not, by which states (each flagged a target of this brief or not), with
    each carrying recommendation's current position; totals."""
    brief = get_member_brief(session, principal, brief_id)
    bid = stored_id(brief)
    asks = asks_of(session, [bid])[bid]
    targeted = _targets(session, [bid]).get(bid, set())
    matched = _matches(session, [stored_id(a) for a in asks], [UptakeStatus.confirmed])
    states = recommending_states(session, [stored_id(r) for _, r in matched])
    by_ask: dict[int, list[tuple[UptakeMatch, Recommendation]]] = defaultdict(list)
    for m, r in matched:
        by_ask[m.proposed_recommendation_id].append((m, r))
    out_asks = []
    all_states: set[str] = set()
    positions: dict[int, PositionKind | None] = {}
    for ask in asks:
        recs = [_uptake_recommendation(m, r, states.get(stored_id(r), []), targeted) for m, r in by_ask[stored_id(ask)]]
        ask_states = sorted({s for _, r in by_ask[stored_id(ask)] for s in states.get(stored_id(r), [])})
        all_states.update(ask_states)
        positions.update({stored_id(r): r.current_position for _, r in by_ask[stored_id(ask)]})
        out_asks.append(
            AskUptake(
                proposed_recommendation_id=stored_id(ask),
                position=ask.position,
                text=ask.text,
                taken_up=bool(recs),
                recommendations=recs,
                states=[UptakeState(state_code=s, targeted=s in targeted) for s in ask_states],
            )
        )
    totals = BriefUptakeTotals(
        asks=len(asks),
        taken_up=sum(1 for a in out_asks if a.taken_up),
        recommendations=len(positions),
        states=len(all_states),
        targeted_states=len(targeted),
        targeted_states_taking_up=len(all_states & targeted),
        untargeted_states_taking_up=len(all_states - targeted),
        by_position=dict(sorted(Counter(_position_key(p) for p in positions.values()).items())),
    )
    return BriefUptake(
        brief_id=bid,
        title=brief.title,
        review_id=brief.review_id,
        targets=sorted(targeted),
        asks=out_asks,
        totals=totals,
    )


def _coalition_briefs(session: Session, principal: Principal, coalition_id: int, review_id: int) -> list[Brief]:
    """The coalition's briefs on the review (404 when the coalition is not the caller's; 422 for an
    unknown review)."""
    get_visible(session, Coalition, coalition_id, coalition_rows(principal), "Coalition")
    if session.get(Review, review_id) is None:
        raise InvalidInput(f"Review {review_id} does not exist.", field="review")
    return list(
        session.exec(
            select(Brief)
            .join(WorkingGroup, col(WorkingGroup.id) == col(Brief.working_group_id))
            .where(WorkingGroup.coalition_id == coalition_id, Brief.review_id == review_id, member_briefs(principal))
            .order_by(col(Brief.id))
        )
    )


def uptake_by_state(session: Session, principal: Principal, coalition_id: int, review_id: int) -> UptakeByState:
    """Per recommending state that took up an ask of the coalition's briefs on the review: the asks,
    whether any brief targeted it, the positions; then the targets that took up nothing."""
    briefs = _coalition_briefs(session, principal, coalition_id, review_id)
    brief_ids = [stored_id(b) for b in briefs]
    asks = _asks_by_id(session, brief_ids)
    targets = _targets(session, brief_ids)
    targeted_by: dict[str, list[int]] = defaultdict(list)
    for brief_id in brief_ids:
        for code in sorted(targets.get(brief_id, set())):
            targeted_by[code].append(brief_id)
    matched = _matches(session, asks, [UptakeStatus.confirmed])
    states = recommending_states(session, [stored_id(r) for _, r in matched])
    per_state: dict[str, dict[int, list[tuple[UptakeMatch, Recommendation]]]] = defaultdict(lambda: defaultdict(list))
    for m, r in matched:
        for code in states.get(stored_id(r), []):
            per_state[code][m.proposed_recommendation_id].append((m, r))
    out = []
    for code in sorted(per_state, key=lambda c: (-len(per_state[c]), c)):
        state_asks = []
        positions: dict[int, PositionKind | None] = {}
        for ask_id in sorted(per_state[code], key=lambda i: (asks[i].brief_id, asks[i].position, i)):
            ask = asks[ask_id]
            targeted = targets.get(ask.brief_id, set())
            pairs = per_state[code][ask_id]
            positions.update({stored_id(r): r.current_position for _, r in pairs})
            state_asks.append(
                StateAsk(
                    proposed_recommendation_id=ask_id,
                    brief_id=ask.brief_id,
                    text=ask.text,
                    recommendations=[
                        _uptake_recommendation(m, r, states.get(stored_id(r), []), targeted) for m, r in pairs
                    ],
                )
            )
        out.append(_state_uptake(code, targeted_by, state_asks, positions))
    for code in sorted(set(targeted_by) - set(per_state)):
        out.append(_state_uptake(code, targeted_by, [], {}))
    return UptakeByState(coalition_id=coalition_id, review_id=review_id, states=out)


def _state_uptake(
    code: str, targeted_by: dict[str, list[int]], asks: list[StateAsk], positions: dict[int, Any]
) -> StateUptake:
    return StateUptake(
        state_code=code,
        targeted=code in targeted_by,
        targeted_by_briefs=targeted_by.get(code, []),
        asks=asks,
        by_position=dict(sorted(Counter(_position_key(p) for p in positions.values()).items())),
    )


def adoption_window(
    session: Session,
    principal: Principal,
    coalition_id: int,
    review_id: int,
    *,
    include_suggested: bool = False,
    pending_only: bool = False,
    unmatched: PageParams | None = None,
) -> AdoptionWindow:
    """The review's recommendations grouped by the coalition's brief they are matched to, each with its
    current position and whether it is still pending; then the group of the review's other
    recommendations (`brief_id` null). `pending_only` keeps the pending ones in every group.

    The answer stays bounded: a brief group holds only its asks' matches (a handful per ask), but the
    last group may hold most of a review (hundreds of recommendations), so it alone is paged with the
    project's keyset helper — `unmatched.limit` at a time, by id (the order they were recorded, a
    matrix's own order for an import), a `next_cursor` for the rest; its `total` and `pending` count
    every page. A page is better than a cap: the rest stays reachable."""
    briefs = _coalition_briefs(session, principal, coalition_id, review_id)
    asks = _asks_by_id(session, [stored_id(b) for b in briefs])
    statuses = [UptakeStatus.confirmed, UptakeStatus.suggested] if include_suggested else [UptakeStatus.confirmed]
    matched = _matches(session, asks, statuses)
    states = recommending_states(session, [stored_id(r) for _, r in matched])
    per_brief: dict[int, dict[int, tuple[Recommendation, list[int], bool]]] = defaultdict(dict)
    for m, r in matched:
        brief_id = asks[m.proposed_recommendation_id].brief_id
        rec, ask_ids, confirmed = per_brief[brief_id].get(stored_id(r), (r, [], False))
        per_brief[brief_id][stored_id(r)] = (
            rec,
            [*ask_ids, m.proposed_recommendation_id],
            confirmed or m.status is UptakeStatus.confirmed,
        )
    out = []
    pending_ids: set[int] = set()
    for brief in briefs:
        recs = []
        for rec_id in sorted(per_brief.get(stored_id(brief), {}), key=_paragraph_order(per_brief[stored_id(brief)])):
            rec, ask_ids, confirmed = per_brief[stored_id(brief)][rec_id]
            pending = is_pending(rec.current_position)
            if pending_only and not pending:
                continue
            if pending:
                pending_ids.add(rec_id)
            recs.append(
                WindowRecommendation(
                    recommendation_id=rec_id,
                    paragraph=rec.paragraph,
                    text=rec.text,
                    recommending_states=states.get(rec_id, []),
                    current_position=rec.current_position,
                    pending=pending,
                    asks=sorted(set(ask_ids)),
                    match_status=UptakeStatus.confirmed if confirmed else UptakeStatus.suggested,
                )
            )
        out.append(
            WindowBrief(
                brief_id=stored_id(brief),
                title=brief.title,
                pending=sum(1 for r in recs if r.pending),
                total=len(recs),
                next_cursor=None,
                recommendations=recs,
            )
        )
    matched_ids = {stored_id(r) for _, r in matched}
    rest = _unmatched_group(session, review_id, matched_ids, pending_only, unmatched or PageParams())
    out.append(rest)
    return AdoptionWindow(
        coalition_id=coalition_id,
        review_id=review_id,
        include_suggested=include_suggested,
        pending_only=pending_only,
        pending=len(pending_ids) + rest.pending,
        matched_pending=len(pending_ids),
        briefs=out,
    )


def _pending_clause() -> Any:
    position = col(Recommendation.current_position)
    return or_(position.is_(None), position == PositionKind.pending)


def _unmatched_group(
    session: Session, review_id: int, matched_ids: set[int], pending_only: bool, params: PageParams
) -> WindowBrief:
    """The review's recommendations matched (with the statuses counted) to none of the coalition's
    briefs — a rejected match does not count — one page of them, with the group's counts."""
    stmt = select(Recommendation).where(Recommendation.review_id == review_id)
    if matched_ids:
        stmt = stmt.where(col(Recommendation.id).not_in(sorted(matched_ids)))
    if pending_only:
        stmt = stmt.where(_pending_clause())
    try:
        page = paginate(session, stmt, params, [Sort(Recommendation.id)])
    except InvalidInput as bad:
        raise InvalidInput(bad.detail, field="unmatched_cursor") from None
    pending = page.total if pending_only else session.scalar(_count(stmt.where(_pending_clause()))) or 0
    recs: list[Recommendation] = page.items
    states = recommending_states(session, [stored_id(r) for r in recs])
    return WindowBrief(
        brief_id=None,
        title=None,
        pending=pending,
        total=page.total,
        next_cursor=page.next_cursor,
        recommendations=[
            WindowRecommendation(
                recommendation_id=stored_id(r),
                paragraph=r.paragraph,
                text=r.text,
                recommending_states=states.get(stored_id(r), []),
                current_position=r.current_position,
                pending=is_pending(r.current_position),
                asks=[],
                match_status=None,
            )
            for r in recs
        ],
    )


def _count(stmt: Any) -> Any:
    return select(func.count()).select_from(stmt.order_by(None).subquery())


def _paragraph_order(recs: dict[int, tuple[Recommendation, list[int], bool]]) -> Any:
    """By paragraph number (`121.9` before `121.10`), then id; recommendations without one last."""

    def key(rec_id: int) -> tuple[int, tuple[int, ...], int]:
        paragraph = recs[rec_id][0].paragraph
        parts = tuple(int(p) for p in paragraph.split(".") if p.isdigit()) if paragraph else ()
        return (0 if parts else 1, parts, rec_id)

    return key
