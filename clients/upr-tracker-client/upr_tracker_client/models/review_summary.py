from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.position_counts import PositionCounts
    from ..models.recommending_state_count import RecommendingStateCount
    from ..models.region_count import RegionCount
    from ..models.theme_count import ThemeCount


T = TypeVar("T", bound="ReviewSummary")


@_attrs_define
class ReviewSummary:
    """
    Attributes:
        review_id (int):
        state_under_review (str):
        session (int):
        cycle (int):
        by_position (PositionCounts):
        by_theme (list[ThemeCount]): Most frequent first; a recommendation counts for each theme.
        by_recommending_state (list[RecommendingStateCount]): Most recommendations first.
        by_region (list[RegionCount]): Region of the recommending state; every group is present.
    """

    review_id: int
    state_under_review: str
    session: int
    cycle: int
    by_position: PositionCounts
    by_theme: list[ThemeCount]
    by_recommending_state: list[RecommendingStateCount]
    by_region: list[RegionCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        state_under_review = self.state_under_review

        session = self.session

        cycle = self.cycle

        by_position = self.by_position.to_dict()

        by_theme = []
        for by_theme_item_data in self.by_theme:
            by_theme_item = by_theme_item_data.to_dict()
            by_theme.append(by_theme_item)

        by_recommending_state = []
        for by_recommending_state_item_data in self.by_recommending_state:
            by_recommending_state_item = by_recommending_state_item_data.to_dict()
            by_recommending_state.append(by_recommending_state_item)

        by_region = []
        for by_region_item_data in self.by_region:
            by_region_item = by_region_item_data.to_dict()
            by_region.append(by_region_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "state_under_review": state_under_review,
                "session": session,
                "cycle": cycle,
                "by_position": by_position,
                "by_theme": by_theme,
                "by_recommending_state": by_recommending_state,
                "by_region": by_region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_counts import PositionCounts  # noqa: PLC0415
        from ..models.recommending_state_count import RecommendingStateCount  # noqa: PLC0415
        from ..models.region_count import RegionCount  # noqa: PLC0415
        from ..models.theme_count import ThemeCount  # noqa: PLC0415

        d = dict(src_dict)
        review_id = d.pop("review_id")

        state_under_review = d.pop("state_under_review")

        session = d.pop("session")

        cycle = d.pop("cycle")

        by_position = PositionCounts.from_dict(d.pop("by_position"))

        by_theme = []
        _by_theme = d.pop("by_theme")
        for by_theme_item_data in _by_theme:
            by_theme_item = ThemeCount.from_dict(by_theme_item_data)

            by_theme.append(by_theme_item)

        by_recommending_state = []
        _by_recommending_state = d.pop("by_recommending_state")
        for by_recommending_state_item_data in _by_recommending_state:
            by_recommending_state_item = RecommendingStateCount.from_dict(by_recommending_state_item_data)

            by_recommending_state.append(by_recommending_state_item)

        by_region = []
        _by_region = d.pop("by_region")
        for by_region_item_data in _by_region:
            by_region_item = RegionCount.from_dict(by_region_item_data)

            by_region.append(by_region_item)

        review_summary = cls(
            review_id=review_id,
            state_under_review=state_under_review,
            session=session,
            cycle=cycle,
            by_position=by_position,
            by_theme=by_theme,
            by_recommending_state=by_recommending_state,
            by_region=by_region,
        )

        review_summary.additional_properties = d
        return review_summary

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
