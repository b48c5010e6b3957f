from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorRead")


@_attrs_define
class IndicatorRead:
    """
    Attributes:
        id (int):
        state_code (str):
        action_id (int | None):
        recommendation_id (int | None):
        name (str):
        unit (None | str):
        baseline_value (float | None):
        baseline_date (datetime.date | None):
        target_value (float | None):
        target_date (datetime.date | None):
        direction (Direction):
        data_source (None | str):
        disaggregation_note (None | str):
        latest_value (float | None): The latest measurement (by date, then the latest posted).
        latest_measured_on (datetime.date | None):
        progress (float | None): (latest − baseline) / (target − baseline), 4 decimals: 0 at the baseline, 1 at the
            target; null without a baseline, a target or a measurement.
        target_reached (bool | None): The latest value meets the target in the indicator's direction; null without a
            target or a measurement.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        withdrawn_at (datetime.datetime | None | Unset): Set once withdrawn (deleted): out of current views, kept with
            its history.
    """

    id: int
    state_code: str
    action_id: int | None
    recommendation_id: int | None
    name: str
    unit: None | str
    baseline_value: float | None
    baseline_date: datetime.date | None
    target_value: float | None
    target_date: datetime.date | None
    direction: Direction
    data_source: None | str
    disaggregation_note: None | str
    latest_value: float | None
    latest_measured_on: datetime.date | None
    progress: float | None
    target_reached: bool | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    withdrawn_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state_code = self.state_code

        action_id: int | None
        action_id = self.action_id

        recommendation_id: int | None
        recommendation_id = self.recommendation_id

        name = self.name

        unit: None | str
        unit = self.unit

        baseline_value: float | None
        baseline_value = self.baseline_value

        baseline_date: None | str
        if isinstance(self.baseline_date, datetime.date):
            baseline_date = self.baseline_date.isoformat()
        else:
            baseline_date = self.baseline_date

        target_value: float | None
        target_value = self.target_value

        target_date: None | str
        if isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        direction = self.direction.value

        data_source: None | str
        data_source = self.data_source

        disaggregation_note: None | str
        disaggregation_note = self.disaggregation_note

        latest_value: float | None
        latest_value = self.latest_value

        latest_measured_on: None | str
        if isinstance(self.latest_measured_on, datetime.date):
            latest_measured_on = self.latest_measured_on.isoformat()
        else:
            latest_measured_on = self.latest_measured_on

        progress: float | None
        progress = self.progress

        target_reached: bool | None
        target_reached = self.target_reached

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        withdrawn_at: None | str | Unset
        if isinstance(self.withdrawn_at, Unset):
            withdrawn_at = UNSET
        elif isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state_code": state_code,
                "action_id": action_id,
                "recommendation_id": recommendation_id,
                "name": name,
                "unit": unit,
                "baseline_value": baseline_value,
                "baseline_date": baseline_date,
                "target_value": target_value,
                "target_date": target_date,
                "direction": direction,
                "data_source": data_source,
                "disaggregation_note": disaggregation_note,
                "latest_value": latest_value,
                "latest_measured_on": latest_measured_on,
                "progress": progress,
                "target_reached": target_reached,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if withdrawn_at is not UNSET:
            field_dict["withdrawn_at"] = withdrawn_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        state_code = d.pop("state_code")

        def _parse_action_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        action_id = _parse_action_id(d.pop("action_id"))

        def _parse_recommendation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        recommendation_id = _parse_recommendation_id(d.pop("recommendation_id"))

        name = d.pop("name")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        def _parse_baseline_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value"))

        def _parse_baseline_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                baseline_date_type_0 = datetime.date.fromisoformat(data)

                return baseline_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        baseline_date = _parse_baseline_date(d.pop("baseline_date"))

        def _parse_target_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target_value = _parse_target_value(d.pop("target_value"))

        def _parse_target_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        target_date = _parse_target_date(d.pop("target_date"))

        direction = Direction(d.pop("direction"))

        def _parse_data_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        data_source = _parse_data_source(d.pop("data_source"))

        def _parse_disaggregation_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disaggregation_note = _parse_disaggregation_note(d.pop("disaggregation_note"))

        def _parse_latest_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_value = _parse_latest_value(d.pop("latest_value"))

        def _parse_latest_measured_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_measured_on_type_0 = datetime.date.fromisoformat(data)

                return latest_measured_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        latest_measured_on = _parse_latest_measured_on(d.pop("latest_measured_on"))

        def _parse_progress(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        progress = _parse_progress(d.pop("progress"))

        def _parse_target_reached(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        target_reached = _parse_target_reached(d.pop("target_reached"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at", UNSET))

        indicator_read = cls(
            id=id,
            state_code=state_code,
            action_id=action_id,
            recommendation_id=recommendation_id,
            name=name,
            unit=unit,
            baseline_value=baseline_value,
            baseline_date=baseline_date,
            target_value=target_value,
            target_date=target_date,
            direction=direction,
            data_source=data_source,
            disaggregation_note=disaggregation_note,
            latest_value=latest_value,
            latest_measured_on=latest_measured_on,
            progress=progress,
            target_reached=target_reached,
            created_at=created_at,
            updated_at=updated_at,
            withdrawn_at=withdrawn_at,
        )

        indicator_read.additional_properties = d
        return indicator_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
