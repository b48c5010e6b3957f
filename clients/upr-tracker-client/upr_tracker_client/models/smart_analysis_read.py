from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_read import ActionRead
    from ..models.addressee_read import AddresseeRead
    from ..models.signal_read import SignalRead


T = TypeVar("T", bound="SmartAnalysisRead")


@_attrs_define
class SmartAnalysisRead:
    """The SMART signals of an ask, as `POST /recommendations/analyse` gives them (offsets index `text`).

    Attributes:
        smart_score (int): How many of: a specific action, a measurable element, a time frame, a named actor.
        action (ActionRead):
        measurable (SignalRead):
        time_bound (SignalRead):
        addressee (AddresseeRead):
        suggestions (list[str]): What would make the ask more specific, in plain language.
    """

    smart_score: int
    action: ActionRead
    measurable: SignalRead
    time_bound: SignalRead
    addressee: AddresseeRead
    suggestions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        smart_score = self.smart_score

        action = self.action.to_dict()

        measurable = self.measurable.to_dict()

        time_bound = self.time_bound.to_dict()

        addressee = self.addressee.to_dict()

        suggestions = self.suggestions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "smart_score": smart_score,
                "action": action,
                "measurable": measurable,
                "time_bound": time_bound,
                "addressee": addressee,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead  # noqa: PLC0415
        from ..models.addressee_read import AddresseeRead  # noqa: PLC0415
        from ..models.signal_read import SignalRead  # noqa: PLC0415

        d = dict(src_dict)
        smart_score = d.pop("smart_score")

        action = ActionRead.from_dict(d.pop("action"))

        measurable = SignalRead.from_dict(d.pop("measurable"))

        time_bound = SignalRead.from_dict(d.pop("time_bound"))

        addressee = AddresseeRead.from_dict(d.pop("addressee"))

        suggestions = cast(list[str], d.pop("suggestions"))

        smart_analysis_read = cls(
            smart_score=smart_score,
            action=action,
            measurable=measurable,
            time_bound=time_bound,
            addressee=addressee,
            suggestions=suggestions,
        )

        smart_analysis_read.additional_properties = d
        return smart_analysis_read

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
