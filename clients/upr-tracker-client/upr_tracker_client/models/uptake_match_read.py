from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind
from ..models.uptake_status import UptakeStatus

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="UptakeMatchRead")


@_attrs_define
class UptakeMatchRead:
    """
    Attributes:
        id (int):
        brief_id (int):
        proposed_recommendation_id (int): The proposed recommendation (ask) of the brief.
        proposed_recommendation_text (str):
        recommendation_id (int): The recommendation actually made, of the brief's review.
        recommendation_paragraph (None | str):
        recommendation_text (str):
        recommending_states (list[str]): ISO3 codes of the states that made it.
        current_position (None | PositionKind): The state under review's latest position; null: none yet.
        similarity (float): Text similarity, 0..1 (1.0 for a match a group added).
        status (UptakeStatus):
        decided_by (None | OrganisationRef): The organisation that confirmed or rejected it.
        decided_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: int
    brief_id: int
    proposed_recommendation_id: int
    proposed_recommendation_text: str
    recommendation_id: int
    recommendation_paragraph: None | str
    recommendation_text: str
    recommending_states: list[str]
    current_position: None | PositionKind
    similarity: float
    status: UptakeStatus
    decided_by: None | OrganisationRef
    decided_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        id = self.id

        brief_id = self.brief_id

        proposed_recommendation_id = self.proposed_recommendation_id

        proposed_recommendation_text = self.proposed_recommendation_text

        recommendation_id = self.recommendation_id

        recommendation_paragraph: None | str
        recommendation_paragraph = self.recommendation_paragraph

        recommendation_text = self.recommendation_text

        recommending_states = self.recommending_states

        current_position: None | str
        if isinstance(self.current_position, PositionKind):
            current_position = self.current_position.value
        else:
            current_position = self.current_position

        similarity = self.similarity

        status = self.status.value

        decided_by: dict[str, Any] | None
        if isinstance(self.decided_by, OrganisationRef):
            decided_by = self.decided_by.to_dict()
        else:
            decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "brief_id": brief_id,
                "proposed_recommendation_id": proposed_recommendation_id,
                "proposed_recommendation_text": proposed_recommendation_text,
                "recommendation_id": recommendation_id,
                "recommendation_paragraph": recommendation_paragraph,
                "recommendation_text": recommendation_text,
                "recommending_states": recommending_states,
                "current_position": current_position,
                "similarity": similarity,
                "status": status,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        brief_id = d.pop("brief_id")

        proposed_recommendation_id = d.pop("proposed_recommendation_id")

        proposed_recommendation_text = d.pop("proposed_recommendation_text")

        recommendation_id = d.pop("recommendation_id")

        def _parse_recommendation_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recommendation_paragraph = _parse_recommendation_paragraph(d.pop("recommendation_paragraph"))

        recommendation_text = d.pop("recommendation_text")

        recommending_states = cast(list[str], d.pop("recommending_states"))

        def _parse_current_position(data: object) -> None | PositionKind:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_position_type_0 = PositionKind(data)

                return current_position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionKind, data)

        current_position = _parse_current_position(d.pop("current_position"))

        similarity = d.pop("similarity")

        status = UptakeStatus(d.pop("status"))

        def _parse_decided_by(data: object) -> None | OrganisationRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_by_type_0 = OrganisationRef.from_dict(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationRef, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        uptake_match_read = cls(
            id=id,
            brief_id=brief_id,
            proposed_recommendation_id=proposed_recommendation_id,
            proposed_recommendation_text=proposed_recommendation_text,
            recommendation_id=recommendation_id,
            recommendation_paragraph=recommendation_paragraph,
            recommendation_text=recommendation_text,
            recommending_states=recommending_states,
            current_position=current_position,
            similarity=similarity,
            status=status,
            decided_by=decided_by,
            decided_at=decided_at,
            created_at=created_at,
        )

        uptake_match_read.additional_properties = d
        return uptake_match_read

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
