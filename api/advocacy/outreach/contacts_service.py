"""Mission contacts: people at permanent missions and embassies, the coalition's only.

Any active member organisation of the coalition reads and writes them (`policy.member_of`); another
coalition's contact is absent from lists and a 404 by id, as a missing one is.
"""

from typing import Any

from sqlmodel import Session, select

from api.advocacy import policy
from api.advocacy.links import require_existing_state
from api.advocacy.models import Coalition, MissionContact, Outreach
from api.advocacy.outreach.schemas import ContactCreate, ContactRead, ContactUpdate
from api.auth.principal import Principal
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.core.updates import apply_changes


def contact_read(contact: MissionContact) -> ContactRead:
    return ContactRead.model_validate(contact, from_attributes=True)


def list_contacts(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    coalition_id: int | None = None,
    state_code: str | None = None,
) -> Page[ContactRead]:
    """The contacts of the caller's coalitions, by state then id."""
    stmt = select(MissionContact).where(policy.member_of(principal, MissionContact.coalition_id))
    if coalition_id is not None:
        stmt = stmt.where(MissionContact.coalition_id == coalition_id)
    if state_code is not None:
        stmt = stmt.where(MissionContact.state_code == state_code.upper())
    page = paginate(session, stmt, params, [Sort(MissionContact.state_code), Sort(MissionContact.id)])
    return Page[Any](items=[contact_read(c) for c in page.items], total=page.total, next_cursor=page.next_cursor)


def get_contact(session: Session, principal: Principal, contact_id: int, *, for_update: bool = False) -> MissionContact:
    """A contact of the caller's coalitions (locked with `for_update`); else a 404."""
    contact: MissionContact = policy.get_visible(
        session,
        MissionContact,
        contact_id,
        policy.member_of(principal, MissionContact.coalition_id),
        "Contact",
        for_update=for_update,
    )
    return contact


def create_contact(session: Session, principal: Principal, data: ContactCreate) -> MissionContact:
    policy.get_visible(session, Coalition, data.coalition_id, policy.coalition_rows(principal), "Coalition")
    require_existing_state(session, data.state_code)
    contact = MissionContact(**data.model_dump())
    session.add(contact)
    session.flush()
    return contact


def update_contact(session: Session, contact: MissionContact, data: ContactUpdate) -> MissionContact:
    """`contact` comes from `get_contact(..., for_update=True)`. Moving it to another state leaves the
    outreach it was met at as recorded, but a contact of one state cannot stay linked to an outreach
    with another: those outreach rows lose the link."""
    if data.state_code is not None:
        require_existing_state(session, data.state_code)
    before = contact_read(contact)
    apply_changes(contact, data)
    if contact_read(contact) != before:
        contact.updated_at = utcnow()
        if contact.state_code != before.state_code:
            _unlink(session, contact, only_other_states=True)
        session.add(contact)
        session.flush()
    return contact


def delete_contact(session: Session, principal: Principal, contact_id: int) -> None:
    """The outreach rows that name the contact keep what happened, without the link (a person may ask to
    be forgotten; the log stays)."""
    contact = get_contact(session, principal, contact_id, for_update=True)
    _unlink(session, contact)
    session.delete(contact)
    session.flush()


def _unlink(session: Session, contact: MissionContact, *, only_other_states: bool = False) -> None:
    stmt = select(Outreach).where(Outreach.contact_id == contact.id)
    if only_other_states:
        stmt = stmt.where(Outreach.state_code != contact.state_code)
    for outreach in session.exec(stmt):
        outreach.contact_id = None
        outreach.updated_at = utcnow()
        session.add(outreach)
    session.flush()
