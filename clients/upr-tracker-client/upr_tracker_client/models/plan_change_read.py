from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_change_kind import PlanChangeKind
from ..models.plan_entity import PlanEntity

if TYPE_CHECKING:
    from ..models.field_change import FieldChange
    from ..models.organisation_ref import OrganisationRef


T = TypeVar("T", bound="PlanChangeRead")


@_attrs_define
class PlanChangeRead:
    """One entry of a plan row's public history.

    Attributes:
        id (int):
        entity (PlanEntity):
        entity_id (int):
        kind (PlanChangeKind):
        at (datetime.datetime):
        by (None | OrganisationRef): The organisation that made the change, under the name the caller may see; never a
            person. Null for changes made by no organisation (a data migration).
        changes (list[FieldChange]): Per field, old → new; an action's cluster as `recommendations`.
        summary (str): For people: "due_date 2025-03-31 → 2027-03-31".
    """

    id: int
    entity: PlanEntity
    entity_id: int
    kind: PlanChangeKind
    at: datetime.datetime
    by: None | OrganisationRef
    changes: list[FieldChange]
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        id = self.id

        entity = self.entity.value

        entity_id = self.entity_id

        kind = self.kind.value

        at = self.at.isoformat()

        by: dict[str, Any] | None
        if isinstance(self.by, OrganisationRef):
            by = self.by.to_dict()
        else:
            by = self.by

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entity": entity,
                "entity_id": entity_id,
                "kind": kind,
                "at": at,
                "by": by,
                "changes": changes,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_change import FieldChange  # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        entity = PlanEntity(d.pop("entity"))

        entity_id = d.pop("entity_id")

        kind = PlanChangeKind(d.pop("kind"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_by(data: object) -> None | OrganisationRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_type_0 = OrganisationRef.from_dict(data)

                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationRef, data)

        by = _parse_by(d.pop("by"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = FieldChange.from_dict(changes_item_data)

            changes.append(changes_item)

        summary = d.pop("summary")

        plan_change_read = cls(
            id=id,
            entity=entity,
            entity_id=entity_id,
            kind=kind,
            at=at,
            by=by,
            changes=changes,
            summary=summary,
        )

        plan_change_read.additional_properties = d
        return plan_change_read

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
