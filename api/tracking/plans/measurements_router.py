"""HTTP for an indicator's measurements; the rules are in `measurements_service`."""

from fastapi import APIRouter, Response, status

from api.auth.deps import CanPostMeasurements, Public
from api.core.pagination import Page
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.tracking.plans import measurements_service as service
from api.tracking.plans.schemas import MeasurementCreate, MeasurementRead, MeasurementUpdate

measurements = APIRouter(prefix="/indicators/{indicator_id}/measurements", tags=["measurements"])


@measurements.get(
    "", response_model=Page[MeasurementRead], operation_id="measurements.list", responses=error_responses(404, 422)
)
def list_measurements(
    indicator_id: IdPath, session: SessionDep, principal: Public, page: PageDep
) -> Page[MeasurementRead]:
    """Newest first (by the date measured, then the latest posted)."""
    return service.list_measurements(session, principal, indicator_id, page)


@measurements.post(
    "",
    response_model=MeasurementRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="measurements.create",
    responses=error_responses(401, 403, 404, 409, 422),
)
def create_measurement(
    indicator_id: IdPath,
    data: MeasurementCreate,
    session: SessionDep,
    principal: CanPostMeasurements,
    response: Response,
    idem: IdempotencyDep,
) -> MeasurementRead:
    """The government and the NHRI of the indicator's state post (admins: any), as their organisation."""
    measurement = service.create_measurement(session, principal, indicator_id, data)
    return idem.saved(with_etag(response, service.measurement_read(session, principal, measurement)), response)


@measurements.get(
    "/{measurement_id}",
    response_model=MeasurementRead,
    operation_id="measurements.get",
    responses=error_responses(404, 422),
)
def get_measurement(
    indicator_id: IdPath, measurement_id: IdPath, session: SessionDep, principal: Public, response: Response
) -> MeasurementRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    measurement = service.get_measurement(session, indicator_id, measurement_id)
    return with_etag(response, service.measurement_read(session, principal, measurement))


@measurements.patch(
    "/{measurement_id}",
    response_model=MeasurementRead,
    operation_id="measurements.update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_measurement(
    indicator_id: IdPath,
    measurement_id: IdPath,
    data: MeasurementUpdate,
    session: SessionDep,
    principal: CanPostMeasurements,
    response: Response,
    if_match: RequiredIfMatch,
) -> MeasurementRead:
    """Only the organisation that posted it (or an admin) corrects a measurement."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_measurement(session, principal, indicator_id, measurement_id),
        read=lambda measurement: service.measurement_read(session, principal, measurement),
        change=lambda measurement: service.update_measurement(session, principal, measurement, data),
    )


@measurements.delete(
    "/{measurement_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="measurements.delete",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_measurement(
    indicator_id: IdPath, measurement_id: IdPath, session: SessionDep, principal: CanPostMeasurements
) -> None:
    """Only the organisation that posted it (or an admin) withdraws a measurement."""
    service.delete_measurement(session, principal, indicator_id, measurement_id)
