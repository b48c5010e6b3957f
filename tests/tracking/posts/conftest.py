from tests.tracking.posts.helpers import frozen_today  # noqa: F401 (fixture)
