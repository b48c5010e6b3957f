from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.uptake_match_read import UptakeMatchRead


T = TypeVar("T", bound="UptakeSuggestions")


@_attrs_define
class UptakeSuggestions:
    """
    Attributes:
        brief_id (int):
        threshold (float): Suggestions score at least this similarity.
        top_n (int): At most this many suggestions per ask (decided matches aside).
        added (int): Suggestions new in this run.
        removed (int): Earlier suggestions that no longer qualify, removed.
        matches (list[UptakeMatchRead]): Every match of the brief's asks (suggested, confirmed, rejected), by ask, best
            first.
    """

    brief_id: int
    threshold: float
    top_n: int
    added: int
    removed: int
    matches: list[UptakeMatchRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brief_id = self.brief_id

        threshold = self.threshold

        top_n = self.top_n

        added = self.added

        removed = self.removed

        matches = []
        for matches_item_data in self.matches:
            matches_item = matches_item_data.to_dict()
            matches.append(matches_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "brief_id": brief_id,
                "threshold": threshold,
                "top_n": top_n,
                "added": added,
                "removed": removed,
                "matches": matches,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.uptake_match_read import UptakeMatchRead  # noqa: PLC0415

        d = dict(src_dict)
        brief_id = d.pop("brief_id")

        threshold = d.pop("threshold")

        top_n = d.pop("top_n")

        added = d.pop("added")

        removed = d.pop("removed")

        matches = []
        _matches = d.pop("matches")
        for matches_item_data in _matches:
            matches_item = UptakeMatchRead.from_dict(matches_item_data)

            matches.append(matches_item)

        uptake_suggestions = cls(
            brief_id=brief_id,
            threshold=threshold,
            top_n=top_n,
            added=added,
            removed=removed,
            matches=matches,
        )

        uptake_suggestions.additional_properties = d
        return uptake_suggestions

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
