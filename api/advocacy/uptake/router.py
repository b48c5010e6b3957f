"""HTTP for uptake: matches of asks to the recommendations made, the uptake reports and the adoption
window. The rules are in `service` and `reports`; everything is the coalition's, even for a
published brief."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.advocacy.models import UptakeStatus
from api.advocacy.uptake import reports, service
from api.advocacy.uptake.schemas import (
    AdoptionWindow,
    BriefUptake,
    UptakeByState,
    UptakeDecision,
    UptakeMatchCreate,
    UptakeMatchRead,
    UptakeSuggestions,
)
from api.auth.deps import CanReadAdvocacy, CanWriteAdvocacy
from api.core.pagination import MAX_LIMIT, Page, PageParams
from api.core.types import MAX_ID, also_checked
from api.db import SessionDep
from api.http.etags import RequiredIfMatch, update_with_etag, with_etag
from api.http.pages import CURSOR_PATTERN, PageDep
from api.http.params import IdPath, IdQuery
from api.http.problems import error_responses
from api.idempotency.deps import IdempotencyDep

uptake = APIRouter(prefix="/advocacy", tags=["uptake"])

CoalitionParam = Annotated[int, Query(ge=1, le=MAX_ID, description="The coalition (one you are an active member of).")]
ReviewParam = Annotated[int, Query(ge=1, le=MAX_ID, description="The review the coalition's briefs prepare.")]


@uptake.post(
    "/briefs/{brief_id}/uptake-suggestions",
    response_model=UptakeSuggestions,
    operation_id="uptake.suggest",
    responses=error_responses(401, 403, 404, 422),
)
def suggest(brief_id: IdPath, session: SessionDep, principal: CanWriteAdvocacy) -> UptakeSuggestions:
    """Computes again, by text similarity, which recommendations of the brief's review may carry each
    of its asks: at most `top_n` per ask scoring `threshold` or more, stored as `suggested` matches.
    Confirmed and rejected matches are never touched nor suggested again; earlier suggestions that no
    longer qualify are removed. Answers every match of the brief. For the brief's working group and
    the coalition's leads."""
    return service.recompute_suggestions(session, principal, brief_id)


@uptake.get(
    "/uptake-matches",
    response_model=Page[UptakeMatchRead],
    operation_id="uptake_matches.list",
    responses=error_responses(401, 403, 422),
)
def list_matches(
    session: SessionDep,
    principal: CanReadAdvocacy,
    page: PageDep,
    brief: Annotated[IdQuery, Query(description="Only matches of this brief's asks.")] = None,
    status: Annotated[UptakeStatus | None, Query(description="Only matches with this status.")] = None,
    proposed_recommendation: Annotated[
        IdQuery, Query(description="Only matches of this proposed recommendation (ask).")
    ] = None,
) -> Page[UptakeMatchRead]:
    """The uptake matches of your coalitions' briefs, ordered by id."""
    return service.list_matches(session, principal, page, brief_id=brief, status=status, ask_id=proposed_recommendation)


@uptake.post(
    "/uptake-matches",
    response_model=UptakeMatchRead,
    status_code=status.HTTP_201_CREATED,
    operation_id="uptake_matches.create",
    responses=error_responses(401, 403, 404, 409, 422),
)
def create_match(
    data: UptakeMatchCreate,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    idem: IdempotencyDep,
) -> UptakeMatchRead:
    """A match the suggestions missed, confirmed at once: the recommendation must be one of the ask's
    brief's review. A pair already matched is a 409 (decide it with PATCH). For the brief's working
    group and the coalition's leads."""
    match = service.create_match(session, principal, data)
    return idem.saved(with_etag(response, service.match_read(session, principal, match)), response)


@uptake.get(
    "/uptake-matches/{uptake_match_id}",
    response_model=UptakeMatchRead,
    operation_id="uptake_matches.get",
    responses=error_responses(401, 403, 404, 422),
)
def get_match(
    uptake_match_id: IdPath, session: SessionDep, principal: CanReadAdvocacy, response: Response
) -> UptakeMatchRead:
    """The `ETag` header is what `If-Match` expects on PATCH."""
    match = service.get_match(session, principal, uptake_match_id)
    return with_etag(response, service.match_read(session, principal, match))


@uptake.patch(
    "/uptake-matches/{uptake_match_id}",
    response_model=UptakeMatchRead,
    operation_id="uptake_matches.update",
    responses=error_responses(401, 403, 404, 412, 422, 428),
)
def decide(
    uptake_match_id: IdPath,
    data: UptakeDecision,
    session: SessionDep,
    principal: CanWriteAdvocacy,
    response: Response,
    if_match: RequiredIfMatch,
) -> UptakeMatchRead:
    """Confirms or rejects a match, recording your organisation and the time. Send `If-Match` with the
    ETag you read. For the brief's working group and the coalition's leads."""
    return update_with_etag(
        response,
        if_match,
        load=lambda: service.get_writable_match(session, principal, uptake_match_id),
        read=lambda match: service.match_read(session, principal, match),
        change=lambda match: service.decide(session, principal, match, data),
    )


@uptake.get(
    "/briefs/{brief_id}/uptake",
    response_model=BriefUptake,
    operation_id="uptake.brief_report",
    responses=error_responses(401, 403, 404, 422),
)
def brief_report(brief_id: IdPath, session: SessionDep, principal: CanReadAdvocacy) -> BriefUptake:
    """Per ask of the brief: taken up (a confirmed match) or not, by which recommending states, each
    flagged a target of this brief or not, with each carrying recommendation's current position;
    and totals. Your coalitions' briefs only, published or not."""
    return reports.brief_uptake(session, principal, brief_id)


@uptake.get(
    "/uptake/by-state",
    response_model=UptakeByState,
    operation_id="uptake.by_state",
    responses=error_responses(401, 403, 404, 422),
)
def by_state(
    session: SessionDep,
    principal: CanReadAdvocacy,
    coalition: CoalitionParam,
    review: ReviewParam,
) -> UptakeByState:
    """Per recommending state: the coalition's asks (on the review) it took up, whether any of the
    coalition's briefs targeted it, and the positions of its carrying recommendations; targets that
    took up nothing are listed after them."""
    return reports.uptake_by_state(session, principal, coalition, review)


@uptake.get(
    "/adoption-window",
    response_model=AdoptionWindow,
    operation_id="uptake.adoption_window",
    responses=error_responses(401, 403, 404, 422),
)
def adoption_window(
    session: SessionDep,
    principal: CanReadAdvocacy,
    coalition: CoalitionParam,
    review: ReviewParam,
    include_suggested: Annotated[
        bool, Query(description="Also recommendations only suggested (not yet confirmed) for an ask.")
    ] = False,
    pending_only: Annotated[
        bool, Query(description="Only recommendations still without a final position (none, or `pending`).")
    ] = False,
    unmatched_limit: Annotated[
        int,
        Query(
            ge=1,
            description="Page size of the group not matched to a brief (the only one paged); values above "
            f"{MAX_LIMIT} are clamped.",
        ),
    ] = 50,
    unmatched_cursor: Annotated[
        str | None,
        Query(
            min_length=1,
            pattern=CURSOR_PATTERN,
            description="That group's `next_cursor` from the previous answer with the same filters (any other "
            "value is a 422).",
            json_schema_extra=also_checked("must be a `next_cursor` this route issued for the same filters"),
        ),
    ] = None,
) -> AdoptionWindow:
    """The review's recommendations grouped by the coalition's brief they are matched to, each with its
    current position (null or `pending` until the outcome is adopted) and the count still pending per
    group — what to campaign on until the adoption. The last group (`brief_id` null) holds the review's
    other recommendations; it alone can be long (most of a review), so it is paged (`unmatched_limit`,
    `unmatched_cursor`, by id) while its `total` and `pending` count all its pages."""
    return reports.adoption_window(
        session,
        principal,
        coalition,
        review,
        include_suggested=include_suggested,
        pending_only=pending_only,
        unmatched=PageParams(limit=min(unmatched_limit, MAX_LIMIT), cursor=unmatched_cursor),
    )


routers: list[APIRouter] = [uptake]
