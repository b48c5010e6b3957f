"""Every router of the advocacy workspace, in the order the document lists them."""

from fastapi import APIRouter

from api.advocacy.briefs.router import routers as brief_routers
from api.advocacy.coalitions.router import routers as coalition_routers
from api.advocacy.incidents.router import routers as incident_routers
from api.advocacy.outreach.router import routers as outreach_routers
from api.advocacy.targets.router import routers as target_routers
from api.advocacy.uptake.router import routers as uptake_routers

routers: list[APIRouter] = [
    *coalition_routers,
    *brief_routers,
    *target_routers,
    *outreach_routers,
    *uptake_routers,
    *incident_routers,
]
