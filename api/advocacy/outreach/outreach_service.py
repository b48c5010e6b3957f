"""The outreach log: meetings, briefings, e-mails and events with target states, and their follow-ups.

The coalition's only (`policy.member_of`), whichever briefs it presented, published or not. An
outreach names only its own coalition's briefs and contacts (a contact at a mission of the outreach's
state); anything else is a 422 naming the field, worded the same whether the id is another
coalition's or none at all.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Date, Label, func, literal
from sqlmodel import Session, col, select

from api.advocacy import policy
from api.advocacy.dates import not_before_upr
from api.advocacy.links import replace_links, require_existing_state
from api.advocacy.models import Brief, Coalition, MissionContact, Outreach, OutreachBrief, OutreachKind, WorkingGroup
from api.advocacy.outreach.schemas import OutreachCreate, OutreachRead, OutreachUpdate
from api.auth.principal import Principal
from api.core import clock
from api.core.errors import InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.core.updates import apply_changes


def outreach_reads(session: Session, rows: Sequence[Outreach]) -> list[OutreachRead]:
    briefs: dict[int, list[int]] = defaultdict(list)
    for outreach_id, brief_id in session.exec(
        select(OutreachBrief.outreach_id, OutreachBrief.brief_id)
        .where(col(OutreachBrief.outreach_id).in_([o.id for o in rows]))
        .order_by(col(OutreachBrief.outreach_id), col(OutreachBrief.brief_id))
    ):
        briefs[outreach_id].append(brief_id)
    return [
        OutreachRead.model_validate({**o.model_dump(), "briefs": briefs[stored_id(o)]}, from_attributes=True)
        for o in rows
    ]


def outreach_read(session: Session, outreach: Outreach) -> OutreachRead:
    return outreach_reads(session, [outreach])[0]


def _page(session: Session, stmt: Any, params: PageParams, order: list[Sort]) -> Page[OutreachRead]:
    page = paginate(session, stmt, params, order)
    return Page[Any](items=outreach_reads(session, page.items), total=page.total, next_cursor=page.next_cursor)


def list_outreach(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    coalition_id: int | None = None,
    state_code: str | None = None,
    kind: OutreachKind | None = None,
    brief_id: int | None = None,
    held_from: dt.date | None = None,
    held_to: dt.date | None = None,
) -> Page[OutreachRead]:
    """The outreach of the caller's coalitions, latest first."""
    if held_from is not None and held_to is not None and held_to < held_from:
        raise InvalidInput(f"`held_to` ({held_to}) is before `held_from` ({held_from}).", field="held_to")
    stmt = select(Outreach).where(policy.member_of(principal, Outreach.coalition_id))
    if coalition_id is not None:
        stmt = stmt.where(Outreach.coalition_id == coalition_id)
    if state_code is not None:
        stmt = stmt.where(Outreach.state_code == state_code.upper())
    if kind is not None:
        stmt = stmt.where(Outreach.kind == kind)
    if brief_id is not None:
        stmt = stmt.where(
            col(Outreach.id).in_(select(OutreachBrief.outreach_id).where(OutreachBrief.brief_id == brief_id))
        )
    if held_from is not None:
        stmt = stmt.where(col(Outreach.held_on) >= held_from)
    if held_to is not None:
        stmt = stmt.where(col(Outreach.held_on) <= held_to)
    return _page(session, stmt, params, [Sort(Outreach.held_on, descending=True), Sort(Outreach.id, descending=True)])


def follow_ups_due(
    session: Session, principal: Principal, params: PageParams, *, coalition_id: int | None, until: dt.date | None
) -> Page[OutreachRead]:
    """Follow-ups due on or before `until` (today by default) and not done, oldest first. Keyset pages need
    a NOT NULL sort value: the filter leaves no row without a follow-up date, the coalesce tells SQL so."""
    due_on = func.coalesce(col(Outreach.follow_up_on), literal(dt.date.max, Date)).label("due_on")
    ident: Label[int | None] = col(Outreach.id).label("outreach_id")
    stmt = select(Outreach, due_on, ident).where(
        policy.member_of(principal, Outreach.coalition_id),
        col(Outreach.follow_up_on) <= (until or clock.today()),
        col(Outreach.follow_up_done).is_(False),
    )
    if coalition_id is not None:
        stmt = stmt.where(Outreach.coalition_id == coalition_id)
    page = paginate(session, stmt, params, [Sort(due_on), Sort(ident)], rows=True)
    items = outreach_reads(session, [row[0] for row in page.items])
    return Page[Any](items=items, total=page.total, next_cursor=page.next_cursor)


def get_outreach(session: Session, principal: Principal, outreach_id: int, *, for_update: bool = False) -> Outreach:
    """An outreach of the caller's coalitions (locked with `for_update`); else a 404."""
    outreach: Outreach = policy.get_visible(
        session,
        Outreach,
        outreach_id,
        policy.member_of(principal, Outreach.coalition_id),
        "Outreach",
        for_update=for_update,
    )
    return outreach


def _check_briefs(session: Session, coalition_id: int, brief_ids: Sequence[int]) -> None:
    if not brief_ids:
        return
    own = set(
        session.exec(
            select(Brief.id)
            .join(WorkingGroup, col(WorkingGroup.id) == col(Brief.working_group_id))
            .where(col(Brief.id).in_(list(brief_ids)), WorkingGroup.coalition_id == coalition_id)
        )
    )
    if foreign := [i for i in brief_ids if i not in own]:
        raise InvalidInput(f"Not a brief of coalition {coalition_id}: {', '.join(map(str, foreign))}.", field="briefs")


def _check_contact(session: Session, coalition_id: int, state_code: str, contact_id: int | None) -> None:
    if contact_id is None:
        return
    contact = session.get(MissionContact, contact_id)
    if contact is None or contact.coalition_id != coalition_id:
        raise InvalidInput(f"Contact {contact_id} is not a contact of coalition {coalition_id}.", field="contact_id")
    if contact.state_code != state_code:
        raise InvalidInput(
            f"Contact {contact_id} is at a mission of {contact.state_code}, not of {state_code}.", field="contact_id"
        )


def _check_dates(held_on: dt.date, follow_up_on: dt.date | None) -> None:
    not_before_upr(held_on, "held_on")
    not_before_upr(follow_up_on, "follow_up_on")
    clock.not_in_future(held_on, "held_on")
    if follow_up_on is not None and follow_up_on < held_on:
        raise InvalidInput(f"`follow_up_on` ({follow_up_on}) is before `held_on` ({held_on}).", field="follow_up_on")


def create_outreach(session: Session, principal: Principal, data: OutreachCreate) -> Outreach:
    policy.get_visible(session, Coalition, data.coalition_id, policy.coalition_rows(principal), "Coalition")
    require_existing_state(session, data.state_code)
    _check_dates(data.held_on, data.follow_up_on)
    _check_briefs(session, data.coalition_id, data.briefs)
    _check_contact(session, data.coalition_id, data.state_code, data.contact_id)
    outreach = Outreach(**data.model_dump(exclude={"briefs"}))
    session.add(outreach)
    session.flush()
    replace_links(session, OutreachBrief, "outreach_id", stored_id(outreach), "brief_id", data.briefs)
    session.flush()
    return outreach


def _after(row: Outreach, data: OutreachUpdate, field: str) -> Any:
    return getattr(data, field) if field in data.model_fields_set else getattr(row, field)


def update_outreach(session: Session, outreach: Outreach, data: OutreachUpdate) -> Outreach:
    """`outreach` comes from `get_outreach(..., for_update=True)`. Each rule is checked on the values the
    row will have, so a partial update is judged as a create is. `held_on` is checked against today
    only when it changes (an outreach held long ago may still get its follow-up marked done)."""
    state_code = _after(outreach, data, "state_code")
    if "state_code" in data.model_fields_set:
        require_existing_state(session, state_code)
    held_on, follow_up_on = _after(outreach, data, "held_on"), _after(outreach, data, "follow_up_on")
    if "held_on" in data.model_fields_set:
        not_before_upr(held_on, "held_on")
        clock.not_in_future(held_on, "held_on")
    if "follow_up_on" in data.model_fields_set:
        not_before_upr(follow_up_on, "follow_up_on")
    if follow_up_on is not None and follow_up_on < held_on:
        raise InvalidInput(f"`follow_up_on` ({follow_up_on}) is before `held_on` ({held_on}).", field="follow_up_on")
    if data.briefs is not None:
        _check_briefs(session, outreach.coalition_id, data.briefs)
    if {"state_code", "contact_id"} & data.model_fields_set:
        _check_contact(session, outreach.coalition_id, state_code, _after(outreach, data, "contact_id"))
    before = outreach_read(session, outreach)
    apply_changes(outreach, data, exclude={"briefs"})
    if data.briefs is not None:
        replace_links(session, OutreachBrief, "outreach_id", stored_id(outreach), "brief_id", data.briefs)
    session.flush()
    if outreach_read(session, outreach) != before:
        outreach.updated_at = utcnow()
        session.add(outreach)
        session.flush()
    return outreach


def delete_outreach(session: Session, principal: Principal, outreach_id: int) -> None:
    outreach = get_outreach(session, principal, outreach_id, for_update=True)
    for link in session.exec(select(OutreachBrief).where(OutreachBrief.outreach_id == outreach.id)):
        session.delete(link)
    session.flush()
    session.delete(outreach)
    session.flush()
