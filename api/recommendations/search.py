"""Full-text search over recommendation text: one API, two engines.

SQLite answers from the FTS5 table `recommendation_fts` (porter stemmer over unicode61 with
diacritics removed, ranked with bm25); PostgreSQL from the stored `recommendation.search_vector`
(kept by a trigger, under a GIN index, migration 0017), ranked with `ts_rank` on the stored vector,
so no text is parsed again. Both cut a text the same way — every run of characters that are not
letters or digits is a separator, so `A/HRC/43/15` is a, hrc, 43, 15 and `16.10` is 16, 10 — fold
accents (`Côte` is `cote`) and stem with Porter's algorithm, so "discriminating" finds
"discrimination". (Letters that are not a letter plus an accent, like `ß`, `æ`, `ø` or `ł`,
PostgreSQL's unaccent spells out — `ss`, `ae`, `o`, `l` — and FTS5 keeps: a query written with the
letter finds the same rows on both, one written with the spelling only on PostgreSQL.)

User input never reaches either query language as syntax: it is cut into words by the same rule
(`search_terms`), English stop words are dropped (PostgreSQL drops them anyway; dropping them on
SQLite too keeps the two engines answering alike) and each word is matched as a plain term, all of
them required. Quotes, parentheses, `AND`, `*` or `-` are therefore just separators, never operators.
"""

import re
import unicodedata

from sqlalchemy import Double, cast, column, func, literal, literal_column, table
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.expression import ColumnClause
from sqlmodel import Session

from api.core.errors import InvalidInput
from api.recommendations.models import Recommendation

MAX_TERMS = 32

# PostgreSQL's `english` stop-word list (tsearch_data/english.stop), used on both engines.
_STOP_WORDS_TEXT = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her
hers herself it its itself they them their theirs themselves what which who whom this that these
those am is are was were be been being have has had having do does did doing a an the and but if or
because as until while of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when where
why how all any both each few more most other some such no nor not only own same so than too very s
t can will just don should now
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[^\W_]+")
_FTS = table("recommendation_fts", column("rowid"))
# The text search configuration of migration 0017 (porter over unaccent), and the stored vector.
_PG_CONFIG: ColumnClause[str] = literal_column("'upr_english'")
_PG_VECTOR: ColumnClause[object] = literal_column(f"{Recommendation.__tablename__}.search_vector")


def fold_accents(q: str) -> str:
    """`q` without the accents that decompose off a letter (`Côte` → `Cote`), as both engines fold
    their texts; a combining accent typed after its letter goes too, so it never cuts a word."""
    decomposed = unicodedata.normalize("NFD", q)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def search_terms(q: str | None) -> list[str]:
    """The searchable words of `q`, accents folded, lower-cased and de-duplicated, in order; empty
    means "no search". Anything but a letter or a digit separates words, as in the indexed texts."""
    words = (w.lower() for w in _WORD.findall(fold_accents(q or "")))  # not casefold: "ß" must stay "ß"
    return list(dict.fromkeys(w for w in words if w not in STOP_WORDS))[:MAX_TERMS]


def has_words(q: str | None) -> bool:
    return bool(_WORD.search(q or ""))


def searched_terms(q: str | None) -> list[str]:
    """The terms `q` searches for; a `q` of only stop words is a 422 rather than a search for nothing
    (which would answer everything, or nothing, without saying why)."""
    terms = search_terms(q)
    if not terms and has_words(q):
        raise InvalidInput(
            "`q` holds only common words (the, other, further…), which are not searched: add a more specific word.",
            field="q",
        )
    return terms


def fts5_query(terms: list[str]) -> str:
    """An FTS5 query requiring every term; each is a quoted string, so FTS5 operators are inert."""
    return " ".join(f'"{term}"' for term in terms)


def apply_search(session: Session, stmt: Select, terms: list[str]) -> tuple[Select, ColumnElement[float]]:
    """`stmt` (a select of Recommendation) narrowed to rows matching every term, and the rank
    expression to order by (higher is more relevant) for the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        # The terms are plain words already (no operator survives search_terms): plainto_tsquery
        # runs them through the texts' own dictionaries (unaccent, porter, stop words).
        query = func.plainto_tsquery(_PG_CONFIG, literal(" ".join(terms)))
        # float8, not ts_rank's float4: a cursor carries the rank and must compare equal to it.
        pg_rank = cast(func.ts_rank(_PG_VECTOR, query), Double)
        return stmt.where(_PG_VECTOR.op("@@")(query)), pg_rank.label("search_rank")
    stmt = stmt.join(_FTS, _FTS.c.rowid == Recommendation.id).where(
        literal_column("recommendation_fts").op("MATCH")(fts5_query(terms))
    )
    # bm25() is lower-is-better; negate it so "rank" means the same on both engines.
    rank = -func.bm25(literal_column("recommendation_fts"), type_=Double)
    return stmt, rank.label("search_rank")
