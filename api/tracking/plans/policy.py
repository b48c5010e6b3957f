"""The plan's row rules: who writes the plan, who posts and changes a measurement, which plan rows
are current, withdrawn or hidden, and what a delete does.

- **Plan writes**: a government writes its own state's plan (actions, indicators, milestones); admins
  any. Plan rows are public, so another state's row is a 403 `plan-not-own-state`, never a 404.
- **Measurements**: the government and the NHRI of the indicator's state post them (403
  `measurement-not-own-state` otherwise); only the posting organisation or an admin changes or
  withdraws one (403 `not-the-poster`, the rule posts share: `api/tracking/policy.py`).
- **Delete withdraws, never erases** (issue 14): a deleted action, indicator, milestone or measurement
  keeps its row with `withdrawn_at` set (an action's milestones and indicators with it) and a
  `withdrawn` entry in its public history (`history.py`). A withdrawn row is out of every current
  view, list, count and the overdue list (`not_archived`, `live_indicator`, `live_row`), a 422 when
  named in a body, but still read by id (with `withdrawn_at`) and by its history: those who hold the
  government to account see what left the plan. Changing it again is a 409 `plan-row-withdrawn`.
  As every delete withdraws, whatever refers to the row, the outcome tells nothing about posts the
  caller cannot see. An indicator with other organisations' measurements (public, so saying so
  reveals nothing) is refused instead: 409 `indicator-has-others-measurements`, as they are theirs.
  A recommendation tracking refers to is never deleted (`api/tracking/references.py`).
- **Archived rows** (`archived_at`): actions and milestones deleted before issue 14 while posts
  referred to them. They were promised to answer as deleted ones (showing them now would betray
  which had hidden posts), so they stay hidden everywhere, history included: a 404 by id.

What "overdue" means is in `overdue.py`.
"""

from typing import TypeVar

from sqlalchemy import and_, exists, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden
from api.tracking.models import Action, Indicator, Measurement, Milestone
from api.tracking.policy import require_poster

Archivable = TypeVar("Archivable", Action, Milestone)


class PlanNotOwnState(Forbidden):
    slug, title = "plan-not-own-state", "Not your state's plan"


class MeasurementNotOwnState(Forbidden):
    slug, title = "measurement-not-own-state", "Not your state's indicator"


class IndicatorHasOthersMeasurements(Conflict):
    slug, title = "indicator-has-others-measurements", "Other organisations' measurements"


class PlanRowWithdrawn(Conflict):
    slug, title = "plan-row-withdrawn", "Withdrawn from the plan"


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


# --- current, withdrawn and hidden rows --------------------------------------------------------

Planned = TypeVar("Planned", Action, Indicator, Milestone, Measurement)


def not_archived(model: type[Action] | type[Milestone]) -> ColumnElement[bool]:
    """SQL: the action or milestone is current: neither withdrawn nor archived (the name predates
    withdrawal; withdrawing or archiving an action does the same to its milestones)."""
    return and_(col(model.archived_at).is_(None), col(model.withdrawn_at).is_(None))


def live_indicator() -> ColumnElement[bool]:
    """SQL: the indicator is current: not withdrawn, and not one of an archived action's."""
    return and_(
        col(Indicator.withdrawn_at).is_(None),
        or_(
            col(Indicator.action_id).is_(None),
            col(Indicator.action_id).in_(select(Action.id).where(not_archived(Action))),
        ),
    )


def withdrawn_row(model: type[Action] | type[Milestone]) -> ColumnElement[bool]:
    """SQL: the action or milestone was withdrawn (and is not archived, which stays hidden)."""
    return and_(col(model.archived_at).is_(None), col(model.withdrawn_at).is_not(None))


def shown_indicator() -> ColumnElement[bool]:
    """SQL: the indicator is shown by id (current or withdrawn): not one of an archived action's."""
    return or_(
        col(Indicator.action_id).is_(None),
        col(Indicator.action_id).in_(select(Action.id).where(col(Action.archived_at).is_(None))),
    )


def withdrawn_indicator() -> ColumnElement[bool]:
    """SQL: the indicator was withdrawn (and is not one of an archived action's)."""
    return and_(col(Indicator.withdrawn_at).is_not(None), shown_indicator())


def live_row(session: Session, model: type[Archivable], row_id: int, *, for_update: bool = False) -> Archivable | None:
    """The current action or milestone by id (what a new row may attach to), None otherwise."""
    row = session.get(model, row_id, with_for_update=for_update)
    return row if row is not None and row.archived_at is None and row.withdrawn_at is None else None


def shown_row(session: Session, model: type[Archivable], row_id: int, *, for_update: bool = False) -> Archivable | None:
    """The action or milestone a read by id shows: current or withdrawn; None when missing or archived."""
    row = session.get(model, row_id, with_for_update=for_update)
    return row if row is not None and row.archived_at is None else None


def require_current(row: Planned, what: str) -> Planned:
    """409 `plan-row-withdrawn` for a change to a withdrawn row: its history ends with the withdrawal."""
    if row.withdrawn_at is not None:
        raise PlanRowWithdrawn(f"{what[:1].upper()}{what[1:]} was withdrawn on {row.withdrawn_at:%Y-%m-%d}.")
    return row


# --- what a delete does --------------------------------------------------------------------------


def refuse_indicator_delete(session: Session, principal: Principal, indicator: Indicator) -> None:
    """409 `indicator-has-others-measurements` while another organisation's (an NHRI's, say) are on it:
    they are theirs to withdraw (withdrawn ones no longer count). The caller's own stay, under the
    withdrawn indicator."""
    others = exists().where(
        col(Measurement.indicator_id) == indicator.id,
        col(Measurement.organisation_id) != principal.organisation_id,
        col(Measurement.withdrawn_at).is_(None),
    )
    if session.scalar(select(others)):
        raise IndicatorHasOthersMeasurements(
            f"Indicator {indicator.id} cannot be deleted: it has measurements posted by other "
            "organisations; they belong to them."
        )
