"""The rule the plan and the posts share: what an organisation posts (a measurement, a progress
update, an assessment, evidence) is posted for that organisation, and only that organisation (its
users and service tokens) or an admin changes or withdraws it.

`plans/policy.py` (measurements) and `posts/policy.py` (posts) apply it; it lives here, below both,
so neither sub-package imports the other for it.
"""

from typing import Protocol

from api.auth.principal import Principal
from api.core.errors import Forbidden


class NotThePoster(Forbidden):
    slug, title = "not-the-poster", "Not the poster"


class NoPostingOrganisation(Forbidden):
    slug, title = "no-posting-organisation", "No organisation to post for"


class Posted(Protocol):
    @property
    def organisation_id(self) -> int: ...


def require_poster(principal: Principal, row: Posted, entity: str) -> None:
    """403 `not-the-poster` unless the caller's organisation posted `row` (or the caller is an admin)."""
    if not principal.is_admin and row.organisation_id != principal.organisation_id:
        raise NotThePoster(f"Only the organisation that posted this {entity} (or an admin) may change it.")


def posting_organisation(principal: Principal) -> int:
    """The organisation a new entry is posted for: the caller's (403 when its credentials have none)."""
    if principal.organisation_id is None:
        raise NoPostingOrganisation("Posts are made on behalf of an organisation; your credentials have none.")
    return principal.organisation_id
