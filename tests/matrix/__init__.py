"""Scenarios for the permission matrix: how to call each route, per domain.

Each domain module exports a dict `(method, path) -> Scenario`; a route missing here fails
`tests/auth/test_permission_matrix.py`.
"""

from tests.matrix.auth import AUTH
from tests.matrix.cycle import CYCLE
from tests.matrix.imports import IMPORTS
from tests.matrix.insights import INSIGHTS
from tests.matrix.recommendations import RECOMMENDATIONS
from tests.matrix.taxonomy import TAXONOMY

SCENARIOS = {**AUTH, **CYCLE, **RECOMMENDATIONS, **TAXONOMY, **INSIGHTS, **IMPORTS}
