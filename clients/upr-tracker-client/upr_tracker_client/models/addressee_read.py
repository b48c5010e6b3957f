from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.evidence_read import EvidenceRead


T = TypeVar("T", bound="AddresseeRead")


@_attrs_define
class AddresseeRead:
    """
    Attributes:
        present (bool):
        evidence (list[EvidenceRead]):
        actors (list[str]): Who should act beyond the state as a whole, when named: `parliament`, `ministry`, `police`,
            `courts`, `national human rights institution` …
        to_state_under_review (bool): False when the text asks for shared experience, outside help or action by other
            states (UPR Info category 1).
        elsewhere_evidence (list[EvidenceRead]): The words that aim it elsewhere.
    """

    present: bool
    evidence: list[EvidenceRead]
    actors: list[str]
    to_state_under_review: bool
    elsewhere_evidence: list[EvidenceRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        present = self.present

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        actors = self.actors

        to_state_under_review = self.to_state_under_review

        elsewhere_evidence = []
        for elsewhere_evidence_item_data in self.elsewhere_evidence:
            elsewhere_evidence_item = elsewhere_evidence_item_data.to_dict()
            elsewhere_evidence.append(elsewhere_evidence_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "present": present,
                "evidence": evidence,
                "actors": actors,
                "to_state_under_review": to_state_under_review,
                "elsewhere_evidence": elsewhere_evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_read import EvidenceRead  # noqa: PLC0415

        d = dict(src_dict)
        present = d.pop("present")

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidenceRead.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        actors = cast(list[str], d.pop("actors"))

        to_state_under_review = d.pop("to_state_under_review")

        elsewhere_evidence = []
        _elsewhere_evidence = d.pop("elsewhere_evidence")
        for elsewhere_evidence_item_data in _elsewhere_evidence:
            elsewhere_evidence_item = EvidenceRead.from_dict(elsewhere_evidence_item_data)

            elsewhere_evidence.append(elsewhere_evidence_item)

        addressee_read = cls(
            present=present,
            evidence=evidence,
            actors=actors,
            to_state_under_review=to_state_under_review,
            elsewhere_evidence=elsewhere_evidence,
        )

        addressee_read.additional_properties = d
        return addressee_read

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
