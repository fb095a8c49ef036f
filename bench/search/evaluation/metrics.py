"""Ranking metrics: nDCG@k with graded exponential gain, recall@k, reciprocal rank.

Items are anything hashable: record slugs for search quality, vector ids for an index's
recall against exact neighbours. Percentiles are in bench.stats.
"""

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)


def dcg(gains: Sequence[float]) -> float:
    return sum((2.0**gain - 1.0) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at_k(ranked: Sequence[Item], grades: Mapping[Item, float], k: int = 10) -> float:
    """nDCG@k: DCG of the ranking over DCG of the ideal ranking (0 when nothing is relevant)."""
    ideal = dcg(sorted((g for g in grades.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(slug, 0.0) for slug in ranked[:k]]) / ideal


def recall_at_k(ranked: Sequence[Item], grades: Mapping[Item, float], k: int = 10) -> float:
    relevant = {slug for slug, grade in grades.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[Item], grades: Mapping[Item, float]) -> float:
    for rank, slug in enumerate(ranked, start=1):
        if grades.get(slug, 0.0) > 0:
            return 1.0 / rank
    return 0.0
