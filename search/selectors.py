"""Searching the collection: by words, by photo, and "more like this".

Each search reads as its steps, one module each: the query is checked (query_input),
its candidates retrieved per channel (retrieval, which encodes it once), fused and cut at
the relevance floor (fusion), paged (results) and explained (page_explanations), with
suggestions when nothing matched. Every candidate passes the public check of
``search.retrieval`` (restricted and draft records never appear, even if an index is
stale).

Results carry object ids, not records: each caller loads what it shows (the pages load
records through ``search.hit_objects``, the API its cached cards through
``search.api.cards``), so a search does not pay for a load the caller does not need.
"""

from collections.abc import Mapping
from contextlib import suppress
from typing import TYPE_CHECKING

from exhibition.browse import BrowseQuery
from exhibition.models import CollectionObject
from search.explanations import blocked_words, concepts_for_photo, is_shown, plain_label
from search.fusion import shown_ranking
from search.page_explanations import explain_text_page, explain_vector_page
from search.query_input import check_page, clean_query
from search.ranking import TEXT, VISUAL, ChannelResult, fuse
from search.relevance import MATCHED, floors_for, photo_verdict
from search.results import SearchResults, page_of
from search.retrieval import (
    JOINT,
    NOTICE_NO_INDEX,
    IndexMissing,
    ShowableCheck,
    SiteSources,
    Sources,
    retrieve_text_channels,
    vector_channel,
)
from search.suggestions import suggest
from search.timing import Timer

if TYPE_CHECKING:
    from PIL import Image

# Search by photo: the purely visual space finds the same object or one that looks alike;
# the joint space (what the classifier thinks it shows) is a weaker second opinion.
PHOTO_WEIGHTS: Mapping[str, float] = {VISUAL: 1.0, JOINT: 0.35}


def search_text(
    *,
    query: str,
    filters: BrowseQuery,
    page: int = 1,
    page_size: int = 20,
    sources: Sources | None = None,
) -> SearchResults:
    query = clean_query(query)
    check_page(page, page_size)
    timer = Timer()
    with timer.stage("total"):
        sources = sources or SiteSources()
        first_page = page_size if page == 1 else 0
        run = retrieve_text_channels(
            query, filters, sources=sources, timer=timer, highlight_ahead=first_page
        )
        with timer.stage("fuse"):
            verdict, weights = shown_ranking(run, sources)
            page_hits = page_of(verdict.hits, page, page_size)
        with timer.stage("explain"):
            hits = explain_text_page(page_hits, run, weights, sources)
        # A respelling whenever a word is in no record; terms to try only without a match.
        with timer.stage("suggest"):
            chance = floors_for(sources).top.get(TEXT, 1.0)
            suggestions = suggest(
                query, run.text_vector, with_tries=verdict.state != MATCHED, chance=chance
            )
    return SearchResults(
        query,
        hits,
        len(verdict.hits),
        page,
        page_size,
        run.notice,
        timer.timings,
        [hit.object_id for hit in verdict.hits],
        verdict.state,
        suggestions,
    )


def search_by_image(
    *, image: "Image.Image", filters: BrowseQuery, page: int = 1, page_size: int = 20
) -> SearchResults:
    from search.photo_worker import encode_photo

    check_page(page, page_size)
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
            page_hits = page_of(fused, page, page_size)
        with timer.stage("explain"):
            concepts = concepts_for_photo(query_concepts, [h.object_id for h in page_hits])
            hits = explain_vector_page(page_hits, PHOTO_WEIGHTS, concepts=concepts)
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
        hits = explain_vector_page(fused[:limit], weights, asked_by="object")
    notice = "" if channels else NOTICE_NO_INDEX
    return SearchResults(collection_object.title, hits, len(fused), 1, limit, notice, timer.timings)
