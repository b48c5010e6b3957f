"""An indicator's latest value and its progress toward target: computed from measurements on read,
never stored (a stored copy would drift from the measurements it summarises)."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.tracking.models import Direction, Indicator, Measurement


@dataclass(frozen=True)
class Latest:
    value: float
    measured_on: dt.date


def latest_measurements(session: Session, indicator_ids: list[int]) -> dict[int, Latest]:
    """The latest current measurement of each indicator (by `measured_on`, then the later posted: ids are
    random, api/core/ids.py), in one query; a withdrawn one never counts."""
    if not indicator_ids:
        return {}
    ranked = (
        select(
            col(Measurement.indicator_id),
            col(Measurement.value),
            col(Measurement.measured_on),
            func.row_number()
            .over(
                partition_by=col(Measurement.indicator_id),
                order_by=(
                    col(Measurement.measured_on).desc(),
                    col(Measurement.created_at).desc(),
                    col(Measurement.id).desc(),
                ),
            )
            .label("n"),
        )
        .where(col(Measurement.indicator_id).in_(indicator_ids), col(Measurement.withdrawn_at).is_(None))
        .subquery()
    )
    rows = session.exec(select(ranked.c.indicator_id, ranked.c.value, ranked.c.measured_on).where(ranked.c.n == 1))
    return {indicator_id: Latest(value, measured_on) for indicator_id, value, measured_on in rows}


def progress(indicator: Indicator, latest: Latest | None) -> float | None:
    """Share of the way from baseline to target (0 at baseline, 1 at target; may leave 0..1)."""
    if latest is None or indicator.baseline_value is None or indicator.target_value is None:
        return None
    span = indicator.target_value - indicator.baseline_value
    if span == 0:
        return None
    return round((latest.value - indicator.baseline_value) / span, 4)


def target_reached(indicator: Indicator, latest: Latest | None) -> bool | None:
    if latest is None or indicator.target_value is None:
        return None
    if Direction(indicator.direction) is Direction.decrease:
        return latest.value <= indicator.target_value
    return latest.value >= indicator.target_value
