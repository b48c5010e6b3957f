"""The classifier: TF-IDF features, one logistic regression per label (themes, SDG goals, groups) and a
multinomial one for the action category, each label with its own decision threshold.

`train` splits its examples by review into a fitting part and a validation part, fits, chooses every
threshold on the validation part (`labels.choose_threshold`), then fits again on all its examples and
keeps those thresholds. Everything is seeded and single-threaded, so the same examples and seed give
the same model and the same `version`.

`Model.predict` is what the tagging command and the analysis endpoint call: only labels above their
threshold, with the model's probability as the confidence.
"""

import hashlib
import json
import platform
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import joblib
import numpy as np
import scipy
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from api.classify.examples import FAMILIES, Example, labelled
from api.classify.labels import Candidate, Threshold, candidates, choose_threshold, positives
from api.classify.split import split_by_review

ACTIONS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Params:
    """Everything that shapes a model besides the data and the seed (part of `Model.version`)."""

    target_precision: float = 0.85
    min_positives: int = 50  # training examples a label needs to be learnt
    min_true_positives: int = 10  # validation true positives behind a threshold
    wilson_z: float = 1.645  # the validation precision's lower bound (one-sided 95 %) must reach the target
    validation_share: float = 0.2  # of the reviews, for the thresholds
    c: float = 4.0  # inverse regularisation of the logistic regressions
    min_df: int = 2
    max_ngram: int = 2


@dataclass(frozen=True)
class Prediction:
    """Labels above their threshold, most confident first; `themes` holds OHCHR themes and SDG goals."""

    themes: list[tuple[str, float]]
    groups: list[tuple[str, float]]
    action_category: tuple[int, float] | None


@dataclass
class Label:
    candidate: Candidate
    estimator: LogisticRegression | None = None
    threshold: Threshold | None = None

    @property
    def cutoff(self) -> float | None:
        """The threshold a prediction must reach; None: the label is never predicted."""
        if self.estimator is None or self.threshold is None:
            return None
        return self.threshold.value

    @property
    def kept(self) -> bool:
        return self.cutoff is not None

    @property
    def fitted(self) -> LogisticRegression:
        if self.estimator is None:
            raise ValueError(f"{self.candidate.code} is not learnt: {self.candidate.skipped}")
        return self.estimator


@dataclass
class Model:
    version: str
    seed: int
    params: Params
    vectorizer: TfidfVectorizer
    labels: dict[str, list[Label]]  # per family, every candidate (learnt or not)
    action: LogisticRegression | None
    action_thresholds: dict[int, Threshold] = field(default_factory=dict)
    library_versions: dict[str, str] = field(default_factory=dict)

    def scores(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Probabilities per family, one column per learnt label (`learnt`), and `action` (one per class)."""
        features = self.vectorizer.transform(list(texts))
        found = {
            family: np.column_stack([label.fitted.predict_proba(features)[:, 1] for label in learnt])
            if (learnt := self.learnt(family))
            else np.zeros((len(texts), 0))
            for family in FAMILIES
        }
        if self.action is not None:
            found["action"] = self.action.predict_proba(features)
        return found

    def learnt(self, family: str) -> list[Label]:
        return [label for label in self.labels[family] if label.estimator is not None]

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """For each text, the labels that clear their thresholds (an empty list when none does)."""
        if not texts:
            return []
        scores = self.scores(texts)
        found: list[Prediction] = []
        for row in range(len(texts)):
            per_family = {
                family: sorted(
                    (
                        (label.candidate.code, round(float(scores[family][row, col]), 4))
                        for col, label in enumerate(self.learnt(family))
                        if (cutoff := label.cutoff) is not None and scores[family][row, col] >= cutoff
                    ),
                    key=lambda pair: (-pair[1], pair[0]),
                )
                for family in FAMILIES
            }
            found.append(
                Prediction(
                    sorted(per_family["themes"] + per_family["sdgs"], key=lambda pair: (-pair[1], pair[0])),
                    per_family["groups"],
                    self._action(scores, row),
                )
            )
        return found

    def _action(self, scores: dict[str, np.ndarray], row: int) -> tuple[int, float] | None:
        if "action" not in scores:
            return None
        column = int(np.argmax(scores["action"][row]))
        category, confidence = int(self.action.classes_[column]), float(scores["action"][row, column])  # type: ignore[union-attr]
        threshold = self.action_thresholds.get(category)
        if threshold is None or threshold.value is None or confidence < threshold.value:
            return None
        return category, round(confidence, 4)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path, compress=3)

    @staticmethod
    def load(path: Path) -> "Model":
        """A saved model; ModelMismatch when it is not one or was saved under other library versions (a
        scikit-learn model is not portable across versions: retrain instead)."""
        model = joblib.load(path)
        if not isinstance(model, Model):
            raise ModelMismatch(f"{path}: not a saved classifier ({type(model).__name__}).")
        if model.library_versions != library_versions():
            raise ModelMismatch(
                f"{path}: saved under {model.library_versions}, running {library_versions()}: retrain the model."
            )
        return model


class ModelMismatch(ValueError):
    """A saved model that cannot be used here."""


def library_versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
    }


def version_of(examples: Sequence[Example], seed: int, params: Params) -> str:
    """A hash of the data, the parameters, the seed and the library versions: what a tag's `model_version`
    names, so tags from different models are told apart."""
    digest = hashlib.sha256()
    for e in examples:
        labels = [sorted(s) if (s := e.labels(f)) is not None else None for f in FAMILIES]
        digest.update(json.dumps([e.review, e.text, labels, e.action], ensure_ascii=False).encode())
    setup = {"params": asdict(params), "seed": seed, "libraries": library_versions()}
    digest.update(json.dumps(setup, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def train(examples: Sequence[Example], seed: int = 0, params: Params | None = None) -> Model:
    """A model of `examples`: thresholds chosen on a validation part of them (split by review), then
    every label fitted again on all of them."""
    params = params or Params()
    fitting, validation = split_by_review(examples, params.validation_share, seed)
    label_sets = {
        family: candidates(family, [e.labels(family) for e in labelled(examples, family)], params.min_positives)  # type: ignore[misc]
        for family in FAMILIES
    }
    first = _fit(fitting, label_sets, seed, params)
    thresholds, action_thresholds = _thresholds(first, validation, params)
    model = _fit(examples, label_sets, seed, params)
    for family in FAMILIES:
        for label in model.labels[family]:
            label.threshold = thresholds.get((family, label.candidate.code))
    model.action_thresholds = action_thresholds
    model.version = version_of(examples, seed, params)
    return model


def _fit(examples: Sequence[Example], label_sets: dict[str, list[Candidate]], seed: int, params: Params) -> Model:
    vectorizer = TfidfVectorizer(
        ngram_range=(1, params.max_ngram),
        sublinear_tf=True,
        min_df=params.min_df,
        strip_accents="unicode",
    )
    features = vectorizer.fit_transform([e.text for e in examples])
    labels: dict[str, list[Label]] = {}
    for family in FAMILIES:
        rows = [i for i, e in enumerate(examples) if e.labels(family) is not None]
        tagged = [examples[i].labels(family) for i in rows]
        family_features = features[rows]  # once per family: liblinear would copy it for every label
        family_features.sort_indices()
        labels[family] = []
        for candidate in label_sets[family]:
            label = Label(candidate)
            truth = positives(family, candidate.code, tagged) if rows else np.zeros(0, dtype=bool)  # type: ignore[arg-type]
            if not candidate.skipped and 0 < truth.sum() < len(truth):
                label.estimator = _logistic(seed, params).fit(family_features, truth)
            labels[family].append(label)
    action_rows = [i for i, e in enumerate(examples) if e.action is not None]
    action = None
    if len({examples[i].action for i in action_rows}) > 1:
        action = _logistic(seed, params, multinomial=True).fit(
            features[action_rows], [examples[i].action for i in action_rows]
        )
    return Model("", seed, params, vectorizer, labels, action, library_versions=library_versions())


def _logistic(seed: int, params: Params, *, multinomial: bool = False) -> LogisticRegression:
    """The solvers that are fast on sparse text with more features than examples: liblinear's dual
    for one label (3–8× its primal here, the same solution), SAG for the five action categories (20×
    lbfgs, the same accuracy); both seeded."""
    if multinomial:
        return LogisticRegression(C=params.c, solver="sag", tol=1e-3, max_iter=500, random_state=seed)
    return LogisticRegression(C=params.c, solver="liblinear", dual=True, max_iter=1000, random_state=seed)


def _thresholds(
    model: Model, validation: Sequence[Example], params: Params
) -> tuple[dict[tuple[str, str], Threshold], dict[int, Threshold]]:
    scores = model.scores([e.text for e in validation])
    found: dict[tuple[str, str], Threshold] = {}
    for family in FAMILIES:
        rows = [i for i, e in enumerate(validation) if e.labels(family) is not None]
        tagged = [validation[i].labels(family) for i in rows]
        for col, label in enumerate(model.learnt(family)):
            truth = positives(family, label.candidate.code, tagged)  # type: ignore[arg-type]
            found[(family, label.candidate.code)] = choose_threshold(
                scores[family][rows, col], truth, params.target_precision, params.min_true_positives, params.wilson_z
            )
    action: dict[int, Threshold] = {}
    if model.action is not None:
        rows = [i for i, e in enumerate(validation) if e.action is not None]
        probabilities = scores["action"][rows]
        chosen = model.action.classes_[np.argmax(probabilities, axis=1)]
        confidence = probabilities.max(axis=1)
        truth = np.array([validation[i].action for i in rows])
        for category in model.action.classes_:
            mask = chosen == category
            action[int(category)] = choose_threshold(
                confidence[mask],
                truth[mask] == category,
                params.target_precision,
                params.min_true_positives,
                params.wilson_z,
            )
    return found, action


def train_from_files(data_dir: Path, seed: int = 0, params: Params | None = None) -> Model:
    """A model of every labelled recommendation in a data folder laid out as ../shared/data."""
    from api.classify.examples import load_examples

    return train(load_examples(data_dir), seed, params)
