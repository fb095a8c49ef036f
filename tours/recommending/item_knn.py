"""Item-to-item collaborative filtering: objects liked by the same visitors go together.

Two objects are similar when many visitors liked both: their co-occurrence count divided by
the geometric mean of their counts (cosine on the visitor-object matrix) plus a shrinkage
term, so that a pair met by two visitors is not trusted like a pair met by two hundred
(Koren, "Factorization meets the neighborhood", KDD 2008). A candidate's score is the sum
of its similarities to what the visitor liked.
"""

import math
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from django.utils.translation import gettext as _

from tours.recommending.base import Reason, ReasonKind, Recommender, Scores, VisitorTaste
from tours.recommending.catalogue import Catalogue
from tours.recommending.interaction_log import InteractionLog

SHRINKAGE = 5.0
NEIGHBOURS_KEPT = 100  # per object: bounds memory on a large collection
# A visitor who liked hundreds of objects says little about any pair of them, and costs
# the square of that in pairs: such visitors count with their latest likes only.
MAX_LIKES_PER_VISITOR = 200


def co_occurrence_neighbours(
    positive_sets: dict[str, set[int]], *, shrinkage: float = SHRINKAGE
) -> dict[int, dict[int, float]]:
    """Each object's most similar objects, by shrunk cosine of the visitors who liked them."""
    counts: dict[int, int] = defaultdict(int)
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for liked in positive_sets.values():
        kept = sorted(liked)[-MAX_LIKES_PER_VISITOR:]
        for oid in kept:
            counts[oid] += 1
        for a, b in combinations(kept, 2):
            pairs[(a, b)] += 1
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), together in pairs.items():
        similarity = together / (math.sqrt(counts[a] * counts[b]) + shrinkage)
        neighbours[a][b] = similarity
        neighbours[b][a] = similarity
    return {
        oid: dict(sorted(near.items(), key=lambda item: -item[1])[:NEIGHBOURS_KEPT])
        for oid, near in neighbours.items()
    }


class ItemKnnRecommender(Recommender):
    name = "item_knn"
    description = "Objects liked by visitors who liked what you liked (co-occurrence)."

    def __init__(self, *, catalogue: Catalogue, log: InteractionLog, seed: int = 0) -> None:
        super().__init__(catalogue=catalogue, log=log, seed=seed)
        self.neighbours = co_occurrence_neighbours(log.positive_sets())

    def knows(self, object_id: int) -> bool:
        """Whether any visitor liked this object together with another."""
        return object_id in self.neighbours

    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        wanted = set(candidates)
        totals: dict[int, float] = defaultdict(float)
        strongest: dict[int, tuple[float, int]] = {}
        for liked in taste.liked_ids:
            for oid, similarity in self.neighbours.get(liked, {}).items():
                if oid not in wanted:
                    continue
                totals[oid] += similarity
                if similarity > strongest.get(oid, (0.0, 0))[0]:
                    strongest[oid] = (similarity, liked)
        scores = Scores()
        for oid, total in totals.items():
            scores.values[oid] = total
            because = self.catalogue.title(strongest[oid][1])
            scores.reasons[oid] = Reason(
                ReasonKind.ALSO_LIKED,
                _("visitors who liked %(title)s liked this too") % {"title": because},
            )
        return scores
