"""Full-text search over recommendation text: one API, two engines.

SQLite answers from the FTS5 table `recommendation_fts` (porter stemmer, ranked with bm25);
PostgreSQL from `to_tsvector('english', text)`, whose expression must be written exactly as the
GIN index of migration 0002 so the planner uses the index. Both stem English, so
"discriminating" finds "discrimination".

User input never reaches either query language as syntax: it is cut into words, English stop
words are dropped (PostgreSQL drops them anyway; dropping them on SQLite too keeps the two engines
answering alike) and each word is matched as a plain term, all of them required. Quotes,
parentheses, `AND`, `*` or `-` are therefore just separators, never operators.
"""

import re

from sqlalchemy import Double, cast, column, func, literal_column, table
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.expression import ColumnClause
from sqlmodel import Session, col

from api.core.errors import InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
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
_PG_CONFIG: ColumnClause[str] = literal_column("'english'")


def search_terms(q: str | None) -> list[str]:
    """The searchable words of `q`, lower-cased and de-duplicated, in order; empty means "no search"."""
    words = (w.lower() for w in _WORD.findall(q or ""))  # not casefold: "ß" must stay "ß" to match
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
        vector = func.to_tsvector(_PG_CONFIG, Recommendation.text)
        query = func.websearch_to_tsquery(_PG_CONFIG, " ".join(terms))
        # float8, not ts_rank's float4: a cursor carries the rank and must compare equal to it.
        pg_rank = cast(func.ts_rank(vector, query), Double)
        return stmt.where(vector.op("@@")(query)), pg_rank.label("search_rank")
    stmt = stmt.join(_FTS, _FTS.c.rowid == Recommendation.id).where(
        literal_column("recommendation_fts").op("MATCH")(fts5_query(terms))
    )
    # bm25() is lower-is-better; negate it so "rank" means the same on both engines.
    rank = -func.bm25(literal_column("recommendation_fts"), type_=Double)
    return stmt, rank.label("search_rank")


def paginate_ranked(
    session: Session, stmt: Select, params: PageParams, rank: ColumnElement[float]
) -> Page[tuple[Recommendation, float]]:
    """A search page through the shared helper: most relevant first, then by id; items are
    (recommendation, rank) pairs.

    The cursor carries the last row's rank (as float8 on PostgreSQL, so it compares equal to the
    recomputed one). Ranks depend on the whole collection (bm25's document frequencies), so when
    texts are added or edited between two pages a row may move across the page boundary, as in any
    search engine; nothing errs, and an unchanged collection pages exactly."""
    ranked = stmt.add_columns(col(Recommendation.id), rank)  # the sort keys, readable on each row
    page = paginate(session, ranked, params, [Sort(rank, descending=True), Sort(Recommendation.id)], rows=True)
    return page.map(lambda row: (row[0], row[-1]))
