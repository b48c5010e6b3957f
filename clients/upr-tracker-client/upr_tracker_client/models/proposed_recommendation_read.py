from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.smart_analysis_read import SmartAnalysisRead


T = TypeVar("T", bound="ProposedRecommendationRead")


@_attrs_define
class ProposedRecommendationRead:
    """
    Attributes:
        id (int):
        brief_id (int):
        position (int): Order in the brief, from 0.
        text (str):
        smart (SmartAnalysisRead): The SMART signals of an ask, as `POST /recommendations/analyse` gives them (offsets
            index `text`).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    brief_id: int
    position: int
    text: str
    smart: SmartAnalysisRead
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        brief_id = self.brief_id

        position = self.position

        text = self.text

        smart = self.smart.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "brief_id": brief_id,
                "position": position,
                "text": text,
                "smart": smart,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.smart_analysis_read import SmartAnalysisRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        brief_id = d.pop("brief_id")

        position = d.pop("position")

        text = d.pop("text")

        smart = SmartAnalysisRead.from_dict(d.pop("smart"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        proposed_recommendation_read = cls(
            id=id,
            brief_id=brief_id,
            position=position,
            text=text,
            smart=smart,
            created_at=created_at,
            updated_at=updated_at,
        )

        proposed_recommendation_read.additional_properties = d
        return proposed_recommendation_read

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
