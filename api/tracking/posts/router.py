"""HTTP for what organisations post: progress updates, assessments, evidence."""

from fastapi import APIRouter

from api.tracking.posts.assessments_router import by_recommendation
from api.tracking.posts.assessments_router import router as assessments
from api.tracking.posts.evidence_router import router as evidence
from api.tracking.posts.updates_router import router as updates

routers: list[APIRouter] = [updates, assessments, by_recommendation, evidence]
