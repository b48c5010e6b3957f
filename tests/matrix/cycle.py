from tests.matrix.base import Scenario

CYCLE: dict[tuple[str, str], Scenario] = {}
