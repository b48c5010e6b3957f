"""Which recommendations actually made may carry an ask: text-similarity suggestions.

No tokenizer or normaliser of its own: a text's words are what full-text search cuts it into
(`api.recommendations.search.search_terms`: letters and digits, accents folded, lower case, English
stop words dropped), weighted TF-IDF as the classifier weights them (scikit-learn's
`TfidfVectorizer`, which `api.classify` already uses), the inverse document frequencies fitted on
the review's recommendations and the asks together, so "Roma" in a review that names the Roma forty
times weighs less than "segregation" named twice. The similarity is the cosine of the two vectors,
0..1; it is 1.0 when one text contains the other as the importer folds texts
(`api.imports.normalise.text_key`: an ask pasted from the real recommendation, or the real one
quoting the ask).

`THRESHOLD` and `TOP_N` are judgements, checked on Slovenia's 2019 review (219 recommendations) with
asks paraphrased from its stakeholder submissions' themes (tests/advocacy/test_uptake_real.py): the
right recommendation scores 0.4–0.75 and comes first; related ones on the same theme score 0.2–0.4;
unrelated ones stay under 0.15. A suggestion is only a suggestion: the working group confirms or
rejects it, and may confirm a match the algorithm missed.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from api.imports.normalise import text_key
from api.recommendations.search import search_terms

THRESHOLD = 0.2  # a suggestion scores at least this
CONTAINED_MIN_WORDS = 6  # a text inside another counts as a copy from this many words (not "Roma")
TOP_N = 5  # suggestions per ask, at most (besides the pairs the group already decided)


@dataclass(frozen=True)
class Suggestion:
    recommendation_id: int
    similarity: float  # 0..1, rounded to 4 places so a recompute that changes nothing writes nothing


def suggest(
    asks: Mapping[int, str],
    recommendations: Mapping[int, str],
    *,
    exclude: Mapping[int, set[int]] | None = None,
    threshold: float = THRESHOLD,
    top_n: int = TOP_N,
) -> dict[int, list[Suggestion]]:
    """Per ask id, the recommendations scoring `threshold` or more, best first (ties by id), at most
    `top_n`, leaving out the recommendation ids `exclude` names for that ask."""
    out: dict[int, list[Suggestion]] = {ask_id: [] for ask_id in asks}
    rec_ids: Sequence[int] = sorted(recommendations)
    ask_ids: Sequence[int] = sorted(asks)
    if not rec_ids or not ask_ids:
        return out
    # scikit-learn loads in seconds: on the first suggestion run, not at the app's start.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    rec_texts = [recommendations[i] for i in rec_ids]
    ask_texts = [asks[i] for i in ask_ids]
    vectorizer = TfidfVectorizer(analyzer=search_terms, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([*rec_texts, *ask_texts])
    except ValueError:  # no text holds a searchable word: nothing is alike
        return out
    scores = cosine_similarity(matrix[len(rec_texts) :], matrix[: len(rec_texts)])
    rec_keys = [text_key(t) for t in rec_texts]
    for row, ask_id in enumerate(ask_ids):
        ask_key = text_key(asks[ask_id])
        skip = (exclude or {}).get(ask_id, set())
        scored = []
        for col_index, rec_id in enumerate(rec_ids):
            if rec_id in skip:
                continue
            contained = _contains(ask_key, rec_keys[col_index]) or _contains(rec_keys[col_index], ask_key)
            score = 1.0 if contained else min(1.0, max(0.0, float(scores[row, col_index])))
            if score >= threshold:
                scored.append(Suggestion(rec_id, round(score, 4)))
        scored.sort(key=lambda s: (-s.similarity, s.recommendation_id))
        out[ask_id] = scored[:top_n]
    return out


def _contains(outer: str, inner: str) -> bool:
    """`inner`, whole words of at least `CONTAINED_MIN_WORDS`, inside `outer` (both `text_key`s)."""
    return len(inner.split()) >= CONTAINED_MIN_WORDS and f" {inner} " in f" {outer} "
