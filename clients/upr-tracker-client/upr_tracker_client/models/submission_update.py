from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_party_write_type_0 import SubmissionPartyWriteType0
    from ..models.submission_party_write_type_1 import SubmissionPartyWriteType1


T = TypeVar("T", bound="SubmissionUpdate")


@_attrs_define
class SubmissionUpdate:
    """
    Attributes:
        review_id (int | Unset):
        title (str | Unset):
        symbol (None | str | Unset):
        url (None | str | Unset):
        cited_in_summary (bool | Unset):
        parties (list[SubmissionPartyWriteType0 | SubmissionPartyWriteType1] | Unset): Replaces every party.
        themes (list[int] | Unset): Replaces every theme.
    """

    review_id: int | Unset = UNSET
    title: str | Unset = UNSET
    symbol: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    cited_in_summary: bool | Unset = UNSET
    parties: list[SubmissionPartyWriteType0 | SubmissionPartyWriteType1] | Unset = UNSET
    themes: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.submission_party_write_type_0 import SubmissionPartyWriteType0  # noqa: PLC0415

        review_id = self.review_id

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

        cited_in_summary = self.cited_in_summary

        parties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parties, Unset):
            parties = []
            for parties_item_data in self.parties:
                parties_item: dict[str, Any]
                if isinstance(parties_item_data, SubmissionPartyWriteType0):
                    parties_item = parties_item_data.to_dict()
                else:
                    parties_item = parties_item_data.to_dict()

                parties.append(parties_item)

        themes: list[int] | Unset = UNSET
        if not isinstance(self.themes, Unset):
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
        from ..models.submission_party_write_type_0 import SubmissionPartyWriteType0  # noqa: PLC0415
        from ..models.submission_party_write_type_1 import SubmissionPartyWriteType1  # noqa: PLC0415

        d = dict(src_dict)
        review_id = d.pop("review_id", UNSET)

        title = d.pop("title", UNSET)

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

        cited_in_summary = d.pop("cited_in_summary", UNSET)

        _parties = d.pop("parties", UNSET)
        parties: list[SubmissionPartyWriteType0 | SubmissionPartyWriteType1] | Unset = UNSET
        if _parties is not UNSET:
            parties = []
            for parties_item_data in _parties:

                def _parse_parties_item(data: object) -> SubmissionPartyWriteType0 | SubmissionPartyWriteType1:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_submission_party_write_type_0 = SubmissionPartyWriteType0.from_dict(data)

                        return componentsschemas_submission_party_write_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_submission_party_write_type_1 = SubmissionPartyWriteType1.from_dict(data)

                    return componentsschemas_submission_party_write_type_1

                parties_item = _parse_parties_item(parties_item_data)

                parties.append(parties_item)

        themes = cast(list[int], d.pop("themes", UNSET))

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
