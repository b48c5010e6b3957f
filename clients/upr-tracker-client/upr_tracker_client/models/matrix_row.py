from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind

if TYPE_CHECKING:
    from ..models.actor_rating import ActorRating
    from ..models.matrix_action import MatrixAction
    from ..models.matrix_indicator import MatrixIndicator


T = TypeVar("T", bound="MatrixRow")


@_attrs_define
class MatrixRow:
    """
    Attributes:
        recommendation_id (int):
        paragraph (None | str):
        text (str):
        recommending_states (list[str]):
        current_position (None | PositionKind):
        session (int):
        themes (list[str]):
        actions (list[MatrixAction]):
        indicators (list[MatrixIndicator]):
        assessments (list[ActorRating]): Each organisation's current traffic light that you may see: government first,
            then NHRIs, CSOs, others.
    """

    recommendation_id: int
    paragraph: None | str
    text: str
    recommending_states: list[str]
    current_position: None | PositionKind
    session: int
    themes: list[str]
    actions: list[MatrixAction]
    indicators: list[MatrixIndicator]
    assessments: list[ActorRating]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendation_id = self.recommendation_id

        paragraph: None | str
        paragraph = self.paragraph

        text = self.text

        recommending_states = self.recommending_states

        current_position: None | str
        if isinstance(self.current_position, PositionKind):
            current_position = self.current_position.value
        else:
            current_position = self.current_position

        session = self.session

        themes = self.themes

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        assessments = []
        for assessments_item_data in self.assessments:
            assessments_item = assessments_item_data.to_dict()
            assessments.append(assessments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendation_id": recommendation_id,
                "paragraph": paragraph,
                "text": text,
                "recommending_states": recommending_states,
                "current_position": current_position,
                "session": session,
                "themes": themes,
                "actions": actions,
                "indicators": indicators,
                "assessments": assessments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_rating import ActorRating  # noqa: PLC0415
        from ..models.matrix_action import MatrixAction  # noqa: PLC0415
        from ..models.matrix_indicator import MatrixIndicator  # noqa: PLC0415

        d = dict(src_dict)
        recommendation_id = d.pop("recommendation_id")

        def _parse_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paragraph = _parse_paragraph(d.pop("paragraph"))

        text = d.pop("text")

        recommending_states = cast(list[str], d.pop("recommending_states"))

        def _parse_current_position(data: object) -> None | PositionKind:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_position_type_0 = PositionKind(data)

                return current_position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionKind, data)

        current_position = _parse_current_position(d.pop("current_position"))

        session = d.pop("session")

        themes = cast(list[str], d.pop("themes"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = MatrixAction.from_dict(actions_item_data)

            actions.append(actions_item)

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = MatrixIndicator.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        assessments = []
        _assessments = d.pop("assessments")
        for assessments_item_data in _assessments:
            assessments_item = ActorRating.from_dict(assessments_item_data)

            assessments.append(assessments_item)

        matrix_row = cls(
            recommendation_id=recommendation_id,
            paragraph=paragraph,
            text=text,
            recommending_states=recommending_states,
            current_position=current_position,
            session=session,
            themes=themes,
            actions=actions,
            indicators=indicators,
            assessments=assessments,
        )

        matrix_row.additional_properties = d
        return matrix_row

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
