"""A draft recommendation's analysis: the SMART signals (api/recommendations/analyse.py) and the stored
classifier's guesses (category, themes, groups), named as the database names them. Nothing is written.

The classifier lives in `api.classify`, which sits above this domain (it reads imports and writes tags):
this module never imports it. The app registers where the current model comes from
(`use_model_source(api.classify.store.current_model)`, in api/main.py); until then, and whenever no model
is stored, the analysis has the signals and `model: null`. Tests pass a model straight to `analyse_draft`.
"""

from collections.abc import Callable, Sequence
from typing import Protocol

from sqlmodel import Session, col, select

from api.recommendations.analyse import Evidence, SmartAnalysis, analyse
from api.recommendations.analyse_schemas import (
    ActionCategoryRead,
    ActionRead,
    AddresseeRead,
    AnalysisRead,
    EvidenceRead,
    LabelRead,
    ModelRead,
    SignalRead,
)
from api.taxonomy.models import AffectedPerson, Theme
from api.taxonomy.vocabulary import Hierarchy, vocabulary

# UPR Info's action categories (its published methodology; the source files give only the numbers).
ACTION_CATEGORIES = {
    1: "Minimal action (or aimed at other states)",
    2: "Continuing action",
    3: "Considering action",
    4: "General action",
    5: "Specific action",
}
ENGLISH_ONLY = (
    "The SMART signals read English: in a text in another language they may be missing. "
    "The classifier was trained on English texts too."
)


class Guess(Protocol):
    """What the classifier predicts for one text (`api.classify.model.Prediction`)."""

    @property
    def themes(self) -> Sequence[tuple[str, float]]: ...
    @property
    def groups(self) -> Sequence[tuple[str, float]]: ...
    @property
    def action_category(self) -> tuple[int, float] | None: ...


class Classifier(Protocol):
    """The stored classifier as this domain uses it (`api.classify.model.Model`)."""

    @property
    def version(self) -> str: ...
    def predict(self, texts: Sequence[str]) -> Sequence[Guess]: ...


ModelSource = Callable[[Session], Classifier | None]


def _no_model(_session: Session) -> Classifier | None:
    return None


_model_source: list[ModelSource] = [_no_model]


def use_model_source(source: ModelSource) -> None:
    """Where `current_classifier` finds the model (the app registers `api.classify.store.current_model`)."""
    _model_source[0] = source


def current_classifier(session: Session) -> Classifier | None:
    return _model_source[0](session)


def analyse_draft(session: Session, text: str, language: str, model: Classifier | None) -> AnalysisRead:
    """The analysis of `text` (already validated and stripped); `model` None: the signals only."""
    smart = analyse(text)
    notes = [] if language.split("-")[0].lower() == "en" else [ENGLISH_ONLY]
    guess = model.predict([text])[0] if model is not None else None
    category = guess.action_category if guess is not None else None
    return AnalysisRead(
        text=text,
        language=language,
        smart_score=smart.smart_score,
        **smart_signals(smart),
        suggestions=list(smart.suggestions),
        notes=notes,
        model=ModelRead(version=model.version) if model is not None else None,
        action_category=(
            ActionCategoryRead(category=category[0], name=ACTION_CATEGORIES[category[0]], confidence=category[1])
            if category is not None
            else None
        ),
        themes=_named(session, Theme, vocabulary().themes, guess.themes) if guess else [],
        affected_persons=_named(session, AffectedPerson, vocabulary().groups, guess.groups) if guess else [],
    )


def _evidence(found: Sequence[Evidence]) -> list[EvidenceRead]:
    return [EvidenceRead(text=e.text, start=e.start, end=e.end) for e in found]


def smart_signals(smart: SmartAnalysis) -> dict:
    addressee = smart.addressee
    return {
        "action": ActionRead(
            present=smart.action.present, evidence=_evidence(smart.action.evidence), strength=smart.action.strength
        ),
        "measurable": SignalRead(present=smart.measurable.present, evidence=_evidence(smart.measurable.evidence)),
        "time_bound": SignalRead(present=smart.time_bound.present, evidence=_evidence(smart.time_bound.evidence)),
        "addressee": AddresseeRead(
            present=addressee.present,
            evidence=_evidence(addressee.evidence),
            actors=list(addressee.actors),
            to_state_under_review=addressee.to_state_under_review,
            elsewhere_evidence=_evidence(addressee.elsewhere),
        ),
    }


def _named(
    session: Session,
    table: type[Theme] | type[AffectedPerson],
    canonical: Hierarchy,
    labels: Sequence[tuple[str, float]],
) -> list[LabelRead]:
    """Codes with the names the database gives them (an admin may rename), else the vocabulary's."""
    if not labels:
        return []
    codes = [code for code, _ in labels]
    stored = dict(session.exec(select(table.code, table.name).where(col(table.code).in_(codes))).all())
    return [
        LabelRead(
            code=code,
            name=stored.get(code) or (canonical[code].name if code in canonical else code),
            confidence=confidence,
        )
        for code, confidence in labels
    ]
