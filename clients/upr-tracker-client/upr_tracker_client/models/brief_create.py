from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BriefCreate")


@_attrs_define
class BriefCreate:
    """
    Attributes:
        working_group_id (int): The working group writing the brief (its members and the coalition's leads may).
        review_id (int): The review the brief prepares (of the state the coalition works on).
        title (str):
        themes (list[int] | Unset): Ids of the themes (see `/themes`).
        affected_persons (list[int] | Unset): Ids of the affected-persons groups (see `/affected-persons`).
        submissions (list[int] | Unset): Ids of the stakeholder submissions the brief draws on, all made for
            `review_id`.
        issues (str | Unset): The issues, as prose. Default: ''.
        questions (list[str] | Unset): Advance questions for the state under review.
    """

    working_group_id: int
    review_id: int
    title: str
    themes: list[int] | Unset = UNSET
    affected_persons: list[int] | Unset = UNSET
    submissions: list[int] | Unset = UNSET
    issues: str | Unset = ""
    questions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        working_group_id = self.working_group_id

        review_id = self.review_id

        title = self.title

        themes: list[int] | Unset = UNSET
        if not isinstance(self.themes, Unset):
            themes = self.themes

        affected_persons: list[int] | Unset = UNSET
        if not isinstance(self.affected_persons, Unset):
            affected_persons = self.affected_persons

        submissions: list[int] | Unset = UNSET
        if not isinstance(self.submissions, Unset):
            submissions = self.submissions

        issues = self.issues

        questions: list[str] | Unset = UNSET
        if not isinstance(self.questions, Unset):
            questions = self.questions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "working_group_id": working_group_id,
                "review_id": review_id,
                "title": title,
            }
        )
        if themes is not UNSET:
            field_dict["themes"] = themes
        if affected_persons is not UNSET:
            field_dict["affected_persons"] = affected_persons
        if submissions is not UNSET:
            field_dict["submissions"] = submissions
        if issues is not UNSET:
            field_dict["issues"] = issues
        if questions is not UNSET:
            field_dict["questions"] = questions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        working_group_id = d.pop("working_group_id")

        review_id = d.pop("review_id")

        title = d.pop("title")

        themes = cast(list[int], d.pop("themes", UNSET))

        affected_persons = cast(list[int], d.pop("affected_persons", UNSET))

        submissions = cast(list[int], d.pop("submissions", UNSET))

        issues = d.pop("issues", UNSET)

        questions = cast(list[str], d.pop("questions", UNSET))

        brief_create = cls(
            working_group_id=working_group_id,
            review_id=review_id,
            title=title,
            themes=themes,
            affected_persons=affected_persons,
            submissions=submissions,
            issues=issues,
            questions=questions,
        )

        brief_create.additional_properties = d
        return brief_create

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
