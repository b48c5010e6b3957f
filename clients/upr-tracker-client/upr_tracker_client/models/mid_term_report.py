from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_counts import ActorCounts
    from ..models.matrix_row import MatrixRow
    from ..models.mid_term_report_by_position import MidTermReportByPosition
    from ..models.position_change import PositionChange
    from ..models.theme_counts import ThemeCounts


T = TypeVar("T", bound="MidTermReport")


@_attrs_define
class MidTermReport:
    """
    Attributes:
        state (str):
        cycle (int):
        generated_at (datetime.datetime):
        recommendations (int):
        by_position (MidTermReportByPosition): Recommendations by current position (`none`: not yet answered).
        by_actor (list[ActorCounts]):
        by_theme (list[ThemeCounts]):
        position_changes (list[PositionChange]):
        matrix (list[MatrixRow]):
    """

    state: str
    cycle: int
    generated_at: datetime.datetime
    recommendations: int
    by_position: MidTermReportByPosition
    by_actor: list[ActorCounts]
    by_theme: list[ThemeCounts]
    position_changes: list[PositionChange]
    matrix: list[MatrixRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state

        cycle = self.cycle

        generated_at = self.generated_at.isoformat()

        recommendations = self.recommendations

        by_position = self.by_position.to_dict()

        by_actor = []
        for by_actor_item_data in self.by_actor:
            by_actor_item = by_actor_item_data.to_dict()
            by_actor.append(by_actor_item)

        by_theme = []
        for by_theme_item_data in self.by_theme:
            by_theme_item = by_theme_item_data.to_dict()
            by_theme.append(by_theme_item)

        position_changes = []
        for position_changes_item_data in self.position_changes:
            position_changes_item = position_changes_item_data.to_dict()
            position_changes.append(position_changes_item)

        matrix = []
        for matrix_item_data in self.matrix:
            matrix_item = matrix_item_data.to_dict()
            matrix.append(matrix_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "cycle": cycle,
                "generated_at": generated_at,
                "recommendations": recommendations,
                "by_position": by_position,
                "by_actor": by_actor,
                "by_theme": by_theme,
                "position_changes": position_changes,
                "matrix": matrix,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_counts import ActorCounts  # noqa: PLC0415
        from ..models.matrix_row import MatrixRow  # noqa: PLC0415
        from ..models.mid_term_report_by_position import MidTermReportByPosition  # noqa: PLC0415
        from ..models.position_change import PositionChange  # noqa: PLC0415
        from ..models.theme_counts import ThemeCounts  # noqa: PLC0415

        d = dict(src_dict)
        state = d.pop("state")

        cycle = d.pop("cycle")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        recommendations = d.pop("recommendations")

        by_position = MidTermReportByPosition.from_dict(d.pop("by_position"))

        by_actor = []
        _by_actor = d.pop("by_actor")
        for by_actor_item_data in _by_actor:
            by_actor_item = ActorCounts.from_dict(by_actor_item_data)

            by_actor.append(by_actor_item)

        by_theme = []
        _by_theme = d.pop("by_theme")
        for by_theme_item_data in _by_theme:
            by_theme_item = ThemeCounts.from_dict(by_theme_item_data)

            by_theme.append(by_theme_item)

        position_changes = []
        _position_changes = d.pop("position_changes")
        for position_changes_item_data in _position_changes:
            position_changes_item = PositionChange.from_dict(position_changes_item_data)

            position_changes.append(position_changes_item)

        matrix = []
        _matrix = d.pop("matrix")
        for matrix_item_data in _matrix:
            matrix_item = MatrixRow.from_dict(matrix_item_data)

            matrix.append(matrix_item)

        mid_term_report = cls(
            state=state,
            cycle=cycle,
            generated_at=generated_at,
            recommendations=recommendations,
            by_position=by_position,
            by_actor=by_actor,
            by_theme=by_theme,
            position_changes=position_changes,
            matrix=matrix,
        )

        mid_term_report.additional_properties = d
        return mid_term_report

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
