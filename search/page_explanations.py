"""The explain step: each hit of the page shown, with why it was found.

Only the page is explained: reading the matched words (the highlighter) and the visual
concepts costs more than ranking, so the rest of the ranking never pays for it.
"""

from collections.abc import Mapping
from typing import Any

from search.explanations import MatchedConcept, concepts_for_text, explanation_for
from search.ranking import KEYWORD, FusedHit
from search.results import SearchHit
from search.retrieval import Sources, TextChannels


def explain_text_page(
    page_hits: list[FusedHit], run: TextChannels, weights: Mapping[str, float], sources: Sources
) -> list[SearchHit]:
    """The page's hits with the words they matched and the concepts their images show."""
    page_ids = [hit.object_id for hit in page_hits]
    concepts: dict[int, list[MatchedConcept]] = {}
    if run.joint_vector is not None:
        concepts = concepts_for_text(run.joint_vector, page_ids)
    # Words read ahead of encoding (search.retrieval) are reused; the rest are asked now.
    matched_words = dict(run.matched_ahead)
    later = [
        hit.object_id
        for hit in page_hits
        if KEYWORD in hit.raw_scores and hit.object_id not in matched_words
    ]
    if later:
        matched_words.update(sources.keyword_matches(run.query, later))
    return [
        _explained(
            hit,
            weights,
            fields=matched_words.get(hit.object_id),
            concepts=concepts.get(hit.object_id),
        )
        for hit in page_hits
    ]


def explain_vector_page(
    page_hits: list[FusedHit],
    weights: Mapping[str, float],
    *,
    concepts: Mapping[int, list[MatchedConcept]] | None = None,
    asked_by: str = "photo",
) -> list[SearchHit]:
    """Hits found by a picture (a photo, or an object's own image): what they look like."""
    return [
        _explained(hit, weights, concepts=(concepts or {}).get(hit.object_id), asked_by=asked_by)
        for hit in page_hits
    ]


def _explained(hit: FusedHit, weights: Mapping[str, float], **reasons: Any) -> SearchHit:
    return SearchHit(hit.object_id, hit.score, explanation_for(hit, weights=weights, **reasons))
