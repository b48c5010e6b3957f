from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_party_write import SubmissionPartyWrite


T = TypeVar("T", bound="SubmissionUpdate")


@_attrs_define
class SubmissionUpdate:
    """
    Attributes:
        review_id (int | None | Unset):
        title (None | str | Unset):
        symbol (None | str | Unset):
        url (None | str | Unset):
        cited_in_summary (bool | None | Unset):
        parties (list[SubmissionPartyWrite] | None | Unset): Replaces every party.
        themes (list[int] | None | Unset): Replaces every theme.
    """

    review_id: int | None | Unset = UNSET
    title: None | str | Unset = UNSET
    symbol: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    cited_in_summary: bool | None | Unset = UNSET
    parties: list[SubmissionPartyWrite] | None | Unset = UNSET
    themes: list[int] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id: int | None | Unset
        if isinstance(self.review_id, Unset):
            review_id = UNSET
        else:
            review_id = self.review_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        symbol: None | str | Unset
        if isinstance(self.symbol, Unset):
            symbol = UNSET
        else:
            symbol = self.symbol

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        cited_in_summary: bool | None | Unset
        if isinstance(self.cited_in_summary, Unset):
            cited_in_summary = UNSET
        else:
            cited_in_summary = self.cited_in_summary

        parties: list[dict[str, Any]] | None | Unset
        if isinstance(self.parties, Unset):
            parties = UNSET
        elif isinstance(self.parties, list):
            parties = []
            for parties_type_0_item_data in self.parties:
                parties_type_0_item = parties_type_0_item_data.to_dict()
                parties.append(parties_type_0_item)

        else:
            parties = self.parties

        themes: list[int] | None | Unset
        if isinstance(self.themes, Unset):
            themes = UNSET
        elif isinstance(self.themes, list):
            themes = self.themes

        else:
            themes = self.themes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if review_id is not UNSET:
            field_dict["review_id"] = review_id
        if title is not UNSET:
            field_dict["title"] = title
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if url is not UNSET:
            field_dict["url"] = url
        if cited_in_summary is not UNSET:
            field_dict["cited_in_summary"] = cited_in_summary
        if parties is not UNSET:
            field_dict["parties"] = parties
        if themes is not UNSET:
            field_dict["themes"] = themes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submission_party_write import SubmissionPartyWrite  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_review_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_id = _parse_review_id(d.pop("review_id", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_symbol(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symbol = _parse_symbol(d.pop("symbol", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_cited_in_summary(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cited_in_summary = _parse_cited_in_summary(d.pop("cited_in_summary", UNSET))

        def _parse_parties(data: object) -> list[SubmissionPartyWrite] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parties_type_0 = []
                _parties_type_0 = data
                for parties_type_0_item_data in _parties_type_0:
                    parties_type_0_item = SubmissionPartyWrite.from_dict(parties_type_0_item_data)

                    parties_type_0.append(parties_type_0_item)

                return parties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubmissionPartyWrite] | None | Unset, data)

        parties = _parse_parties(d.pop("parties", UNSET))

        def _parse_themes(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                themes_type_0 = cast(list[int], data)

                return themes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        themes = _parse_themes(d.pop("themes", UNSET))

        submission_update = cls(
            review_id=review_id,
            title=title,
            symbol=symbol,
            url=url,
            cited_in_summary=cited_in_summary,
            parties=parties,
            themes=themes,
        )

        submission_update.additional_properties = d
        return submission_update

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
