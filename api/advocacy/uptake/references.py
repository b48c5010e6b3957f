"""What uptake matches do to deletes of the recommendations they name.

A coalition's confirmed match says which recommendation carried its ask: deleting the recommendation
(or forcing the deletion of its review) would delete or orphan the group's decision, so it is refused
with a 409, as for tracking's rows. A suggested match (the algorithm's guess) or a rejected one (the
group said it is not its ask) records nothing the recommendation's deletion takes from anyone: it goes
with the recommendation, row by row through the ORM so the audit log keeps each.

Registered with `api.recommendations.policy` as a delete guard (the recommendations side never imports
advocacy). The guard runs before the recommendation's own rows are deleted, in the same transaction: when
it finds no confirmed match it deletes the others, and when any guard refuses, the request rolls back.
"""

from sqlalchemy import exists
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from api.advocacy.models import UptakeMatch, UptakeStatus
from api.recommendations.policy import register_delete_guard


def uptake_referrers(session: Session, recommendation_ids: Select | list[int]) -> str | None:
    """Refuses while a confirmed match names one of the recommendations; otherwise deletes their
    suggested and rejected matches and lets the delete go on."""
    of_them = col(UptakeMatch.recommendation_id).in_(recommendation_ids)
    confirmed = session.scalar(select(exists().where(of_them, col(UptakeMatch.status) == UptakeStatus.confirmed)))
    if confirmed:
        return "Advocacy coalitions' confirmed uptake matches refer to {what}"
    for match in session.exec(select(UptakeMatch).where(of_them)).all():
        session.delete(match)
    session.flush()
    return None


def register() -> None:
    register_delete_guard(uptake_referrers)
