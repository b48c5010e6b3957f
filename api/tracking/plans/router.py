"""HTTP for the plan: actions, indicators, measurements, milestones, and their public history."""

from fastapi import APIRouter

from api.tracking.plans.actions_router import actions
from api.tracking.plans.history_router import history
from api.tracking.plans.indicators_router import indicators
from api.tracking.plans.measurements_router import measurements
from api.tracking.plans.milestones_router import milestones

routers: list[APIRouter] = [actions, indicators, measurements, milestones, history]
