from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_counts import ActorCounts


T = TypeVar("T", bound="ThemeCounts")


@_attrs_define
class ThemeCounts:
    """
    Attributes:
        theme (str):
        recommendations (int):
        by_actor (list[ActorCounts]):
    """

    theme: str
    recommendations: int
    by_actor: list[ActorCounts]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        theme = self.theme

        recommendations = self.recommendations

        by_actor = []
        for by_actor_item_data in self.by_actor:
            by_actor_item = by_actor_item_data.to_dict()
            by_actor.append(by_actor_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "theme": theme,
                "recommendations": recommendations,
                "by_actor": by_actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_counts import ActorCounts  # noqa: PLC0415

        d = dict(src_dict)
        theme = d.pop("theme")

        recommendations = d.pop("recommendations")

        by_actor = []
        _by_actor = d.pop("by_actor")
        for by_actor_item_data in _by_actor:
            by_actor_item = ActorCounts.from_dict(by_actor_item_data)

            by_actor.append(by_actor_item)

        theme_counts = cls(
            theme=theme,
            recommendations=recommendations,
            by_actor=by_actor,
        )

        theme_counts.additional_properties = d
        return theme_counts

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
