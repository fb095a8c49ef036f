"""A keyword index held in memory (SQLite FTS5), for evaluations on altered records."""

import sqlite3
from collections.abc import Iterable, Sequence

from search.keyword.documents import KeywordDocument, query_terms
from search.keyword.sqlite import SQLiteKeywordBackend
from search.keyword.types import KeywordHit, MatchedWords


class MemoryKeywordIndex:
    """Same tokenizer, weights and query rules as the site's FTS5 index."""

    def __init__(self, documents: Iterable[KeywordDocument]) -> None:
        self._connection = sqlite3.connect(":memory:", check_same_thread=False)
        self._fts = SQLiteKeywordBackend()
        cursor = self._connection.cursor()
        self._fts.create_table(cursor)
        self._fts.upsert(cursor, documents)
        self._connection.commit()

    def search(self, query: str, *, limit: int = 200) -> list[KeywordHit]:
        return self._fts.search(self._connection.cursor(), query_terms(query), limit=limit)

    def term_maxima(self, query: str) -> list[float]:
        return self._fts.term_maxima(self._connection.cursor(), query_terms(query))

    def matched_words(self, query: str, object_ids: Sequence[int]) -> MatchedWords:
        return self._fts.matched_words(self._connection.cursor(), query_terms(query), object_ids)

    def close(self) -> None:
        self._connection.close()
