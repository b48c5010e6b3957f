from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organisation_assessments import OrganisationAssessments


T = TypeVar("T", bound="RecommendationAssessments")


@_attrs_define
class RecommendationAssessments:
    """
    Attributes:
        recommendation_id (int):
        state_code (str):
        organisations (list[OrganisationAssessments]): Government first, then NHRIs, CSOs and other organisations.
    """

    recommendation_id: int
    state_code: str
    organisations: list[OrganisationAssessments]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendation_id = self.recommendation_id

        state_code = self.state_code

        organisations = []
        for organisations_item_data in self.organisations:
            organisations_item = organisations_item_data.to_dict()
            organisations.append(organisations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendation_id": recommendation_id,
                "state_code": state_code,
                "organisations": organisations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_assessments import OrganisationAssessments  # noqa: PLC0415

        d = dict(src_dict)
        recommendation_id = d.pop("recommendation_id")

        state_code = d.pop("state_code")

        organisations = []
        _organisations = d.pop("organisations")
        for organisations_item_data in _organisations:
            organisations_item = OrganisationAssessments.from_dict(organisations_item_data)

            organisations.append(organisations_item)

        recommendation_assessments = cls(
            recommendation_id=recommendation_id,
            state_code=state_code,
            organisations=organisations,
        )

        recommendation_assessments.additional_properties = d
        return recommendation_assessments

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
