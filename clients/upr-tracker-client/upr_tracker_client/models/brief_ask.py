from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.smart_analysis_read import SmartAnalysisRead


T = TypeVar("T", bound="BriefAsk")


@_attrs_define
class BriefAsk:
    """An ask as a brief lists it.

    Attributes:
        id (int):
        position (int):
        text (str):
        smart (SmartAnalysisRead): The SMART signals of an ask, as `POST /recommendations/analyse` gives them (offsets
            index `text`).
    """

    id: int
    position: int
    text: str
    smart: SmartAnalysisRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        text = self.text

        smart = self.smart.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "text": text,
                "smart": smart,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.smart_analysis_read import SmartAnalysisRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        text = d.pop("text")

        smart = SmartAnalysisRead.from_dict(d.pop("smart"))

        brief_ask = cls(
            id=id,
            position=position,
            text=text,
            smart=smart,
        )

        brief_ask.additional_properties = d
        return brief_ask

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
