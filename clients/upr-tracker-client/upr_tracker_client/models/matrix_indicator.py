from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MatrixIndicator")


@_attrs_define
class MatrixIndicator:
    """
    Attributes:
        id (int):
        name (str):
        unit (None | str):
        action_id (int | None): Set when the indicator belongs to a linked action.
        baseline_value (float | None):
        target_value (float | None):
        latest_value (float | None):
        latest_measured_on (datetime.date | None):
        progress (float | None): 0 at baseline, 1 at target (computed from the latest value).
    """

    id: int
    name: str
    unit: None | str
    action_id: int | None
    baseline_value: float | None
    target_value: float | None
    latest_value: float | None
    latest_measured_on: datetime.date | None
    progress: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        unit: None | str
        unit = self.unit

        action_id: int | None
        action_id = self.action_id

        baseline_value: float | None
        baseline_value = self.baseline_value

        target_value: float | None
        target_value = self.target_value

        latest_value: float | None
        latest_value = self.latest_value

        latest_measured_on: None | str
        if isinstance(self.latest_measured_on, datetime.date):
            latest_measured_on = self.latest_measured_on.isoformat()
        else:
            latest_measured_on = self.latest_measured_on

        progress: float | None
        progress = self.progress

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "unit": unit,
                "action_id": action_id,
                "baseline_value": baseline_value,
                "target_value": target_value,
                "latest_value": latest_value,
                "latest_measured_on": latest_measured_on,
                "progress": progress,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))

        def _parse_action_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        action_id = _parse_action_id(d.pop("action_id"))

        def _parse_baseline_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value"))

        def _parse_target_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target_value = _parse_target_value(d.pop("target_value"))

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

        matrix_indicator = cls(
            id=id,
            name=name,
            unit=unit,
            action_id=action_id,
            baseline_value=baseline_value,
            target_value=target_value,
            latest_value=latest_value,
            latest_measured_on=latest_measured_on,
            progress=progress,
        )

        matrix_indicator.additional_properties = d
        return matrix_indicator

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
