from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.target_suggestion import TargetSuggestion
    from ..models.theme_ref import ThemeRef


T = TypeVar("T", bound="TargetSuggestions")


@_attrs_define
class TargetSuggestions:
    """
    Attributes:
        brief_id (int):
        state_under_review (str): ISO3 code of the state whose review the brief prepares.
        themes (list[ThemeRef]): The brief's themes; the themes under each count too.
        to_this_state (list[TargetSuggestion]): States that made recommendations on these themes to the state under
            review: most made to it first, then most made in all, then by code.
        to_this_state_total (int): How many such states there are (the list holds up to `limit`).
        to_others (list[TargetSuggestion]): States that made recommendations on these themes only to other states: most
            first, then by code.
        to_others_total (int): How many such states there are (the list holds up to `limit`).
    """

    brief_id: int
    state_under_review: str
    themes: list[ThemeRef]
    to_this_state: list[TargetSuggestion]
    to_this_state_total: int
    to_others: list[TargetSuggestion]
    to_others_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brief_id = self.brief_id

        state_under_review = self.state_under_review

        themes = []
        for themes_item_data in self.themes:
            themes_item = themes_item_data.to_dict()
            themes.append(themes_item)

        to_this_state = []
        for to_this_state_item_data in self.to_this_state:
            to_this_state_item = to_this_state_item_data.to_dict()
            to_this_state.append(to_this_state_item)

        to_this_state_total = self.to_this_state_total

        to_others = []
        for to_others_item_data in self.to_others:
            to_others_item = to_others_item_data.to_dict()
            to_others.append(to_others_item)

        to_others_total = self.to_others_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "brief_id": brief_id,
                "state_under_review": state_under_review,
                "themes": themes,
                "to_this_state": to_this_state,
                "to_this_state_total": to_this_state_total,
                "to_others": to_others,
                "to_others_total": to_others_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_suggestion import TargetSuggestion  # noqa: PLC0415
        from ..models.theme_ref import ThemeRef  # noqa: PLC0415

        d = dict(src_dict)
        brief_id = d.pop("brief_id")

        state_under_review = d.pop("state_under_review")

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = ThemeRef.from_dict(themes_item_data)

            themes.append(themes_item)

        to_this_state = []
        _to_this_state = d.pop("to_this_state")
        for to_this_state_item_data in _to_this_state:
            to_this_state_item = TargetSuggestion.from_dict(to_this_state_item_data)

            to_this_state.append(to_this_state_item)

        to_this_state_total = d.pop("to_this_state_total")

        to_others = []
        _to_others = d.pop("to_others")
        for to_others_item_data in _to_others:
            to_others_item = TargetSuggestion.from_dict(to_others_item_data)

            to_others.append(to_others_item)

        to_others_total = d.pop("to_others_total")

        target_suggestions = cls(
            brief_id=brief_id,
            state_under_review=state_under_review,
            themes=themes,
            to_this_state=to_this_state,
            to_this_state_total=to_this_state_total,
            to_others=to_others,
            to_others_total=to_others_total,
        )

        target_suggestions.additional_properties = d
        return target_suggestions

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
