"""Popularity: what visitors like most, for a visitor we know nothing about yet.

Each visitor counts once per object (their capped liking, see ``InteractionLog``), so a few
eager visitors cannot make an object popular. With no interactions at all (a new site),
the collection's featured objects come first: a cold start still has an order.
"""

from collections import defaultdict
from collections.abc import Sequence

from django.utils.translation import gettext as _

from tours.recommending.base import (
    Reason,
    ReasonKind,
    Recommender,
    Scores,
    VisitorTaste,
)
from tours.recommending.catalogue import Catalogue
from tours.recommending.interaction_log import InteractionLog

# Below this many visitors an object's popularity is too thin to call it "popular".
MIN_VISITORS_FOR_POPULAR = 2
FEATURED_PRIOR = 0.5  # in visitors: lets a featured object lead until visitors decide


class PopularityRecommender(Recommender):
    name = "popularity"
    description = "What visitors liked most; the collection's highlights before anyone has."

    def __init__(self, *, catalogue: Catalogue, log: InteractionLog, seed: int = 0) -> None:
        super().__init__(catalogue=catalogue, log=log, seed=seed)
        self.popularity: dict[int, float] = defaultdict(float)
        self.visitor_counts: dict[int, int] = defaultdict(int)
        for objects in log.preferences().values():
            for oid, liking in objects.items():
                if liking > 0:
                    self.popularity[oid] += liking
                    self.visitor_counts[oid] += 1

    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        scores = Scores()
        for oid in candidates:
            facts = self.catalogue.facts.get(oid)
            featured = facts is not None and facts.featured
            prior = FEATURED_PRIOR if featured else 0.0
            scores.values[oid] = self.popularity.get(oid, 0.0) + prior
            scores.reasons[oid] = self._reason(oid, featured)
        return scores

    def _reason(self, oid: int, featured: bool) -> Reason:
        if self.visitor_counts.get(oid, 0) >= MIN_VISITORS_FOR_POPULAR:
            return Reason(ReasonKind.POPULAR, _("popular with visitors"))
        if featured:
            return Reason(ReasonKind.HIGHLIGHT, _("a highlight of the collection"))
        return Reason(ReasonKind.DISCOVERY, _("something few visitors have found yet"))
