"""HTTP for what organisations post: progress updates, assessments, evidence."""

from fastapi import APIRouter

routers: list[APIRouter] = []
