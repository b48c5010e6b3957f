from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tag_origin import TagOrigin
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommendationThemeRead")


@_attrs_define
class RecommendationThemeRead:
    """A theme of a recommendation, with who gave it.

    Attributes:
        name (str):
        id (int):
        code (None | str | Unset): Code in a coded taxonomy, e.g. `A12` in OHCHR matrices of cycles 1–2.
        parent_id (int | None | Unset): Broader theme, for a hierarchical taxonomy.
        origin (TagOrigin | Unset): Who tagged a recommendation: its source (a file or an API write), or the text
            classifier
            (`inferred`, with the model's version and confidence). A source's tag always beats a guess.
        confidence (float | None | Unset): The classifier's probability; null for a source's.
        model_version (None | str | Unset): The classifier that inferred it; null for a source's.
    """

    name: str
    id: int
    code: None | str | Unset = UNSET
    parent_id: int | None | Unset = UNSET
    origin: TagOrigin | Unset = UNSET
    confidence: float | None | Unset = UNSET
    model_version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        parent_id: int | None | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

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
                "name": name,
                "id": id,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
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
        name = d.pop("name")

        id = d.pop("id")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_parent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

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

        recommendation_theme_read = cls(
            name=name,
            id=id,
            code=code,
            parent_id=parent_id,
            origin=origin,
            confidence=confidence,
            model_version=model_version,
        )

        recommendation_theme_read.additional_properties = d
        return recommendation_theme_read

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
