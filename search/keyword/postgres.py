"""Keyword channel on PostgreSQL: weighted tsvectors (A–D) with GIN indexes, ts_rank_cd.

Each record is stemmed by the text search configuration of its own language (``english``
for an English record, ``french`` for a French one: "chevaux" is indexed as "cheval"), and a
visitor's words are stemmed by every site language's configuration, since a visitor on the
French page may type an English word and the other way round.

Bounded at any size. Ranking every record that has a word costs as much as the word is
common: at a million records a word found in half of them made PostgreSQL read and rank half
a million rows for each query. Candidates are therefore taken per word, each word bringing at
most a fixed number from the ``heading`` index (title and tags, the heaviest weights, so the
records a common word is *about*) and as many from the whole ``document`` index; only those
are ranked. A rare word brings every record it is in, so records that share the query's rare
words are always found; a word in every record brings a sample led by its heading matches.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings

from search.keyword.base import KeywordBackend
from search.keyword.documents import COLUMNS, KeywordDocument
from search.keyword.types import KeywordHit, MatchedWords, matches_from_rows

TABLE = "search_keyword_pg"
_OPEN, _CLOSE = "⟦", "⟧"
# ts_rank_cd weights are given as {D, C, B, A}: title A, tags B, creators C, the rest D.
RANK_WEIGHTS = "{0.25, 0.5, 0.6, 1.0}"
# PostgreSQL's built-in text search configurations by language code; any other language
# is indexed word by word, unstemmed ('simple').
TEXT_SEARCH_CONFIGS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ru": "russian",
    "sv": "swedish",
}
FALLBACK_CONFIG = "simple"
# Each query word brings at most this many candidates from each of the two indexes, fewer
# when a long query shares CANDIDATES_PER_QUERY among its words (never under MIN_PER_WORD).
# A one-word query ranks at most 200 rows at any size (search.retrieval asks for 100).
CANDIDATES_PER_WORD = 100
CANDIDATES_PER_QUERY = 400
MIN_PER_WORD = 25

_HEADING = "setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, tags), 'B')"
_DOCUMENT = (
    f"{_HEADING} || setweight(to_tsvector(config, creators), 'C')"
    " || setweight(to_tsvector(config, description || ' ' || other), 'D')"
)
CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        object_id integer PRIMARY KEY,
        config regconfig NOT NULL DEFAULT 'english',
        title text NOT NULL DEFAULT '',
        tags text NOT NULL DEFAULT '',
        creators text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        other text NOT NULL DEFAULT '',
        heading tsvector GENERATED ALWAYS AS ({_HEADING}) STORED,
        document tsvector GENERATED ALWAYS AS ({_DOCUMENT}) STORED
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_heading ON {TABLE} USING GIN (heading)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING GIN (document)",
]
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"
# A table made before languages and the heading index (search migration 0006): the stored
# document is recomputed once, with each record's language read from the collection.
_LANGUAGE_CASE = " ".join(f"WHEN '{code}' THEN '{c}'" for code, c in TEXT_SEARCH_CONFIGS.items())
UPGRADE_SQL = [
    f"DROP INDEX IF EXISTS {TABLE}_document",
    f"ALTER TABLE {TABLE} DROP COLUMN document",
    f"ALTER TABLE {TABLE} ADD COLUMN config regconfig NOT NULL DEFAULT 'english'",
    f"UPDATE {TABLE} k SET config = (CASE split_part(lower(o.language), '-', 1) {_LANGUAGE_CASE}"  # noqa: S608 (fixed names)
    f" ELSE '{FALLBACK_CONFIG}' END)::regconfig"
    " FROM exhibition_collectionobject o WHERE o.id = k.object_id",
    f"ALTER TABLE {TABLE} ADD COLUMN heading tsvector GENERATED ALWAYS AS ({_HEADING}) STORED",
    f"ALTER TABLE {TABLE} ADD COLUMN document tsvector GENERATED ALWAYS AS ({_DOCUMENT}) STORED",
    *CREATE_SQL[1:],
]


def text_search_config(language: str) -> str:
    """The configuration a record in ``language`` ("en", "fr-ca") is stemmed with."""
    language = language or settings.LANGUAGE_CODE
    return TEXT_SEARCH_CONFIGS.get(language.lower().split("-", 1)[0], FALLBACK_CONFIG)


def query_configs() -> list[str]:
    """The configurations a visitor's words are stemmed with: one per site language."""
    configs = [text_search_config(code) for code, _ in settings.LANGUAGES]
    return list(dict.fromkeys(configs))


def _word_query(configs: Sequence[str]) -> str:
    """One word stemmed by each configuration, OR-ed (the names are ours, the word a parameter)."""
    return "(" + " || ".join(f"plainto_tsquery('{c}', %s)" for c in configs) + ")"


def any_word_query(terms: Sequence[str], configs: Sequence[str]) -> tuple[str, list[str]]:
    """Any of the words (a visitor's words are OR-ed): SQL and its parameters."""
    sql = " || ".join([_word_query(configs)] * len(terms))
    return sql, [term for term in terms for _ in configs]


def per_word(n_terms: int) -> int:
    """How many candidates each of ``n_terms`` words may bring from each index."""
    return max(MIN_PER_WORD, min(CANDIDATES_PER_WORD, CANDIDATES_PER_QUERY // max(1, n_terms)))


def _word_candidates(columns: str, configs: Sequence[str]) -> str:
    """One word's bounded candidates: its heading matches, then the records that have it
    elsewhere only (the two sets are disjoint, so no record is read twice for one word)."""
    word = _word_query(configs)
    return (
        f"(SELECT {columns} FROM {TABLE} WHERE heading @@ {word} LIMIT %s)"  # noqa: S608 (fixed names)
        f" UNION ALL (SELECT {columns} FROM {TABLE}"
        f" WHERE document @@ {word} AND NOT heading @@ {word} LIMIT %s)"
    )


def _word_candidate_params(term: str, configs: Sequence[str], cap: int) -> list[Any]:
    word = [term] * len(configs)
    return [*word, cap, *word, *word, cap]


class PostgresKeywordBackend(KeywordBackend):
    """PostgreSQL: weighted tsvectors with GIN indexes, bounded candidates, ts_rank_cd."""

    def create_table(self, cursor: Any) -> None:
        for statement in CREATE_SQL:
            cursor.execute(statement)

    def drop_table(self, cursor: Any) -> None:
        cursor.execute(DROP_SQL)

    def upgrade_table(self, cursor: Any) -> None:
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = %s AND column_name = 'heading'",
            [TABLE],
        )
        if cursor.fetchone() is None:
            for statement in UPGRADE_SQL:
                cursor.execute(statement)

    def upsert(self, cursor: Any, documents: Iterable[KeywordDocument]) -> None:
        names = ("config", *COLUMNS)
        updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in names)
        placeholders = ", ".join(["%s"] * (len(names) + 1))
        rows = [
            [
                doc.object_id,
                text_search_config(doc.language),
                *(doc.column(name) for name in COLUMNS),
            ]
            for doc in documents
        ]
        if rows:
            cursor.executemany(
                f"INSERT INTO {TABLE} (object_id, {', '.join(names)}) VALUES ({placeholders}) "  # noqa: S608 (fixed names)
                f"ON CONFLICT (object_id) DO UPDATE SET {updates}",
                rows,
            )

    def remove(self, cursor: Any, object_ids: Sequence[int]) -> None:
        if object_ids:
            cursor.execute(f"DELETE FROM {TABLE} WHERE object_id = ANY(%s)", [list(object_ids)])  # noqa: S608 (fixed names)

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 (fixed names)

    def search(self, cursor: Any, terms: Sequence[str], *, limit: int) -> list[KeywordHit]:
        """Best of the bounded candidates first, ranked by ts_rank_cd with the column weights."""
        if not terms:
            return []
        cursor.execute(*search_statement(terms, limit=limit, configs=query_configs()))
        return [KeywordHit(int(row[0]), float(row[1])) for row in cursor.fetchall()]

    def term_maxima(self, cursor: Any, terms: Sequence[str]) -> list[float]:
        """Each word's best rank on its own among its candidates (0 where no record has it).

        Exact for a word in fewer records than CANDIDATES_PER_WORD; for a commoner one the
        best of its heading matches, which is where its best rank is.
        """
        if not terms:
            return []
        configs = query_configs()
        word = _word_query(configs)
        best_of_term = (
            f"(SELECT max(ts_rank_cd('{RANK_WEIGHTS}', c.document, {word}))"  # noqa: S608 (fixed names)
            f" FROM ({_word_candidates('document', configs)}) c)"
        )
        cap = per_word(len(terms))
        params: list[Any] = []
        for term in terms:
            params += [term] * len(configs)  # the rank's query
            params += _word_candidate_params(term, configs, cap)
        cursor.execute("SELECT " + ", ".join([best_of_term] * len(terms)), params)
        return [float(score or 0.0) for score in cursor.fetchone()]

    def matched_words(
        self, cursor: Any, terms: Sequence[str], object_ids: Sequence[int]
    ) -> MatchedWords:
        """The words of each of these records that the terms matched, per column.

        Asked for the page of results only: ts_headline costs far more than ranking.
        """
        if not terms or not object_ids:
            return {}
        query, query_params = any_word_query(terms, query_configs())
        options = f"StartSel={_OPEN}, StopSel={_CLOSE}, HighlightAll=true"
        headlines = ", ".join(f"ts_headline(t.config, {name}, q.q, %s)" for name in COLUMNS)
        cursor.execute(
            f"WITH q AS (SELECT ({query}) AS q)"  # noqa: S608 (fixed names)
            f" SELECT object_id, {headlines} FROM {TABLE} t, q"
            f" WHERE t.object_id = ANY(%s) AND t.document @@ q.q",
            [*query_params, *([options] * len(COLUMNS)), list(object_ids)],
        )
        return matches_from_rows(
            cursor.fetchall(), columns=COLUMNS, open_mark=_OPEN, close_mark=_CLOSE
        )


def search_statement(
    terms: Sequence[str], *, limit: int, configs: Sequence[str]
) -> tuple[str, list[Any]]:
    """The ranking query over the bounded candidates: SQL and parameters (benchmarks run it).

    Each candidate is ranked inside its word's subquery (the LIMIT stops the reading, so
    only the rows taken are ranked); a record several words bring keeps its one rank.
    """
    query, query_params = any_word_query(terms, configs)
    ranked = f"object_id, ts_rank_cd('{RANK_WEIGHTS}', document, (SELECT q FROM q)) AS rank"  # noqa: S608 (fixed names)
    cap = per_word(len(terms))
    parts, params = [], []
    for term in terms:
        parts.append(_word_candidates(ranked, configs))
        params += _word_candidate_params(term, configs, cap)
    sql = (
        f"WITH q AS (SELECT ({query}) AS q)"  # noqa: S608 (fixed names)
        f" SELECT object_id, max(rank) AS rank FROM ({' UNION ALL '.join(parts)}) c"
        " GROUP BY object_id ORDER BY rank DESC, object_id LIMIT %s"
    )
    return sql, [*query_params, *params, limit]
