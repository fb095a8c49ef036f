"""Runs every query of an evaluation file through each channel alone and the hybrid.

Full records use the site's own channels (keyword index in the database, published
FAISS indexes). Titles only rebuilds the record-text and keyword channels in memory
from titles alone; the visual channel (images) is unchanged.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.search.evaluation.metrics import ndcg_at_k, recall_at_k, reciprocal_rank
from bench.search.evaluation.queries import EvalQuery
from bench.stats import percentile
from exhibition.browse import BrowseQuery
from exhibition.selectors import public_objects
from search.fusion import shown_ranking
from search.keyword.documents import FIELDS_ALL, FIELDS_TITLE, keyword_document
from search.keyword.memory import MemoryKeywordIndex
from search.ranking import fuse
from search.retrieval import (
    ArraySources,
    IndexMissing,
    SiteSources,
    Sources,
    retrieve_text_channels,
)
from search.selectors import search_text
from search.timing import Timer

METHODS = ("keyword", "text", "visual", "hybrid")


class EvaluationError(RuntimeError):
    """The evaluation cannot run (e.g. no index); the message says what to do."""


@dataclass(frozen=True)
class QueryRun:
    """One query's ranked slugs per method."""

    query: EvalQuery
    rankings: dict[str, list[str]]


def title_sources() -> ArraySources:
    from search.embeddings import embedding_matrix, record_text
    from search.encoders import get_text_encoder

    objects = list(public_objects().order_by("pk"))
    keyword = MemoryKeywordIndex(keyword_document(o, fields=FIELDS_TITLE) for o in objects)
    ids = np.array([o.pk for o in objects], dtype=np.int64)
    texts = get_text_encoder().encode([record_text(o, fields=FIELDS_TITLE) for o in objects])
    return ArraySources(
        sparse=True,
        keyword_index=keyword,
        # A title-only record's heading is its title.
        matrices={
            "text": (ids, texts),
            "heading": (ids, texts),
            "joint": embedding_matrix("joint"),
            "visual": embedding_matrix("visual"),  # images are unchanged
        },
    )


def sources_for(record_fields: str) -> Sources:
    if record_fields == FIELDS_ALL:
        return SiteSources()
    if record_fields == FIELDS_TITLE:
        return title_sources()
    raise EvaluationError(f"record fields must be 'all' or 'title', not '{record_fields}'")


def rank_query(query: EvalQuery, sources: Sources) -> QueryRun:
    """The query's ranking by each channel alone and by the hybrid, as the site fuses it."""
    run = retrieve_text_channels(query.query, BrowseQuery(), sources=sources, timer=Timer())
    if run.missing:
        raise EvaluationError(
            f"No index for {', '.join(run.missing)}: run embed_collection and build_search_index."
        )
    rankings = {
        channel.name: [hit.object_id for hit in fuse([channel])] for channel in run.channels
    }
    # The hybrid as visitors see it: ended by the relevance floor (search.relevance).
    rankings["hybrid"] = [hit.object_id for hit in shown_ranking(run, sources)[0].hits]
    slugs = dict(public_objects().values_list("pk", "slug"))
    return QueryRun(
        query, {m: [slugs[i] for i in ids if i in slugs] for m, ids in rankings.items()}
    )


def score_runs(runs: Sequence[QueryRun]) -> dict[str, dict[str, float]]:
    table = {}
    for method in METHODS:
        rows = [
            (
                ndcg_at_k(r.rankings[method], r.query.grades),
                recall_at_k(r.rankings[method], r.query.grades),
                reciprocal_rank(r.rankings[method], r.query.grades),
            )
            for r in runs
        ]
        means = np.mean(np.array(rows), axis=0) if rows else np.zeros(3)
        table[method] = {
            "ndcg@10": round(float(means[0]), 4),
            "recall@10": round(float(means[1]), 4),
            "mrr": round(float(means[2]), 4),
        }
    return table


def latencies(queries: Sequence[EvalQuery], sources: Sources) -> list[float]:
    """Wall time of the whole hybrid search per query, as a visitor waits for it (ms)."""
    search_text(query=queries[0].query, filters=BrowseQuery(), sources=sources)  # warm-up
    measured = []
    for query in queries:
        started = time.perf_counter()
        search_text(query=query.query, filters=BrowseQuery(), sources=sources)
        measured.append((time.perf_counter() - started) * 1000.0)
    return measured


def evaluate(queries: Sequence[EvalQuery], *, record_fields: str = FIELDS_ALL) -> dict[str, Any]:
    sources = sources_for(record_fields)
    try:
        runs = [rank_query(query, sources) for query in queries]
        times = latencies(queries, sources)
    except IndexMissing as exc:
        raise EvaluationError(f"No index for {exc}: run build_search_index.") from None
    return {
        "methods": score_runs(runs),
        "latency_ms": {
            "p50": round(percentile(times, 50), 2),
            "p95": round(percentile(times, 95), 2),
        },
        "queries": len(queries),
        "record_fields": record_fields,
    }
