"""The classifier's evaluation on a held-out split of the real labelled data.

A fifth of the reviews (all their recommendations, whatever the source) is held out; `train` sees only
the rest and chooses its thresholds on a validation part of that rest. On the held-out reviews, each
label's precision, recall and F1 are measured at its threshold, which says whether it clears the
target on texts neither the fit nor the threshold saw; micro and macro figures sum up the labels that
would be stored. The same figures at a plain 0.5 cut, over every learnt label, show what the
thresholds cost and buy.
"""

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from api.classify.examples import FAMILIES, Example
from api.classify.labels import positives
from api.classify.model import Model, Params, train
from api.classify.split import split_by_review

TEST_SHARE = 0.2
FAMILY_TITLES = {
    "themes": "Themes (OHCHR A–H)",
    "sdgs": "SDG goals",
    "groups": "Affected persons",
    "action": "Action category (UPR Info 1–5)",
}


@dataclass(frozen=True)
class Scores:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def of(predicted: np.ndarray, truth: np.ndarray) -> "Scores":
        return Scores(int((predicted & truth).sum()), int((predicted & ~truth).sum()), int((~predicted & truth).sum()))


@dataclass(frozen=True)
class LabelResult:
    family: str
    code: str
    name: str
    train_examples: int  # positives on the training side
    support: int  # positives among the held-out examples of the family
    threshold: float | None  # None: not stored (see `reason`)
    validation_precision: float | None
    at_threshold: Scores | None
    at_half: Scores | None  # a plain 0.5 cut (the most probable class for the action category)
    reason: str = ""

    @property
    def kept(self) -> bool:
        return self.threshold is not None

    def clears(self, target: float) -> bool:
        return self.at_threshold is not None and self.at_threshold.precision >= target


@dataclass(frozen=True)
class Summary:
    """Micro (pooled counts) and macro (mean over labels) precision, recall and F1."""

    labels: int
    micro: Scores
    macro_precision: float
    macro_recall: float
    macro_f1: float

    @staticmethod
    def of(scores: Sequence[Scores]) -> "Summary":
        pooled = Scores(*(sum(getattr(s, f) for s in scores) for f in Scores.__dataclass_fields__))
        mean = lambda values: float(np.mean(values)) if values else 0.0  # noqa: E731
        return Summary(
            len(scores),
            pooled,
            mean([s.precision for s in scores]),
            mean([s.recall for s in scores]),
            mean([s.f1 for s in scores]),
        )


@dataclass
class Evaluation:
    seed: int
    params: Params
    examples: dict[str, tuple[int, int]]  # family → (training side, held out)
    reviews: tuple[int, int]
    results: list[LabelResult]
    train_seconds: float
    model_version: str
    stored: dict[str, Summary] = field(default_factory=dict)  # kept labels at their thresholds
    plain: dict[str, Summary] = field(default_factory=dict)  # every learnt label at 0.5
    recovered: dict[str, float] = field(default_factory=dict)  # share of all held-out tags the stored labels find

    def family(self, family: str) -> list[LabelResult]:
        return [r for r in self.results if r.family == family]


def evaluate(examples: Sequence[Example], seed: int = 0, params: Params | None = None) -> Evaluation:
    """Train on four fifths of the reviews, measure on the rest."""
    params = params or Params()
    training, held_out = split_by_review(examples, TEST_SHARE, seed)
    started = time.perf_counter()
    model = train(training, seed, params)
    seconds = time.perf_counter() - started
    scores = model.scores([e.text for e in held_out])
    results: list[LabelResult] = []
    counts: dict[str, tuple[int, int]] = {}
    for family in FAMILIES:
        rows = [i for i, e in enumerate(held_out) if e.labels(family) is not None]
        counts[family] = (sum(e.labels(family) is not None for e in training), len(rows))
        results.extend(_family_results(model, family, [held_out[i].labels(family) for i in rows], scores[family][rows]))  # type: ignore[misc]
    action_rows = [i for i, e in enumerate(held_out) if e.action is not None]
    counts["action"] = (sum(e.action is not None for e in training), len(action_rows))
    if model.action is not None:
        truth = np.array([held_out[i].action for i in action_rows])
        trained = Counter(e.action for e in training if e.action is not None)
        results.extend(_action_results(model, truth, scores["action"][action_rows], trained))
    evaluation = Evaluation(
        seed,
        params,
        counts,
        (len({e.review for e in training}), len({e.review for e in held_out})),
        results,
        seconds,
        model.version,
    )
    for family in (*FAMILIES, "action"):
        rows_of = evaluation.family(family)
        stored = [r.at_threshold for r in rows_of if r.kept and r.at_threshold is not None]
        evaluation.stored[family] = Summary.of(stored)
        evaluation.plain[family] = Summary.of([r.at_half for r in rows_of if r.at_half is not None])
        everything = sum(r.support for r in rows_of)
        evaluation.recovered[family] = sum(s.true_positives for s in stored) / everything if everything else 0.0
    return evaluation


def _family_results(model: Model, family: str, tagged: list[frozenset[str]], scores: np.ndarray) -> list[LabelResult]:
    results = []
    learnt = {label.candidate.code: col for col, label in enumerate(model.learnt(family))}
    for label in model.labels[family]:
        candidate = label.candidate
        truth = positives(family, candidate.code, tagged)
        col = learnt.get(candidate.code)
        threshold = label.threshold
        reason = candidate.skipped or (threshold.reason if threshold else "")
        at_threshold = at_half = None
        if col is not None:
            at_half = Scores.of(scores[:, col] >= 0.5, truth)
            if (cutoff := label.cutoff) is not None:
                at_threshold = Scores.of(scores[:, col] >= cutoff, truth)
        results.append(
            LabelResult(
                family,
                candidate.code,
                candidate.name,
                candidate.positives,
                int(truth.sum()),
                threshold.value if label.kept and threshold else None,
                threshold.precision if threshold and threshold.value is not None else None,
                at_threshold,
                at_half,
                reason,
            )
        )
    return results


def _action_results(
    model: Model, truth: np.ndarray, probabilities: np.ndarray, trained: Counter[int]
) -> list[LabelResult]:
    classes = model.action.classes_  # type: ignore[union-attr]
    chosen = classes[np.argmax(probabilities, axis=1)]
    confidence = probabilities.max(axis=1)
    results = []
    for category in classes:
        category = int(category)
        threshold = model.action_thresholds.get(category)
        value = threshold.value if threshold else None
        at_threshold = None
        if value is not None:
            at_threshold = Scores.of((chosen == category) & (confidence >= value), truth == category)
        results.append(
            LabelResult(
                "action",
                str(category),
                _ACTION_NAMES.get(category, ""),
                trained[category],
                int((truth == category).sum()),
                value,
                threshold.precision if threshold and value is not None else None,
                at_threshold,
                Scores.of(chosen == category, truth == category),
                threshold.reason if threshold else "",
            )
        )
    return results


_ACTION_NAMES = {
    1: "minimal action (or aimed at other states)",
    2: "continuing action",
    3: "considering action",
    4: "general action",
    5: "specific action",
}
