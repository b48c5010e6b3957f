from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_kind import PositionKind
from ..models.tag_origin import TagOrigin
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recommendation_affected_person_read import RecommendationAffectedPersonRead
    from ..models.recommendation_source_read import RecommendationSourceRead
    from ..models.recommendation_theme_read import RecommendationThemeRead
    from ..models.state_ref import StateRef


T = TypeVar("T", bound="RecommendationRead")


@_attrs_define
class RecommendationRead:
    """
    Attributes:
        id (int):
        review_id (int):
        state_under_review (str):
        session (int):
        cycle (int):
        paragraph (None | str):
        text (str):
        recommending_states (list[StateRef]):
        themes (list[RecommendationThemeRead]):
        affected_persons (list[RecommendationAffectedPersonRead]):
        sdg_targets (list[str]):
        action_category (int | None):
        source_document (None | str):
        external_key (str):
        current_position (None | PositionKind):
        action_category_origin (None | TagOrigin | Unset): `source` (a file or an API write) or `inferred` (the text
            classifier's guess). Null without a category.
        action_category_confidence (float | None | Unset): The classifier's probability, for an inferred category.
        sources (list[RecommendationSourceRead] | Unset): The files it was imported from, oldest import first; empty
            when entered through the API.
        rank (float | None | Unset): Relevance when searching with `q` (higher is better).
    """

    id: int
    review_id: int
    state_under_review: str
    session: int
    cycle: int
    paragraph: None | str
    text: str
    recommending_states: list[StateRef]
    themes: list[RecommendationThemeRead]
    affected_persons: list[RecommendationAffectedPersonRead]
    sdg_targets: list[str]
    action_category: int | None
    source_document: None | str
    external_key: str
    current_position: None | PositionKind
    action_category_origin: None | TagOrigin | Unset = UNSET
    action_category_confidence: float | None | Unset = UNSET
    sources: list[RecommendationSourceRead] | Unset = UNSET
    rank: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        review_id = self.review_id

        state_under_review = self.state_under_review

        session = self.session

        cycle = self.cycle

        paragraph: None | str
        paragraph = self.paragraph

        text = self.text

        recommending_states = []
        for recommending_states_item_data in self.recommending_states:
            recommending_states_item = recommending_states_item_data.to_dict()
            recommending_states.append(recommending_states_item)

        themes = []
        for themes_item_data in self.themes:
            themes_item = themes_item_data.to_dict()
            themes.append(themes_item)

        affected_persons = []
        for affected_persons_item_data in self.affected_persons:
            affected_persons_item = affected_persons_item_data.to_dict()
            affected_persons.append(affected_persons_item)

        sdg_targets = self.sdg_targets

        action_category: int | None
        action_category = self.action_category

        source_document: None | str
        source_document = self.source_document

        external_key = self.external_key

        current_position: None | str
        if isinstance(self.current_position, PositionKind):
            current_position = self.current_position.value
        else:
            current_position = self.current_position

        action_category_origin: None | str | Unset
        if isinstance(self.action_category_origin, Unset):
            action_category_origin = UNSET
        elif isinstance(self.action_category_origin, TagOrigin):
            action_category_origin = self.action_category_origin.value
        else:
            action_category_origin = self.action_category_origin

        action_category_confidence: float | None | Unset
        if isinstance(self.action_category_confidence, Unset):
            action_category_confidence = UNSET
        else:
            action_category_confidence = self.action_category_confidence

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        rank: float | None | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_id": review_id,
                "state_under_review": state_under_review,
                "session": session,
                "cycle": cycle,
                "paragraph": paragraph,
                "text": text,
                "recommending_states": recommending_states,
                "themes": themes,
                "affected_persons": affected_persons,
                "sdg_targets": sdg_targets,
                "action_category": action_category,
                "source_document": source_document,
                "external_key": external_key,
                "current_position": current_position,
            }
        )
        if action_category_origin is not UNSET:
            field_dict["action_category_origin"] = action_category_origin
        if action_category_confidence is not UNSET:
            field_dict["action_category_confidence"] = action_category_confidence
        if sources is not UNSET:
            field_dict["sources"] = sources
        if rank is not UNSET:
            field_dict["rank"] = rank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recommendation_affected_person_read import RecommendationAffectedPersonRead  # noqa: PLC0415
        from ..models.recommendation_source_read import RecommendationSourceRead  # noqa: PLC0415
        from ..models.recommendation_theme_read import RecommendationThemeRead  # noqa: PLC0415
        from ..models.state_ref import StateRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        review_id = d.pop("review_id")

        state_under_review = d.pop("state_under_review")

        session = d.pop("session")

        cycle = d.pop("cycle")

        def _parse_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paragraph = _parse_paragraph(d.pop("paragraph"))

        text = d.pop("text")

        recommending_states = []
        _recommending_states = d.pop("recommending_states")
        for recommending_states_item_data in _recommending_states:
            recommending_states_item = StateRef.from_dict(recommending_states_item_data)

            recommending_states.append(recommending_states_item)

        themes = []
        _themes = d.pop("themes")
        for themes_item_data in _themes:
            themes_item = RecommendationThemeRead.from_dict(themes_item_data)

            themes.append(themes_item)

        affected_persons = []
        _affected_persons = d.pop("affected_persons")
        for affected_persons_item_data in _affected_persons:
            affected_persons_item = RecommendationAffectedPersonRead.from_dict(affected_persons_item_data)

            affected_persons.append(affected_persons_item)

        sdg_targets = cast(list[str], d.pop("sdg_targets"))

        def _parse_action_category(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        action_category = _parse_action_category(d.pop("action_category"))

        def _parse_source_document(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_document = _parse_source_document(d.pop("source_document"))

        external_key = d.pop("external_key")

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

        def _parse_action_category_origin(data: object) -> None | TagOrigin | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_category_origin_type_0 = TagOrigin(data)

                return action_category_origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TagOrigin | Unset, data)

        action_category_origin = _parse_action_category_origin(d.pop("action_category_origin", UNSET))

        def _parse_action_category_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        action_category_confidence = _parse_action_category_confidence(d.pop("action_category_confidence", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[RecommendationSourceRead] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = RecommendationSourceRead.from_dict(sources_item_data)

                sources.append(sources_item)

        def _parse_rank(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

        recommendation_read = cls(
            id=id,
            review_id=review_id,
            state_under_review=state_under_review,
            session=session,
            cycle=cycle,
            paragraph=paragraph,
            text=text,
            recommending_states=recommending_states,
            themes=themes,
            affected_persons=affected_persons,
            sdg_targets=sdg_targets,
            action_category=action_category,
            source_document=source_document,
            external_key=external_key,
            current_position=current_position,
            action_category_origin=action_category_origin,
            action_category_confidence=action_category_confidence,
            sources=sources,
            rank=rank,
        )

        recommendation_read.additional_properties = d
        return recommendation_read

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
