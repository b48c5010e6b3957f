"""Reprisal incidents: what an organisation records about the reprisals it faces for its UPR work.

An incident is its organisation's and admins' (`policy.visible_incidents`, in SQL: absent from lists
and totals, a 404 by id), and also the NHRI's of the incident's state while the organisation shares
it; only the recording organisation (or an admin) changes or deletes it. Beyond that, only the
anonymised counts per state and year (`incident_counts`) are read, by the NHRI and UN bodies of the
state (and admins), for their reports.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, case, cast, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from api.advocacy.dates import not_before_upr
from api.advocacy.incidents.schemas import (
    IncidentCount,
    IncidentCounts,
    IncidentCreate,
    IncidentRead,
    IncidentUpdate,
)
from api.advocacy.models import IncidentKind, ReprisalIncident
from api.advocacy.policy import (
    active_cso_or_nhri,
    counted_incidents,
    get_visible,
    require_own_incident,
    visible_incidents,
)
from api.auth.models import Organisation
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.auth.refs import organisation_refs
from api.core import clock
from api.core.errors import Forbidden, InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.core.updates import apply_changes

# The fewest recording organisations a shown cell holds. A state-year where one or two organisations
# recorded incidents is where a reader who knows the few organisations that engaged with that review could
# tell who was targeted, and the state responsible would learn that its target recorded it: such a cell is
# listed (so reports know incidents happened) with its figures withheld. The minimum counts organisations,
# not incidents: one organisation recording three incidents is still one organisation to point at. Each
# cell is a whole state-year and no totals across cells are given, so withheld figures cannot be recovered
# by subtracting one answer from another; and the caller's own organisation's incidents are left out of
# the cells it is shown, so recording (then deleting) incidents of its own never moves its view.
MINIMUM_SHOWN = 3


class NotOwnOrganisation(Forbidden):
    slug, title = "not-own-organisation", "Not the caller's organisation"


def incident_reads(session: Session, principal: Principal, incidents: Sequence[ReprisalIncident]) -> list[IncidentRead]:
    """Read shapes for a page, the organisations loaded in one query and named as this caller may see them."""
    organisations = organisation_refs(session, principal, (i.organisation_id for i in incidents))
    return [
        IncidentRead(
            id=stored_id(incident),
            organisation=organisations[incident.organisation_id],
            state_code=incident.state_code,
            occurred_on=incident.occurred_on,
            kind=incident.kind,
            description=incident.description,
            reported_to_un=incident.reported_to_un,
            shared_with_nhri=incident.shared_with_nhri,
            created_at=incident.created_at,
            updated_at=incident.updated_at,
        )
        for incident in incidents
    ]


def incident_read(session: Session, principal: Principal, incident: ReprisalIncident) -> IncidentRead:
    return incident_reads(session, principal, [incident])[0]


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def list_incidents(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    state_code: str | None = None,
    year: int | None = None,
    kind: IncidentKind | None = None,
    shared: bool | None = None,
    reported_to_un: bool | None = None,
) -> Page[IncidentRead]:
    """The incidents the caller may see, latest first."""
    stmt = select(ReprisalIncident).where(visible_incidents(principal))
    if state_code is not None:
        stmt = stmt.where(ReprisalIncident.state_code == state_code.upper())
    if year is not None:
        first, last = _year_range(year)
        stmt = stmt.where(col(ReprisalIncident.occurred_on) >= first, col(ReprisalIncident.occurred_on) <= last)
    if kind is not None:
        stmt = stmt.where(ReprisalIncident.kind == kind)
    if shared is not None:
        stmt = stmt.where(col(ReprisalIncident.shared_with_nhri).is_(shared))
    if reported_to_un is not None:
        stmt = stmt.where(col(ReprisalIncident.reported_to_un).is_(reported_to_un))
    page = paginate(
        session,
        stmt,
        params,
        [Sort(ReprisalIncident.occurred_on, descending=True), Sort(ReprisalIncident.id, descending=True)],
    )
    return Page[Any](
        items=incident_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_incident(
    session: Session, principal: Principal, incident_id: int, *, for_update: bool = False
) -> ReprisalIncident:
    """An incident the caller may see; else a 404 identical to a missing id."""
    incident: ReprisalIncident = get_visible(
        session, ReprisalIncident, incident_id, visible_incidents(principal), "Reprisal incident", for_update=for_update
    )
    return incident


def get_writable_incident(session: Session, principal: Principal, incident_id: int) -> ReprisalIncident:
    """Locked for the write: 404 when not visible, 403 for the NHRI it is shared with."""
    incident = get_incident(session, principal, incident_id, for_update=True)
    require_own_incident(principal, incident)
    return incident


def _check_occurred_on(value: dt.date) -> None:
    clock.not_in_future(value, "occurred_on")
    not_before_upr(value, "occurred_on")


def _recording_organisation(session: Session, principal: Principal, organisation_id: int | None) -> Organisation:
    """The caller's own organisation, or for an admin the one named (required)."""
    if organisation_id is None:
        if principal.is_admin or principal.organisation_id is None:
            raise InvalidInput(
                "Name the organisation the incident happened to (`organisation_id`).", field="organisation_id"
            )
        organisation_id = principal.organisation_id
    if not principal.may(Permission.reprisal_incidents_write, organisation_id=organisation_id):
        raise NotOwnOrganisation("An organisation records its own incidents (admins may record one for it).")
    organisation = session.get(Organisation, organisation_id)
    if organisation is None or not active_cso_or_nhri(organisation):
        raise InvalidInput(f"Organisation {organisation_id} is not an active CSO or NHRI.", field="organisation_id")
    return organisation


def create_incident(session: Session, principal: Principal, data: IncidentCreate) -> ReprisalIncident:
    organisation = _recording_organisation(session, principal, data.organisation_id)
    _check_occurred_on(data.occurred_on)
    incident = ReprisalIncident(
        organisation_id=stored_id(organisation),
        state_code=organisation.state_code,
        occurred_on=data.occurred_on,
        kind=data.kind,
        description=data.description,
        reported_to_un=data.reported_to_un,
        shared_with_nhri=data.shared_with_nhri,
    )
    session.add(incident)
    session.flush()
    return incident


def update_incident(session: Session, incident: ReprisalIncident, data: IncidentUpdate) -> ReprisalIncident:
    """`incident` comes from `get_writable_incident`; `updated_at` moves only when a value changes."""
    if data.occurred_on is not None:
        _check_occurred_on(data.occurred_on)
    before = {field: getattr(incident, field) for field in data.model_fields_set}
    changes = apply_changes(incident, data)
    if any(before[field] != value for field, value in changes.items()):
        incident.updated_at = utcnow()
        session.add(incident)
        session.flush()
    return incident


def delete_incident(session: Session, principal: Principal, incident_id: int) -> None:
    session.delete(get_writable_incident(session, principal, incident_id))
    session.flush()


def incident_counts(
    session: Session,
    principal: Principal,
    *,
    state_code: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> IncidentCounts:
    """Per state and year, the incidents the caller may count (`policy.counted_incidents`; shared or not, the
    counts name nobody); a cell where fewer than `MINIMUM_SHOWN` organisations recorded incidents has its
    figures withheld (see `MINIMUM_SHOWN`)."""
    if year_from is not None and year_to is not None and year_to < year_from:
        raise InvalidInput(f"`year_to` ({year_to}) is before `year_from` ({year_from}).", field="year_to")
    year = cast(func.extract("year", col(ReprisalIncident.occurred_on)), Integer)
    stmt = sa_select(  # five columns: more than sqlmodel's `select` types
        col(ReprisalIncident.state_code),
        year,
        func.count(),
        func.count(col(ReprisalIncident.organisation_id).distinct()),
        func.sum(case((col(ReprisalIncident.reported_to_un).is_(True), 1), else_=0)),
    ).where(counted_incidents(principal))
    if state_code is not None:
        stmt = stmt.where(col(ReprisalIncident.state_code) == state_code.upper())
    if year_from is not None:
        stmt = stmt.where(col(ReprisalIncident.occurred_on) >= _year_range(year_from)[0])
    if year_to is not None:
        stmt = stmt.where(col(ReprisalIncident.occurred_on) <= _year_range(year_to)[1])
    stmt = stmt.group_by(col(ReprisalIncident.state_code), year).order_by(col(ReprisalIncident.state_code), year)
    items = []
    for state, in_year, count, organisations, reported in session.execute(stmt):
        shown = organisations >= MINIMUM_SHOWN
        items.append(
            IncidentCount(
                state_code=state,
                year=int(in_year),
                count=count if shown else None,
                reported_to_un=int(reported or 0) if shown else None,
                fewer_than_minimum=not shown,
            )
        )
    return IncidentCounts(minimum_shown=MINIMUM_SHOWN, items=items)
