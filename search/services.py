"""Search services: by words, by photo, and "more like this", with explanations and timings.

Every candidate passes the public check of ``search.channels`` (restricted and draft
records never appear, even if an index is stale). A missing vector index is not an error:
the search falls back to the channels it has and says so in ``notice``.

Results carry object ids, not records: each caller loads what it shows (the pages load
records through ``search.hit_objects``, the API its cached cards through
``search.api.cards``), so a search does not pay for a load the caller does not need.
"""

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from exhibition.browse import BrowseQuery
from exhibition.models import CollectionObject
from search.attribution import autograph_first
from search.channels import (
    IndexMissing,
    ShowableCheck,
    SiteSources,
    Sources,
    keyword_channel,
    vector_channel,
)
from search.explanations import (
    Explanation,
    MatchedConcept,
    blocked_words,
    concepts_for_photo,
    concepts_for_text,
    explanation_for,
    is_shown,
    plain_label,
)
from search.feedback import FEEDBACK, FEEDBACK_WEIGHT, feedback_channel
from search.keyword import MatchedWords
from search.query_encoding import encode_query, query_visualness
from search.ranking import (
    KEYWORD,
    TEXT,
    VISUAL,
    ChannelResult,
    FusedHit,
    fuse,
    keyword_scale,
    text_query_weights,
)
from search.relevance import MATCHED, Verdict, apply_floor, floors_for, photo_verdict

if TYPE_CHECKING:
    from PIL import Image

    from search.suggestions import Suggestions

MAX_QUERY_CHARS = 500
MAX_PAGE_SIZE = 50
JOINT = "joint"
# Search by photo: the purely visual space finds the same object or one that looks alike;
# the joint space (what the classifier thinks it shows) is a weaker second opinion.
PHOTO_WEIGHTS: Mapping[str, float] = {VISUAL: 1.0, JOINT: 0.35}
NOTICE_KEYWORD_ONLY = "The meaning and image indexes are not built yet: keyword results only."
NOTICE_PARTIAL = "Part of the search index is not built yet: some results may be missing."
NOTICE_NO_INDEX = "The image index is not built yet: search by photo is unavailable."


class SearchInputError(ValueError):
    """A query the search cannot run (empty, too long, bad page); the message says why."""


@dataclass(frozen=True)
class SearchHit:
    object_id: int
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    notice: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # stage -> milliseconds
    object_ids: list[int] = field(default_factory=list)  # every shown id (for facets)
    # Words: MATCHED; NONE (nothing matched: no hits, see suggestions); GUESSES (a sparse
    # catalogue's closest guesses for a query that matched nothing). See search.relevance.
    match: str = MATCHED
    suggestions: "Suggestions | None" = None


class Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = (time.perf_counter() - started) * 1000.0
            self.timings[name] = round(self.timings.get(name, 0.0) + elapsed, 2)


def clean_query(query: str) -> str:
    cleaned = " ".join(query.split())
    if not cleaned:
        raise SearchInputError("Type some words to search for.")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchInputError(f"A search is at most {MAX_QUERY_CHARS} characters long.")
    return cleaned


def _check_page(page: int, page_size: int) -> None:
    if page < 1:
        raise SearchInputError("'page' must be 1 or more.")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise SearchInputError(f"'page_size' must be between 1 and {MAX_PAGE_SIZE}.")


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


# The record-text channel ranks a record by the closer of its whole text and its heading
# (see search.embeddings.record_heading); the visual channel compares with the images.
TEXT_CHANNEL_SPACES = {TEXT: ("text", "heading"), VISUAL: (JOINT,)}


def _closest(space_scores: list[dict[int, float]]) -> dict[int, float]:
    """One channel from several spaces: each record at its best score (fusion sorts)."""
    merged = dict(space_scores[0])
    for scores in space_scores[1:]:
        for object_id, score in scores.items():
            if score > merged.get(object_id, -np.inf):
                merged[object_id] = score
    return merged


def run_text_channels(
    query: str, filters: BrowseQuery, *, sources: Sources, timer: Timer, highlight_ahead: int = 0
) -> TextChannels:
    """Each channel's candidates; ``highlight_ahead`` best keyword ones also get their words.

    A first page's keyword hits are mostly the channel's best candidates. Their matched
    words are read here, before the query is encoded: the encoder's pass over the model
    leaves the processor's caches cold, and the same reads cost about twice as much after.
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
                channels.append(ChannelResult(name, _closest(found)))
    joint = vectors.joint if JOINT not in missing else None
    weights = text_query_weights(query_visualness(joint) if joint is not None else None)
    # A candidate the highlighter found no words in gets an empty entry: not asked again.
    matched = {oid: matched_ahead.get(oid, {}) for oid in ahead}
    return TextChannels(query, channels, joint, vectors.text, missing, weights, check, matched)


def shown_ranking(run: TextChannels, sources: Sources) -> tuple[Verdict, Mapping[str, float]]:
    """The hybrid ranking as far as the relevance floor lets it go (what visitors see)."""
    fused, weights = hybrid_ranking(run, sources)
    return apply_floor(run.query, fused, weights, sources, run.check), weights


def hybrid_ranking(
    run: TextChannels, sources: Sources
) -> tuple[list[FusedHit], Mapping[str, float]]:
    """The channels fused, with visual feedback in a sparse catalogue; and the weights used.

    An artist's own works come before those only attributed to them (search.attribution).
    """
    fused = fuse(run.channels, run.weights)
    weights = run.weights
    if sources.catalogue_is_sparse():
        feedback = feedback_channel(fused, sources, run.check)
        if feedback is not None:
            weights = {**run.weights, FEEDBACK: FEEDBACK_WEIGHT}
            fused = fuse([*run.channels, feedback], weights)
    return autograph_first(run.query, fused), weights


def _paginate(fused: list[FusedHit], page: int, page_size: int) -> list[FusedHit]:
    start = (page - 1) * page_size
    return fused[start : start + page_size]


def search_text(
    *,
    query: str,
    filters: BrowseQuery,
    page: int = 1,
    page_size: int = 20,
    sources: Sources | None = None,
) -> SearchResults:
    query = clean_query(query)
    _check_page(page, page_size)
    timer = Timer()
    with timer.stage("total"):
        sources = sources or SiteSources()
        run = run_text_channels(
            query,
            filters,
            sources=sources,
            timer=timer,
            highlight_ahead=page_size if page == 1 else 0,
        )
        with timer.stage("fuse"):
            verdict, weights = shown_ranking(run, sources)
            fused = verdict.hits
            page_hits = _paginate(fused, page, page_size)
        with timer.stage("explain"):
            page_ids = [h.object_id for h in page_hits]
            concepts: dict[int, list[MatchedConcept]] = {}
            if run.joint_vector is not None:
                concepts = concepts_for_text(run.joint_vector, page_ids)
            # Highlighting costs more than ranking: only the page's keyword hits ask for it.
            matched_words = dict(run.matched_ahead)
            later = [
                h.object_id
                for h in page_hits
                if KEYWORD in h.raw_scores and h.object_id not in matched_words
            ]
            if later:
                matched_words.update(sources.keyword_matches(query, later))
            hits = [
                SearchHit(
                    h.object_id,
                    h.score,
                    explanation_for(
                        h,
                        weights=weights,
                        fields=matched_words.get(h.object_id),
                        concepts=concepts.get(h.object_id),
                    ),
                )
                for h in page_hits
            ]
        from search.suggestions import suggest

        # A respelling whenever a word is in no record; terms to try only without a match.
        with timer.stage("suggest"):
            chance = floors_for(sources).top.get(TEXT, 1.0)
            suggestions = suggest(
                query, run.text_vector, with_tries=verdict.state != MATCHED, chance=chance
            )
    return SearchResults(
        query,
        hits,
        len(fused),
        page,
        page_size,
        run.notice,
        timer.timings,
        [h.object_id for h in fused],
        verdict.state,
        suggestions,
    )


def _vector_hits(
    page_hits: list[FusedHit],
    weights: Mapping[str, float],
    *,
    concepts: Mapping[int, list[MatchedConcept]] | None = None,
    asked_by: str = "photo",
) -> list[SearchHit]:
    return [
        SearchHit(
            h.object_id,
            h.score,
            explanation_for(
                h, weights=weights, concepts=(concepts or {}).get(h.object_id), asked_by=asked_by
            ),
        )
        for h in page_hits
    ]


def search_by_image(
    *, image: "Image.Image", filters: BrowseQuery, page: int = 1, page_size: int = 20
) -> SearchResults:
    from search.photo_worker import encode_photo

    _check_page(page, page_size)
    sources, timer = SiteSources(), Timer()
    with timer.stage("total"):
        with timer.stage("encode"):
            encoding = encode_photo(image)  # where the photo was decoded (search.photo_worker)
        channels: list[ChannelResult] = []
        check = ShowableCheck(filters)
        for name, vector in ((VISUAL, encoding.visual), (JOINT, encoding.joint)):
            if vector is None:
                continue
            # One space may be missing while the other still answers.
            with timer.stage(f"{name}_index"), suppress(IndexMissing):
                channels.append(ChannelResult(name, vector_channel(sources, name, vector, check)))
        query_concepts = {c.label: c.score for c in encoding.concepts}
        with timer.stage("fuse"):
            # Only what looks closer to the photo than different objects of the collection
            # look to each other (search.relevance); nothing, if nothing does.
            verdict = photo_verdict(fuse(channels, PHOTO_WEIGHTS), floors_for(sources))
            fused = verdict.hits
            page_hits = _paginate(fused, page, page_size)
        with timer.stage("explain"):
            concepts = concepts_for_photo(query_concepts, [h.object_id for h in page_hits])
            hits = _vector_hits(page_hits, PHOTO_WEIGHTS, concepts=concepts)
    notice = "" if channels else NOTICE_NO_INDEX
    # What the photo seems to show, as the page says it: sure, unblocked concepts only.
    blocked = blocked_words()
    label = ", ".join(plain_label(c.label) for c in encoding.concepts if is_shown(c, blocked))
    return SearchResults(
        label,
        hits,
        len(fused),
        page,
        page_size,
        notice,
        timer.timings,
        [h.object_id for h in fused],
        verdict.state,
    )


def more_like_this(*, collection_object: CollectionObject, limit: int = 8) -> SearchResults:
    """Objects that look like this one, from its stored vectors (visual space, else joint)."""
    from search.embeddings import object_vector

    sources, timer = SiteSources(), Timer()
    channels: list[ChannelResult] = []
    with timer.stage("total"):
        for space in (VISUAL, JOINT):
            vector = object_vector(collection_object_id=collection_object.pk, space=space)
            if vector is None:
                continue
            with timer.stage(f"{space}_index"):
                try:
                    scores = vector_channel(sources, space, vector, ShowableCheck(BrowseQuery()))
                except IndexMissing:
                    continue
            channels = [ChannelResult(space, scores)]
            break
        weights = {VISUAL: 1.0, JOINT: 1.0}
        with timer.stage("fuse"):
            fused = [h for h in fuse(channels, weights) if h.object_id != collection_object.pk]
        hits = _vector_hits(fused[:limit], weights, asked_by="object")
    notice = "" if channels else NOTICE_NO_INDEX
    return SearchResults(collection_object.title, hits, len(fused), 1, limit, notice, timer.timings)
