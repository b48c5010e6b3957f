"""HTTP for progress updates; who sees and who changes them is in `policy`, the writes in the service."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from api.auth.deps import CanPostProgressUpdates, Public
from api.core.pagination import Page
from api.core.types import CleanStr, Day, StateCode, also_checked
from api.db import SessionDep
from api.http.deps import SettingsDep
from api.http.etags import IfMatch, update_with_etag, with_etag
from api.http.pages import PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep
from api.tracking.models import Visibility
from api.tracking.posts import updates_service as service
from api.tracking.posts.locations import set_location
from api.tracking.posts.schemas import (
    ProgressUpdateCreate,
    ProgressUpdateRead,
    ProgressUpdateRevisionRead,
    ProgressUpdateUpdate,
)

router = APIRouter(prefix="/progress-updates", tags=["progress-updates"])


@router.get(
    "",
    response_model=Page[ProgressUpdateRead],
    operation_id="progress_updates.list",
    summary="List Progress Updates",
    responses=error_responses(422),
)
def list_updates(
    session: SessionDep,
    principal: Public,
    page: PageDep,
    state: Annotated[StateCode | None, Query(description="ISO3 code of the state (any case).")] = None,
    recommendation: Annotated[IdQuery, Query(description="Recommendation id.")] = None,
    action: Annotated[IdQuery, Query(description="Action id.")] = None,
    organisation: Annotated[IdQuery, Query(description="Id of the posting organisation.")] = None,
    visibility: Annotated[
        Visibility | None, Query(description="Only updates of this visibility (among those you may see).")
    ] = None,
    q: Annotated[
        CleanStr | None,
        Query(
            min_length=1,
            max_length=200,
            description="Case-insensitive substring of the text.",
            json_schema_extra=also_checked("must not contain NUL characters"),
        ),
    ] = None,
    reported_from: Annotated[Day | None, Query(description="Reported on or after.")] = None,
    reported_to: Annotated[
        Day | None,
        Query(
            description="Reported on or before.",
            json_schema_extra=also_checked("must not be before `reported_from`"),
        ),
    ] = None,
    withdrawn: Annotated[
        bool, Query(description="Only the withdrawn ones (deleted by their poster after others could see them).")
    ] = False,
) -> Page[ProgressUpdateRead]:
    """Ordered by id. Only what you may see: public posts, your state's shared ones, and confidential ones
    if you posted them, are an NHRI of that state, or an admin — in the items and the `total` alike.
    Withdrawn ones only with `withdrawn=true`."""
    return service.list_updates(
        session,
        principal,
        page,
        state_code=state,
        recommendation_id=recommendation,
        action_id=action,
        organisation_id=organisation,
        visibility=visibility,
        q=q,
        reported_from=reported_from,
        reported_to=reported_to,
        withdrawn=withdrawn,
    )


@router.post(
    "",
    response_model=ProgressUpdateRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="progress_updates.create",
    summary="Create Progress Update",
    responses=error_responses(401, 403, 422),
)
def create_update(
    data: ProgressUpdateCreate,
    session: SessionDep,
    principal: CanPostProgressUpdates,
    request: Request,
    response: Response,
    idem: IdempotencyDep,
) -> ProgressUpdateRead:
    """Posted for your organisation about your own state's recommendation or action (admins: any)."""
    update = service.create_update(session, principal, data)
    set_location(request, response, f"/progress-updates/{update.id}")
    return idem.saved(with_etag(response, service.update_read(session, principal, update)), response)


@router.get(
    "/{update_id}",
    response_model=ProgressUpdateRead,
    operation_id="progress_updates.get",
    summary="Get Progress Update",
    responses=error_responses(404, 422),
)
def get_update(update_id: IdPath, session: SessionDep, principal: Public, response: Response) -> ProgressUpdateRead:
    """With the evidence attached that you may see. One you may not see is a 404, as if it did not exist."""
    return with_etag(
        response, service.update_read(session, principal, service.get_update(session, principal, update_id))
    )


@router.get(
    "/{update_id}/revisions",
    response_model=Page[ProgressUpdateRevisionRead],
    operation_id="progress_updates.revisions",
    summary="List Progress Update Revisions",
    responses=error_responses(404, 422),
)
def list_revisions(
    update_id: IdPath, session: SessionDep, principal: Public, page: PageDep
) -> Page[ProgressUpdateRevisionRead]:
    """Oldest first; the last is the current content. A revision whose visibility then was one you may not
    see is left out, even if the update is visible now."""
    return service.list_revisions(session, principal, update_id, page)


@router.patch(
    "/{update_id}",
    response_model=ProgressUpdateRead,
    operation_id="progress_updates.update",
    summary="Correct Progress Update",
    responses=error_responses(401, 403, 404, 409, 412, 422),
)
def update_update(
    update_id: IdPath,
    data: ProgressUpdateUpdate,
    session: SessionDep,
    principal: CanPostProgressUpdates,
    response: Response,
    if_match: IfMatch = None,
) -> ProgressUpdateRead:
    """A correction by the posting organisation (or an admin): appends a revision, keeps the earlier ones.
    A government's update once shared or public is never made less visible (409
    `published-post-stays-visible`); a withdrawn one is not changed (409 `post-withdrawn`)."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_update(session, principal, update_id),
        read=lambda update: service.update_read(session, principal, update),
        change=lambda update: service.change_update(session, principal, update, data),
    )


@router.delete(
    "/{update_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="progress_updates.delete",
    summary="Delete Progress Update",
    responses=error_responses(401, 403, 404, 409, 422),
)
def delete_update(
    update_id: IdPath, session: SessionDep, principal: CanPostProgressUpdates, settings: SettingsDep
) -> None:
    """By the posting organisation (or an admin): withdrawn (kept, out of lists, still readable by id with
    its revisions), or erased with its revisions and evidence (files too) when confidential
    (a government's once shared or public is withdrawn). Withdrawn already: erased when deleted by a CSO
    or NHRI that posted it, or by an admin; a government's withdrawn update stays (409 `post-withdrawn`)."""
    service.delete_update(session, principal, update_id, settings.evidence_dir)
