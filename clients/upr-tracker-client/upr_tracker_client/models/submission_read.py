from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.submission_party_read import SubmissionPartyRead
    from ..models.theme_read import ThemeRead


T = TypeVar("T", bound="SubmissionRead")


@_attrs_define
class SubmissionRead:
    """
    Attributes:
        id (int):
        review_id (int):
        state_under_review (str):
        session (int):
        title (str):
        symbol (None | str):
        url (None | str):
        cited_in_summary (bool):
        joint (bool): Several authors, or any co-signer.
        parties (list[SubmissionPartyRead]):
        themes (list[ThemeRead]):
        created_at (datetime.datetime):
    """

    id: int
    review_id: int
    state_under_review: str
    session: int
    title: str
    symbol: None | str
    url: None | str
    cited_in_summary: bool
    joint: bool
    parties: list[SubmissionPartyRead]
    themes: list[ThemeRead]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        review_id = self.review_id

        state_under_review = self.state_under_review

        session = self.session

        title = self.title

        symbol: None | str
        symbol = self.symbol

        url: None | str
        url = self.url

        cited_in_summary = self.cited_in_summary

        joint = self.joint

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)

        themes = []
        for themes_item_data in self.themes:
            themes_item = themes_item_data.to_dict()
            themes.append(themes_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_id": review_id,
                "state_under_review": state_under_review,
                "session": session,
                "title": title,
                "symbol": symbol,
                "url": url,
                "cited_in_summary": cited_in_summary,
                "joint": joint,
                "parties": parties,
                "themes": themes,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submission_party_read import SubmissionPartyRead  # noqa: PLC0415
        from ..models.theme_read import ThemeRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        review_id = d.pop("review_id")

        state_under_review = d.pop("state_under_review")

        session = d.pop("session")

        title = d.pop("title")

        def _parse_symbol(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        symbol = _parse_symbol(d.pop("symbol"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        cited_in_summary = d.pop("cited_in_summary")

        joint = d.pop("joint")

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in _parties:
            parties_item = SubmissionPartyRead.from_dict(parties_item_data)

            parties.append(parties_item)

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = ThemeRead.from_dict(themes_item_data)

            themes.append(themes_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        submission_read = cls(
            id=id,
            review_id=review_id,
            state_under_review=state_under_review,
            session=session,
            title=title,
            symbol=symbol,
            url=url,
            cited_in_summary=cited_in_summary,
            joint=joint,
            parties=parties,
            themes=themes,
            created_at=created_at,
        )

        submission_read.additional_properties = d
        return submission_read

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
