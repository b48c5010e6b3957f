from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_date_origin import PositionDateOrigin
from ..models.position_kind import PositionKind

T = TypeVar("T", bound="PositionRead")


@_attrs_define
class PositionRead:
    """
    Attributes:
        id (int):
        recommendation_id (int):
        position (PositionKind):
        date (datetime.date | None): null when no source gives it (never a placeholder).
        date_origin (None | PositionDateOrigin): `source`: the source (or the caller) gives the date; `derived`: the
            adoption date of the review's outcome, where the position is taken, as the source gives none; null with a null
            date.
        source_document (None | str):
        source_paragraph (None | str):
        explanation (None | str):
        recorded_at (datetime.datetime):
    """

    id: int
    recommendation_id: int
    position: PositionKind
    date: datetime.date | None
    date_origin: None | PositionDateOrigin
    source_document: None | str
    source_paragraph: None | str
    explanation: None | str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        recommendation_id = self.recommendation_id

        position = self.position.value

        date: None | str
        if isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        date_origin: None | str
        if isinstance(self.date_origin, PositionDateOrigin):
            date_origin = self.date_origin.value
        else:
            date_origin = self.date_origin

        source_document: None | str
        source_document = self.source_document

        source_paragraph: None | str
        source_paragraph = self.source_paragraph

        explanation: None | str
        explanation = self.explanation

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "recommendation_id": recommendation_id,
                "position": position,
                "date": date,
                "date_origin": date_origin,
                "source_document": source_document,
                "source_paragraph": source_paragraph,
                "explanation": explanation,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        recommendation_id = d.pop("recommendation_id")

        position = PositionKind(d.pop("position"))

        def _parse_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date = _parse_date(d.pop("date"))

        def _parse_date_origin(data: object) -> None | PositionDateOrigin:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_origin_type_0 = PositionDateOrigin(data)

                return date_origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionDateOrigin, data)

        date_origin = _parse_date_origin(d.pop("date_origin"))

        def _parse_source_document(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_document = _parse_source_document(d.pop("source_document"))

        def _parse_source_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_paragraph = _parse_source_paragraph(d.pop("source_paragraph"))

        def _parse_explanation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        explanation = _parse_explanation(d.pop("explanation"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        position_read = cls(
            id=id,
            recommendation_id=recommendation_id,
            position=position,
            date=date,
            date_origin=date_origin,
            source_document=source_document,
            source_paragraph=source_paragraph,
            explanation=explanation,
            recorded_at=recorded_at,
        )

        position_read.additional_properties = d
        return position_read

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
