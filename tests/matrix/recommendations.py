from tests.matrix.base import Scenario

RECOMMENDATIONS: dict[tuple[str, str], Scenario] = {}
