"""The retrieval step: each channel's candidates for a query, filters applied without
losing recall.

Channels: keyword (BM25 over the record's words), record text (the query's meaning against
each record's whole text and its heading) and visual (the query against the images). Sources
are injectable so the evaluation can swap in channels rebuilt from titles alone; the site
uses :class:`SiteSources` (the keyword index in the database and the published FAISS
indexes). A missing index is not an error: the channels that answer are used, with a notice.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from django.utils.translation import gettext_noop

from exhibition.browse import BrowseQuery, browse_objects
from exhibition.selectors import public_objects
from search.keyword import (
    KeywordHit,
    MatchedWords,
    keyword_matched_words,
    keyword_search,
    keyword_term_maxima,
)
from search.public_ids import public_ids
from search.query_encoding import encode_query, query_visualness
from search.ranking import (
    KEYWORD,
    TEXT,
    VISUAL,
    ChannelResult,
    keyword_scale,
    text_query_weights,
)
from search.timing import Timer

# How many candidates each channel contributes before fusion.
CANDIDATES = 100
_DEEPEN = 4  # over-fetch factor per round when filters drop candidates


class KeywordIndex(Protocol):
    def search(self, query: str, *, limit: int = ...) -> list[KeywordHit]: ...

    def matched_words(self, query: str, object_ids: Sequence[int]) -> MatchedWords: ...

    def term_maxima(self, query: str) -> list[float]: ...


class Sources(Protocol):
    def keyword(self, query: str, limit: int) -> list[KeywordHit]: ...

    def keyword_matches(self, query: str, object_ids: Sequence[int]) -> MatchedWords:
        """Words of the query found in each of these records, per field (for explanations)."""
        ...

    def keyword_term_maxima(self, query: str) -> list[float]:
        """Each query word's best keyword score on its own (0 where no record has it)."""
        ...

    def stored_vectors(self, space: str, object_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """The stored vectors of these objects in ``space`` (those that have one)."""
        ...

    def catalogue_is_sparse(self) -> bool:
        """Whether most records are little more than a title (see search.feedback)."""
        ...

    def vectors(self, space: str, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores (k,), ids (k,)) best first, -1 ids padding; raises IndexMissing."""
        ...

    def size(self, space: str) -> int: ...


class IndexMissing(LookupError):
    """No published index for a space: the channel is skipped and the visitor told."""


class SiteSources:
    """The site's keyword index and published vector indexes, as of one search.

    Each space's index is looked up once per instance (a search makes its own): looking
    it up checks the publication on disk, which one search need not do more than once.
    """

    def __init__(self) -> None:
        self._indexes: dict[str, Any] = {}

    def keyword(self, query: str, limit: int) -> list[KeywordHit]:
        return keyword_search(query, limit=limit)

    def keyword_matches(self, query: str, object_ids: Sequence[int]) -> MatchedWords:
        return keyword_matched_words(query, object_ids)

    def keyword_term_maxima(self, query: str) -> list[float]:
        return keyword_term_maxima(query)

    def stored_vectors(self, space: str, object_ids: Sequence[int]) -> dict[int, np.ndarray]:
        from search.embeddings import stored_vectors

        return stored_vectors(space=space, object_ids=object_ids)

    def catalogue_is_sparse(self) -> bool:
        from search.sparsity import catalogue_is_sparse

        return catalogue_is_sparse()

    def _index(self, space: str) -> Any:
        from search.index import load_index

        if space not in self._indexes:
            self._indexes[space] = load_index(space)
        index = self._indexes[space]
        if index is None or index.ntotal == 0:
            raise IndexMissing(space)
        return index

    def vectors(self, space: str, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        index = self._index(space)
        scores, ids = index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        return scores[0], ids[0]

    def size(self, space: str) -> int:
        return int(self._index(space).ntotal)


class ShowableCheck:
    """Which candidate ids a search may show: public now, and passing its filters.

    Made once per search: without filters the public ids held in memory for the current
    collection version (search.public_ids) are looked up once for every channel; with
    filters (or a collection too big to hold) one query per round asks the database.
    """

    def __init__(self, filters: BrowseQuery) -> None:
        self.filters = filters
        self._held: frozenset[int] | None = None
        self._held_looked_up = False

    def _public(self) -> frozenset[int] | None:
        if not self._held_looked_up:
            self._held, self._held_looked_up = public_ids(), True
        return self._held

    def __call__(self, ids: list[int]) -> set[int]:
        if not ids:
            return set()
        if not self.filters.is_filtered:
            held = self._public()
            if held is not None:
                return {object_id for object_id in ids if object_id in held}
        queryset = browse_objects(self.filters) if self.filters.is_filtered else public_objects()
        return set(queryset.filter(pk__in=ids).order_by().values_list("pk", flat=True))


def _deepen(
    fetch: Callable[[int], list[tuple[int, float]]], check: ShowableCheck, ceiling: int
) -> dict[int, float]:
    """Fetch ever more candidates until CANDIDATES pass the check or none are left."""
    k = CANDIDATES * (_DEEPEN if check.filters.is_filtered else 1)
    while True:
        fetched = fetch(k)
        allowed = check([object_id for object_id, _ in fetched])
        kept = {oid: score for oid, score in fetched if oid in allowed}
        if len(kept) >= CANDIDATES or len(fetched) < k or k >= ceiling:
            if len(kept) <= CANDIDATES:
                return kept
            return dict(list(kept.items())[:CANDIDATES])
        k = min(k * _DEEPEN, ceiling)


def keyword_channel(sources: Sources, query: str, check: ShowableCheck) -> dict[int, float]:
    def fetch(k: int) -> list[tuple[int, float]]:
        return [(hit.object_id, hit.score) for hit in sources.keyword(query, k)]

    return _deepen(fetch, check, ceiling=1_000_000)


def vector_channel(
    sources: Sources, space: str, query: np.ndarray, check: ShowableCheck
) -> dict[int, float]:
    def fetch(k: int) -> list[tuple[int, float]]:
        scores, ids = sources.vectors(space, query, k)
        return [(i, s) for i, s in zip(ids.tolist(), scores.tolist(), strict=True) if i >= 0]

    return _deepen(fetch, check, ceiling=max(sources.size(space), 1))


@dataclass(frozen=True)
class ArraySources:
    """Exact search over vectors held in memory, with a given keyword index (evaluation)."""

    keyword_index: KeywordIndex
    matrices: dict[str, tuple[np.ndarray, np.ndarray]]  # space -> (ids, vectors)
    sparse: bool = False  # records reduced to their titles (evaluate_search --record-fields)

    def keyword(self, query: str, limit: int) -> list[KeywordHit]:
        return self.keyword_index.search(query, limit=limit)

    def keyword_matches(self, query: str, object_ids: Sequence[int]) -> MatchedWords:
        return self.keyword_index.matched_words(query, object_ids)

    def keyword_term_maxima(self, query: str) -> list[float]:
        return self.keyword_index.term_maxima(query)

    def stored_vectors(self, space: str, object_ids: Sequence[int]) -> dict[int, np.ndarray]:
        if space not in self.matrices:
            return {}
        ids, matrix = self.matrices[space]
        row_of = {int(object_id): row for row, object_id in enumerate(ids.tolist())}
        return {oid: matrix[row_of[oid]] for oid in object_ids if oid in row_of}

    def catalogue_is_sparse(self) -> bool:
        return self.sparse

    def vectors(self, space: str, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        if space not in self.matrices or len(self.matrices[space][0]) == 0:
            raise IndexMissing(space)
        ids, matrix = self.matrices[space]
        scores = matrix @ np.asarray(query, dtype=np.float32).reshape(-1)
        order = np.argsort(-scores, kind="stable")[:k]
        return scores[order], ids[order]

    def size(self, space: str) -> int:
        return len(self.matrices[space][0]) if space in self.matrices else 0


JOINT = "joint"
# Kept in English with the results (which may be cached); the page translates them when
# shown ({% translate results.notice %}), gettext_noop only marks them for extraction.
NOTICE_KEYWORD_ONLY = gettext_noop(
    "The meaning and image indexes are not built yet: keyword results only."
)
NOTICE_PARTIAL = gettext_noop(
    "Part of the search index is not built yet: some results may be missing."
)
NOTICE_NO_INDEX = gettext_noop("The image index is not built yet: search by photo is unavailable.")
# The record-text channel ranks a record by the closer of its whole text and its heading
# (see search.embeddings.record_heading); the visual channel compares with the images.
TEXT_CHANNEL_SPACES = {TEXT: ("text", "heading"), VISUAL: (JOINT,)}


@dataclass
class TextChannels:
    """The three channels' candidates for one text query (before fusion)."""

    query: str
    channels: list[ChannelResult]
    joint_vector: np.ndarray | None
    text_vector: np.ndarray  # the query in the record-text space
    missing: list[str]  # spaces without a published index
    weights: Mapping[str, float]  # the channels' weights for this query
    check: ShowableCheck  # which candidates may be shown (filters, public)
    # Matched words of the best keyword candidates, read before encoding (see below).
    matched_ahead: MatchedWords = field(default_factory=dict)

    @property
    def notice(self) -> str:
        if not self.missing:
            return ""
        dense = any(channel.name != KEYWORD for channel in self.channels)
        return NOTICE_PARTIAL if dense else NOTICE_KEYWORD_ONLY


def closest(space_scores: list[dict[int, float]]) -> dict[int, float]:
    """One channel from several spaces: each record at its best score (fusion sorts)."""
    merged = dict(space_scores[0])
    for scores in space_scores[1:]:
        for object_id, score in scores.items():
            if score > merged.get(object_id, -np.inf):
                merged[object_id] = score
    return merged


def retrieve_text_channels(
    query: str, filters: BrowseQuery, *, sources: Sources, timer: Timer, highlight_ahead: int = 0
) -> TextChannels:
    """Each channel's candidates; ``highlight_ahead`` best keyword ones also get their words.

    The query is encoded here, once, between the keyword and the vector channels: a first
    page's keyword hits are mostly the channel's best candidates, and their matched words
    are read before the encoder's pass over the model leaves the processor's caches cold
    (the same reads cost about twice as much after).
    """
    check = ShowableCheck(filters)
    with timer.stage("keyword"):
        keyword_scores = keyword_channel(sources, query, check)
        scale = keyword_scale(sources.keyword_term_maxima(query)) if keyword_scores else None
        ahead = list(keyword_scores)[:highlight_ahead]
        matched_ahead = sources.keyword_matches(query, ahead) if ahead else {}
    channels = [ChannelResult(KEYWORD, keyword_scores, kind="sparse", scale=scale)]
    with timer.stage("encode"):
        vectors = encode_query(query)
    missing: list[str] = []
    for name, vector in ((TEXT, vectors.text), (VISUAL, vectors.joint)):
        with timer.stage(f"{name}_index"):
            found = []
            for space in TEXT_CHANNEL_SPACES[name]:
                try:
                    found.append(vector_channel(sources, space, vector, check))
                except IndexMissing:
                    missing.append(space)
            if found:
                channels.append(ChannelResult(name, closest(found)))
    joint = vectors.joint if JOINT not in missing else None
    weights = text_query_weights(query_visualness(joint) if joint is not None else None)
    # A candidate the highlighter found no words in gets an empty entry: not asked again.
    matched = {oid: matched_ahead.get(oid, {}) for oid in ahead}
    return TextChannels(query, channels, joint, vectors.text, missing, weights, check, matched)
