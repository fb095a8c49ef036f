"""Maximal marginal relevance: a list that is not ten portraits by one painter.

Carbonell and Goldstein (SIGIR 1998): pick, one at a time, the object that maximises
``λ·relevance − (1−λ)·(its greatest similarity to those already picked)``. Similarity here
is read off the records, so that it can be said in words: the same maker counts most, then
the same object type, period and culture.

A pick keeps its own reason ("matches 'Japan'") unless variety decided it: only a pick that
would not have made the list on relevance alone, and is clearly less relevant than the
objects it displaced — more than ``VARIETY_MARGIN`` of the top score below the last of
the ``limit`` most relevant — was chosen for what it adds, and its reason says so ("a
different period to vary the tour"). Reordering within the most relevant, and near-ties
(two interest matches of the same score, 0.98 against 1.0), are relevance's call. A list
that takes every candidate (the tour planner asks for all objects on display) has
nothing decided by variety. Scores stay the strategy's relevance, whatever the order. With
λ = 0.7 and overlaps of at most 1, variety can overturn a relevance gap of at most
(1 − λ)/λ ≈ 0.43 of the top score, so a clearly relevant object is never pushed behind
one with next to no relevance.
"""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from tours.recommending.base import ReasonKind, Recommendation
from tours.recommending.catalogue import Catalogue, ObjectFacts

RELEVANCE_WEIGHT = 0.7  # λ
SAME_CREATOR = 0.5
SAME_TYPE = 0.2
SAME_PERIOD = 0.2
SAME_CULTURE = 0.1
# Relevance (as a share of the top score) a pick may lack against the objects it displaced
# and still be called relevant, not varied: about the spread of scores among objects that
# match a visitor's taste equally well.
VARIETY_MARGIN = 0.1


def record_similarity(a: ObjectFacts, b: ObjectFacts) -> float:
    """0 (nothing in common) to 1 (same maker, type, century and culture)."""
    similarity = 0.0
    if set(a.creators) & set(b.creators):
        similarity += SAME_CREATOR
    if a.object_type == b.object_type:
        similarity += SAME_TYPE
    if a.century is not None and a.century == b.century:
        similarity += SAME_PERIOD
    if a.culture and a.culture == b.culture:
        similarity += SAME_CULTURE
    return similarity


def variety_reason(facts: ObjectFacts, picked: Sequence[ObjectFacts]) -> str:
    """What this object adds to those already picked, in words."""
    if all(other.century != facts.century for other in picked):
        return _("a different period to vary the tour")
    if all(other.object_type != facts.object_type for other in picked):
        return _("a different kind of object to vary the tour")
    if all(other.culture != facts.culture for other in picked):
        return _("a different culture to vary the tour")
    return _("another maker to vary the tour")


def _relevance(ranked: Sequence[Recommendation]) -> dict[int, float]:
    """Scores as a share of the best one, so relevance and overlap are on one scale."""
    top = max((r.score for r in ranked), default=0.0)
    return {r.object_id: max(r.score, 0.0) / top if top > 0 else 1.0 for r in ranked}


def diversify(
    ranked: Sequence[Recommendation],
    *,
    catalogue: Catalogue,
    limit: int,
    relevance_weight: float = RELEVANCE_WEIGHT,
) -> list[Recommendation]:
    """Re-rank ``ranked`` (best first) by MMR and keep ``limit``.

    Each candidate's greatest similarity to the picks is updated as picks are made, so a
    list of n from a pool of m costs n·m similarities, not n²·m.
    """
    relevance = _relevance(ranked)
    remaining = [r for r in ranked if r.object_id in catalogue.facts]
    overlap = {r.object_id: 0.0 for r in remaining}
    # The least relevant object a plain top-``limit`` would have kept (``ranked`` is best
    # first); below it by the margin, a pick displaced something more relevant.
    cut = remaining[limit - 1].object_id if len(remaining) > limit else None
    displaced = relevance[cut] if cut is not None else float("-inf")
    picked: list[Recommendation] = []
    picked_facts: list[ObjectFacts] = []
    while remaining and len(picked) < limit:
        best = max(
            range(len(remaining)),  # max keeps the first (best ranked) of equals
            key=lambda i: (
                relevance_weight * relevance[remaining[i].object_id]
                - (1 - relevance_weight) * overlap[remaining[i].object_id]
            ),
        )
        choice = remaining.pop(best)
        facts = catalogue.facts[choice.object_id]
        if relevance[choice.object_id] < displaced - VARIETY_MARGIN:
            reason = variety_reason(facts, picked_facts)
            choice = Recommendation(choice.object_id, choice.score, reason, ReasonKind.VARIETY)
        picked.append(choice)
        picked_facts.append(facts)
        for other in remaining:
            similarity = record_similarity(facts, catalogue.facts[other.object_id])
            overlap[other.object_id] = max(overlap[other.object_id], similarity)
    return picked
