"""Hybrid: content, item-to-item co-occurrence and popularity, blended.

Each part's scores are divided by their best over the candidates, so each lies in [0, 1]
whatever its scale, then weighted and summed. The co-occurrence part counts in proportion
to how many of the visitor's likes other visitors have liked too (a new object has no
co-occurrences yet; its content still speaks for it). Popularity is a small prior that
breaks near-ties toward what visitors enjoy, and the whole answer for a visitor who has
said nothing yet (cold start). The reason is that of the part that gave the most.
"""

import math
from collections.abc import Sequence

from tours.recommending.base import Recommender, Scores, VisitorTaste
from tours.recommending.catalogue import Catalogue
from tours.recommending.content import ContentRecommender
from tours.recommending.interaction_log import InteractionLog
from tours.recommending.item_knn import ItemKnnRecommender
from tours.recommending.popularity import PopularityRecommender

CONTENT_WEIGHT = 1.0
ITEM_KNN_WEIGHT = 1.0
POPULARITY_WEIGHT = 0.2


def normalised(scores: Scores, *, compress: bool = False) -> dict[int, float]:
    """Scores divided by the best one (log-compressed first for heavy-tailed counts)."""
    values = {
        oid: (math.log1p(max(v, 0.0)) if compress else max(v, 0.0))
        for oid, v in scores.values.items()
    }
    top = max(values.values(), default=0.0)
    return {oid: v / top for oid, v in values.items()} if top > 0 else {}


class HybridRecommender(Recommender):
    name = "hybrid"
    description = "Content, what similar visitors liked and popularity, blended."

    def __init__(self, *, catalogue: Catalogue, log: InteractionLog, seed: int = 0) -> None:
        super().__init__(catalogue=catalogue, log=log, seed=seed)
        self.content = ContentRecommender(catalogue=catalogue, log=log, seed=seed)
        self.item_knn = ItemKnnRecommender(catalogue=catalogue, log=log, seed=seed)
        self.popularity = PopularityRecommender(catalogue=catalogue, log=log, seed=seed)

    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        popular = self.popularity.score(taste, candidates)
        if taste.is_empty:
            return popular
        known = sum(1 for oid in taste.liked_ids if self.item_knn.knows(oid))
        knn_share = known / len(taste.liked_ids) if taste.liked_ids else 0.0
        parts = [
            (CONTENT_WEIGHT, self.content.score(taste, candidates), False),
            (ITEM_KNN_WEIGHT * knn_share, self.item_knn.score(taste, candidates), False),
            (POPULARITY_WEIGHT, popular, True),
        ]
        blended = Scores()
        best_part: dict[int, float] = {}
        for weight, scores, compress in parts:
            if weight <= 0:
                continue
            for oid, value in normalised(scores, compress=compress).items():
                contribution = weight * value
                blended.values[oid] = blended.values.get(oid, 0.0) + contribution
                if contribution > best_part.get(oid, -1.0):
                    best_part[oid] = contribution
                    blended.reasons[oid] = scores.reasons[oid]
        return blended
