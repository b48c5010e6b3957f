"""The earliest day the advocacy workspace records: nothing it logs happened before the UPR began.

The UPR's first session (April 2008) was prepared from 2006, so reprisal incidents (`occurred_on`, also a
CHECK on the table) and the outreach log (`held_on`, `follow_up_on`) refuse earlier days.
"""

import datetime as dt

from api.core.errors import InvalidInput

UPR_START = dt.date(2006, 1, 1)

# How the schemas' `also_checked` notes word the floor.
NOT_BEFORE_UPR = f"nor before {UPR_START.isoformat()} (when the UPR began)"


def not_before_upr(value: dt.date | None, field: str) -> None:
    """A 422 naming `field` when `value` is before `UPR_START` (None: nothing to check)."""
    if value is not None and value < UPR_START:
        raise InvalidInput(
            f"`{field}` ({value.isoformat()}) is before {UPR_START.isoformat()}, when the UPR began.", field=field
        )
