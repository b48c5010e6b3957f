"""HTTP for the aggregates over published recommendations: review summaries and champion states."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.auth.deps import Public
from api.core.pagination import Page
from api.core.types import MAX_ID
from api.cycle.models import RegionalGroup
from api.db import SessionDep
from api.http.pages import PageDep
from api.http.params import IdPath
from api.http.problems import error_responses
from api.recommendations import insights
from api.recommendations.schemas import Champion, ReviewSummary

router = APIRouter(tags=["insights"])
routers: list[APIRouter] = [router]


@router.get(
    "/reviews/{review_id}/summary",
    response_model=ReviewSummary,
    operation_id="insights.review_summary",
    responses=error_responses(404, 422),
)
def review_summary(review_id: IdPath, session: SessionDep, _: Public) -> ReviewSummary:
    """A review's recommendations counted by current position, theme, recommending state and its region."""
    return insights.review_summary(session, review_id)


@router.get(
    "/champions", response_model=Page[Champion], operation_id="insights.champions", responses=error_responses(422)
)
def champions(
    session: SessionDep,
    _: Public,
    page: PageDep,
    theme: Annotated[int, Query(ge=1, le=MAX_ID, description="Theme id (see `/themes`).")],
    region: Annotated[RegionalGroup | None, Query(description="Regional group of the recommending state.")] = None,
    since_cycle: Annotated[
        int | None, Query(ge=1, le=99, description="Only recommendations from this cycle on.")
    ] = None,
) -> Page[Champion]:
    """The states that made recommendations on a theme, across cycles: how many, to whom, and how often the
    state under review supported them — the states a civil-society organisation may lobby. Most active first."""
    return insights.champions(session, page, theme_id=theme, region=region, since_cycle=since_cycle)
