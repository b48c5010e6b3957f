from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action import AuditAction

if TYPE_CHECKING:
    from ..models.audit_entry_read_changes import AuditEntryReadChanges


T = TypeVar("T", bound="AuditEntryRead")


@_attrs_define
class AuditEntryRead:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        actor_user_id (int | None):
        actor_service_token_id (int | None):
        organisation_id (int | None):
        entity (str):
        entity_id (str):
        action (AuditAction):
        changes (AuditEntryReadChanges):
        request_id (None | str):
    """

    id: int
    at: datetime.datetime
    actor_user_id: int | None
    actor_service_token_id: int | None
    organisation_id: int | None
    entity: str
    entity_id: str
    action: AuditAction
    changes: AuditEntryReadChanges
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor_user_id: int | None
        actor_user_id = self.actor_user_id

        actor_service_token_id: int | None
        actor_service_token_id = self.actor_service_token_id

        organisation_id: int | None
        organisation_id = self.organisation_id

        entity = self.entity

        entity_id = self.entity_id

        action = self.action.value

        changes = self.changes.to_dict()

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor_user_id": actor_user_id,
                "actor_service_token_id": actor_service_token_id,
                "organisation_id": organisation_id,
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "changes": changes,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_read_changes import AuditEntryReadChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_actor_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_user_id = _parse_actor_user_id(d.pop("actor_user_id"))

        def _parse_actor_service_token_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_service_token_id = _parse_actor_service_token_id(d.pop("actor_service_token_id"))

        def _parse_organisation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        organisation_id = _parse_organisation_id(d.pop("organisation_id"))

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        action = AuditAction(d.pop("action"))

        changes = AuditEntryReadChanges.from_dict(d.pop("changes"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        audit_entry_read = cls(
            id=id,
            at=at,
            actor_user_id=actor_user_id,
            actor_service_token_id=actor_service_token_id,
            organisation_id=organisation_id,
            entity=entity,
            entity_id=entity_id,
            action=action,
            changes=changes,
            request_id=request_id,
        )

        audit_entry_read.additional_properties = d
        return audit_entry_read

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
