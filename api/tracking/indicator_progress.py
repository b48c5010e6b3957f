"""An indicator's latest value and its progress toward target: computed from measurements on read,
never stored (a stored copy would drift from the measurements it summarises)."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.sql import Select
from sqlmodel import Session, col, select

from api.tracking.models import Direction, Indicator, Measurement


@dataclass(frozen=True)
class Latest:
    value: float
    measured_on: dt.date


def latest_measurements(session: Session, indicator_ids: list[int] | Select) -> dict[int, Latest]:
    """The latest current measurement of each indicator (by `measured_on`, then the later posted: ids are
    random, api/core/ids.py), in one query; a withdrawn one never counts. `indicator_ids`: a list, or a
    subquery of ids (no bound value per indicator when there are hundreds)."""
    if isinstance(indicator_ids, list) and not indicator_ids:
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
    return progress_between(indicator.baseline_value, indicator.target_value, latest)


def progress_between(baseline: float | None, target: float | None, latest: Latest | None) -> float | None:
    """`progress` from an indicator's baseline and target columns (for reads that select columns)."""
    if latest is None or baseline is None or target is None:
        return None
    span = target - baseline
    if span == 0:
        return None
    return round((latest.value - baseline) / span, 4)


def target_reached(indicator: Indicator, latest: Latest | None) -> bool | None:
    if latest is None or indicator.target_value is None:
        return None
    if Direction(indicator.direction) is Direction.decrease:
        return latest.value <= indicator.target_value
    return latest.value >= indicator.target_value
