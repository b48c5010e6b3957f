"""Splitting examples by review: every recommendation of a review (state and cycle) falls on one side,
so the near-identical texts a review repeats (joint recommendations, UPR Info and DIHR copies) never
sit on both sides of an evaluation, and a score measures texts the model has not seen."""

import random
from collections.abc import Sequence
from typing import TypeVar

from api.classify.examples import Example

E = TypeVar("E", bound=Example)


def split_by_review(examples: Sequence[E], share: float, seed: int) -> tuple[list[E], list[E]]:
    """(the rest, about `share` of the reviews), chosen at random with `seed`; each side keeps the
    examples' order. With two reviews or more, each side holds at least one."""
    if not 0 < share < 1:
        raise ValueError(f"share must be between 0 and 1, not {share}")
    reviews = sorted({e.review for e in examples})
    random.Random(seed).shuffle(reviews)
    count = round(len(reviews) * share)
    if len(reviews) >= 2:
        count = min(max(count, 1), len(reviews) - 1)
    held = set(reviews[:count])
    return [e for e in examples if e.review not in held], [e for e in examples if e.review in held]
