"""Who may read a post (progress update, assessment, evidence): the confidentiality rule in one place.

- `public`: everyone, anonymous included;
- `shared`: registered users (and service tokens) of the state whose tracker the post is in;
- `confidential`: the posting organisation, the NHRIs of that state, and admins.

The posting organisation always sees its own posts. Reads filter in SQL with `visible_clause`, so a
post the caller may not see is absent from lists, counts, aggregates and exports, and a 404 when
asked for by id (never a 403, which would confirm it exists).
"""

from typing import Any

from sqlalchemy import and_, or_, true
from sqlalchemy.sql.elements import ColumnElement

from api.auth.permissions import Role
from api.auth.principal import Principal
from api.tracking.models import Visibility


def visible_clause(principal: Principal, model: Any) -> ColumnElement[bool]:
    """SQL condition: the caller may read rows of `model` (which has `visibility`, `state_code`,
    `organisation_id`)."""
    if principal.is_admin:
        return true()
    public = model.visibility == Visibility.public
    if principal.is_anonymous or principal.state_code is None:
        return public
    own_state = model.state_code == principal.state_code
    clauses = [public, and_(model.visibility == Visibility.shared, own_state)]
    if principal.organisation_id is not None:
        clauses.append(model.organisation_id == principal.organisation_id)
    if principal.role is Role.nhri:
        clauses.append(and_(model.visibility == Visibility.confidential, own_state))
    return or_(*clauses)


def can_see(principal: Principal, *, visibility: Visibility, state_code: str, organisation_id: int) -> bool:
    """The same rule for one row already loaded."""
    if principal.is_admin or visibility is Visibility.public:
        return True
    if principal.is_anonymous or principal.state_code is None:
        return False
    if principal.organisation_id is not None and organisation_id == principal.organisation_id:
        return True
    own_state = state_code == principal.state_code
    if visibility is Visibility.shared:
        return own_state
    return own_state and principal.role is Role.nhri


def can_see_row(principal: Principal, row: Any) -> bool:
    return can_see(principal, visibility=Visibility(row.visibility), state_code=row.state_code,
                   organisation_id=row.organisation_id)
