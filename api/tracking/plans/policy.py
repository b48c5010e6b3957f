"""The plan's row rules: who writes the plan, who posts and changes a measurement, which plan rows
are archived, and what a delete does when others' data refers to a row.

- **Plan writes**: a government writes its own state's plan (actions, indicators, milestones); admins
  any. Plan rows are public, so another state's row is a 403 `plan-not-own-state`, never a 404.
- **Measurements**: the government and the NHRI of the indicator's state post them (403
  `measurement-not-own-state` otherwise); only the posting organisation or an admin changes or
  withdraws one (403 `not-the-poster`, the rule posts share: `api/tracking/policy.py`).
- **Delete when others refer to a row**: an action that posts (progress updates about it, evidence on
  its milestones) or other organisations' measurements refer to is archived instead of deleted; so is
  a milestone with evidence. Whether such posts exist must not show (some may be confidential to the
  caller), so an archived row answers exactly as a deleted one: gone from every read (`not_archived`,
  `live_indicator`, `live_row`), a 404 by id, a 422 when named in a body. An indicator with other
  organisations' measurements (public, so saying so reveals nothing) is refused instead: 409
  `indicator-has-others-measurements`. A recommendation tracking refers to is never deleted
  (`api/tracking/references.py`, a guard registered with `api.recommendations.policy`).

What "overdue" means is in `overdue.py`.
"""

from typing import TypeVar

from sqlalchemy import exists, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden
from api.tracking.models import Action, Evidence, Indicator, Measurement, Milestone, ProgressUpdate
from api.tracking.policy import require_poster

Archivable = TypeVar("Archivable", Action, Milestone)


class PlanNotOwnState(Forbidden):
    slug, title = "plan-not-own-state", "Not your state's plan"


class MeasurementNotOwnState(Forbidden):
    slug, title = "measurement-not-own-state", "Not your state's indicator"


class IndicatorHasOthersMeasurements(Conflict):
    slug, title = "indicator-has-others-measurements", "Other organisations' measurements"


# --- who writes ----------------------------------------------------------------------------------


def require_plan_write(principal: Principal, state_code: str, what: str) -> None:
    """403 `plan-not-own-state` unless the caller may change `state_code`'s plan."""
    if not principal.may(Permission.implementation_write, state_code=state_code):
        raise PlanNotOwnState(
            f"You may change the plan of {principal.state_code or 'your own state'} only "
            f"({what} belongs to {state_code})."
        )


def require_measurement_post(principal: Principal, indicator: Indicator) -> None:
    """Indicators are public, so another state's is a 403, not a 404."""
    if not principal.may(Permission.measurements_post, state_code=indicator.state_code):
        raise MeasurementNotOwnState(
            f"You may post measurements for indicators of {principal.state_code or 'your own state'} "
            f"only (indicator {indicator.id} belongs to {indicator.state_code})."
        )


def require_measurement_change(principal: Principal, indicator: Indicator, measurement: Measurement) -> None:
    """A correction or a withdrawal: a poster of the indicator's state, and the one that posted it."""
    require_measurement_post(principal, indicator)
    require_poster(principal, measurement, "measurement")


# --- archived rows -------------------------------------------------------------------------------


def not_archived(model: type[Action] | type[Milestone]) -> ColumnElement[bool]:
    """SQL: the action or milestone has not been archived (archiving an action archives its milestones)."""
    return col(model.archived_at).is_(None)


def live_indicator() -> ColumnElement[bool]:
    """SQL: the indicator is not one of an archived action's (indicators have no column of their own)."""
    return or_(
        col(Indicator.action_id).is_(None),
        col(Indicator.action_id).in_(select(Action.id).where(not_archived(Action))),
    )


def live_row(session: Session, model: type[Archivable], row_id: int, *, for_update: bool = False) -> Archivable | None:
    """The action or milestone by id, None when it does not exist or is archived."""
    row = session.get(model, row_id, with_for_update=for_update)
    return row if row is not None and row.archived_at is None else None


# --- what a delete does --------------------------------------------------------------------------


def action_delete_archives(session: Session, principal: Principal, action: Action) -> bool:
    """Whether deleting `action` archives it: any progress update about it or any evidence on its
    milestones, whoever posted it and whether or not the caller can see it, or another organisation's
    measurement on its indicators. Own posts count too, so that what the caller can see afterwards
    never tells the two outcomes apart."""
    milestone_ids = select(Milestone.id).where(Milestone.action_id == action.id)
    indicator_ids = select(Indicator.id).where(Indicator.action_id == action.id)
    return bool(
        session.scalar(
            select(
                or_(
                    exists().where(col(ProgressUpdate.action_id) == action.id),
                    exists().where(col(Evidence.milestone_id).in_(milestone_ids)),
                    exists().where(
                        col(Measurement.indicator_id).in_(indicator_ids),
                        col(Measurement.organisation_id) != principal.organisation_id,
                    ),
                )
            )
        )
    )


def milestone_delete_archives(session: Session, milestone: Milestone) -> bool:
    """Whether deleting `milestone` archives it: any evidence on it (anyone's, visible to the caller or
    not), so the answer never tells the caller that evidence it cannot see exists."""
    return bool(session.scalar(select(exists().where(col(Evidence.milestone_id) == milestone.id))))


def refuse_indicator_delete(session: Session, principal: Principal, indicator: Indicator) -> None:
    """409 `indicator-has-others-measurements` while another organisation's (an NHRI's, say) are on it:
    they are theirs to withdraw. The caller's own go with the indicator."""
    others = exists().where(
        col(Measurement.indicator_id) == indicator.id, col(Measurement.organisation_id) != principal.organisation_id
    )
    if session.scalar(select(others)):
        raise IndicatorHasOthersMeasurements(
            f"Indicator {indicator.id} cannot be deleted: it has measurements posted by other "
            "organisations; they belong to them."
        )
