from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ask_uptake import AskUptake
    from ..models.brief_uptake_totals import BriefUptakeTotals


T = TypeVar("T", bound="BriefUptake")


@_attrs_define
class BriefUptake:
    """
    Attributes:
        brief_id (int):
        title (str):
        review_id (int):
        targets (list[str]): The brief's target states.
        asks (list[AskUptake]):
        totals (BriefUptakeTotals):
    """

    brief_id: int
    title: str
    review_id: int
    targets: list[str]
    asks: list[AskUptake]
    totals: BriefUptakeTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brief_id = self.brief_id

        title = self.title

        review_id = self.review_id

        targets = self.targets

        asks = []
        for asks_item_data in self.asks:
            asks_item = asks_item_data.to_dict()
            asks.append(asks_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "brief_id": brief_id,
                "title": title,
                "review_id": review_id,
                "targets": targets,
                "asks": asks,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ask_uptake import AskUptake  # noqa: PLC0415
        from ..models.brief_uptake_totals import BriefUptakeTotals  # noqa: PLC0415

        d = dict(src_dict)
        brief_id = d.pop("brief_id")

        title = d.pop("title")

        review_id = d.pop("review_id")

        targets = cast(list[str], d.pop("targets"))

        asks = []
        _asks = d.pop("asks")
        for asks_item_data in _asks:
            asks_item = AskUptake.from_dict(asks_item_data)

            asks.append(asks_item)

        totals = BriefUptakeTotals.from_dict(d.pop("totals"))

        brief_uptake = cls(
            brief_id=brief_id,
            title=title,
            review_id=review_id,
            targets=targets,
            asks=asks,
            totals=totals,
        )

        brief_uptake.additional_properties = d
        return brief_uptake

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
