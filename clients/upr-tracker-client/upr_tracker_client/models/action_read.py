from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.strength import Strength

if TYPE_CHECKING:
    from ..models.evidence_read import EvidenceRead


T = TypeVar("T", bound="ActionRead")


@_attrs_define
class ActionRead:
    """
    Attributes:
        present (bool):
        evidence (list[EvidenceRead]):
        strength (None | Strength): `specific` (a step one can see done: adopt, ratify, repeal, allocate …), `general`
            (a goal: ensure, strengthen, combat …), `weak` (consider, continue, promote, take measures …), or null when no
            action verb was found. The leading verb decides: 'Consider ratifying' is weak.
    """

    present: bool
    evidence: list[EvidenceRead]
    strength: None | Strength
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        present = self.present

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        strength: None | str
        if isinstance(self.strength, Strength):
            strength = self.strength.value
        else:
            strength = self.strength

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "present": present,
                "evidence": evidence,
                "strength": strength,
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

        def _parse_strength(data: object) -> None | Strength:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                strength_type_0 = Strength(data)

                return strength_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Strength, data)

        strength = _parse_strength(d.pop("strength"))

        action_read = cls(
            present=present,
            evidence=evidence,
            strength=strength,
        )

        action_read.additional_properties = d
        return action_read

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
