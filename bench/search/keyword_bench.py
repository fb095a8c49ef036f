"""Measurements behind `bench_search --keyword-rows N`: the PostgreSQL keyword channel at size.

Synthetic records (declared so in the output) are written straight into the keyword table of a
scratch schema by one `INSERT … SELECT generate_series` (the importer would take hours for a
million), then the GIN indexes are built. Words are drawn from a pseudo-word vocabulary with a
Zipf-like (log-uniform) law, as real catalogue words are; one word ("painting") is in every
record's description and a fifth of the titles, one ("zeppelin") in a few dozen records. Each
query is timed through the site's backend (bounded candidates) and through the statement the
site ran before (every matching record ranked), with the top-10 overlap between the two.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.stats import percentile
from search.keyword.postgres import (
    CREATE_SQL,
    RANK_WEIGHTS,
    TABLE,
    PostgresKeywordBackend,
    any_word_query,
    query_configs,
    search_statement,
)

SCHEMA = "bench_keyword"
VOCABULARY = 20_000
COMMON, RARE = "painting", "zeppelin"
RARE_EVERY = 33_333  # the rare word's records: one in this many
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("common word", (COMMON,)),
    ("rare word", (RARE,)),
    ("rare + common", (RARE, COMMON)),
    ("two mid words", ("w0200", "w0300")),
)
LIMIT = 100  # what the retrieval asks the keyword channel for (search.retrieval.CANDIDATES)


def pseudo_words(n: int, seed: int = 7) -> list[str]:
    """`n` distinct lower-case pseudo-words (stable across runs); a few kept as wNNNN."""
    rng = random.Random(seed)  # noqa: S311 (reproducible words, not secrets)
    consonants, vowels = "bcdfgklmnprstvz", "aeiou"
    words: dict[str, None] = {}
    while len(words) < n:
        length = rng.randint(2, 4)
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(length))
        words.setdefault(word, None)
    vocabulary = list(words)
    # Ranks 200 and 300 keep a recognisable name, for the "two mid words" query.
    vocabulary[199], vocabulary[299] = "w0200", "w0300"
    return vocabulary


BLOCKS = 10_000  # phrases of each length drawn once; records are assembled from them


def _phrase(alias: str, length: int, multiplier: int, offset: int) -> str:
    # The phrase of `length` words that the record's id hashes to (a hash join, not a scan).
    return (
        f"JOIN bench_phrases {alias} ON {alias}.length = {length}"
        f" AND {alias}.b = 1 + (i::bigint * {multiplier} + {offset}) %% {BLOCKS}"
    )


WORDS_SQL = (
    "CREATE TEMP TABLE bench_words AS SELECT n::int AS id, word"
    " FROM unnest(%s::text[]) WITH ORDINALITY AS u(word, n)"
)
# A log-uniform rank in 1..VOCABULARY: word k is drawn with probability ~ 1/k (Zipf).
PHRASES_SQL = f"""
INSERT INTO bench_phrases
SELECT %s, b, string_agg(w.word, ' ' ORDER BY k)
FROM generate_series(1, {BLOCKS}) AS b CROSS JOIN generate_series(1, %s) AS k
CROSS JOIN LATERAL (SELECT floor(power({VOCABULARY}, random() + 0 * b * k))::int AS r) AS x
JOIN bench_words w ON w.id = x.r
GROUP BY b
"""  # noqa: S608 (fixed names)
# Descriptions join three ten-word phrases picked by hashing the id (10^12 combinations).
FILL_SQL = f"""
INSERT INTO {TABLE} (object_id, config, title, tags, creators, description, other)
SELECT i,
    (CASE WHEN i %% 10 = 0 THEN 'french' ELSE 'english' END)::regconfig,
    t.phrase || (CASE WHEN i %% 5 = 0 THEN ' {COMMON}' ELSE '' END)
        || (CASE WHEN i %% {RARE_EVERY} = 7 THEN ' {RARE}' ELSE '' END),
    g.phrase,
    'Artist ' || (i %% 5000),
    d1.phrase || ' ' || d2.phrase || ' ' || d3.phrase || ' {COMMON}',
    'oil on canvas ; ' || (1500 + i %% 500)
FROM generate_series(1, %s) AS i
{_phrase("t", 3, 7, 1)}
{_phrase("g", 2, 31, 5)}
{_phrase("d1", 10, 7919, 0)}
{_phrase("d2", 10, 104729, 13)}
{_phrase("d3", 10, 15485863, 7)}
"""  # noqa: S608 (fixed names)


def fill(cursor: Any, rows: int) -> float:
    """Create the scratch schema and its keyword table with `rows` records; seconds taken."""
    started = time.perf_counter()
    cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    cursor.execute(f"CREATE SCHEMA {SCHEMA}")
    cursor.execute(f"SET search_path TO {SCHEMA}")
    cursor.execute(CREATE_SQL[0])
    cursor.execute("SET maintenance_work_mem = '512MB'")
    cursor.execute("SELECT setseed(0.42)")
    cursor.execute(WORDS_SQL, [pseudo_words(VOCABULARY)])
    cursor.execute("CREATE TEMP TABLE bench_phrases (length int, b int, phrase text)")
    for length in (2, 3, 10):
        cursor.execute(PHRASES_SQL, [length, length])
    cursor.execute("ANALYZE bench_phrases")
    cursor.execute(FILL_SQL, [rows])
    for statement in CREATE_SQL[1:]:  # GIN indexes are built faster over a full table
        cursor.execute(statement)
    cursor.execute(f"ANALYZE {TABLE}")
    return time.perf_counter() - started


def reusable(cursor: Any, rows: int) -> bool:
    """Whether a --keep run left `rows` records here; if so, searches go to them."""
    cursor.execute("SELECT to_regclass(%s)", [f"{SCHEMA}.{TABLE}"])
    if cursor.fetchone()[0] is None:
        return False
    cursor.execute(f"SELECT count(*) FROM {SCHEMA}.{TABLE}")  # noqa: S608 (fixed names)
    if int(cursor.fetchone()[0]) != rows:
        return False
    cursor.execute(f"SET search_path TO {SCHEMA}")
    return True


def unbounded_statement(terms: Sequence[str], *, limit: int) -> tuple[str, list[Any]]:
    """The statement the site ran before: every record with any of the words, ranked."""
    query, params = any_word_query(terms, query_configs())
    sql = (
        f"WITH q AS (SELECT ({query}) AS q)"  # noqa: S608 (fixed names)
        f" SELECT object_id, ts_rank_cd('{RANK_WEIGHTS}', t.document, q.q) AS rank"
        f" FROM {TABLE} t, q WHERE t.document @@ q.q ORDER BY rank DESC, object_id LIMIT %s"
    )
    return sql, [*params, limit]


def unbounded_search(cursor: Any, terms: Sequence[str], *, limit: int) -> list[float]:
    """The ranks of the exact top `limit`, best first."""
    cursor.execute(*unbounded_statement(terms, limit=limit))
    return [float(row[1]) for row in cursor.fetchall()]


def unbounded_term_maxima(cursor: Any, terms: Sequence[str]) -> list[float]:
    """Before: each word's best rank over every record that has it."""
    configs = query_configs()
    scores = []
    for term in terms:
        word, params = any_word_query([term], configs)
        cursor.execute(
            f"SELECT max(ts_rank_cd('{RANK_WEIGHTS}', document, {word}))"  # noqa: S608 (fixed names)
            f" FROM {TABLE} WHERE document @@ {word}",
            params * 2,
        )
        scores.append(float(cursor.fetchone()[0] or 0.0))
    return scores


def matching_rows(cursor: Any, terms: Sequence[str]) -> int:
    query, params = any_word_query(terms, query_configs())
    cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE document @@ ({query})", params)  # noqa: S608 (fixed names)
    return int(cursor.fetchone()[0])


@dataclass(frozen=True)
class QueryFigures:
    name: str
    words: str
    matching: int  # records with any of the words
    before_p50_ms: float  # search + term maxima, every match ranked
    before_p95_ms: float
    after_p50_ms: float  # the same through the bounded backend
    after_p95_ms: float
    # Mean rank of the bounded top 10 over the exact top 10's: 1.0 when the records found are
    # as good a match (records of equal rank may differ: ties are common for one word).
    top10_rank_kept: float

    @property
    def p95_ratio(self) -> float:
        return self.after_p95_ms / self.before_p95_ms if self.before_p95_ms else float("nan")


def _timed(call: Any, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000.0)
    return timings


def measure_queries(cursor: Any, *, repeat: int, before_repeat: int) -> list[QueryFigures]:
    """Before/after p50 and p95 of what one search asks the keyword channel (search + maxima)."""
    backend = PostgresKeywordBackend()
    figures = []
    for name, terms in QUERIES:

        def before(terms: Sequence[str] = terms) -> list[float]:
            unbounded_term_maxima(cursor, terms)
            return unbounded_search(cursor, terms, limit=LIMIT)

        def after(terms: Sequence[str] = terms) -> list[float]:
            backend.term_maxima(cursor, terms)
            return [hit.score for hit in backend.search(cursor, terms, limit=LIMIT)]

        exact, bounded = before()[:10], after()[:10]  # also warms the cache for both
        before_ms, after_ms = _timed(before, before_repeat), _timed(after, repeat)
        figures.append(
            QueryFigures(
                name=name,
                words=" ".join(terms),
                matching=matching_rows(cursor, terms),
                before_p50_ms=percentile(before_ms, 50),
                before_p95_ms=percentile(before_ms, 95),
                after_p50_ms=percentile(after_ms, 50),
                after_p95_ms=percentile(after_ms, 95),
                top10_rank_kept=sum(bounded) / sum(exact) if sum(exact) else 1.0,
            )
        )
    return figures


def explain(cursor: Any, terms: Sequence[str]) -> tuple[str, str]:
    """EXPLAIN ANALYZE of the search statement before and after (the plans, as text)."""
    plans = []
    for sql, sql_params in (
        unbounded_statement(terms, limit=LIMIT),
        search_statement(terms, limit=LIMIT, configs=query_configs()),
    ):
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, sql_params)
        plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans[0], plans[1]


def drop(cursor: Any) -> None:
    cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
