from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tag_origin import TagOrigin
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommendationAffectedPersonRead")


@_attrs_define
class RecommendationAffectedPersonRead:
    """An affected-persons group of a recommendation, with who gave it.

    Attributes:
        id (int):
        name (str):
        origin (TagOrigin | Unset): Who tagged a recommendation: its source (a file or an API write), or the text
            classifier
            (`inferred`, with the model's version and confidence). A source's tag always beats a guess.
        confidence (float | None | Unset): The classifier's probability; null for a source's.
        model_version (None | str | Unset): The classifier that inferred it; null for a source's.
    """

    id: int
    name: str
    origin: TagOrigin | Unset = UNSET
    confidence: float | None | Unset = UNSET
    model_version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        origin: str | Unset = UNSET
        if not isinstance(self.origin, Unset):
            origin = self.origin.value

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        model_version: None | str | Unset
        if isinstance(self.model_version, Unset):
            model_version = UNSET
        else:
            model_version = self.model_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if origin is not UNSET:
            field_dict["origin"] = origin
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if model_version is not UNSET:
            field_dict["model_version"] = model_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        _origin = d.pop("origin", UNSET)
        origin: TagOrigin | Unset
        if isinstance(_origin, Unset):
            origin = UNSET
        else:
            origin = TagOrigin(_origin)

        def _parse_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        confidence = _parse_confidence(d.pop("confidence", UNSET))

        def _parse_model_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_version = _parse_model_version(d.pop("model_version", UNSET))

        recommendation_affected_person_read = cls(
            id=id,
            name=name,
            origin=origin,
            confidence=confidence,
            model_version=model_version,
        )

        recommendation_affected_person_read.additional_properties = d
        return recommendation_affected_person_read

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
