"""Keyword channel on SQLite: an FTS5 table ranked with bm25() and column weights.

The functions take a DB-API cursor, so the same code serves the site's database
and the in-memory index that ``evaluate_search --record-fields title`` builds.
"""

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from search.keyword.base import KeywordBackend
from search.keyword.documents import COLUMN_WEIGHTS, COLUMNS, KeywordDocument
from search.keyword.types import KeywordHit, MatchedWords, matches_from_rows

TABLE = "search_keyword_fts"
_OPEN, _CLOSE = "\x02", "\x03"
# Porter stemming so "paintings" finds "painting"; diacritics folded ("Dürer" = "Durer").
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    + ", ".join(COLUMNS)
    + ", tokenize = 'porter unicode61 remove_diacritics 2')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"
# bm25() with the column weights; lower is better, so rankings order by it ascending.
BM25 = f"bm25({TABLE}, {', '.join(str(weight) for weight in COLUMN_WEIGHTS)})"
HIGHLIGHTS = ", ".join(
    f"highlight({TABLE}, {i}, '{_OPEN}', '{_CLOSE}')" for i in range(len(COLUMNS))
)


def _execute(cursor: Any, sql: str, params: Sequence[Any] = ()) -> None:
    # Django's cursors take "%s" placeholders; a bare sqlite3 cursor (memory index) takes "?".
    if isinstance(cursor, sqlite3.Cursor):
        sql = sql.replace("%s", "?")
    cursor.execute(sql, params)


def match_expression(terms: Sequence[str]) -> str:
    # Each term is a quoted string (terms hold word characters only), OR-ed: a visitor's
    # sentence should rank records by how many of its words they share, not require all.
    return " OR ".join(f'"{term}"' for term in terms)


class SQLiteKeywordBackend(KeywordBackend):
    """SQLite FTS5, ranked by bm25() with the column weights."""

    def create_table(self, cursor: Any) -> None:
        cursor.execute(CREATE_SQL)

    def drop_table(self, cursor: Any) -> None:
        cursor.execute(DROP_SQL)

    def upsert(self, cursor: Any, documents: Iterable[KeywordDocument]) -> None:
        placeholders = ", ".join(["%s"] * (len(COLUMNS) + 1))
        for doc in documents:
            _execute(cursor, f"DELETE FROM {TABLE} WHERE rowid = %s", [doc.object_id])  # noqa: S608 (fixed names)
            _execute(
                cursor,
                f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})",  # noqa: S608 (fixed names)
                [doc.object_id, *(doc.column(name) for name in COLUMNS)],
            )

    def remove(self, cursor: Any, object_ids: Sequence[int]) -> None:
        for object_id in object_ids:
            _execute(cursor, f"DELETE FROM {TABLE} WHERE rowid = %s", [object_id])  # noqa: S608 (fixed names)

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 (fixed names)

    def search(self, cursor: Any, terms: Sequence[str], *, limit: int) -> list[KeywordHit]:
        """Best matches first, ranked by bm25() with the column weights."""
        if not terms:
            return []
        _execute(
            cursor,
            f"SELECT rowid, -{BM25} FROM {TABLE} "  # noqa: S608 (fixed names)
            f"WHERE {TABLE} MATCH %s ORDER BY {BM25} LIMIT %s",
            [match_expression(terms), limit],
        )
        return [KeywordHit(int(row[0]), float(row[1])) for row in cursor.fetchall()]

    def term_maxima(self, cursor: Any, terms: Sequence[str]) -> list[float]:
        """Each term's best score on its own (0 where no record has it), in one statement.

        BM25 adds up over terms, so their sum bounds what a record matching every word of
        the query could score (see search.ranking: the keyword channel is scaled by it).
        """
        if not terms:
            return []
        best_of_term = (
            f"(SELECT -{BM25} FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY {BM25} LIMIT 1)"  # noqa: S608 (fixed names)
        )
        _execute(
            cursor,
            "SELECT " + ", ".join([best_of_term] * len(terms)),
            [match_expression([term]) for term in terms],
        )
        return [float(score or 0.0) for score in cursor.fetchone()]

    def matched_words(
        self, cursor: Any, terms: Sequence[str], object_ids: Sequence[int]
    ) -> MatchedWords:
        """The words of each of these records that the terms matched, per column.

        Asked for the page of results only: highlighting costs more than ranking. FTS5 runs
        ``rowid IN (...)`` as one full-text query per id, so the best-ranked rows, where a
        first page's keyword hits mostly are, are read in one ordered pass and only the rest
        by id.
        """
        if not terms or not object_ids:
            return {}
        wanted = set(object_ids)
        expression = match_expression(terms)
        _execute(
            cursor,
            f"SELECT rowid, {HIGHLIGHTS} FROM {TABLE} WHERE {TABLE} MATCH %s "  # noqa: S608 (fixed names)
            f"ORDER BY {BM25} LIMIT %s",
            [expression, len(wanted)],
        )
        rows = [row for row in cursor.fetchall() if row[0] in wanted]
        rest = sorted(wanted - {row[0] for row in rows})
        if rest:
            ids = ", ".join(["%s"] * len(rest))
            _execute(
                cursor,
                f"SELECT rowid, {HIGHLIGHTS} FROM {TABLE} "  # noqa: S608 (fixed names)
                f"WHERE {TABLE} MATCH %s AND rowid IN ({ids})",
                [expression, *rest],
            )
            rows += cursor.fetchall()
        return matches_from_rows(rows, columns=COLUMNS, open_mark=_OPEN, close_mark=_CLOSE)
