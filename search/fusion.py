"""The fusion step: one ranking from the channels, cut where relevance ends.

Fused by the query's weights (search.ranking), joined in a sparse catalogue by the objects
that look like the first results (search.feedback), an artist's own works before those only
attributed to them (search.attribution), and ended by the relevance floor (search.relevance).
"""

from collections.abc import Mapping

from search.attribution import autograph_first
from search.feedback import FEEDBACK, FEEDBACK_WEIGHT, feedback_channel
from search.ranking import FusedHit, fuse
from search.relevance import Verdict, apply_floor
from search.retrieval import Sources, TextChannels


def hybrid_ranking(
    run: TextChannels, sources: Sources
) -> tuple[list[FusedHit], Mapping[str, float]]:
    """The channels fused, with visual feedback in a sparse catalogue; and the weights used."""
    fused = fuse(run.channels, run.weights)
    weights = run.weights
    if sources.catalogue_is_sparse():
        feedback = feedback_channel(fused, sources, run.check)
        if feedback is not None:
            weights = {**run.weights, FEEDBACK: FEEDBACK_WEIGHT}
            fused = fuse([*run.channels, feedback], weights)
    return autograph_first(run.query, fused), weights


def shown_ranking(run: TextChannels, sources: Sources) -> tuple[Verdict, Mapping[str, float]]:
    """The hybrid ranking as far as the relevance floor lets it go (what visitors see)."""
    fused, weights = hybrid_ranking(run, sources)
    return apply_floor(run.query, fused, weights, sources, run.check), weights
