from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organisation_ref import OrganisationRef
    from ..models.rating_counts import RatingCounts


T = TypeVar("T", bound="ActorCounts")


@_attrs_define
class ActorCounts:
    """
    Attributes:
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        counts (RatingCounts):
    """

    organisation: OrganisationRef
    counts: RatingCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation.to_dict()

        counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation": organisation,
                "counts": counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415
        from ..models.rating_counts import RatingCounts  # noqa: PLC0415

        d = dict(src_dict)
        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        counts = RatingCounts.from_dict(d.pop("counts"))

        actor_counts = cls(
            organisation=organisation,
            counts=counts,
        )

        actor_counts.additional_properties = d
        return actor_counts

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
