from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.incident_count import IncidentCount


T = TypeVar("T", bound="IncidentCounts")


@_attrs_define
class IncidentCounts:
    """
    Attributes:
        minimum_shown (int): The fewest recording organisations a cell shown as figures holds; smaller cells are
            withheld.
        items (list[IncidentCount]): By state, then year; states and years without incidents absent.
    """

    minimum_shown: int
    items: list[IncidentCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        minimum_shown = self.minimum_shown

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "minimum_shown": minimum_shown,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_count import IncidentCount  # noqa: PLC0415

        d = dict(src_dict)
        minimum_shown = d.pop("minimum_shown")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = IncidentCount.from_dict(items_item_data)

            items.append(items_item)

        incident_counts = cls(
            minimum_shown=minimum_shown,
            items=items,
        )

        incident_counts.additional_properties = d
        return incident_counts

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
