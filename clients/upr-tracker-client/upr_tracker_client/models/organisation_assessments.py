from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_read import AssessmentRead
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="OrganisationAssessments")


@_attrs_define
class OrganisationAssessments:
    """One organisation's view of a recommendation: never merged with anyone else's.

    Attributes:
        organisation (OrganisationRef): An organisation: a pseudonymous one appears under its public name (its real name
            to itself and
            admins).
        current (AssessmentRead):
        assessments (int): How many of its assessments of this recommendation you may see.
    """

    organisation: OrganisationRef
    current: AssessmentRead
    assessments: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organisation = self.organisation.to_dict()

        current = self.current.to_dict()

        assessments = self.assessments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organisation": organisation,
                "current": current,
                "assessments": assessments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_read import AssessmentRead  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        organisation = OrganisationRef.from_dict(d.pop("organisation"))

        current = AssessmentRead.from_dict(d.pop("current"))

        assessments = d.pop("assessments")

        organisation_assessments = cls(
            organisation=organisation,
            current=current,
            assessments=assessments,
        )

        organisation_assessments.additional_properties = d
        return organisation_assessments

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
