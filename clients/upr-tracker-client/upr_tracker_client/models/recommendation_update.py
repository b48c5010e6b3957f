from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommendationUpdate")


@_attrs_define
class RecommendationUpdate:
    """Only the fields sent change; lists replace the whole set (`[]` clears an optional one). The
    external key stays as it is, even when the text changes: importers find the row by it.

        Attributes:
            paragraph (None | str | Unset):
            text (str | Unset):
            recommending_states (list[str] | Unset):
            themes (list[int] | Unset): Replaces every theme; `[]` clears them.
            affected_persons (list[int] | Unset): Replaces them all; `[]` clears them.
            sdg_targets (list[str] | Unset): Replaces them all; `[]` clears them.
            action_category (int | None | Unset):
            source_document (None | str | Unset):
    """

    paragraph: None | str | Unset = UNSET
    text: str | Unset = UNSET
    recommending_states: list[str] | Unset = UNSET
    themes: list[int] | Unset = UNSET
    affected_persons: list[int] | Unset = UNSET
    sdg_targets: list[str] | Unset = UNSET
    action_category: int | None | Unset = UNSET
    source_document: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        paragraph: None | str | Unset
        if isinstance(self.paragraph, Unset):
            paragraph = UNSET
        else:
            paragraph = self.paragraph

        text = self.text

        recommending_states: list[str] | Unset = UNSET
        if not isinstance(self.recommending_states, Unset):
            recommending_states = self.recommending_states

        themes: list[int] | Unset = UNSET
        if not isinstance(self.themes, Unset):
            themes = self.themes

        affected_persons: list[int] | Unset = UNSET
        if not isinstance(self.affected_persons, Unset):
            affected_persons = self.affected_persons

        sdg_targets: list[str] | Unset = UNSET
        if not isinstance(self.sdg_targets, Unset):
            sdg_targets = self.sdg_targets

        action_category: int | None | Unset
        if isinstance(self.action_category, Unset):
            action_category = UNSET
        else:
            action_category = self.action_category

        source_document: None | str | Unset
        if isinstance(self.source_document, Unset):
            source_document = UNSET
        else:
            source_document = self.source_document

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if paragraph is not UNSET:
            field_dict["paragraph"] = paragraph
        if text is not UNSET:
            field_dict["text"] = text
        if recommending_states is not UNSET:
            field_dict["recommending_states"] = recommending_states
        if themes is not UNSET:
            field_dict["themes"] = themes
        if affected_persons is not UNSET:
            field_dict["affected_persons"] = affected_persons
        if sdg_targets is not UNSET:
            field_dict["sdg_targets"] = sdg_targets
        if action_category is not UNSET:
            field_dict["action_category"] = action_category
        if source_document is not UNSET:
            field_dict["source_document"] = source_document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_paragraph(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paragraph = _parse_paragraph(d.pop("paragraph", UNSET))

        text = d.pop("text", UNSET)

        recommending_states = cast(list[str], d.pop("recommending_states", UNSET))

        themes = cast(list[int], d.pop("themes", UNSET))

        affected_persons = cast(list[int], d.pop("affected_persons", UNSET))

        sdg_targets = cast(list[str], d.pop("sdg_targets", UNSET))

        def _parse_action_category(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        action_category = _parse_action_category(d.pop("action_category", UNSET))

        def _parse_source_document(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_document = _parse_source_document(d.pop("source_document", UNSET))

        recommendation_update = cls(
            paragraph=paragraph,
            text=text,
            recommending_states=recommending_states,
            themes=themes,
            affected_persons=affected_persons,
            sdg_targets=sdg_targets,
            action_category=action_category,
            source_document=source_document,
        )

        recommendation_update.additional_properties = d
        return recommendation_update

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
