from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.synonym_read import SynonymRead


T = TypeVar("T", bound="ThemeDetail")


@_attrs_define
class ThemeDetail:
    """A theme as `/themes` shows it: where it sits in the hierarchy, how sources name it, what it covers.

    Attributes:
        name (str):
        id (int):
        children (list[int]): Ids of the themes directly under this one.
        synonyms (list[SynonymRead]):
        recommendation_count (int): Recommendations tagged with this theme or any theme under it, each counted once.
        code (None | str | Unset): Code in a coded taxonomy, e.g. `A12` in OHCHR matrices of cycles 1–2.
        parent_id (int | None | Unset): Broader theme, for a hierarchical taxonomy.
    """

    name: str
    id: int
    children: list[int]
    synonyms: list[SynonymRead]
    recommendation_count: int
    code: None | str | Unset = UNSET
    parent_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        children = self.children

        synonyms = []
        for synonyms_item_data in self.synonyms:
            synonyms_item = synonyms_item_data.to_dict()
            synonyms.append(synonyms_item)

        recommendation_count = self.recommendation_count

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        parent_id: int | None | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "id": id,
                "children": children,
                "synonyms": synonyms,
                "recommendation_count": recommendation_count,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.synonym_read import SynonymRead  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id")

        children = cast(list[int], d.pop("children"))

        synonyms = []
        _synonyms = d.pop("synonyms")
        for synonyms_item_data in _synonyms:
            synonyms_item = SynonymRead.from_dict(synonyms_item_data)

            synonyms.append(synonyms_item)

        recommendation_count = d.pop("recommendation_count")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_parent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        theme_detail = cls(
            name=name,
            id=id,
            children=children,
            synonyms=synonyms,
            recommendation_count=recommendation_count,
            code=code,
            parent_id=parent_id,
        )

        theme_detail.additional_properties = d
        return theme_detail

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
