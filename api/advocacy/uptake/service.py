"""Uptake matches: which recommendations actually made carry a brief's asks.

Suggestions come from text similarity (`matching`); the working group confirms or rejects them, and
may confirm a match the algorithm missed. Everything here is the coalition's, even for a published
brief: rows are reached through `policy.member_briefs` in SQL, so another organisation's caller gets
the 404 a missing id gets. Writing (recomputing, deciding, adding) is for the brief's working group
and the coalition's leads (`policy.require_group_member`).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlmodel import Session, col, select

from api.advocacy.briefs.asks_service import asks_of
from api.advocacy.models import Brief, ProposedRecommendation, UptakeMatch, UptakeStatus
from api.advocacy.policy import get_member_brief, member_briefs, require_brief_group
from api.advocacy.uptake import matching
from api.advocacy.uptake.schemas import (
    UptakeDecision,
    UptakeMatchCreate,
    UptakeMatchRead,
    UptakeSuggestions,
)
from api.auth.principal import Principal
from api.auth.refs import organisation_refs
from api.core.errors import Conflict, InvalidInput, NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.recommendations.models import Recommendation, RecommendingState


class UptakeMatchExists(Conflict):
    slug, title = "uptake-match-exists", "The ask and the recommendation are matched already"


def member_ask_ids(principal: Principal) -> Any:
    """The asks of the caller's coalitions' briefs, whatever the brief's status (a subquery)."""
    return (
        select(ProposedRecommendation.id)
        .join(Brief, col(Brief.id) == col(ProposedRecommendation.brief_id))
        .where(member_briefs(principal))
    )


def recommending_states(session: Session, recommendation_ids: Iterable[int]) -> dict[int, list[str]]:
    wanted = sorted(set(recommendation_ids))
    states: dict[int, list[str]] = defaultdict(list)
    if wanted:
        for rec_id, code in session.exec(
            select(RecommendingState.recommendation_id, RecommendingState.state_code)
            .where(col(RecommendingState.recommendation_id).in_(wanted))
            .order_by(col(RecommendingState.recommendation_id), col(RecommendingState.state_code))
        ):
            states[rec_id].append(code)
    return states


def match_reads(session: Session, principal: Principal, matches: Sequence[UptakeMatch]) -> list[UptakeMatchRead]:
    """Read shapes for a page of matches, in a fixed number of queries."""
    ask_ids = sorted({m.proposed_recommendation_id for m in matches})
    rec_ids = sorted({m.recommendation_id for m in matches})
    asks = (
        {
            stored_id(a): a
            for a in session.exec(select(ProposedRecommendation).where(col(ProposedRecommendation.id).in_(ask_ids)))
        }
        if ask_ids
        else {}
    )
    recs = (
        {stored_id(r): r for r in session.exec(select(Recommendation).where(col(Recommendation.id).in_(rec_ids)))}
        if rec_ids
        else {}
    )
    orgs = organisation_refs(session, principal, (m.decided_by_organisation_id for m in matches))
    states = recommending_states(session, rec_ids)
    reads = []
    for m in matches:
        ask, rec = asks[m.proposed_recommendation_id], recs[m.recommendation_id]
        reads.append(
            UptakeMatchRead(
                id=stored_id(m),
                brief_id=ask.brief_id,
                proposed_recommendation_id=stored_id(ask),
                proposed_recommendation_text=ask.text,
                recommendation_id=stored_id(rec),
                recommendation_paragraph=rec.paragraph,
                recommendation_text=rec.text,
                recommending_states=states.get(stored_id(rec), []),
                current_position=rec.current_position,
                similarity=m.similarity,
                status=m.status,
                decided_by=orgs.get(m.decided_by_organisation_id) if m.decided_by_organisation_id is not None else None,
                decided_at=m.decided_at,
                created_at=m.created_at,
            )
        )
    return reads


def match_read(session: Session, principal: Principal, match: UptakeMatch) -> UptakeMatchRead:
    return match_reads(session, principal, [match])[0]


def _brief_matches(session: Session, brief: Brief) -> list[UptakeMatch]:
    """Every match of the brief's asks: by the ask's order in the brief, then best first."""
    return list(
        session.exec(
            select(UptakeMatch)
            .join(ProposedRecommendation, col(ProposedRecommendation.id) == col(UptakeMatch.proposed_recommendation_id))
            .where(ProposedRecommendation.brief_id == brief.id)
            .order_by(
                col(ProposedRecommendation.position),
                col(ProposedRecommendation.id),
                col(UptakeMatch.similarity).desc(),
                col(UptakeMatch.id),
            )
        )
    )


def recompute_suggestions(session: Session, principal: Principal, brief_id: int) -> UptakeSuggestions:
    """The brief's suggestions computed again against its review's recommendations: a suggestion that
    still qualifies keeps its id (its score updated), one that no longer does is removed, new ones are
    added. Confirmed and rejected matches are never touched, nor suggested again."""
    brief = get_member_brief(session, principal, brief_id, for_update=True)
    require_brief_group(session, principal, brief)
    asks = asks_of(session, [brief_id])[brief_id]
    existing = _brief_matches(session, brief)
    decided: dict[int, set[int]] = defaultdict(set)
    suggested: dict[tuple[int, int], UptakeMatch] = {}
    for m in existing:
        if m.status is UptakeStatus.suggested:
            suggested[(m.proposed_recommendation_id, m.recommendation_id)] = m
        else:
            decided[m.proposed_recommendation_id].add(m.recommendation_id)
    recommendations = {
        rec_id: text
        for rec_id, text in session.exec(
            select(Recommendation.id, Recommendation.text).where(Recommendation.review_id == brief.review_id)
        )
        if rec_id is not None
    }
    found = matching.suggest({stored_id(a): a.text for a in asks}, recommendations, exclude=decided)
    added = removed = 0
    keep: set[tuple[int, int]] = set()
    for ask_id, suggestions in found.items():
        for s in suggestions:
            pair = (ask_id, s.recommendation_id)
            keep.add(pair)
            row = suggested.get(pair)
            if row is None:
                session.add(
                    UptakeMatch(
                        proposed_recommendation_id=ask_id,
                        recommendation_id=s.recommendation_id,
                        similarity=s.similarity,
                    )
                )
                added += 1
            elif row.similarity != s.similarity:
                row.similarity = s.similarity
                session.add(row)
    for pair, row in suggested.items():
        if pair not in keep:
            session.delete(row)
            removed += 1
    session.flush()
    return UptakeSuggestions(
        brief_id=stored_id(brief),
        threshold=matching.THRESHOLD,
        top_n=matching.TOP_N,
        added=added,
        removed=removed,
        matches=match_reads(session, principal, _brief_matches(session, brief)),
    )


def list_matches(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    brief_id: int | None = None,
    status: UptakeStatus | None = None,
    ask_id: int | None = None,
) -> Page[UptakeMatchRead]:
    """The matches of the caller's coalitions' asks, ordered by id."""
    stmt = select(UptakeMatch).where(col(UptakeMatch.proposed_recommendation_id).in_(member_ask_ids(principal)))
    if brief_id is not None:
        stmt = stmt.where(
            col(UptakeMatch.proposed_recommendation_id).in_(
                select(ProposedRecommendation.id).where(ProposedRecommendation.brief_id == brief_id)
            )
        )
    if status is not None:
        stmt = stmt.where(UptakeMatch.status == status)
    if ask_id is not None:
        stmt = stmt.where(UptakeMatch.proposed_recommendation_id == ask_id)
    page = paginate(session, stmt, params, [Sort(UptakeMatch.id)])
    return Page[Any](items=match_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor)


def _match_stmt(principal: Principal, match_id: int) -> Any:
    return select(UptakeMatch).where(
        UptakeMatch.id == match_id, col(UptakeMatch.proposed_recommendation_id).in_(member_ask_ids(principal))
    )


def get_match(session: Session, principal: Principal, match_id: int) -> UptakeMatch:
    match = session.exec(_match_stmt(principal, match_id)).first()
    if match is None:
        raise NotFound(f"Uptake match {match_id} not found.")
    return match


def _ask_brief(session: Session, match: UptakeMatch) -> Brief:
    ask = session.get_one(ProposedRecommendation, match.proposed_recommendation_id)
    return session.get_one(Brief, ask.brief_id)


def get_writable_match(session: Session, principal: Principal, match_id: int) -> UptakeMatch:
    """The match, locked for the write: 404 outside the caller's coalitions, 403 outside the brief's group."""
    match = session.exec(_match_stmt(principal, match_id).with_for_update()).first()
    if match is None:
        raise NotFound(f"Uptake match {match_id} not found.")
    require_brief_group(session, principal, _ask_brief(session, match))
    return match


def _decide(principal: Principal, match: UptakeMatch, status: UptakeStatus) -> None:
    match.status = status
    match.decided_by_organisation_id = principal.organisation_id
    match.decided_at = utcnow()


def decide(session: Session, principal: Principal, match: UptakeMatch, data: UptakeDecision) -> UptakeMatch:
    """Confirm or reject; deciding again (either way) records the new decider and time."""
    _decide(principal, match, UptakeStatus(data.status))
    session.add(match)
    session.flush()
    return match


def create_match(session: Session, principal: Principal, data: UptakeMatchCreate) -> UptakeMatch:
    """A match the algorithm missed, confirmed at once. The ask must be one of the caller's coalitions'
    (404 otherwise, alike for a missing and another coalition's, as every create of the workspace naming a
    row), the recommendation one of the brief's review (422). A pair already matched is a 409: decide it
    with PATCH."""
    ask = session.exec(
        select(ProposedRecommendation).where(
            ProposedRecommendation.id == data.proposed_recommendation_id,
            col(ProposedRecommendation.id).in_(member_ask_ids(principal)),
        )
    ).first()
    if ask is None:
        raise NotFound(f"Proposed recommendation {data.proposed_recommendation_id} not found.")
    brief = get_member_brief(session, principal, ask.brief_id, for_update=True)  # one match per pair
    require_brief_group(session, principal, brief)
    rec = session.get(Recommendation, data.recommendation_id)
    if rec is None or rec.review_id != brief.review_id:
        raise InvalidInput(
            f"Recommendation {data.recommendation_id} is not a recommendation of the brief's review.",
            field="recommendation_id",
        )
    existing = session.exec(
        select(UptakeMatch).where(
            UptakeMatch.proposed_recommendation_id == ask.id, UptakeMatch.recommendation_id == rec.id
        )
    ).first()
    if existing is not None:
        raise UptakeMatchExists(
            f"Ask {data.proposed_recommendation_id} and recommendation {data.recommendation_id} are match "
            f"{existing.id} ({existing.status}): "
            f"confirm or reject it with PATCH /advocacy/uptake-matches/{existing.id}."
        )
    match = UptakeMatch(proposed_recommendation_id=stored_id(ask), recommendation_id=stored_id(rec), similarity=1.0)
    _decide(principal, match, UptakeStatus.confirmed)
    session.add(match)
    session.flush()
    return match
