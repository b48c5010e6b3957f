"""Measurements of an indicator, posted by the state's government or NHRI (admins any).

A measurement is its poster's data: who posts and who corrects or withdraws one is the plan's rule
(`policy.require_measurement_post`, `policy.require_measurement_change`). Reads are public and show
the poster under its public name. A withdrawn measurement is kept, out of the list, read by id and in
its history (`history`); corrections are in its history too.
"""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from api.auth.models import Organisation
from api.auth.principal import Principal
from api.core.clock import not_in_future
from api.core.errors import NotFound
from api.core.pagination import Page, PageParams, Sort, paginate
from api.tracking.models import Measurement
from api.tracking.plans import history
from api.tracking.plans.edits import patch
from api.tracking.plans.indicators_service import get_indicator
from api.tracking.plans.policy import require_current, require_measurement_change, require_measurement_post
from api.tracking.plans.schemas import MeasurementCreate, MeasurementRead, MeasurementUpdate
from api.tracking.policy import posting_organisation
from api.tracking.rows import stored_id
from api.tracking.schemas import organisation_ref


def measurement_reads(
    session: Session, principal: Principal, measurements: Sequence[Measurement]
) -> list[MeasurementRead]:
    org_ids = sorted({m.organisation_id for m in measurements})
    organisations = {
        stored_id(o): o for o in session.exec(select(Organisation).where(col(Organisation.id).in_(org_ids)))
    }
    return [
        MeasurementRead(
            id=stored_id(m),
            indicator_id=m.indicator_id,
            value=m.value,
            measured_on=m.measured_on,
            source=m.source,
            note=m.note,
            created_at=m.created_at,
            posted_by=organisation_ref(principal, organisations[m.organisation_id]),
            withdrawn_at=m.withdrawn_at,
        )
        for m in measurements
    ]


def measurement_read(session: Session, principal: Principal, measurement: Measurement) -> MeasurementRead:
    return measurement_reads(session, principal, [measurement])[0]


def list_measurements(
    session: Session, principal: Principal, indicator_id: int, params: PageParams
) -> Page[MeasurementRead]:
    """Newest first: by the date measured, then the latest posted. Withdrawn ones are left out."""
    indicator = get_indicator(session, indicator_id)
    stmt = select(Measurement).where(Measurement.indicator_id == indicator.id, col(Measurement.withdrawn_at).is_(None))
    page = paginate(
        session,
        stmt,
        params,
        [
            Sort(Measurement.measured_on, descending=True),
            Sort(Measurement.created_at, descending=True),
            Sort(Measurement.id, descending=True),
        ],
    )
    return Page[Any](
        items=measurement_reads(session, principal, page.items), total=page.total, next_cursor=page.next_cursor
    )


def get_measurement(
    session: Session, indicator_id: int, measurement_id: int, *, for_update: bool = False
) -> Measurement:
    get_indicator(session, indicator_id)
    measurement = session.get(Measurement, measurement_id, with_for_update=for_update)
    if measurement is None or measurement.indicator_id != indicator_id:
        raise NotFound.entity("Measurement", measurement_id)
    return measurement


def get_writable_measurement(
    session: Session, principal: Principal, indicator_id: int, measurement_id: int
) -> Measurement:
    """Locked for the write: 404 when missing, 403 when the caller may not change it, 409 when it or its
    indicator was withdrawn."""
    measurement = get_measurement(session, indicator_id, measurement_id, for_update=True)
    indicator = get_indicator(session, indicator_id)
    require_measurement_change(principal, indicator, measurement)
    require_current(indicator, f"indicator {indicator_id}")
    return require_current(measurement, f"measurement {measurement_id}")


def create_measurement(
    session: Session, principal: Principal, indicator_id: int, data: MeasurementCreate
) -> Measurement:
    indicator = get_indicator(session, indicator_id)
    require_measurement_post(principal, indicator)
    require_current(indicator, f"indicator {indicator_id}")
    not_in_future(data.measured_on, "measured_on")
    measurement = Measurement(
        **data.model_dump(),
        indicator_id=stored_id(indicator),
        organisation_id=posting_organisation(principal),
        posted_by_user_id=principal.user_id,
    )
    session.add(measurement)
    session.flush()
    history.created(session, principal, measurement)
    session.flush()
    return measurement


def update_measurement(
    session: Session, principal: Principal, measurement: Measurement, data: MeasurementUpdate
) -> Measurement:
    """`measurement` comes from `get_writable_measurement`."""
    not_in_future(data.measured_on, "measured_on")
    patch(session, principal, measurement, data)
    session.add(measurement)
    session.flush()
    return measurement


def delete_measurement(session: Session, principal: Principal, indicator_id: int, measurement_id: int) -> None:
    """Withdraws it: kept, out of the list, listed in its history."""
    history.withdraw(session, principal, get_writable_measurement(session, principal, indicator_id, measurement_id))
    session.flush()
