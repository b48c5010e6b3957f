from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndicatorUpdate")


@_attrs_define
class IndicatorUpdate:
    """To move an indicator, send the new owner and null the other: `{"action_id": 9, "recommendation_id": null}`.

    Attributes:
        action_id (int | None | Unset): The action measured (or give `recommendation_id`).
        recommendation_id (int | None | Unset): The recommendation measured directly.
        name (str | Unset):
        unit (None | str | Unset):
        baseline_value (float | None | Unset):
        baseline_date (datetime.date | None | Unset):
        target_value (float | None | Unset): With a baseline: above it for `increase`, below it for `decrease`.
        target_date (datetime.date | None | Unset): Not before `baseline_date`.
        direction (Direction | Unset):
        data_source (None | str | Unset):
        disaggregation_note (None | str | Unset):
    """

    action_id: int | None | Unset = UNSET
    recommendation_id: int | None | Unset = UNSET
    name: str | Unset = UNSET
    unit: None | str | Unset = UNSET
    baseline_value: float | None | Unset = UNSET
    baseline_date: datetime.date | None | Unset = UNSET
    target_value: float | None | Unset = UNSET
    target_date: datetime.date | None | Unset = UNSET
    direction: Direction | Unset = UNSET
    data_source: None | str | Unset = UNSET
    disaggregation_note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id: int | None | Unset
        if isinstance(self.action_id, Unset):
            action_id = UNSET
        else:
            action_id = self.action_id

        recommendation_id: int | None | Unset
        if isinstance(self.recommendation_id, Unset):
            recommendation_id = UNSET
        else:
            recommendation_id = self.recommendation_id

        name = self.name

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        baseline_value: float | None | Unset
        if isinstance(self.baseline_value, Unset):
            baseline_value = UNSET
        else:
            baseline_value = self.baseline_value

        baseline_date: None | str | Unset
        if isinstance(self.baseline_date, Unset):
            baseline_date = UNSET
        elif isinstance(self.baseline_date, datetime.date):
            baseline_date = self.baseline_date.isoformat()
        else:
            baseline_date = self.baseline_date

        target_value: float | None | Unset
        if isinstance(self.target_value, Unset):
            target_value = UNSET
        else:
            target_value = self.target_value

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        data_source: None | str | Unset
        if isinstance(self.data_source, Unset):
            data_source = UNSET
        else:
            data_source = self.data_source

        disaggregation_note: None | str | Unset
        if isinstance(self.disaggregation_note, Unset):
            disaggregation_note = UNSET
        else:
            disaggregation_note = self.disaggregation_note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if action_id is not UNSET:
            field_dict["action_id"] = action_id
        if recommendation_id is not UNSET:
            field_dict["recommendation_id"] = recommendation_id
        if name is not UNSET:
            field_dict["name"] = name
        if unit is not UNSET:
            field_dict["unit"] = unit
        if baseline_value is not UNSET:
            field_dict["baseline_value"] = baseline_value
        if baseline_date is not UNSET:
            field_dict["baseline_date"] = baseline_date
        if target_value is not UNSET:
            field_dict["target_value"] = target_value
        if target_date is not UNSET:
            field_dict["target_date"] = target_date
        if direction is not UNSET:
            field_dict["direction"] = direction
        if data_source is not UNSET:
            field_dict["data_source"] = data_source
        if disaggregation_note is not UNSET:
            field_dict["disaggregation_note"] = disaggregation_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_action_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        action_id = _parse_action_id(d.pop("action_id", UNSET))

        def _parse_recommendation_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        recommendation_id = _parse_recommendation_id(d.pop("recommendation_id", UNSET))

        name = d.pop("name", UNSET)

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_baseline_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value", UNSET))

        def _parse_baseline_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                baseline_date_type_0 = datetime.date.fromisoformat(data)

                return baseline_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        baseline_date = _parse_baseline_date(d.pop("baseline_date", UNSET))

        def _parse_target_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        target_value = _parse_target_value(d.pop("target_value", UNSET))

        def _parse_target_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_date = _parse_target_date(d.pop("target_date", UNSET))

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        def _parse_data_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_source = _parse_data_source(d.pop("data_source", UNSET))

        def _parse_disaggregation_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disaggregation_note = _parse_disaggregation_note(d.pop("disaggregation_note", UNSET))

        indicator_update = cls(
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
        )

        indicator_update.additional_properties = d
        return indicator_update

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
