from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.synonym_read import SynonymRead


T = TypeVar("T", bound="AffectedPersonDetail")


@_attrs_define
class AffectedPersonDetail:
    """A group as `/affected-persons` shows it (`girls` sits under `women`).

    Attributes:
        id (int):
        name (str):
        code (None | str): Our slug for the group, e.g. `women` (OHCHR gives groups no codes).
        parent_id (int | None): The broader group.
        children (list[int]): Ids of the groups directly under this one.
        synonyms (list[SynonymRead]):
        recommendation_count (int): Recommendations tagged with this group or any group under it, each counted once.
    """

    id: int
    name: str
    code: None | str
    parent_id: int | None
    children: list[int]
    synonyms: list[SynonymRead]
    recommendation_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        code: None | str
        code = self.code

        parent_id: int | None
        parent_id = self.parent_id

        children = self.children

        synonyms = []
        for synonyms_item_data in self.synonyms:
            synonyms_item = synonyms_item_data.to_dict()
            synonyms.append(synonyms_item)

        recommendation_count = self.recommendation_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "code": code,
                "parent_id": parent_id,
                "children": children,
                "synonyms": synonyms,
                "recommendation_count": recommendation_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.synonym_read import SynonymRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        def _parse_parent_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        children = cast(list[int], d.pop("children"))

        synonyms = []
        _synonyms = d.pop("synonyms")
        for synonyms_item_data in _synonyms:
            synonyms_item = SynonymRead.from_dict(synonyms_item_data)

            synonyms.append(synonyms_item)

        recommendation_count = d.pop("recommendation_count")

        affected_person_detail = cls(
            id=id,
            name=name,
            code=code,
            parent_id=parent_id,
            children=children,
            synonyms=synonyms,
            recommendation_count=recommendation_count,
        )

        affected_person_detail.additional_properties = d
        return affected_person_detail

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
