"""Scenarios for the permission matrix: how to call each route, per domain.

Each domain module exports a dict `(method, path) -> Scenario`; a route missing here fails
`tests/auth/test_permission_matrix.py`.
"""

from tests.matrix.advocacy_briefs import ADVOCACY_BRIEFS
from tests.matrix.advocacy_coalitions import ADVOCACY_COALITIONS
from tests.matrix.advocacy_incidents import ADVOCACY_INCIDENTS
from tests.matrix.auth import AUTH
from tests.matrix.cycle import CYCLE
from tests.matrix.cycle_consent import CYCLE_CONSENT
from tests.matrix.imports import IMPORTS
from tests.matrix.insights import INSIGHTS
from tests.matrix.recommendations import RECOMMENDATIONS
from tests.matrix.taxonomy import TAXONOMY
from tests.matrix.tracking_overview import TRACKING_OVERVIEW
from tests.matrix.tracking_plans import TRACKING_PLANS
from tests.matrix.tracking_posts import TRACKING_POSTS

SCENARIOS = {
    **AUTH,
    **CYCLE,
    **CYCLE_CONSENT,
    **RECOMMENDATIONS,
    **TAXONOMY,
    **INSIGHTS,
    **IMPORTS,
    **TRACKING_PLANS,
    **TRACKING_POSTS,
    **TRACKING_OVERVIEW,
    **ADVOCACY_COALITIONS,
    **ADVOCACY_BRIEFS,
    **ADVOCACY_INCIDENTS,
}
