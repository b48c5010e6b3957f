from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organisation_read import OrganisationRead
    from ..models.user_read import UserRead


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """Who the caller is, as the API sees it.

    Attributes:
        kind (str): `user` or `service_token`.
        role (str):
        user (None | UserRead):
        organisation (OrganisationRead):
        state_code (str):
        permissions (list[str]):
    """

    kind: str
    role: str
    user: None | UserRead
    organisation: OrganisationRead
    state_code: str
    permissions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_read import UserRead  # noqa: PLC0415

        kind = self.kind

        role = self.role

        user: dict[str, Any] | None
        if isinstance(self.user, UserRead):
            user = self.user.to_dict()
        else:
            user = self.user

        organisation = self.organisation.to_dict()

        state_code = self.state_code

        permissions = self.permissions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "role": role,
                "user": user,
                "organisation": organisation,
                "state_code": state_code,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_read import OrganisationRead  # noqa: PLC0415
        from ..models.user_read import UserRead  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        role = d.pop("role")

        def _parse_user(data: object) -> None | UserRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = UserRead.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserRead, data)

        user = _parse_user(d.pop("user"))

        organisation = OrganisationRead.from_dict(d.pop("organisation"))

        state_code = d.pop("state_code")

        permissions = cast(list[str], d.pop("permissions"))

        me = cls(
            kind=kind,
            role=role,
            user=user,
            organisation=organisation,
            state_code=state_code,
            permissions=permissions,
        )

        me.additional_properties = d
        return me

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
