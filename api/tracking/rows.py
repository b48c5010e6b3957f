"""Primary keys of stored rows: `api.core.rows`, named here for the tracking modules that import it."""

from api.core.rows import stored_id

__all__ = ["stored_id"]
