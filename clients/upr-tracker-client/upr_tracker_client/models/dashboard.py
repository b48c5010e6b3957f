from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_counts import ActorCounts
    from ..models.dashboard_actions_by_status import DashboardActionsByStatus
    from ..models.dashboard_by_position import DashboardByPosition
    from ..models.dashboard_milestones import DashboardMilestones
    from ..models.theme_counts import ThemeCounts


T = TypeVar("T", bound="Dashboard")


@_attrs_define
class Dashboard:
    """
    Attributes:
        state (str):
        cycle (int | None):
        recommendations (int):
        recommendations_with_actions (int):
        by_position (DashboardByPosition):
        actions_by_status (DashboardActionsByStatus):
        milestones (DashboardMilestones): `total`, `done`, `overdue`, `rescheduled` (whose due date was ever moved
            later) of the current milestones; `withdrawn` (deleted from the plan, an action's with it) and
            `cancelled_or_withdrawn_while_overdue` (taken off the overdue list without being done: cancelled or withdrawn
            while past due). `/tracking/plan-changes` lists each change.
        by_theme (list[ThemeCounts]):
        by_actor (list[ActorCounts]):
    """

    state: str
    cycle: int | None
    recommendations: int
    recommendations_with_actions: int
    by_position: DashboardByPosition
    actions_by_status: DashboardActionsByStatus
    milestones: DashboardMilestones
    by_theme: list[ThemeCounts]
    by_actor: list[ActorCounts]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state

        cycle: int | None
        cycle = self.cycle

        recommendations = self.recommendations

        recommendations_with_actions = self.recommendations_with_actions

        by_position = self.by_position.to_dict()

        actions_by_status = self.actions_by_status.to_dict()

        milestones = self.milestones.to_dict()

        by_theme = []
        for by_theme_item_data in self.by_theme:
            by_theme_item = by_theme_item_data.to_dict()
            by_theme.append(by_theme_item)

        by_actor = []
        for by_actor_item_data in self.by_actor:
            by_actor_item = by_actor_item_data.to_dict()
            by_actor.append(by_actor_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "cycle": cycle,
                "recommendations": recommendations,
                "recommendations_with_actions": recommendations_with_actions,
                "by_position": by_position,
                "actions_by_status": actions_by_status,
                "milestones": milestones,
                "by_theme": by_theme,
                "by_actor": by_actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_counts import ActorCounts  # noqa: PLC0415
        from ..models.dashboard_actions_by_status import DashboardActionsByStatus  # noqa: PLC0415
        from ..models.dashboard_by_position import DashboardByPosition  # noqa: PLC0415
        from ..models.dashboard_milestones import DashboardMilestones  # noqa: PLC0415
        from ..models.theme_counts import ThemeCounts  # noqa: PLC0415

        d = dict(src_dict)
        state = d.pop("state")

        def _parse_cycle(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cycle = _parse_cycle(d.pop("cycle"))

        recommendations = d.pop("recommendations")

        recommendations_with_actions = d.pop("recommendations_with_actions")

        by_position = DashboardByPosition.from_dict(d.pop("by_position"))

        actions_by_status = DashboardActionsByStatus.from_dict(d.pop("actions_by_status"))

        milestones = DashboardMilestones.from_dict(d.pop("milestones"))

        by_theme = []
        _by_theme = d.pop("by_theme")
        for by_theme_item_data in _by_theme:
            by_theme_item = ThemeCounts.from_dict(by_theme_item_data)

            by_theme.append(by_theme_item)

        by_actor = []
        _by_actor = d.pop("by_actor")
        for by_actor_item_data in _by_actor:
            by_actor_item = ActorCounts.from_dict(by_actor_item_data)

            by_actor.append(by_actor_item)

        dashboard = cls(
            state=state,
            cycle=cycle,
            recommendations=recommendations,
            recommendations_with_actions=recommendations_with_actions,
            by_position=by_position,
            actions_by_status=actions_by_status,
            milestones=milestones,
            by_theme=by_theme,
            by_actor=by_actor,
        )

        dashboard.additional_properties = d
        return dashboard

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
