from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.traffic_light import TrafficLight

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="ActorRating")


@_attrs_define
class ActorRating:
    """One organisation's current assessment, as that organisation gave it (never merged).

    Attributes:
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        rating (TrafficLight): An organisation's rating of a recommendation's implementation.
        assessed_on (datetime.date):
        assessment_id (int):
    """

    organisation: OrganisationRef
    rating: TrafficLight
    assessed_on: datetime.date
    assessment_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation.to_dict()

        rating = self.rating.value

        assessed_on = self.assessed_on.isoformat()

        assessment_id = self.assessment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation": organisation,
                "rating": rating,
                "assessed_on": assessed_on,
                "assessment_id": assessment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        rating = TrafficLight(d.pop("rating"))

        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))

        assessment_id = d.pop("assessment_id")

        actor_rating = cls(
            organisation=organisation,
            rating=rating,
            assessed_on=assessed_on,
            assessment_id=assessment_id,
        )

        actor_rating.additional_properties = d
        return actor_rating

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
