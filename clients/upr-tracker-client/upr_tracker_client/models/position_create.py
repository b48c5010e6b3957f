from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionCreate")


@_attrs_define
class PositionCreate:
    """A mistyped future date would become the current position for good (history is append-only).

    Attributes:
        position (PositionKind):
        date (datetime.date):
        source_document (None | str | Unset): Symbol of the document recording it, e.g. `A/HRC/43/15/Add.1`.
        source_paragraph (None | str | Unset):
        explanation (None | str | Unset):
    """

    position: PositionKind
    date: datetime.date
    source_document: None | str | Unset = UNSET
    source_paragraph: None | str | Unset = UNSET
    explanation: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position.value

        date = self.date.isoformat()

        source_document: None | str | Unset
        if isinstance(self.source_document, Unset):
            source_document = UNSET
        else:
            source_document = self.source_document

        source_paragraph: None | str | Unset
        if isinstance(self.source_paragraph, Unset):
            source_paragraph = UNSET
        else:
            source_paragraph = self.source_paragraph

        explanation: None | str | Unset
        if isinstance(self.explanation, Unset):
            explanation = UNSET
        else:
            explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "date": date,
            }
        )
        if source_document is not UNSET:
            field_dict["source_document"] = source_document
        if source_paragraph is not UNSET:
            field_dict["source_paragraph"] = source_paragraph
        if explanation is not UNSET:
            field_dict["explanation"] = explanation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = PositionKind(d.pop("position"))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_source_document(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_document = _parse_source_document(d.pop("source_document", UNSET))

        def _parse_source_paragraph(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_paragraph = _parse_source_paragraph(d.pop("source_paragraph", UNSET))

        def _parse_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        explanation = _parse_explanation(d.pop("explanation", UNSET))

        position_create = cls(
            position=position,
            date=date,
            source_document=source_document,
            source_paragraph=source_paragraph,
            explanation=explanation,
        )

        position_create.additional_properties = d
        return position_create

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
