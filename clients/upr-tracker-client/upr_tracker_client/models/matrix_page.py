from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matrix_row import MatrixRow


T = TypeVar("T", bound="MatrixPage")


@_attrs_define
class MatrixPage:
    """
    Attributes:
        state (str):
        cycle (int):
        items (list[MatrixRow]):
        total (int):
        next_cursor (None | str):
    """

    state: str
    cycle: int
    items: list[MatrixRow]
    total: int
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state

        cycle = self.cycle

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total = self.total

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "cycle": cycle,
                "items": items,
                "total": total,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matrix_row import MatrixRow  # noqa: PLC0415

        d = dict(src_dict)
        state = d.pop("state")

        cycle = d.pop("cycle")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MatrixRow.from_dict(items_item_data)

            items.append(items_item)

        total = d.pop("total")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        matrix_page = cls(
            state=state,
            cycle=cycle,
            items=items,
            total=total,
            next_cursor=next_cursor,
        )

        matrix_page.additional_properties = d
        return matrix_page

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
