"""HTTP for the aggregates over published recommendations: review summaries and champion states."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.auth.deps import Public
from api.core.pagination import Page
from api.core.types import StateCode, also_checked
from api.cycle.models import RegionalGroup
from api.db import SessionDep
from api.http import versioned
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.recommendations import derived, insights
from api.recommendations.router import THEME, VocabularyValue
from api.recommendations.schemas import Champion, ReviewSummary, TagOriginFilter

router = APIRouter(tags=["insights"])
routers: list[APIRouter] = [router]

ANY_OF = " Repeat the parameter for any of several values."


@router.get(
    "/reviews/{review_id}/summary",
    response_model=ReviewSummary,
    operation_id="insights.review_summary",
    responses=error_responses(404, 422),
)
def review_summary(review_id: IdPath, request: Request, session: SessionDep, _: Public) -> Response:
    """A review's recommendations counted by current position, theme, recommending state and its region."""
    return versioned.answer(
        request,
        derived.current_version(session),
        lambda: insights.review_summary(session, review_id).model_dump_json().encode(),
    )


@router.get(
    "/champions", response_model=Page[Champion], operation_id="insights.champions", responses=error_responses(422)
)
def champions(
    request: Request,
    session: SessionDep,
    _: Public,
    page: PageDep,
    theme: Annotated[
        Sequence[VocabularyValue],
        Query(
            json_schema_extra=also_checked("at least one of `theme`, `q` and `state_under_review` must be given"),
            description=THEME + ANY_OF,
        ),
    ] = (),
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Full-text search of the recommendation text, as `q` of `/recommendations` (stemmed "
            "English, every word must occur).",
        ),
    ] = None,
    state_under_review: Annotated[
        Sequence[StateCode],
        Query(
            json_schema_extra=also_checked("must name states this API knows"),
            description="ISO3 code of the state the recommendations were made to, e.g. yours." + ANY_OF,
        ),
    ] = (),
    since_cycle: Annotated[
        int | None,
        Query(
            json_schema_extra=also_checked("must name an existing cycle"),
            ge=1,
            le=99,
            description="Only recommendations from this cycle on.",
        ),
    ] = None,
    region: Annotated[
        Sequence[RegionalGroup], Query(description="UN regional group of the recommending state." + ANY_OF)
    ] = (),
    tag_origin: Annotated[
        TagOriginFilter,
        Query(
            description="Whose themes `theme` matches: `any` (default), `source` (the files' or an API write's) "
            "or `inferred` (the text classifier's)."
        ),
    ] = TagOriginFilter.any,
) -> Response:
    """The states that recommended on a subject, and how the state under review answered them.

    Answers "who recommended on X to my state before, and did we accept it?": the recommending states of
    the recommendations matching every filter given (at least one of `theme`, `q`, `state_under_review`),
    each with how many, to whom, their current positions, the cycles, and a `/recommendations` link
    listing them. Most recommendations first, then by code; unknown themes, codes or cycles are a 422
    naming the parameter."""
    data_version = derived.current_version(session)  # before any filter is read, as `GET /recommendations`
    if (found := versioned.cached(request, data_version)) is not None:
        return found
    filters = insights.ChampionFilter(
        theme=theme,
        q=q,
        state_under_review=state_under_review,
        since_cycle=since_cycle,
        region=region,
        tag_origin=tag_origin.origin,
    )
    # Serialised once here, as `GET /recommendations` does: the items are built and checked by the service.
    return versioned.respond(
        request, data_version, insights.champions(session, page, filters).model_dump_json().encode()
    )
