from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_category_read import ActionCategoryRead
    from ..models.action_read import ActionRead
    from ..models.addressee_read import AddresseeRead
    from ..models.label_read import LabelRead
    from ..models.model_read import ModelRead
    from ..models.signal_read import SignalRead


T = TypeVar("T", bound="AnalysisRead")


@_attrs_define
class AnalysisRead:
    """The SMART signals (every offset indexes `text`), then the classifier's guesses when a model is stored.

    Attributes:
        text (str): The analysed text (whitespace-stripped): the offsets index it.
        language (str):
        smart_score (int): How many of: a specific action, a measurable element, a time frame, a named actor.
        action (ActionRead):
        measurable (SignalRead):
        time_bound (SignalRead):
        addressee (AddresseeRead):
        suggestions (list[str]): What would make the text more specific, in plain language.
        notes (list[str]): Limits of this analysis for this text (e.g. a language other than English).
        model (ModelRead | None): null when no classifier is stored: then no category and no themes.
        action_category (ActionCategoryRead | None): The likely category, when the classifier is confident enough (else
            null).
        themes (list[LabelRead]): Likely themes (OHCHR themes and SDG goals), most confident first.
        affected_persons (list[LabelRead]): Likely affected-persons groups, most confident first.
    """

    text: str
    language: str
    smart_score: int
    action: ActionRead
    measurable: SignalRead
    time_bound: SignalRead
    addressee: AddresseeRead
    suggestions: list[str]
    notes: list[str]
    model: ModelRead | None
    action_category: ActionCategoryRead | None
    themes: list[LabelRead]
    affected_persons: list[LabelRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.action_category_read import ActionCategoryRead  # noqa: PLC0415
        from ..models.model_read import ModelRead  # noqa: PLC0415

        text = self.text

        language = self.language

        smart_score = self.smart_score

        action = self.action.to_dict()

        measurable = self.measurable.to_dict()

        time_bound = self.time_bound.to_dict()

        addressee = self.addressee.to_dict()

        suggestions = self.suggestions

        notes = self.notes

        model: dict[str, Any] | None
        if isinstance(self.model, ModelRead):
            model = self.model.to_dict()
        else:
            model = self.model

        action_category: dict[str, Any] | None
        if isinstance(self.action_category, ActionCategoryRead):
            action_category = self.action_category.to_dict()
        else:
            action_category = self.action_category

        themes = []
        for themes_item_data in self.themes:
            themes_item = themes_item_data.to_dict()
            themes.append(themes_item)

        affected_persons = []
        for affected_persons_item_data in self.affected_persons:
            affected_persons_item = affected_persons_item_data.to_dict()
            affected_persons.append(affected_persons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "language": language,
                "smart_score": smart_score,
                "action": action,
                "measurable": measurable,
                "time_bound": time_bound,
                "addressee": addressee,
                "suggestions": suggestions,
                "notes": notes,
                "model": model,
                "action_category": action_category,
                "themes": themes,
                "affected_persons": affected_persons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_category_read import ActionCategoryRead  # noqa: PLC0415
        from ..models.action_read import ActionRead  # noqa: PLC0415
        from ..models.addressee_read import AddresseeRead  # noqa: PLC0415
        from ..models.label_read import LabelRead  # noqa: PLC0415
        from ..models.model_read import ModelRead  # noqa: PLC0415
        from ..models.signal_read import SignalRead  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        language = d.pop("language")

        smart_score = d.pop("smart_score")

        action = ActionRead.from_dict(d.pop("action"))

        measurable = SignalRead.from_dict(d.pop("measurable"))

        time_bound = SignalRead.from_dict(d.pop("time_bound"))

        addressee = AddresseeRead.from_dict(d.pop("addressee"))

        suggestions = cast(list[str], d.pop("suggestions"))

        notes = cast(list[str], d.pop("notes"))

        def _parse_model(data: object) -> ModelRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_type_0 = ModelRead.from_dict(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelRead | None, data)

        model = _parse_model(d.pop("model"))

        def _parse_action_category(data: object) -> ActionCategoryRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                action_category_type_0 = ActionCategoryRead.from_dict(data)

                return action_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActionCategoryRead | None, data)

        action_category = _parse_action_category(d.pop("action_category"))

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = LabelRead.from_dict(themes_item_data)

            themes.append(themes_item)

        affected_persons = []
        _affected_persons = d.pop("affected_persons")
        for affected_persons_item_data in _affected_persons:
            affected_persons_item = LabelRead.from_dict(affected_persons_item_data)

            affected_persons.append(affected_persons_item)

        analysis_read = cls(
            text=text,
            language=language,
            smart_score=smart_score,
            action=action,
            measurable=measurable,
            time_bound=time_bound,
            addressee=addressee,
            suggestions=suggestions,
            notes=notes,
            model=model,
            action_category=action_category,
            themes=themes,
            affected_persons=affected_persons,
        )

        analysis_read.additional_properties = d
        return analysis_read

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
