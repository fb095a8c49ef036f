"""Running each search channel, with filters applied without losing recall.

Sources are injectable so the evaluation can swap in channels rebuilt from titles
alone; the site uses :class:`SiteSources` (the keyword index in the database and the
published FAISS indexes).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from exhibition.browse import BrowseQuery, browse_objects
from exhibition.selectors import public_objects
from search.keyword import KeywordHit, keyword_search

# How many candidates each channel contributes before fusion.
CANDIDATES = 100
_DEEPEN = 4  # over-fetch factor per round when filters drop candidates


class Sources(Protocol):
    def keyword(self, query: str, limit: int) -> list[KeywordHit]: ...

    def vectors(self, space: str, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores (k,), ids (k,)) best first, -1 ids padding; raises IndexMissing."""
        ...

    def size(self, space: str) -> int: ...


class IndexMissing(LookupError):
    """No published index for a space: the channel is skipped and the visitor told."""


class SiteSources:
    def keyword(self, query: str, limit: int) -> list[KeywordHit]:
        return keyword_search(query, limit=limit)

    def _index(self, space: str):  # type: ignore[no-untyped-def]
        from search.index import load_index

        index = load_index(space)
        if index is None or index.ntotal == 0:
            raise IndexMissing(space)
        return index

    def vectors(self, space: str, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        index = self._index(space)
        scores, ids = index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        return scores[0], ids[0]

    def size(self, space: str) -> int:
        return int(self._index(space).ntotal)


def allowed_ids_among(ids: list[int], filters: BrowseQuery) -> set[int]:
    """Which of these ids are public and pass the filters (one query, however big the index)."""
    if not ids:
        return set()
    queryset = browse_objects(filters) if filters.is_filtered else public_objects()
    return set(queryset.filter(pk__in=ids).order_by().values_list("pk", flat=True))


def _deepen(
    fetch: Callable[[int], list[tuple[int, float]]], filters: BrowseQuery, ceiling: int
) -> dict[int, float]:
    """Fetch ever more candidates until CANDIDATES pass the filters or none are left."""
    k = CANDIDATES * (_DEEPEN if filters.is_filtered else 1)
    while True:
        fetched = fetch(k)
        allowed = allowed_ids_among([object_id for object_id, _ in fetched], filters)
        kept = {oid: score for oid, score in fetched if oid in allowed}
        if len(kept) >= CANDIDATES or len(fetched) < k or k >= ceiling:
            return dict(list(kept.items())[:CANDIDATES])
        k = min(k * _DEEPEN, ceiling)


def keyword_channel(
    sources: Sources, query: str, filters: BrowseQuery
) -> tuple[dict[int, float], dict[int, dict[str, list[str]]]]:
    matched: dict[int, dict[str, list[str]]] = {}

    def fetch(k: int) -> list[tuple[int, float]]:
        hits = sources.keyword(query, k)
        matched.update({hit.object_id: hit.matched for hit in hits})
        return [(hit.object_id, hit.score) for hit in hits]

    scores = _deepen(fetch, filters, ceiling=1_000_000)
    return scores, {oid: matched[oid] for oid in scores}


def vector_channel(
    sources: Sources, space: str, query: np.ndarray, filters: BrowseQuery
) -> dict[int, float]:
    def fetch(k: int) -> list[tuple[int, float]]:
        scores, ids = sources.vectors(space, query, k)
        return [(int(i), float(s)) for s, i in zip(scores, ids, strict=True) if i >= 0]

    return _deepen(fetch, filters, ceiling=max(sources.size(space), 1))


@dataclass(frozen=True)
class ArraySources:
    """Exact search over vectors held in memory, with a given keyword index (evaluation)."""

    keyword_index: Callable[[str, int], list[KeywordHit]]
    matrices: dict[str, tuple[np.ndarray, np.ndarray]]  # space -> (ids, vectors)

    def keyword(self, query: str, limit: int) -> list[KeywordHit]:
        return self.keyword_index(query, limit)

    def vectors(self, space: str, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        if space not in self.matrices or len(self.matrices[space][0]) == 0:
            raise IndexMissing(space)
        ids, matrix = self.matrices[space]
        scores = matrix @ np.asarray(query, dtype=np.float32).reshape(-1)
        order = np.argsort(-scores, kind="stable")[:k]
        return scores[order], ids[order]

    def size(self, space: str) -> int:
        return len(self.matrices[space][0]) if space in self.matrices else 0
