"""Measurements of an indicator, posted by the state's government or NHRI (admins any).

A measurement is its poster's data: only the organisation that posted it (or an admin) corrects or
withdraws it. Reads are public and show the poster under its public name.
"""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from api.auth.models import Organisation
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import Forbidden, NotFound
from api.pagination import Page, PageParams, Sort, paginate
from api.tracking.models import Indicator, Measurement
from api.tracking.plans.indicators_service import get_indicator
from api.tracking.plans.rules import not_in_future
from api.tracking.plans.shapes import MeasurementCreate, MeasurementRead, MeasurementUpdate
from api.tracking.shapes import organisation_ref
from api.updates import apply_changes


def measurement_reads(session: Session, principal: Principal, measurements: Sequence[Measurement]
                      ) -> list[MeasurementRead]:
    org_ids = sorted({m.organisation_id for m in measurements})
    organisations = {o.id: o for o in session.exec(select(Organisation).where(Organisation.id.in_(org_ids)))}
    return [MeasurementRead(id=m.id, indicator_id=m.indicator_id, value=m.value, measured_on=m.measured_on,
                            source=m.source, note=m.note, created_at=m.created_at,
                            posted_by=organisation_ref(principal, organisations[m.organisation_id]))
            for m in measurements]


def measurement_read(session: Session, principal: Principal, measurement: Measurement) -> MeasurementRead:
    return measurement_reads(session, principal, [measurement])[0]


def list_measurements(session: Session, principal: Principal, indicator_id: int, params: PageParams
                      ) -> Page[MeasurementRead]:
    """Newest first: by the date measured, then the latest posted."""
    indicator = get_indicator(session, indicator_id)
    stmt = select(Measurement).where(Measurement.indicator_id == indicator.id)
    page = paginate(session, stmt, params, [Sort(Measurement.measured_on, descending=True),
                                            Sort(Measurement.id, descending=True)])
    return Page[Any](items=measurement_reads(session, principal, page.items), total=page.total,
                     next_cursor=page.next_cursor)


def get_measurement(session: Session, indicator_id: int, measurement_id: int, *, for_update: bool = False
                    ) -> Measurement:
    get_indicator(session, indicator_id)
    measurement = session.get(Measurement, measurement_id, with_for_update=for_update)
    if measurement is None or measurement.indicator_id != indicator_id:
        raise NotFound.entity("Measurement", measurement_id)
    return measurement


def _require_post(principal: Principal, indicator: Indicator) -> None:
    """Indicators are public, so another state's is a 403, not a 404."""
    if not principal.may(Permission.measurements_post, state_code=indicator.state_code):
        raise Forbidden(f"You may post measurements for indicators of {principal.state_code or 'your own state'} "
                        f"only (indicator {indicator.id} belongs to {indicator.state_code}).")


def writable_measurement(session: Session, principal: Principal, indicator_id: int, measurement_id: int
                         ) -> Measurement:
    measurement = get_measurement(session, indicator_id, measurement_id, for_update=True)
    _require_post(principal, get_indicator(session, indicator_id))
    if not principal.is_admin and measurement.organisation_id != principal.organisation_id:
        raise Forbidden("Only the organisation that posted a measurement (or an admin) may change or delete it.")
    return measurement


def create_measurement(session: Session, principal: Principal, indicator_id: int, data: MeasurementCreate
                       ) -> Measurement:
    indicator = get_indicator(session, indicator_id)
    _require_post(principal, indicator)
    not_in_future(data.measured_on, "measured_on")
    measurement = Measurement(**data.model_dump(), indicator_id=indicator.id,
                              organisation_id=principal.organisation_id, posted_by_user_id=principal.user_id)
    session.add(measurement)
    session.flush()
    return measurement


def update_measurement(session: Session, principal: Principal, measurement: Measurement, data: MeasurementUpdate
                       ) -> Measurement:
    """`measurement` comes from `writable_measurement`."""
    not_in_future(data.measured_on, "measured_on")
    apply_changes(measurement, data)
    session.add(measurement)
    session.flush()
    return measurement


def delete_measurement(session: Session, principal: Principal, indicator_id: int, measurement_id: int) -> None:
    session.delete(writable_measurement(session, principal, indicator_id, measurement_id))
    session.flush()
