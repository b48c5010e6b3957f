from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.brief_status import BriefStatus

if TYPE_CHECKING:
    from ..models.brief_export_label import BriefExportLabel
    from ..models.brief_export_recommendation import BriefExportRecommendation
    from ..models.brief_export_session import BriefExportSession
    from ..models.brief_export_state import BriefExportState
    from ..models.brief_export_submission import BriefExportSubmission


T = TypeVar("T", bound="BriefExport")


@_attrs_define
class BriefExport:
    """A brief as one document that needs no other call to read: names instead of ids.

    Attributes:
        format_ (str): `upr-tracker.brief/1`: this document's shape and version.
        id (int):
        title (str):
        status (BriefStatus):
        coalition (str):
        working_group (str):
        state (BriefExportState):
        session (BriefExportSession):
        dialogue_date (datetime.date | None):
        adoption_date (datetime.date | None):
        issues (str):
        questions (list[str]):
        recommendations (list[BriefExportRecommendation]):
        themes (list[BriefExportLabel]):
        affected_persons (list[BriefExportLabel]):
        submissions (list[BriefExportSubmission]):
        published_at (datetime.datetime | None):
        updated_at (datetime.datetime):
    """

    format_: str
    id: int
    title: str
    status: BriefStatus
    coalition: str
    working_group: str
    state: BriefExportState
    session: BriefExportSession
    dialogue_date: datetime.date | None
    adoption_date: datetime.date | None
    issues: str
    questions: list[str]
    recommendations: list[BriefExportRecommendation]
    themes: list[BriefExportLabel]
    affected_persons: list[BriefExportLabel]
    submissions: list[BriefExportSubmission]
    published_at: datetime.datetime | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        id = self.id

        title = self.title

        status = self.status.value

        coalition = self.coalition

        working_group = self.working_group

        state = self.state.to_dict()

        session = self.session.to_dict()

        dialogue_date: None | str
        if isinstance(self.dialogue_date, datetime.date):
            dialogue_date = self.dialogue_date.isoformat()
        else:
            dialogue_date = self.dialogue_date

        adoption_date: None | str
        if isinstance(self.adoption_date, datetime.date):
            adoption_date = self.adoption_date.isoformat()
        else:
            adoption_date = self.adoption_date

        issues = self.issues

        questions = self.questions

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

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

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "id": id,
                "title": title,
                "status": status,
                "coalition": coalition,
                "working_group": working_group,
                "state": state,
                "session": session,
                "dialogue_date": dialogue_date,
                "adoption_date": adoption_date,
                "issues": issues,
                "questions": questions,
                "recommendations": recommendations,
                "themes": themes,
                "affected_persons": affected_persons,
                "submissions": submissions,
                "published_at": published_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.brief_export_label import BriefExportLabel  # noqa: PLC0415
        from ..models.brief_export_recommendation import BriefExportRecommendation  # noqa: PLC0415
        from ..models.brief_export_session import BriefExportSession  # noqa: PLC0415
        from ..models.brief_export_state import BriefExportState  # noqa: PLC0415
        from ..models.brief_export_submission import BriefExportSubmission  # noqa: PLC0415

        d = dict(src_dict)
        format_ = d.pop("format")

        id = d.pop("id")

        title = d.pop("title")

        status = BriefStatus(d.pop("status"))

        coalition = d.pop("coalition")

        working_group = d.pop("working_group")

        state = BriefExportState.from_dict(d.pop("state"))

        session = BriefExportSession.from_dict(d.pop("session"))

        def _parse_dialogue_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dialogue_date_type_0 = datetime.date.fromisoformat(data)

                return dialogue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        dialogue_date = _parse_dialogue_date(d.pop("dialogue_date"))

        def _parse_adoption_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adoption_date_type_0 = datetime.date.fromisoformat(data)

                return adoption_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        adoption_date = _parse_adoption_date(d.pop("adoption_date"))

        issues = d.pop("issues")

        questions = cast(list[str], d.pop("questions"))

        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = BriefExportRecommendation.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = BriefExportLabel.from_dict(themes_item_data)

            themes.append(themes_item)

        affected_persons = []
        _affected_persons = d.pop("affected_persons")
        for affected_persons_item_data in _affected_persons:
            affected_persons_item = BriefExportLabel.from_dict(affected_persons_item_data)

            affected_persons.append(affected_persons_item)

        submissions = []
        _submissions = d.pop("submissions")
        for submissions_item_data in _submissions:
            submissions_item = BriefExportSubmission.from_dict(submissions_item_data)

            submissions.append(submissions_item)

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

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        brief_export = cls(
            format_=format_,
            id=id,
            title=title,
            status=status,
            coalition=coalition,
            working_group=working_group,
            state=state,
            session=session,
            dialogue_date=dialogue_date,
            adoption_date=adoption_date,
            issues=issues,
            questions=questions,
            recommendations=recommendations,
            themes=themes,
            affected_persons=affected_persons,
            submissions=submissions,
            published_at=published_at,
            updated_at=updated_at,
        )

        brief_export.additional_properties = d
        return brief_export

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
