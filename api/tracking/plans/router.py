"""HTTP for the plan: actions, indicators, measurements, milestones."""

from fastapi import APIRouter

routers: list[APIRouter] = []
