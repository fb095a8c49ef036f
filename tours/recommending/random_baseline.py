"""Random: the floor every other strategy must clear in the evaluation."""

import random
from collections.abc import Sequence

from django.utils.translation import gettext as _

from tours.recommending.base import Reason, ReasonKind, Recommender, Scores, VisitorTaste


class RandomRecommender(Recommender):
    name = "random"
    description = "Objects in a random order (a baseline for the evaluation)."

    def score(self, taste: VisitorTaste, candidates: Sequence[int]) -> Scores:
        # Seeded by the visitor's taste as well, so two visitors get different draws while
        # one visitor asking twice gets the same list.
        generator = random.Random(f"{self.seed}:{sorted(taste.excluded_ids)}")  # noqa: S311
        reason = Reason(ReasonKind.DISCOVERY, _("a chance discovery"))
        scores = Scores()
        for oid in candidates:
            scores.values[oid] = generator.random()
            scores.reasons[oid] = reason
        return scores
