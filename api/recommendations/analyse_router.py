"""HTTP for `POST /recommendations/analyse`: a draft recommendation's SMART analysis. Public and
rate-limited per client (api/ratelimit); the text is neither stored nor logged, and nothing but the
rate counter is written."""

from typing import Annotated

from fastapi import APIRouter, Depends

from api.auth.deps import Public
from api.db import SessionDep
from api.http.problems import error_responses
from api.ratelimit.deps import rate_limit
from api.recommendations.analyse_schemas import AnalysisRead, AnalysisRequest
from api.recommendations.analyse_service import Classifier, analyse_draft, current_classifier

router = APIRouter(prefix="/recommendations", tags=["recommendations"])
routers: list[APIRouter] = [router]

ANALYSE_SCOPE = "analyse"


def get_classifier(session: SessionDep) -> Classifier | None:
    """The stored classifier, or None (tests override this dependency with a model of their own)."""
    return current_classifier(session)


@router.post(
    "/analyse",
    response_model=AnalysisRead,
    operation_id="recommendations.analyse",
    responses=error_responses(422, 429),
    dependencies=[rate_limit(ANALYSE_SCOPE, lambda settings: settings.analyse_rate_limit_per_minute)],
)
def analyse_recommendation(
    data: AnalysisRequest,
    session: SessionDep,
    _: Public,
    model: Annotated[Classifier | None, Depends(get_classifier)],
) -> AnalysisRead:
    """SMART analysis of a draft recommendation: action, measurable element, time frame, addressee, with the
    words behind each, and the classifier's likely action category, themes and affected persons (English)."""
    return analyse_draft(session, data.text, data.language, model)
