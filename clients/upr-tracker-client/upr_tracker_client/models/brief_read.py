from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.brief_status import BriefStatus

if TYPE_CHECKING:
    from ..models.brief_ask import BriefAsk
    from ..models.brief_coalition_ref import BriefCoalitionRef
    from ..models.brief_label_ref import BriefLabelRef
    from ..models.brief_review_ref import BriefReviewRef
    from ..models.brief_submission_ref import BriefSubmissionRef
    from ..models.brief_working_group_ref import BriefWorkingGroupRef


T = TypeVar("T", bound="BriefRead")


@_attrs_define
class BriefRead:
    """
    Attributes:
        id (int):
        coalition (BriefCoalitionRef):
        working_group (BriefWorkingGroupRef):
        review (BriefReviewRef):
        title (str):
        issues (str):
        questions (list[str]):
        proposed_recommendations (list[BriefAsk]): The asks, in order, each with its SMART analysis.
        themes (list[BriefLabelRef]):
        affected_persons (list[BriefLabelRef]):
        submissions (list[BriefSubmissionRef]):
        status (BriefStatus):
        published_at (datetime.datetime | None): When it was (last) published; null unless published.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    coalition: BriefCoalitionRef
    working_group: BriefWorkingGroupRef
    review: BriefReviewRef
    title: str
    issues: str
    questions: list[str]
    proposed_recommendations: list[BriefAsk]
    themes: list[BriefLabelRef]
    affected_persons: list[BriefLabelRef]
    submissions: list[BriefSubmissionRef]
    status: BriefStatus
    published_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        coalition = self.coalition.to_dict()

        working_group = self.working_group.to_dict()

        review = self.review.to_dict()

        title = self.title

        issues = self.issues

        questions = self.questions

        proposed_recommendations = []
        for proposed_recommendations_item_data in self.proposed_recommendations:
            proposed_recommendations_item = proposed_recommendations_item_data.to_dict()
            proposed_recommendations.append(proposed_recommendations_item)

        themes = []
        for themes_item_data in self.themes:
            themes_item = themes_item_data.to_dict()
            themes.append(themes_item)

        affected_persons = []
        for affected_persons_item_data in self.affected_persons:
            affected_persons_item = affected_persons_item_data.to_dict()
            affected_persons.append(affected_persons_item)

        submissions = []
        for submissions_item_data in self.submissions:
            submissions_item = submissions_item_data.to_dict()
            submissions.append(submissions_item)

        status = self.status.value

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "coalition": coalition,
                "working_group": working_group,
                "review": review,
                "title": title,
                "issues": issues,
                "questions": questions,
                "proposed_recommendations": proposed_recommendations,
                "themes": themes,
                "affected_persons": affected_persons,
                "submissions": submissions,
                "status": status,
                "published_at": published_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brief_ask import BriefAsk  # noqa: PLC0415
        from ..models.brief_coalition_ref import BriefCoalitionRef  # noqa: PLC0415
        from ..models.brief_label_ref import BriefLabelRef  # noqa: PLC0415
        from ..models.brief_review_ref import BriefReviewRef  # noqa: PLC0415
        from ..models.brief_submission_ref import BriefSubmissionRef  # noqa: PLC0415
        from ..models.brief_working_group_ref import BriefWorkingGroupRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        coalition = BriefCoalitionRef.from_dict(d.pop("coalition"))

        working_group = BriefWorkingGroupRef.from_dict(d.pop("working_group"))

        review = BriefReviewRef.from_dict(d.pop("review"))

        title = d.pop("title")

        issues = d.pop("issues")

        questions = cast(list[str], d.pop("questions"))

        proposed_recommendations = []
        _proposed_recommendations = d.pop("proposed_recommendations")
        for proposed_recommendations_item_data in _proposed_recommendations:
            proposed_recommendations_item = BriefAsk.from_dict(proposed_recommendations_item_data)

            proposed_recommendations.append(proposed_recommendations_item)

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = BriefLabelRef.from_dict(themes_item_data)

            themes.append(themes_item)

        affected_persons = []
        _affected_persons = d.pop("affected_persons")
        for affected_persons_item_data in _affected_persons:
            affected_persons_item = BriefLabelRef.from_dict(affected_persons_item_data)

            affected_persons.append(affected_persons_item)

        submissions = []
        _submissions = d.pop("submissions")
        for submissions_item_data in _submissions:
            submissions_item = BriefSubmissionRef.from_dict(submissions_item_data)

            submissions.append(submissions_item)

        status = BriefStatus(d.pop("status"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        brief_read = cls(
            id=id,
            coalition=coalition,
            working_group=working_group,
            review=review,
            title=title,
            issues=issues,
            questions=questions,
            proposed_recommendations=proposed_recommendations,
            themes=themes,
            affected_persons=affected_persons,
            submissions=submissions,
            status=status,
            published_at=published_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        brief_read.additional_properties = d
        return brief_read

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
