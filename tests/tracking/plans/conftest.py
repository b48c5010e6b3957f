from tests.tracking.plans.helpers import frozen_today  # noqa: F401 (fixture)
