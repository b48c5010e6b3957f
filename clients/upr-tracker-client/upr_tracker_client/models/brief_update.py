from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.brief_status import BriefStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BriefUpdate")


@_attrs_define
class BriefUpdate:
    """
    Attributes:
        themes (list[int] | Unset): Ids of the themes (see `/themes`). On PATCH the list replaces them; `[]` empties it.
        affected_persons (list[int] | Unset): Ids of the affected-persons groups (see `/affected-persons`). On PATCH the
            list replaces them.
        submissions (list[int] | Unset): Ids of the stakeholder submissions the brief draws on, all made for the brief's
            review.
        title (str | Unset):
        issues (str | Unset):
        questions (list[str] | Unset): Replaces the advance questions; `[]` empties them.
        status (BriefStatus | Unset):
    """

    themes: list[int] | Unset = UNSET
    affected_persons: list[int] | Unset = UNSET
    submissions: list[int] | Unset = UNSET
    title: str | Unset = UNSET
    issues: str | Unset = UNSET
    questions: list[str] | Unset = UNSET
    status: BriefStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        themes: list[int] | Unset = UNSET
        if not isinstance(self.themes, Unset):
            themes = self.themes

        affected_persons: list[int] | Unset = UNSET
        if not isinstance(self.affected_persons, Unset):
            affected_persons = self.affected_persons

        submissions: list[int] | Unset = UNSET
        if not isinstance(self.submissions, Unset):
            submissions = self.submissions

        title = self.title

        issues = self.issues

        questions: list[str] | Unset = UNSET
        if not isinstance(self.questions, Unset):
            questions = self.questions

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if themes is not UNSET:
            field_dict["themes"] = themes
        if affected_persons is not UNSET:
            field_dict["affected_persons"] = affected_persons
        if submissions is not UNSET:
            field_dict["submissions"] = submissions
        if title is not UNSET:
            field_dict["title"] = title
        if issues is not UNSET:
            field_dict["issues"] = issues
        if questions is not UNSET:
            field_dict["questions"] = questions
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        themes = cast(list[int], d.pop("themes", UNSET))

        affected_persons = cast(list[int], d.pop("affected_persons", UNSET))

        submissions = cast(list[int], d.pop("submissions", UNSET))

        title = d.pop("title", UNSET)

        issues = d.pop("issues", UNSET)

        questions = cast(list[str], d.pop("questions", UNSET))

        _status = d.pop("status", UNSET)
        status: BriefStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BriefStatus(_status)

        brief_update = cls(
            themes=themes,
            affected_persons=affected_persons,
            submissions=submissions,
            title=title,
            issues=issues,
            questions=questions,
            status=status,
        )

        brief_update.additional_properties = d
        return brief_update

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
