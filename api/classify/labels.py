"""Which labels the classifier learns, and how a decision threshold is chosen for each.

Granularity: a theme label is a canonical theme at the second or third level (D2, D23; the letters
A–H are too broad to say anything), an SDG label a goal (S01–S17), a group label any canonical group.
A label's positives are the examples tagged with it *or anything below it*, so D2 learns from death
penalty and torture texts too, as a filter on D2 includes its children. A label is learnt only with
enough positives; a parent whose positives are nearly all one child's is that child under another
name and is left to the child.

Thresholds: for each label, the lowest score at which the validation examples scored at or above it
reach the target precision (the most recall the target allows) *with confidence*: the lower bound of
the Wilson interval of that precision (one-sided 95 %), not the precision itself, must reach the target,
and enough true positives must back it. Taking the lowest score that merely touches the target picks
the luckiest point of a noisy curve: on the real data a third of the labels so chosen fell below 0.85
on the held-out reviews. A label without such a threshold is never predicted.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from api.taxonomy.vocabulary import SDG_ROOT, Hierarchy, vocabulary

THEME_LEVELS = (2, 3)
SAME_AS_CHILD = 0.98  # a parent whose positives are ≥ 98 % one child's is learnt as that child


@dataclass(frozen=True)
class Candidate:
    """A label of a family and, if it is not learnt, why."""

    family: str
    code: str
    name: str
    positives: int
    skipped: str = ""  # empty: learnt


def hierarchy(family: str) -> Hierarchy:
    return vocabulary().groups if family == "groups" else vocabulary().themes


def candidate_codes(family: str) -> list[str]:
    """The codes a family may learn, in the vocabulary's order."""
    tree = hierarchy(family)
    if family == "groups":
        return list(tree.entries)
    if family == "sdgs":
        return [e.code for e in tree.children(SDG_ROOT)]
    return [
        code
        for code in tree.entries
        if not tree.is_within(code, SDG_ROOT) and len(tree.ancestors(code)) + 1 in THEME_LEVELS
    ]


def positives(family: str, code: str, tagged: Sequence[frozenset[str]]) -> np.ndarray:
    """A boolean per example: tagged with `code` or a code below it."""
    tree = hierarchy(family)
    within = {code, *(e.code for e in tree.descendants(code))}
    return np.fromiter((bool(tags & within) for tags in tagged), dtype=bool, count=len(tagged))


def candidates(family: str, tagged: Sequence[frozenset[str]], min_positives: int) -> list[Candidate]:
    """Every candidate label of the family with its positives among `tagged` and whether it is learnt."""
    tree = hierarchy(family)
    counts = {code: int(positives(family, code, tagged).sum()) for code in candidate_codes(family)}
    found = []
    for code, count in counts.items():
        skipped = ""
        child = max((c.code for c in tree.children(code) if c.code in counts), key=counts.__getitem__, default=None)
        if count < min_positives:
            skipped = f"too few examples ({count} < {min_positives})"
        elif child is not None and counts[child] >= SAME_AS_CHILD * count:
            skipped = f"learnt as {child} ({counts[child]} of its {count} examples)"
        found.append(Candidate(family, code, tree[code].name, count, skipped))
    return found


@dataclass(frozen=True)
class Threshold:
    """The chosen threshold (None: the target is out of reach) and the validation figures behind it."""

    value: float | None
    precision: float  # on validation, at the threshold (or the best reached when None)
    true_positives: int
    predicted: int
    reason: str = ""


def wilson_lower(hits: np.ndarray, trials: np.ndarray, z: float) -> np.ndarray:
    """The lower end of the Wilson score interval of hits/trials (z: 1.645 for one-sided 95 %)."""
    n = np.maximum(trials, 1).astype(float)
    p = hits / n
    centre = p + z * z / (2 * n)
    spread = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def choose_threshold(
    scores: np.ndarray, truth: np.ndarray, target: float, min_true: int, z: float = 1.645
) -> Threshold:
    """The lowest score t such that the examples scored ≥ t have a precision whose Wilson lower bound
    (`z`; 0 for the plain precision) reaches `target`, with at least `min_true` true positives among
    them; ties in score are taken together."""
    if not truth.any():
        return Threshold(None, 0.0, 0, 0, "no validation example has the label")
    order = np.argsort(-scores, kind="stable")
    ranked, hits = scores[order], truth[order].astype(np.int64)
    true_positives = np.cumsum(hits)
    predicted = np.arange(1, len(ranked) + 1)
    # Only the last position of each run of equal scores is a possible cut.
    last_of_run = np.append(ranked[1:] != ranked[:-1], True)
    precision = true_positives / predicted
    ok = last_of_run & (wilson_lower(true_positives, predicted, z) >= target) & (true_positives >= min_true)
    if ok.any():
        i = int(np.flatnonzero(ok)[-1])
        return Threshold(float(ranked[i]), float(precision[i]), int(true_positives[i]), int(predicted[i]))
    backed = last_of_run & (true_positives >= min_true)
    if not backed.any():
        return Threshold(
            None, 0.0, int(true_positives[-1]), 0, f"too few validation examples ({int(truth.sum())} < {min_true})"
        )
    best = float(precision[backed].max())
    surely = f"not surely {target:.2f} (Wilson bound)" if z else f"below {target:.2f}"
    return Threshold(None, best, 0, 0, f"validation precision reaches {best:.2f} at most, {surely}")
