"""Account management's rules: someone must always be able to manage the accounts. Which organisations
a caller sees and under which name is `api.auth.policy`, shared with every domain."""

from sqlmodel import Session, col, select

from api.auth.models import Organisation, User
from api.core.errors import Conflict


class LastAdmin(Conflict):
    slug, title = "last-admin", "Last admin"


def ensure_an_admin_remains(
    session: Session, *, without_user_id: int | None = None, without_organisation_id: int | None = None
) -> None:
    """Refuse (409 `last-admin`) to deactivate or de-admin a user, or to deactivate an organisation,
    when no active admin in an active organisation would be left: only an admin can reactivate
    accounts, so nobody could undo it through the API.

    The admins' rows (and their organisations') are locked, so two admins removing each other at
    the same time cannot both pass the check (PostgreSQL; SQLite writes one at a time anyway)."""
    stmt = (
        select(User.id, User.organisation_id)
        .join(Organisation, col(Organisation.id) == col(User.organisation_id))
        .where(col(User.is_admin), col(User.is_active), col(Organisation.is_active))
        .with_for_update()
    )
    admins = session.exec(stmt).all()
    remaining = [
        (user_id, organisation_id)
        for user_id, organisation_id in admins
        if user_id != without_user_id and organisation_id != without_organisation_id
    ]
    if admins and not remaining:
        what = (
            f"user {without_user_id} is"
            if without_user_id is not None
            else f"organisation {without_organisation_id} holds"
        )
        raise LastAdmin(
            f"Refused: {what} the last active admin, and without one nobody could manage "
            "accounts or undo this. Make another user of an active organisation an admin first."
        )
