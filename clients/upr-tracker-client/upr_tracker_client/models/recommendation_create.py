from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommendationCreate")


@_attrs_define
class RecommendationCreate:
    """
    Attributes:
        review_id (int):
        text (str):
        recommending_states (list[str]): ISO3 codes; joint ones have several.
        paragraph (None | str | Unset): As published, e.g. `147.68`.
        themes (list[int] | Unset): Theme ids (see `/themes`).
        affected_persons (list[int] | Unset): Ids from `/affected-persons`.
        sdg_targets (list[str] | Unset): Target codes, e.g. `16.10`.
        action_category (int | None | Unset):
        source_document (None | str | Unset):
        external_key (None | str | Unset): Your stable key. When omitted it is derived from the state under review, the
            session and the normalised text, so posting the same recommendation twice is a 409, not a duplicate.
    """

    review_id: int
    text: str
    recommending_states: list[str]
    paragraph: None | str | Unset = UNSET
    themes: list[int] | Unset = UNSET
    affected_persons: list[int] | Unset = UNSET
    sdg_targets: list[str] | Unset = UNSET
    action_category: int | None | Unset = UNSET
    source_document: None | str | Unset = UNSET
    external_key: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        text = self.text

        recommending_states = self.recommending_states

        paragraph: None | str | Unset
        if isinstance(self.paragraph, Unset):
            paragraph = UNSET
        else:
            paragraph = self.paragraph

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

        external_key: None | str | Unset
        if isinstance(self.external_key, Unset):
            external_key = UNSET
        else:
            external_key = self.external_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "text": text,
                "recommending_states": recommending_states,
            }
        )
        if paragraph is not UNSET:
            field_dict["paragraph"] = paragraph
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
        if external_key is not UNSET:
            field_dict["external_key"] = external_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        review_id = d.pop("review_id")

        text = d.pop("text")

        recommending_states = cast(list[str], d.pop("recommending_states"))

        def _parse_paragraph(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paragraph = _parse_paragraph(d.pop("paragraph", UNSET))

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

        def _parse_external_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_key = _parse_external_key(d.pop("external_key", UNSET))

        recommendation_create = cls(
            review_id=review_id,
            text=text,
            recommending_states=recommending_states,
            paragraph=paragraph,
            themes=themes,
            affected_persons=affected_persons,
            sdg_targets=sdg_targets,
            action_category=action_category,
            source_document=source_document,
            external_key=external_key,
        )

        recommendation_create.additional_properties = d
        return recommendation_create

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
