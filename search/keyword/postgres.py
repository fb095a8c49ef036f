"""Keyword channel on PostgreSQL: a weighted tsvector (A–D) with a GIN index, ts_rank_cd."""

from collections.abc import Iterable, Sequence
from typing import Any

from search.keyword.base import KeywordBackend
from search.keyword.documents import COLUMNS, KeywordDocument
from search.keyword.types import KeywordHit, MatchedWords, matches_from_rows

TABLE = "search_keyword_pg"
_OPEN, _CLOSE = "⟦", "⟧"
# ts_rank_cd weights are given as {D, C, B, A}: title A, tags B, creators C, the rest D.
_RANK_WEIGHTS = "{0.25, 0.5, 0.6, 1.0}"
CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        object_id integer PRIMARY KEY,
        title text NOT NULL DEFAULT '',
        tags text NOT NULL DEFAULT '',
        creators text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        other text NOT NULL DEFAULT '',
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', tags), 'B')
            || setweight(to_tsvector('english', creators), 'C')
            || setweight(to_tsvector('english', description || ' ' || other), 'D')
        ) STORED
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING GIN (document)",
]
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"


def _tsquery(terms: Sequence[str]) -> str:
    # One plainto_tsquery per word, OR-ed: parameters, never text spliced into the query.
    return " || ".join(["plainto_tsquery('english', %s)"] * len(terms))


class PostgresKeywordBackend(KeywordBackend):
    """PostgreSQL: a weighted tsvector with a GIN index, ranked by ts_rank_cd."""

    def create_table(self, cursor: Any) -> None:
        for statement in CREATE_SQL:
            cursor.execute(statement)

    def drop_table(self, cursor: Any) -> None:
        cursor.execute(DROP_SQL)

    def upsert(self, cursor: Any, documents: Iterable[KeywordDocument]) -> None:
        updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in COLUMNS)
        placeholders = ", ".join(["%s"] * (len(COLUMNS) + 1))
        for doc in documents:
            cursor.execute(
                f"INSERT INTO {TABLE} (object_id, {', '.join(COLUMNS)}) VALUES ({placeholders}) "  # noqa: S608 (fixed names)
                f"ON CONFLICT (object_id) DO UPDATE SET {updates}",
                [doc.object_id, *(doc.column(name) for name in COLUMNS)],
            )

    def remove(self, cursor: Any, object_ids: Sequence[int]) -> None:
        if object_ids:
            cursor.execute(f"DELETE FROM {TABLE} WHERE object_id = ANY(%s)", [list(object_ids)])  # noqa: S608 (fixed names)

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 (fixed names)

    def search(self, cursor: Any, terms: Sequence[str], *, limit: int) -> list[KeywordHit]:
        """Best matches first, ranked by ts_rank_cd with the column weights."""
        if not terms:
            return []
        cursor.execute(
            f"WITH q AS (SELECT ({_tsquery(terms)}) AS q)"  # noqa: S608 (fixed names)
            f" SELECT object_id, ts_rank_cd('{_RANK_WEIGHTS}', t.document, q.q) AS rank"
            f" FROM {TABLE} t, q WHERE t.document @@ q.q ORDER BY rank DESC, object_id LIMIT %s",
            [*terms, limit],
        )
        return [KeywordHit(int(row[0]), float(row[1])) for row in cursor.fetchall()]

    def term_maxima(self, cursor: Any, terms: Sequence[str]) -> list[float]:
        """Each term's best rank on its own (0 where no record has it), in one statement."""
        if not terms:
            return []
        best_of_term = (
            f"(SELECT max(ts_rank_cd('{_RANK_WEIGHTS}', document, plainto_tsquery('english', %s)))"  # noqa: S608 (fixed names)
            f" FROM {TABLE} WHERE document @@ plainto_tsquery('english', %s))"
        )
        cursor.execute(
            "SELECT " + ", ".join([best_of_term] * len(terms)),
            [value for term in terms for value in (term, term)],
        )
        return [float(score or 0.0) for score in cursor.fetchone()]

    def matched_words(
        self, cursor: Any, terms: Sequence[str], object_ids: Sequence[int]
    ) -> MatchedWords:
        """The words of each of these records that the terms matched, per column.

        Asked for the page of results only: ts_headline costs far more than ranking.
        """
        if not terms or not object_ids:
            return {}
        options = f"StartSel={_OPEN}, StopSel={_CLOSE}, HighlightAll=true"
        headlines = ", ".join(f"ts_headline('english', {name}, q.q, %s)" for name in COLUMNS)
        cursor.execute(
            f"WITH q AS (SELECT ({_tsquery(terms)}) AS q)"  # noqa: S608 (fixed names)
            f" SELECT object_id, {headlines} FROM {TABLE} t, q"
            f" WHERE t.object_id = ANY(%s) AND t.document @@ q.q",
            [*terms, *([options] * len(COLUMNS)), list(object_ids)],
        )
        return matches_from_rows(
            cursor.fetchall(), columns=COLUMNS, open_mark=_OPEN, close_mark=_CLOSE
        )
