from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.window_brief import WindowBrief


T = TypeVar("T", bound="AdoptionWindow")


@_attrs_define
class AdoptionWindow:
    """
    Attributes:
        coalition_id (int):
        review_id (int):
        include_suggested (bool):
        pending_only (bool):
        pending (int): Distinct recommendations of the review still pending, over all groups (the group not matched to a
            brief included, all its pages).
        matched_pending (int): Distinct recommendations matched to a brief still pending.
        briefs (list[WindowBrief]): One group per brief of the coalition on the review, by id, then always last the
            group not matched to a brief (`brief_id` null), paged by `unmatched_limit`/`unmatched_cursor`.
    """

    coalition_id: int
    review_id: int
    include_suggested: bool
    pending_only: bool
    pending: int
    matched_pending: int
    briefs: list[WindowBrief]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coalition_id = self.coalition_id

        review_id = self.review_id

        include_suggested = self.include_suggested

        pending_only = self.pending_only

        pending = self.pending

        matched_pending = self.matched_pending

        briefs = []
        for briefs_item_data in self.briefs:
            briefs_item = briefs_item_data.to_dict()
            briefs.append(briefs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coalition_id": coalition_id,
                "review_id": review_id,
                "include_suggested": include_suggested,
                "pending_only": pending_only,
                "pending": pending,
                "matched_pending": matched_pending,
                "briefs": briefs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window_brief import WindowBrief  # noqa: PLC0415

        d = dict(src_dict)
        coalition_id = d.pop("coalition_id")

        review_id = d.pop("review_id")

        include_suggested = d.pop("include_suggested")

        pending_only = d.pop("pending_only")

        pending = d.pop("pending")

        matched_pending = d.pop("matched_pending")

        briefs = []
        _briefs = d.pop("briefs")
        for briefs_item_data in _briefs:
            briefs_item = WindowBrief.from_dict(briefs_item_data)

            briefs.append(briefs_item)

        adoption_window = cls(
            coalition_id=coalition_id,
            review_id=review_id,
            include_suggested=include_suggested,
            pending_only=pending_only,
            pending=pending,
            matched_pending=matched_pending,
            briefs=briefs,
        )

        adoption_window.additional_properties = d
        return adoption_window

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
