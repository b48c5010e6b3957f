from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.window_recommendation import WindowRecommendation


T = TypeVar("T", bound="WindowBrief")


@_attrs_define
class WindowBrief:
    """
    Attributes:
        brief_id (int | None): The brief; null for the last group, the review's recommendations matched to none of the
            coalition's briefs.
        title (None | str): The brief's title; null for the group not matched to a brief.
        pending (int): Recommendations of the group still without a final position (all pages).
        total (int): Recommendations of the group (after `pending_only`), all pages: more than listed when `next_cursor`
            is set.
        next_cursor (None | str): Only in the group not matched to a brief, the one paged: pass it as `unmatched_cursor`
            for the next page of that group. Null: the group is complete.
        recommendations (list[WindowRecommendation]):
    """

    brief_id: int | None
    title: None | str
    pending: int
    total: int
    next_cursor: None | str
    recommendations: list[WindowRecommendation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brief_id: int | None
        brief_id = self.brief_id

        title: None | str
        title = self.title

        pending = self.pending

        total = self.total

        next_cursor: None | str
        next_cursor = self.next_cursor

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "brief_id": brief_id,
                "title": title,
                "pending": pending,
                "total": total,
                "next_cursor": next_cursor,
                "recommendations": recommendations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window_recommendation import WindowRecommendation  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_brief_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        brief_id = _parse_brief_id(d.pop("brief_id"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        pending = d.pop("pending")

        total = d.pop("total")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = WindowRecommendation.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        window_brief = cls(
            brief_id=brief_id,
            title=title,
            pending=pending,
            total=total,
            next_cursor=next_cursor,
            recommendations=recommendations,
        )

        window_brief.additional_properties = d
        return window_brief

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
