"""Targets: the states a working group chooses to approach with a brief, and the suggestions for them.

Suggestions come from the champion finder (`api.recommendations.insights.champions`): who made
recommendations on the brief's themes (the themes under them too), to the brief's state under review
and to others, with how often those were supported. Nothing is counted here; the figures are the
finder's, split and put into words. Targets stay the coalition's even once the brief is published
(`policy.member_targets`).
"""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from api.advocacy import links, policy
from api.advocacy.models import Brief, BriefTarget, BriefTheme, WorkingGroup
from api.advocacy.targets.schemas import (
    TargetCreate,
    TargetRead,
    TargetSuggestion,
    TargetSuggestions,
    TargetUpdate,
    ThemeRef,
)
from api.auth.principal import Principal
from api.core.errors import AlreadyExists, InvalidInput, NotFound
from api.core.pagination import MAX_LIMIT, Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.core.updates import apply_changes
from api.cycle.models import Review, State
from api.recommendations import insights
from api.recommendations.schemas import Champion
from api.taxonomy.models import Theme


class BriefWithoutThemes(InvalidInput):
    slug, title = "brief-without-themes", "The brief has no themes"


class TargetExists(AlreadyExists):
    slug, title = "target-exists", "The state is already a target of the brief"


class TargetIsStateUnderReview(InvalidInput):
    slug, title = "target-is-state-under-review", "The state under review cannot be a target"


# --- suggestions ---------------------------------------------------------------------------------


def target_suggestions(session: Session, principal: Principal, brief_id: int, limit: int) -> TargetSuggestions:
    """Up to `limit` states in each list; the state under review itself is never suggested."""
    brief = policy.get_member_brief(session, principal, brief_id)
    under_review = session.get_one(Review, brief.review_id).state_code
    themes = list(
        session.exec(
            select(Theme)
            .join(BriefTheme, col(BriefTheme.theme_id) == col(Theme.id))
            .where(BriefTheme.brief_id == brief.id)
            .order_by(col(Theme.name), col(Theme.id))
        )
    )
    if not themes:
        raise BriefWithoutThemes(
            f"Brief {brief_id} has no themes: suggestions are the states that made recommendations on the "
            "brief's themes, so give the brief its themes first.",
            field="themes",
        )
    found = [
        c
        for c in _every_champion(session, insights.ChampionFilter(theme=[stored_id(t) for t in themes]))
        if c.code != under_review
    ]
    chosen: dict[str, int] = {
        code: target_id
        for code, target_id in session.exec(
            select(BriefTarget.state_code, BriefTarget.id).where(BriefTarget.brief_id == brief.id)
        )
        if target_id is not None
    }
    state_name = session.get_one(State, under_review).name
    on = _themes_in_words([t.name for t in themes])
    to_this = sorted(
        (c for c in found if c.by_state_under_review.get(under_review, 0)),
        key=lambda c: (-c.by_state_under_review[under_review], -c.recommendations, c.code),
    )
    to_others = [c for c in found if not c.by_state_under_review.get(under_review, 0)]  # the finder's order
    return TargetSuggestions(
        brief_id=brief_id,
        state_under_review=under_review,
        themes=[ThemeRef(id=stored_id(t), name=t.name) for t in themes],
        to_this_state=[_suggestion(c, under_review, state_name, on, chosen) for c in to_this[:limit]],
        to_this_state_total=len(to_this),
        to_others=[_suggestion(c, under_review, state_name, on, chosen) for c in to_others[:limit]],
        to_others_total=len(to_others),
    )


def _every_champion(session: Session, f: insights.ChampionFilter) -> list[Champion]:
    """Every page of the finder (a few hundred states at most), most recommendations first."""
    found: list[Champion] = []
    params = PageParams(limit=MAX_LIMIT)
    while True:
        page = insights.champions(session, params, f)
        found += page.items
        if page.next_cursor is None:
            return found
        params = PageParams(limit=MAX_LIMIT, cursor=page.next_cursor)


def _suggestion(c: Champion, under_review: str, state_name: str, on: str, chosen: dict[str, int]) -> TargetSuggestion:
    here = c.by_state_under_review.get(under_review, 0)
    return TargetSuggestion(
        state_code=c.code,
        state_name=c.name,
        regional_group=c.regional_group,
        recommendations=c.recommendations,
        to_this_state=here,
        to_other_states=c.recommendations - here,
        supported=c.supported,
        supported_in_part=c.supported_in_part,
        noted=c.noted,
        no_position_yet=c.no_position_yet,
        supported_share=c.supported_share,
        latest_cycle=c.latest_cycle,
        reason=reason(c, under_review, state_name, on),
        target_id=chosen.get(c.code),
        already_target=c.code in chosen,
        recommendations_url=c.recommendations_url,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _themes_in_words(names: Sequence[str]) -> str:
    """`A`, `A or B`, `A, B or C`: a recommendation counts when it is on any of them."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def reason(c: Champion, under_review: str, state_name: str, on: str) -> str:
    """ "Made 14 recommendations on Roma rights, 3 of them to Slovenia; 79% supported"."""
    n, here = c.recommendations, c.by_state_under_review.get(under_review, 0)
    if here == n:
        where = f", all to {state_name}" if n > 1 else f", to {state_name}"
    elif here:
        where = f", {here} of them to {state_name}"
    else:
        others = len([code for code in c.by_state_under_review if code != under_review])
        where = f", to {_plural(others, 'other state')}"
    share = f"{int(c.supported_share * 100 + 0.5)}% supported"
    if c.no_position_yet:
        share += f" ({c.no_position_yet} without a position yet)"
    return f"Made {_plural(n, 'recommendation')} on {on}{where}; {share}"


# --- targets -------------------------------------------------------------------------------------


def _coalition_ids(session: Session, brief_ids: Sequence[int]) -> dict[int, int]:
    rows = session.exec(
        select(Brief.id, WorkingGroup.coalition_id)
        .join(WorkingGroup, col(WorkingGroup.id) == col(Brief.working_group_id))
        .where(col(Brief.id).in_(list(brief_ids)))
    )
    return {brief_id: coalition_id for brief_id, coalition_id in rows if brief_id is not None}


def target_reads(session: Session, targets: Sequence[BriefTarget]) -> list[TargetRead]:
    coalitions = _coalition_ids(session, sorted({t.brief_id for t in targets}))
    codes = sorted({t.state_code for t in targets})
    names = dict(session.exec(select(State.code, State.name).where(col(State.code).in_(codes))).all())
    return [
        TargetRead(
            id=stored_id(t),
            brief_id=t.brief_id,
            coalition_id=coalitions[t.brief_id],
            state_code=t.state_code,
            state_name=names[t.state_code],
            reason=t.reason,
            created_at=t.created_at,
            updated_at=t.updated_at,
        )
        for t in targets
    ]


def target_read(session: Session, target: BriefTarget) -> TargetRead:
    return target_reads(session, [target])[0]


def list_targets(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    brief_id: int | None = None,
    coalition_id: int | None = None,
    state_code: str | None = None,
) -> Page[TargetRead]:
    """The targets of the caller's coalitions' briefs, by brief then id."""
    stmt = select(BriefTarget).where(policy.member_targets(principal))
    if brief_id is not None:
        stmt = stmt.where(BriefTarget.brief_id == brief_id)
    if coalition_id is not None:
        stmt = stmt.where(
            col(BriefTarget.brief_id).in_(
                select(Brief.id)
                .join(WorkingGroup, col(WorkingGroup.id) == col(Brief.working_group_id))
                .where(WorkingGroup.coalition_id == coalition_id)
            )
        )
    if state_code is not None:
        stmt = stmt.where(BriefTarget.state_code == state_code.upper())
    page = paginate(session, stmt, params, [Sort(BriefTarget.brief_id), Sort(BriefTarget.id)])
    return Page[Any](items=target_reads(session, page.items), total=page.total, next_cursor=page.next_cursor)


def get_target(session: Session, principal: Principal, target_id: int, *, for_update: bool = False) -> BriefTarget:
    stmt = select(BriefTarget).where(col(BriefTarget.id) == target_id, policy.member_targets(principal))
    target = session.exec(stmt.with_for_update() if for_update else stmt).first()
    if target is None:
        raise NotFound(f"Target {target_id} not found.")
    return target


def get_writable_target(session: Session, principal: Principal, target_id: int) -> BriefTarget:
    """The target, locked for the write: 404 when not the caller's coalition's, 403 when the caller is
    neither in the brief's working group nor a lead of the coalition."""
    target = get_target(session, principal, target_id, for_update=True)
    policy.require_brief_group(session, principal, session.get_one(Brief, target.brief_id))
    return target


def create_target(session: Session, principal: Principal, data: TargetCreate) -> BriefTarget:
    brief = policy.get_member_brief(session, principal, data.brief_id, for_update=True)  # one target per state
    policy.require_brief_group(session, principal, brief)
    links.require_existing_state(session, data.state_code)
    under_review = session.get_one(Review, brief.review_id).state_code
    if data.state_code == under_review:
        raise TargetIsStateUnderReview(
            f"{data.state_code} is the state under review: a state does not recommend to itself.", field="state_code"
        )
    taken = session.exec(
        select(BriefTarget.id).where(BriefTarget.brief_id == brief.id, BriefTarget.state_code == data.state_code)
    ).first()
    if taken is not None:
        raise TargetExists(
            f"{data.state_code} is already a target of brief {brief.id} (target {taken}).", field="state_code"
        )
    target = BriefTarget(brief_id=stored_id(brief), state_code=data.state_code, reason=data.reason)
    session.add(target)
    session.flush()
    return target


def update_target(session: Session, target: BriefTarget, data: TargetUpdate) -> BriefTarget:
    """`target` comes from `get_writable_target`."""
    before = target.reason
    apply_changes(target, data)
    if target.reason != before:
        target.updated_at = utcnow()
        session.add(target)
        session.flush()
    return target


def delete_target(session: Session, principal: Principal, target_id: int) -> None:
    session.delete(get_writable_target(session, principal, target_id))
    session.flush()
