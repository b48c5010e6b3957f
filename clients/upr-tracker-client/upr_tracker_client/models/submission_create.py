from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_party_write_type_0 import SubmissionPartyWriteType0
    from ..models.submission_party_write_type_1 import SubmissionPartyWriteType1


T = TypeVar("T", bound="SubmissionCreate")


@_attrs_define
class SubmissionCreate:
    """
    Attributes:
        review_id (int):
        title (str):
        parties (list[SubmissionPartyWriteType0 | SubmissionPartyWriteType1]): At least one author; several authors or
            any co-signer make it a joint submission.
        symbol (None | str | Unset): UN symbol, or the abbreviation the stakeholders' summary cites it by (e.g. `JS3`).
        url (None | str | Unset):
        cited_in_summary (bool | Unset):  Default: False.
        themes (list[int] | Unset): Theme ids (see `/themes`).
    """

    review_id: int
    title: str
    parties: list[SubmissionPartyWriteType0 | SubmissionPartyWriteType1]
    symbol: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    cited_in_summary: bool | Unset = False
    themes: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.submission_party_write_type_0 import SubmissionPartyWriteType0  # noqa: PLC0415

        review_id = self.review_id

        title = self.title

        parties = []
        for parties_item_data in self.parties:
            parties_item: dict[str, Any]
            if isinstance(parties_item_data, SubmissionPartyWriteType0):
                parties_item = parties_item_data.to_dict()
            else:
                parties_item = parties_item_data.to_dict()

            parties.append(parties_item)

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

        themes: list[int] | Unset = UNSET
        if not isinstance(self.themes, Unset):
            themes = self.themes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "title": title,
                "parties": parties,
            }
        )
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if url is not UNSET:
            field_dict["url"] = url
        if cited_in_summary is not UNSET:
            field_dict["cited_in_summary"] = cited_in_summary
        if themes is not UNSET:
            field_dict["themes"] = themes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submission_party_write_type_0 import SubmissionPartyWriteType0  # noqa: PLC0415
        from ..models.submission_party_write_type_1 import SubmissionPartyWriteType1  # noqa: PLC0415

        d = dict(src_dict)
        review_id = d.pop("review_id")

        title = d.pop("title")

        parties = []
        _parties = d.pop("parties")
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

        themes = cast(list[int], d.pop("themes", UNSET))

        submission_create = cls(
            review_id=review_id,
            title=title,
            parties=parties,
            symbol=symbol,
            url=url,
            cited_in_summary=cited_in_summary,
            themes=themes,
        )

        submission_create.additional_properties = d
        return submission_create

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
